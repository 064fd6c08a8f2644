// The client's SigV4 Authorization header must be byte-identical to botocore's for the same request: that is
// what real AWS verifies. botocore is the reference implementation (python3 is on the project's machines).
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { createApiGatewayClient } from './client';
import type { Credentials } from './connection';

const DATETIME = '20260115T093012Z';

type Captured = { method: string; url: string; headers: Record<string, string>; body: string };

const botocoreSigner = `
import json, sys, datetime
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
inp = json.load(sys.stdin)
botocore.auth.get_current_datetime = lambda: datetime.datetime.strptime(inp['datetime'], '%Y%m%dT%H%M%SZ')
c = inp['credentials']
creds = Credentials(c['accessKeyId'], c['secretAccessKey'], c.get('sessionToken'))
req = AWSRequest(method=inp['method'], url=inp['url'], data=inp['body'] or None, headers=inp['headers'])
SigV4Auth(creds, 'apigateway', inp['region']).add_auth(req)
print(json.dumps({'authorization': req.headers['Authorization']}))
`;

function botocoreAuthorization(req: Captured, credentials: Credentials, region: string): string {
  // Only the headers the application chose (not the signer's own x-amz-date / token / authorization) go in.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (k === 'accept' || k === 'content-type') headers[k] = v;
  }
  const result = spawnSync('python3', ['-c', botocoreSigner], {
    input: JSON.stringify({
      method: req.method,
      url: req.url,
      headers,
      body: req.body,
      datetime: DATETIME,
      credentials,
      region,
    }),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`botocore signer failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { authorization: string }).authorization;
}

function capturingClient(credentials: Credentials, region: string) {
  const captured: Captured[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    captured.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers,
      body: typeof init?.body === 'string' ? init.body : '',
    });
    return new Response(JSON.stringify({ item: [], statusCode: '200' }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const client = createApiGatewayClient({
    endpoint: 'https://apigateway.{region}.amazonaws.com',
    region,
    credentials,
    fetchImpl,
    signingDatetime: DATETIME,
  });
  return { client, captured };
}

const withToken: Credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/with+chars==',
};
const withoutToken: Credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

describe.each([
  ['with a session token', withToken, 'eu-west-1'],
  ['without a session token', withoutToken, 'us-east-1'],
])('SigV4 %s', (_label, credentials, region) => {
  test('a GET with a query string signs like botocore', async () => {
    const { client, captured } = capturingClient(credentials, region);
    await client.getResources(
      { restApiId: 'a1b2c3d4e5' },
      {
        limit: 25,
        position: 'pos with spaces/and=odd+chars~',
        embedMethods: true,
      },
    );
    const req = captured[0];
    if (!req) throw new Error('no request was sent');
    expect(req.url).toContain(`https://apigateway.${region}.amazonaws.com/restapis/a1b2c3d4e5/resources?`);
    expect(req.headers.authorization).toBe(botocoreAuthorization(req, credentials, region));
    expect(req.headers['x-amz-date']).toBe(DATETIME);
    expect(req.headers['x-amz-security-token']).toBe(credentials.sessionToken);
  });

  test('a PUT with a JSON body signs like botocore', async () => {
    const { client, captured } = capturingClient(credentials, region);
    await client.putIntegrationResponse(
      { restApiId: 'a1b2c3d4e5', resourceId: 'r00t01', httpMethod: 'GET', statusCode: '200' },
      {
        selectionPattern: '.*"error":.*',
        responseTemplates: { 'application/json': '#set($x = "ünïcødé ✓")\n{"a": $input.json(\'$\')}' },
        responseParameters: { 'method.response.header.X-Id': "'static'" },
      },
    );
    const req = captured[0];
    if (!req) throw new Error('no request was sent');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('application/json');
    expect(req.body).toContain('ünïcødé');
    expect(req.headers.authorization).toBe(botocoreAuthorization(req, credentials, region));
  });
});

test('anonymous connections are signed with dummy keys so moto routes by the credential scope', async () => {
  const captured: string[] = [];
  const client = createApiGatewayClient({
    endpoint: 'http://127.0.0.1:1',
    region: 'ap-south-2',
    fetchImpl: async (_input, init) => {
      captured.push(new Headers(init?.headers).get('authorization') ?? '');
      return new Response('{"item": []}', { status: 200 });
    },
  });
  await client.getRestApis();
  expect(captured[0]).toMatch(
    /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/ap-south-2\/apigateway\/aws4_request, SignedHeaders=accept;host;x-amz-date, Signature=[0-9a-f]{64}$/,
  );
});

test('describePutIntegrationResponse shows the signed request with secrets redacted', async () => {
  const client = createApiGatewayClient({
    endpoint: 'https://apigateway.{region}.amazonaws.com',
    region: 'eu-west-1',
    credentials: withToken,
  });
  const d = await client.describePutIntegrationResponse(
    { restApiId: 'abc', resourceId: 'def', httpMethod: 'GET', statusCode: '200' },
    { selectionPattern: '4\\d{2}' },
  );
  expect(d.method).toBe('PUT');
  expect(d.url).toBe(
    'https://apigateway.eu-west-1.amazonaws.com/restapis/abc/resources/def/methods/GET/integration/responses/200',
  );
  expect(JSON.parse(d.body)).toEqual({ selectionPattern: '4\\d{2}' });
  const serialized = JSON.stringify(d);
  expect(serialized).not.toContain(withToken.accessKeyId);
  expect(serialized).not.toContain(withToken.secretAccessKey);
  expect(serialized).not.toContain(withToken.sessionToken);
  expect(d.headers.authorization).toContain('/eu-west-1/apigateway/aws4_request');
  expect(d.headers.host).toBe('apigateway.eu-west-1.amazonaws.com');
});
