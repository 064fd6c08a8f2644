// Runs npm scripts at the same time and fails when any of them fails; each one's output is printed whole when it
// ends, so their lines don't interleave. `npm test` runs its static checks with it: tsc and ESLint each keep one
// core busy, so one after the other they left the second core of the 2-core CI machine idle for a minute.
// `npm test` generates the route tree before (`npm run routes`): ESLint resolves imports of that generated file, and
// typecheck's own `tsr generate` then leaves it unchanged, so nothing is rewritten while ESLint reads it.
import { spawn } from 'node:child_process';

function run(script: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('error', (error) => {
      console.error(`npm run ${script} could not start: ${error.message}`);
      resolve(false);
    });
    child.once('close', (code, signal) => {
      process.stdout.write(Buffer.concat(output));
      const ok = code === 0;
      console.log(`--- npm run ${script}: ${ok ? 'passed' : `FAILED (${signal ?? `exit code ${code}`})`}`);
      resolve(ok);
    });
  });
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: tsx scripts/run-together.ts <npm script> <npm script>…');
  process.exitCode = 2;
} else {
  const results = await Promise.all(scripts.map(run));
  if (results.includes(false)) process.exitCode = 1;
}
