// The editor's verdict (computed in the browser from the shared rules) must be what the emulator answers over
// HTTP for the same PutIntegrationResponse: same status, same X-Amzn-ErrorType, same message.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { httpStatusForErrorType, type MethodResponse } from '@/rules/types';
import { computeEditorVerdict } from './verdict';

let emulator: ChildProcess | undefined;
let dataDir = '';
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Raw HTTP (node:http): the bodies are deliberately malformed, so no typed client. */
function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; errorType: string | null; json: unknown }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        headers: {
          'content-type': 'application/json',
          ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let json: unknown = undefined;
          try {
            json = text ? (JSON.parse(text) as unknown) : undefined;
          } catch {
            json = text;
          }
          const errorType = res.headers['x-amzn-errortype'];
          resolve({ status: res.statusCode ?? 0, errorType: typeof errorType === 'string' ? errorType : null, json });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function ok(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const r = await call(method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.json)}`);
  return r.json as Record<string, unknown>;
}

const declared: MethodResponse = {
  statusCode: '200',
  responseParameters: {
    'method.response.header.X-Declared': false,
    'method.response.header.Access-Control-Allow-Origin': true,
  },
};

/** GET has a 200 method response declaring two headers; POST has no method response at all. */
const methods: Record<'GET' | 'POST', MethodResponse | undefined> = { GET: declared, POST: undefined };
let resourcePath = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'irs-parity-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // One process (node + tsx loader) rather than npx → tsx → node, so killing it leaves nothing behind.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/emulator-cli.ts', '--port', String(port), '--data-dir', dataDir, '--no-seed'],
    {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  emulator = child;
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 45_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Emulator listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
  });

  const api = await ok('POST', '/restapis', { name: 'verdict-parity' });
  const apiId = String(api.id);
  const resources = await ok('GET', `/restapis/${apiId}/resources`);
  const items = (resources.item ?? resources.items) as { id: string; path: string }[];
  const root = items.find((r) => r.path === '/');
  if (!root) throw new Error('no root resource');
  const resource = await ok('POST', `/restapis/${apiId}/resources/${root.id}`, { pathPart: 'parity' });
  resourcePath = `/restapis/${apiId}/resources/${String(resource.id)}`;
  for (const m of ['GET', 'POST'] as const) {
    await ok('PUT', `${resourcePath}/methods/${m}`, { authorizationType: 'NONE' });
    await ok('PUT', `${resourcePath}/methods/${m}/integration`, {
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    });
    const mr = methods[m];
    if (mr)
      await ok('PUT', `${resourcePath}/methods/${m}/responses/${mr.statusCode}`, {
        responseParameters: mr.responseParameters,
      });
  }
}, 60_000);

afterAll(() => {
  if (emulator?.pid !== undefined) emulator.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// Values of every JSON type, so that SerializationExceptions are generated as well as rule violations.
const junk = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.integer(), { maxLength: 2 }),
);

const contentTypes = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/xml',
    'text/html',
    'text/plain; charset=utf-8',
    '*/*',
    '123',
    'application-json',
    '',
    'a b/c',
  ),
  fc.string({ maxLength: 12 }),
);
const templates = fc.dictionary(
  contentTypes,
  fc.oneof(
    { weight: 5, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: junk },
  ),
  {
    maxKeys: 3,
  },
);

const headerKeys = fc.oneof(
  fc.constantFrom(
    'method.response.header.X-Declared',
    'method.response.header.Access-Control-Allow-Origin',
    'method.response.header.X-Undeclared',
    'method.response.header.',
    'method.response.header.Bad Name',
    'method.request.header.X-Declared',
    'X-Declared',
  ),
  fc.string({ maxLength: 10 }).map((s) => `method.response.header.${s}`),
);
const expressions = fc.oneof(
  fc.constantFrom(
    "'*'",
    "''",
    "'it's'",
    "'",
    '*',
    '"*"',
    'integration.response.header.X-Id',
    'integration.response.multivalueheader.Set-Cookie',
    'integration.response.body',
    'integration.response.body.a.b',
    'integration.response.body.$.a',
    'integration.response.body.a..b',
    'integration.response.body.items[0]',
    'stageVariables.env',
    'stageVariables.bad-name',
    'context.requestId',
    'context.authorizer.claims.sub',
    'method.request.header.X',
  ),
  fc.string({ maxLength: 16 }),
);
const parameters = fc.dictionary(
  headerKeys,
  fc.oneof({ weight: 6, arbitrary: expressions }, { weight: 1, arbitrary: junk }),
  { maxKeys: 3 },
);

const body = fc.record(
  {
    selectionPattern: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('', '4\\d{2}', '.*Not found.*', '(', 'Invalid.*') },
      { weight: 1, arbitrary: junk },
    ),
    contentHandling: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('CONVERT_TO_BINARY', 'CONVERT_TO_TEXT') },
      { weight: 1, arbitrary: fc.constantFrom('CONVERT_TO_JSON', '', 'convert_to_text') },
      { weight: 1, arbitrary: junk },
    ),
    responseTemplates: fc.oneof(
      { weight: 8, arbitrary: templates },
      { weight: 1, arbitrary: junk },
      { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
    ),
    responseParameters: fc.oneof({ weight: 8, arbitrary: parameters }, { weight: 1, arbitrary: junk }),
  },
  { requiredKeys: [] },
);

/** Bodies AWS accepts for GET 200, so that the accepted side is exercised as much as the rejected one. */
const acceptableBody = fc.record(
  {
    selectionPattern: fc.constantFrom('', '4\\d{2}', '.*Not found.*', 'Invalid.*'),
    contentHandling: fc.constantFrom('CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'),
    responseTemplates: fc.dictionary(
      fc.constantFrom('application/json', 'application/xml', 'text/html', 'text/plain; charset=utf-8'),
      fc.oneof(fc.string({ maxLength: 40 }), fc.constant(null)),
      { maxKeys: 3 },
    ),
    responseParameters: fc.dictionary(
      fc.constantFrom('method.response.header.X-Declared', 'method.response.header.Access-Control-Allow-Origin'),
      fc.constantFrom(
        "'*'",
        "''",
        'integration.response.header.X-Id',
        'integration.response.body',
        'integration.response.body.a.b',
        'context.requestId',
      ),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: [] },
);

const statusCodes = fc.oneof(
  { weight: 12, arbitrary: fc.constant('200') },
  { weight: 1, arbitrary: fc.constantFrom('600', 'abc', '20', '099') },
);

test("the editor predicts the emulator's answer for 2,000 generated PutIntegrationResponse bodies", async () => {
  let rejected = 0;
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.tuple(fc.constantFrom<'GET' | 'POST'>('GET', 'POST'), statusCodes, body),
        fc.tuple(fc.constant<'GET' | 'POST'>('GET'), fc.constant('200'), acceptableBody),
      ),
      async ([httpMethod, statusCode, generated]) => {
        // What goes over the wire: undefined members vanish, as they would from the editor's fetch.
        const wire = JSON.parse(JSON.stringify(generated)) as unknown;
        const { verdict } = computeEditorVerdict(
          statusCode,
          wire,
          statusCode === '200' ? methods[httpMethod] : undefined,
        );
        const res = await call(
          'PUT',
          `${resourcePath}/methods/${httpMethod}/integration/responses/${encodeURIComponent(statusCode)}`,
          wire,
        );
        if (verdict === null) {
          accepted++;
          expect({ status: res.status, errorType: res.errorType }).toEqual({ status: 201, errorType: null });
        } else {
          rejected++;
          expect({ status: res.status, errorType: res.errorType?.split(':')[0] ?? null }).toEqual({
            status: httpStatusForErrorType[verdict.type],
            errorType: verdict.type,
          });
          const message = (res.json as { message?: string; Message?: string } | undefined) ?? {};
          expect(message.message ?? message.Message).toBe(verdict.message);
        }
      },
    ),
    { numRuns: 2000 },
  );
  // Both outcomes must be well represented, or the property proves little.
  expect(accepted).toBeGreaterThan(200);
  expect(rejected).toBeGreaterThan(200);
}, 300_000);
