import { expect, test } from 'vitest';
import type { IntegrationResponse } from '@/rules/types';
import { lambdaErrorBody, simulateMethod, type SimulationInput, type SimulationResult } from './simulate-method';
import { defaultSimulation, requestView, type SimulationSamples } from './simulation-inputs';

function samples(patch: {
  outcome?: Partial<SimulationSamples['outcome']>;
  request?: Partial<SimulationSamples['request']>;
}): SimulationSamples {
  const base = defaultSimulation(true);
  return { outcome: { ...base.outcome, ...patch.outcome }, request: { ...base.request, ...patch.request } };
}

function run(
  input: Partial<SimulationInput> & Pick<SimulationInput, 'kind' | 'integrationResponses'>,
): SimulationResult {
  const outcome = simulateMethod({
    method: { httpMethod: 'POST', resourcePath: '/orders/{orderId}' },
    samples: samples({}),
    ...input,
  });
  if (!outcome.ok) throw new Error(outcome.inputError);
  return outcome.simulation;
}

const lambdaResponses: IntegrationResponse[] = [
  { statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } },
  {
    statusCode: '400',
    selectionPattern: '(?s)Invalid input.*',
    responseTemplates: {
      'application/json':
        '#set($context.responseOverride.status = 422)#set($context.responseOverride.header.X-Reason = "invalid")\n{"error": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}',
    },
  },
  { statusCode: '404', selectionPattern: 'Not found.*' },
];

test('a multi-line Lambda error message picks the response whose pattern matches it whole; the override is what the client gets', () => {
  const sim = run({
    kind: 'lambda',
    integrationResponses: lambdaResponses,
    samples: samples({
      outcome: { lambda: 'error', errorMessage: 'Invalid input: name\n  at handler', errorType: '' },
    }),
  });
  expect(sim.subject).toEqual({ kind: 'lambda', errorMessage: 'Invalid input: name\n  at handler' });
  expect(sim.rows.map((r) => [r.statusCode, r.verdict])).toEqual([
    ['200', 'default-unused'],
    ['400', 'picked-by-pattern'],
    ['404', 'no-match'],
  ]);
  expect(sim.why).toContain('The selection pattern (?s)Invalid input.* of the 400 integration response matches');
  expect(sim.result.status).toBe(422);
  expect(sim.result.headers).toEqual([
    ['Content-Type', 'application/json'],
    ['X-Reason', 'invalid'],
  ]);
  expect(sim.result.body).toBe('{"error": "Invalid input: name\\n  at handler"}');
  expect(sim.overridden).toEqual({ status: { from: 400, to: 422 }, headers: ['X-Reason'] });
});

test('without (?s) a multi-line message escapes the pattern and the default response is used, as in Java', () => {
  const responses = lambdaResponses.map((r) =>
    r.statusCode === '400' ? { ...r, selectionPattern: 'Invalid input.*' } : r,
  );
  const sim = run({
    kind: 'lambda',
    integrationResponses: responses,
    samples: samples({ outcome: { lambda: 'error', errorMessage: 'Invalid input: name\n  at handler' } }),
  });
  expect(sim.rows.find((r) => r.statusCode === '200')?.verdict).toBe('picked-as-default');
  expect(sim.why).toContain('No selection pattern matches the Lambda error message');
  expect(sim.result.status).toBe(200);
  expect(sim.overridden).toBeUndefined();
});

test('a successful Lambda call is the function result, selected by its empty error message', () => {
  const sim = run({
    kind: 'lambda',
    integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': "$input.json('$.id')" } }],
    samples: samples({ outcome: { lambda: 'success', body: '{"id": 7}' } }),
  });
  expect(sim.subject).toEqual({ kind: 'lambda', errorMessage: '' });
  expect(sim.why).toContain('a successful Lambda call (its error message is empty)');
  expect(sim.result.body).toBe('7');
});

test('the Lambda error object carries errorType only when one is given', () => {
  expect(lambdaErrorBody({ errorMessage: 'a\nb', errorType: '' })).toBe('{"errorMessage":"a\\nb"}');
  expect(lambdaErrorBody({ errorMessage: 'x', errorType: ' TypeError ' })).toBe(
    '{"errorMessage":"x","errorType":"TypeError"}',
  );
});

test('several matching patterns: the one used is named, and the others are flagged as matching too', () => {
  const sim = run({
    kind: 'http',
    integrationResponses: [
      { statusCode: '400', selectionPattern: '4\\d{2}' },
      { statusCode: '404', selectionPattern: '404' },
      { statusCode: '200' },
    ],
    samples: samples({ outcome: { status: '404', headers: '', body: '{}' } }),
  });
  expect(sim.rows.map((r) => r.verdict)).toEqual(['default-unused', 'picked-by-pattern', 'also-matches']);
  expect(sim.why).toContain('The patterns of 404 match too; AWS documents no order among matching patterns');
});

test('no match and no default: API Gateway answers 500, and the simulation says why', () => {
  const sim = run({
    kind: 'http',
    integrationResponses: [{ statusCode: '400', selectionPattern: '4\\d{2}' }],
    samples: samples({ outcome: { status: '503', headers: '', body: '' } }),
  });
  expect(sim.result.status).toBe(500);
  expect(sim.rows).toEqual([{ statusCode: '400', selectionPattern: '4\\d{2}', verdict: 'no-match' }]);
  expect(sim.why).toContain('Back-end status code 503 matches no selection pattern and there is no default');
});

test('a picked status code without a method response fails as it does in API Gateway', () => {
  const sim = run({
    kind: 'http',
    integrationResponses: [{ statusCode: '200' }],
    methodResponses: {},
    samples: samples({ outcome: { status: '200', headers: '', body: '' } }),
  });
  expect(sim.result.ok).toBe(false);
  expect(sim.rows[0]?.verdict).toBe('picked-as-default');
  expect(sim.why).toContain('the method has no 200 method response');
});

test('a back-end status that is not a status code is an input error, not a result', () => {
  const outcome = simulateMethod({
    kind: 'http',
    integrationResponses: [{ statusCode: '200' }],
    method: { httpMethod: 'GET' },
    samples: samples({ outcome: { status: '2OO' } }),
  });
  expect(outcome).toEqual({ ok: false, inputError: 'Enter the back end’s status code: three digits, 100 to 599.' });
});

test('MOCK: the request template reads the method request and picks the status code', () => {
  const mock = {
    requestTemplates: {
      'application/json': `{"statusCode": #if($input.params('check') == "db")200#{else}503#end}`,
    },
  };
  const integrationResponses: IntegrationResponse[] = [
    { statusCode: '200', responseTemplates: { 'application/json': '{"stage": "$context.stage"}' } },
    {
      statusCode: '503',
      selectionPattern: '5\\d{2}',
      responseParameters: { 'method.response.header.Retry-After': 'stageVariables.retry' },
    },
  ];
  const base = {
    kind: 'mock' as const,
    mock,
    integrationResponses,
    method: { httpMethod: 'GET', resourcePath: '/health/{check}' },
  };
  const ok = run({ ...base, samples: samples({ request: { pathParams: { check: 'db' }, stage: 'beta' } }) });
  expect(ok.mockStatus).toBe(200);
  expect(ok.why).toMatch(/^The request template answers statusCode 200\. No selection pattern matches/);
  expect(ok.result.body).toBe('{"stage": "beta"}');
  const down = run({
    ...base,
    samples: samples({ request: { pathParams: { check: 'disk' }, stageVariables: 'retry=30' } }),
  });
  expect(down.mockStatus).toBe(503);
  expect(down.result.headers).toContainEqual(['Retry-After', '30']);
});

test('the method request a template reads: only the resource path’s parameters, and $context from the inputs', () => {
  const view = requestView(
    {
      ...defaultSimulation(false).request,
      pathParams: { check: 'db', stale: 'x' },
      querystring: 'a=1\nb = two\nnot a pair',
      headers: 'Accept: text/plain\nX-Id: 1\nX-Id: 2',
      stageVariables: 'env=prod',
      requestId: 'req-1',
      stage: 'beta',
      sourceIp: '198.51.100.7',
    },
    { httpMethod: 'GET', resourcePath: '/health/{check}' },
  );
  expect(view.params).toEqual({
    path: { check: 'db' },
    querystring: { a: '1', b: 'two' },
    header: { Accept: 'text/plain', 'X-Id': '2' },
  });
  expect(view.stageVariables).toEqual({ env: 'prod' });
  expect(view.context).toMatchObject({
    requestId: 'req-1',
    stage: 'beta',
    httpMethod: 'GET',
    resourcePath: '/health/{check}',
    path: '/beta/health/db',
    identity: { sourceIp: '198.51.100.7' },
  });
});
