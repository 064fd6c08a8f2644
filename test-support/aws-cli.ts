// Runs the real AWS CLI (v1) against an endpoint with a clean environment: fixed dummy credentials, no
// profile/config files from the machine, no pager, JSON output. Shared by the vitest and Playwright suites.
import { execFile, execFileSync } from 'node:child_process';

export interface AwsCliResult {
  /** Process exit code: 0 on success, 255 for service errors (AWS CLI v1), 252 for usage errors. */
  code: number;
  stdout: string;
  stderr: string;
}

let cached: { path: string | null; reason: string } | undefined;

/** Where `aws` is, or null with a human-readable reason, so suites can skip with a printed message. */
export function findAwsCli(): { path: string | null; reason: string } {
  if (cached) return cached;
  try {
    const version = execFileSync('aws', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
    cached = { path: 'aws', reason: version.trim() };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    cached = {
      path: null,
      reason: `the AWS CLI ("aws") is not installed or not runnable: ${message.split('\n')[0] ?? ''}`,
    };
  }
  return cached;
}

export function awsCliEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'PYENV_ROOT', 'PYENV_VERSION', 'LANG', 'LC_ALL', 'TMPDIR', 'SYSTEMROOT'];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    // A developer's ~/.aws profile (SSO, role, other region, cli_pager) must not change what the test sees.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    // Retry settings stay at the CLI defaults: AWS_MAX_ATTEMPTS would append "(reached max retries: 0)" to
    // every error line and the output would no longer be what a user sees. A test about retrying sets its own
    // (runAws's `env`).
  };
}

/**
 * `aws <args> --endpoint-url <endpoint> --region us-east-1 --output json`. Never rejects on a non-zero exit. `env`
 * adds to awsCliEnv() (e.g. AWS_MAX_ATTEMPTS for a test about the CLI's retries).
 */
export function runAws(
  endpoint: string,
  args: readonly string[],
  timeoutMs = 30_000,
  env: Record<string, string> = {},
): Promise<AwsCliResult> {
  const fullArgs = [...args, '--endpoint-url', endpoint, '--region', 'us-east-1', '--output', 'json'];
  return new Promise((resolveRun, reject) => {
    execFile(
      'aws',
      fullArgs,
      { env: { ...awsCliEnv(), ...env }, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new Error(`could not run aws ${fullArgs.join(' ')}: ${err.message}`));
          return;
        }
        resolveRun({ code: err ? Number(err.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI and parses stdout as JSON; throws with the CLI's stderr when it failed. */
export async function runAwsJson<T = unknown>(endpoint: string, args: readonly string[]): Promise<T> {
  const result = await runAws(endpoint, args);
  if (result.code !== 0) {
    throw new Error(`aws ${args.join(' ')} exited with ${result.code}:\n${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
