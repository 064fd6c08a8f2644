// The server logs to stdout and stderr. When what is behind one fails (a full disk under a log file: ENOSPC,
// a closed pipe: EPIPE), Node emits 'error' on the stream, and an unhandled 'error' ends the process. Logging
// is not worth a crash: the server keeps serving, says so once on the other stream, and drops log lines.
const noted = new WeakSet<NodeJS.WriteStream>();

function noteFailure(failed: NodeJS.WriteStream, other: NodeJS.WriteStream, name: string, error: unknown): void {
  if (noted.has(failed)) return;
  noted.add(failed);
  const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
  try {
    other.write(`[server] writing to ${name} failed (${code}); the server keeps serving without those log lines.\n`);
  } catch {
    // Both streams are gone: nothing left to tell.
  }
}

export function guardLogStreams(): void {
  process.stdout.on('error', (e) => noteFailure(process.stdout, process.stderr, 'stdout', e));
  process.stderr.on('error', (e) => noteFailure(process.stderr, process.stdout, 'stderr', e));
}
