// The copyable commands are only worth showing if they do what the Send button does. Each one is run here, in a
// real shell, against the real emulator CLI, and the stored object is compared with what the typed client's PUT
// stores. The YAML and HCL outputs are parsed by real parsers (PyYAML, Terraform) where they are installed.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { awsCliEnv, findAwsCli } from '../../../test-support/aws-cli';
import { startEmulator } from '../../../test-support/emulator-process';
import type { EmulatorProcess } from '../../../test-support/emulator-process';
import { apigw } from '../../../test-support/http-client';
import { createApiGatewayClient } from '@/api/client';
import type { ApiGatewayClient } from '@/api/client';
import { integrationResponseStep, methodResponseStep, withStaged } from '@/integration-response/send-plan';
import type { IntegrationResponse, IntegrationResponseInput, MethodResponse } from '@/rules/types';
import type { ExportInput, ExportTarget } from './exports';
import {
  awsCliCommand,
  cloudFormationYaml,
  curlCommand,
  hclTemplate,
  openApiResponseKey,
  openApiYaml,
  terraformHcl,
} from './exports';

let emulator: EmulatorProcess;
let client: ApiGatewayClient;
let apiId = '';
let resourceId = '';
const httpMethod = 'GET';
const statusCode = '400';

function bash(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', command],
      { env: awsCliEnv(), encoding: 'utf8', timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await apigw<T>(emulator.baseUrl, method, path, body);
  if (res.status >= 300) throw new Error(`setup ${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

function irPath(): string {
  return `/restapis/${apiId}/resources/${resourceId}/methods/${httpMethod}/integration/responses/${statusCode}`;
}

async function stored(): Promise<unknown> {
  const res = await apigw(emulator.baseUrl, 'GET', irPath());
  return res.status === 200 ? res.body : { status: res.status };
}

async function removeIfPresent(): Promise<void> {
  await apigw(emulator.baseUrl, 'DELETE', irPath());
}

/** What AWS stores for a PUT body: the body plus the status code, with "" templates as null. */
function intended(body: IntegrationResponseInput): IntegrationResponse {
  const out: IntegrationResponse = { statusCode, ...body };
  if (body.responseTemplates) {
    out.responseTemplates = Object.fromEntries(
      Object.entries(body.responseTemplates).map(([k, v]) => [k, v === '' ? null : v]),
    );
  }
  return out;
}

const trickyTemplate = [
  `#set($msg = $input.path('$.errorMessage'))`,
  `{"message": "it's \\"$msg\\"", "path": "C:\\\\temp", "shell": "$HOME \`id\` $(id) \${x} %{y}"}`,
  `  indented line with a tab\tinside`,
  '',
  `last line with 'single' and "double" quotes`,
].join('\n');

const bodies: { name: string; body: IntegrationResponseInput }[] = [
  {
    name: 'pattern, two templates with quotes, $, backslashes and newlines, three header sources, CONVERT_TO_TEXT',
    body: {
      selectionPattern: '4\\d{2}',
      responseTemplates: { 'application/json': trickyTemplate, 'application/xml': `<a b='c'>\\n $input.body</a>\n` },
      responseParameters: {
        'method.response.header.X-Static': "'it is $HOME and \\\\'",
        'method.response.header.X-Id': 'integration.response.header.x-request-id',
        'method.response.header.X-Body': 'integration.response.body.error.code',
      },
      contentHandling: 'CONVERT_TO_TEXT',
    },
  },
  {
    name: 'the default response with nothing but an empty template',
    body: { responseTemplates: { 'text/plain': null } },
  },
  {
    name: 'a pattern that starts with a dash',
    body: { selectionPattern: '-1|4\\d{2}', contentHandling: 'CONVERT_TO_BINARY' },
  },
];

function targetFor(kind: ExportTarget['kind']): ExportTarget {
  return { kind, endpointUrl: emulator.baseUrl, region: 'us-east-1' };
}

function input(body: IntegrationResponseInput, kind: ExportTarget['kind']): ExportInput {
  return {
    restApiId: apiId,
    resourceId,
    httpMethod,
    statusCode,
    body,
    target: targetFor(kind),
    resourcePath: '/items',
  };
}

const cli = findAwsCli();

beforeAll(async () => {
  emulator = await startEmulator();
  client = createApiGatewayClient({ endpoint: emulator.baseUrl, region: 'us-east-1', retryBaseMs: 5 });
  const api = await ok<{ id: string; rootResourceId: string }>('POST', '/restapis', { name: 'exports-test' });
  apiId = api.id;
  const resource = await ok<{ id: string }>('POST', `/restapis/${apiId}/resources/${api.rootResourceId}`, {
    pathPart: 'items',
  });
  resourceId = resource.id;
  const method = `/restapis/${apiId}/resources/${resourceId}/methods/${httpMethod}`;
  await ok('PUT', method, { authorizationType: 'NONE' });
  await ok('PUT', `${method}/integration`, {
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 400}' },
  });
  await ok('PUT', `${method}/responses/${statusCode}`, {
    responseParameters: {
      'method.response.header.X-Static': false,
      'method.response.header.X-Id': false,
      'method.response.header.X-Body': false,
    },
  });
}, 60_000);

afterAll(async () => {
  await emulator?.stop();
});

describe.each(bodies)('$name', ({ body }) => {
  let reference: unknown;

  test('the typed client stores the intended object', async () => {
    await removeIfPresent();
    await client.putIntegrationResponse({ restApiId: apiId, resourceId, httpMethod, statusCode }, body);
    reference = await stored();
    expect(reference).toEqual(intended(body));
  });

  test.runIf(cli.path !== null)('the AWS CLI command stores the same object', async () => {
    await removeIfPresent();
    const run = await bash(awsCliCommand(input(body, 'embedded')));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await stored()).toEqual(intended(body));
  });

  test('the curl command stores the same object, unsigned (embedded) and signed (other targets)', async () => {
    for (const kind of ['embedded', 'custom'] as const) {
      await removeIfPresent();
      const run = await bash(`${curlCommand(input(body, kind))} -sS -o /dev/null -w '%{http_code}'`);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('201');
      expect(await stored()).toEqual(intended(body));
    }
  });
});

if (cli.path === null) console.log(`Skipping the AWS CLI round trips: ${cli.reason}`);

const python = (() => {
  try {
    execFileSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(python)('YAML exports parse back to the same values (PyYAML)', () => {
  function parseYaml(text: string): unknown {
    const out = execFileSync(
      'python3',
      ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'],
      {
        input: text,
        encoding: 'utf8',
      },
    );
    return JSON.parse(out);
  }

  test.each(bodies)('CloudFormation and OpenAPI: $name', ({ body }) => {
    const templatesAsSent = body.responseTemplates
      ? Object.fromEntries(Object.entries(body.responseTemplates).map(([k, v]) => [k, v ?? '']))
      : undefined;
    const cfn = parseYaml(cloudFormationYaml(input(body, 'aws')));
    expect(cfn).toEqual([
      {
        StatusCode: statusCode,
        ...(body.selectionPattern !== undefined ? { SelectionPattern: body.selectionPattern } : {}),
        ...(body.contentHandling ? { ContentHandling: body.contentHandling } : {}),
        ...(body.responseParameters ? { ResponseParameters: body.responseParameters } : {}),
        ...(templatesAsSent ? { ResponseTemplates: templatesAsSent } : {}),
      },
    ]);
    const openApi = parseYaml(openApiYaml(input(body, 'aws'))) as {
      paths: Record<
        string,
        Record<string, { 'x-amazon-apigateway-integration': { responses: Record<string, unknown> } }>
      >;
    };
    expect(
      openApi.paths['/items']?.get?.['x-amazon-apigateway-integration'].responses[openApiResponseKey(body)],
    ).toEqual({
      statusCode,
      ...(body.contentHandling ? { contentHandling: body.contentHandling } : {}),
      ...(body.responseParameters ? { responseParameters: body.responseParameters } : {}),
      ...(templatesAsSent ? { responseTemplates: templatesAsSent } : {}),
    });
  });
});

const terraform = (() => {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

test.runIf(terraform)('Terraform template strings evaluate to the exact templates (terraform console)', () => {
  const texts = [
    trickyTemplate,
    `${trickyTemplate}\n`,
    'one line with ${x} and %{y} and \\ and "',
    'EOT\nnot the end\n',
    'a\n\nb\n\n',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'irs-tf-'));
  try {
    writeFileSync(
      join(dir, 'main.tf'),
      `locals {\n${texts.map((t, i) => `  t${i} = ${hclTemplate(t)}`).join('\n')}\n}\n`,
    );
    const expr = `jsonencode([${texts.map((_, i) => `local.t${i}`).join(', ')}])`;
    const out = execFileSync('terraform', ['console'], {
      cwd: dir,
      input: expr,
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    // The console prints the JSON text as an HCL string literal: decode twice.
    expect(JSON.parse(JSON.parse(out.trim()) as string)).toEqual(texts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

if (!python) console.log('Skipping the YAML parse checks: python3 with PyYAML is not installed.');
if (!terraform) console.log('Skipping the Terraform string check: terraform is not installed.');

// What the review sends when the editor staged a header declaration (or the method response itself), and when it
// sends only the changed fields: the commands must leave the same method response and integration response stored.
describe('a staged method response change, then a PUT or a PATCH', () => {
  const code = '404';
  let stagedResource = '';
  const mrPath = () => `/restapis/${apiId}/resources/${stagedResource}/methods/GET/responses/${code}`;
  const irPath404 = () => `/restapis/${apiId}/resources/${stagedResource}/methods/GET/integration/responses/${code}`;
  const before: IntegrationResponse = {
    statusCode: code,
    selectionPattern: 'Not found.*',
    responseTemplates: { 'application/json': '{"a": 1}', 'text/plain': 'bye' },
    responseParameters: { 'method.response.header.X-Old': "'o'" },
  };
  const { statusCode: _code, ...beforeBody } = before;
  const after: IntegrationResponseInput = {
    selectionPattern: 'Missing.*',
    responseTemplates: { 'application/json': '{"a": 2}', 'application/x-www-form-urlencoded': 'x=$input.body' },
    responseParameters: { 'method.response.header.X-Old': "'o'", 'method.response.header.X-Trace': "'t'" },
  };

  function stagedInput(
    methodResponse: MethodResponse | undefined,
    mode: 'put' | 'patch',
    kind: ExportTarget['kind'],
  ): ExportInput {
    // Without a method response both mapped headers are declared in the editor first.
    const staged = { declareHeaders: methodResponse ? ['X-Trace'] : ['X-Old', 'X-Trace'], create: false };
    return {
      restApiId: apiId,
      resourceId: stagedResource,
      httpMethod: 'GET',
      statusCode: code,
      body: after,
      target: targetFor(kind),
      resourcePath: '/staged',
      methodStep: methodResponseStep(methodResponse, staged),
      methodResponseAfter: withStaged(methodResponse, staged, code),
      integrationStep: integrationResponseStep(mode, after, methodResponse ? before : null),
    };
  }

  /** The starting point of each run: method response 404 declaring X-Old only (or none), integration response 404. */
  async function arrange(withMethodResponse: boolean): Promise<MethodResponse | undefined> {
    await apigw(emulator.baseUrl, 'DELETE', irPath404());
    await apigw(emulator.baseUrl, 'DELETE', mrPath());
    let methodResponse: MethodResponse | undefined;
    if (withMethodResponse) {
      methodResponse = await ok<MethodResponse>('PUT', mrPath(), {
        responseParameters: { 'method.response.header.X-Old': true },
      });
      await ok('PUT', irPath404(), beforeBody);
    }
    return methodResponse;
  }

  async function expectStored(methodResponse: MethodResponse) {
    expect((await apigw(emulator.baseUrl, 'GET', mrPath())).body).toEqual(methodResponse);
    const ir = await apigw<IntegrationResponse>(emulator.baseUrl, 'GET', irPath404());
    expect(ir.body).toEqual(intended404(after));
  }

  function intended404(body: IntegrationResponseInput): IntegrationResponse {
    return { ...intended(body), statusCode: code };
  }

  const declaredBoth: MethodResponse = {
    statusCode: code,
    responseParameters: { 'method.response.header.X-Old': true, 'method.response.header.X-Trace': false },
  };

  beforeAll(async () => {
    const root = (await ok<{ item: { id: string; path: string }[] }>('GET', `/restapis/${apiId}/resources`)).item.find(
      (r) => r.path === '/',
    );
    const resource = await ok<{ id: string }>('POST', `/restapis/${apiId}/resources/${root?.id ?? ''}`, {
      pathPart: 'staged',
    });
    stagedResource = resource.id;
    const method = `/restapis/${apiId}/resources/${stagedResource}/methods/GET`;
    await ok('PUT', method, { authorizationType: 'NONE' });
    await ok('PUT', `${method}/integration`, { type: 'MOCK', requestTemplates: { 'application/json': '{}' } });
  }, 60_000);

  for (const mode of ['put', 'patch'] as const) {
    test.runIf(cli.path !== null)(
      `the AWS CLI commands (${mode}) declare X-Trace, then store the response`,
      async () => {
        const methodResponse = await arrange(true);
        const run = await bash(awsCliCommand(stagedInput(methodResponse, mode, 'embedded')));
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        await expectStored(declaredBoth);
      },
    );

    test(`the curl commands (${mode}) declare X-Trace, then store the response`, async () => {
      const methodResponse = await arrange(true);
      const run = await bash(`${curlCommand(stagedInput(methodResponse, mode, 'embedded'))} -sS -o /dev/null`);
      expect(run.code).toBe(0);
      await expectStored(declaredBoth);
    });
  }

  test.runIf(cli.path !== null)('with no method response, the CLI creates it first (put-method-response)', async () => {
    await arrange(false);
    const run = await bash(awsCliCommand(stagedInput(undefined, 'put', 'embedded')));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    await expectStored({
      statusCode: code,
      responseParameters: { 'method.response.header.X-Old': false, 'method.response.header.X-Trace': false },
    });
  });

  test('curl stops after a refused first request: nothing else is stored', async () => {
    await arrange(false);
    // An UpdateMethodResponse of a method response that does not exist is refused (404); the PUT must not run.
    const input = stagedInput({ statusCode: code }, 'put', 'embedded');
    const run = await bash(curlCommand(input));
    expect(run.code).not.toBe(0);
    expect((await apigw(emulator.baseUrl, 'GET', irPath404())).status).toBe(404);
  });

  test.runIf(python)('CloudFormation parses to the MethodResponses and IntegrationResponses entries', () => {
    const out = execFileSync(
      'python3',
      ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'],
      { input: cloudFormationYaml(stagedInput(undefined, 'put', 'aws')), encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual({
      MethodResponses: [
        {
          StatusCode: code,
          ResponseParameters: { 'method.response.header.X-Old': false, 'method.response.header.X-Trace': false },
        },
      ],
      Integration: {
        IntegrationResponses: [
          {
            StatusCode: code,
            SelectionPattern: 'Missing.*',
            ResponseParameters: after.responseParameters,
            ResponseTemplates: after.responseTemplates,
          },
        ],
      },
    });
  });

  test.runIf(terraform)('Terraform: both resources are well-formed HCL (terraform fmt parses them)', () => {
    const text = terraformHcl(stagedInput(undefined, 'put', 'aws'));
    // `fmt -` parses standard input and fails on a syntax error; its output is the same blocks, reformatted.
    const out = execFileSync('terraform', ['fmt', '-'], {
      input: text,
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    expect(out.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(text).toContain('resource "aws_api_gateway_method_response" "get_staged_404"');
    expect(text).toContain('depends_on = [aws_api_gateway_method_response.get_staged_404]');
  });
});
