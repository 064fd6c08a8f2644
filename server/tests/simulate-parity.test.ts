// Property: for generated MOCK methods and requests, the dashboard's simulation (src/response run in the caller,
// from the configuration the caller meant to send) and the emulator's TestInvokeMethod over HTTP (from what it
// stored) give the same status, headers and body.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseTestRequest, testInvokeContext } from '../../src/response/method-request';
import { runMockMethod } from '../../src/response/mock';
import type { IntegrationResponse, MethodResponse } from '../../src/rules/types';
import type { Call, Harness } from './conformance-harness';
import { client, startHarness, str } from './conformance-harness';

let h: Harness;
let call: Call;
let apiId: string;
let root: string;

beforeAll(async () => {
  h = await startHarness();
  call = client(h.base);
  const api = await call('POST', '/restapis', { name: 'parity' });
  apiId = str(api, 'id');
  root = str(api, 'rootResourceId');
});
afterAll(() => h.close());

const codes = ['200', '201', '400', '404', '500', '503'];

const requestTemplate = fc.oneof(
  fc.constantFrom(...codes).map((c) => `{"statusCode": ${c}}`),
  fc.constant(`{"statusCode": #if($input.params('id') == "1")200#{else}404#end}`),
  fc.constant('{statusCode: 201}'),
  fc.constant('{"statusCode": "200"}'),
);

const templatePiece = fc.constantFrom(
  '{"id": "$input.params(\'id\')"}',
  '{"env": "$stageVariables.env"}',
  '#set($context.responseOverride.status = 418)teapot',
  '#set($context.responseOverride.header.X-Over = "o")over',
  '$context.stage',
  "#if($input.params('q') == \"\")none#{else}$input.params('q')#end",
);

const integrationResponse = (sc: string) =>
  fc.record({
    selectionPattern: fc.constantFrom('', '4\\d{2}', '5\\d{2}', '2\\d{2}', sc, '(400|404)'),
    template: fc.option(templatePiece, { nil: undefined }),
    mapping: fc.option(fc.constantFrom("'static'", 'stageVariables.env', 'context.stage', "''"), { nil: undefined }),
  });

const methodCase = fc.record({
  requestTemplate,
  statusCodes: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 3 }),
  withMethodResponses: fc.boolean(),
  id: fc.constantFrom('1', '2', ''),
  q: fc.constantFrom('', 'x'),
  env: fc.option(fc.constantFrom('dev', 'prod'), { nil: undefined }),
});

let counter = 0;

test('simulation and TestInvokeMethod agree on status, headers and body', { timeout: 120_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(
      methodCase.chain((m) =>
        fc.tuple(fc.constant(m), fc.tuple(...m.statusCodes.map((sc) => integrationResponse(sc)))),
      ),
      async ([m, irSpecs]) => {
        const pathPart = `p${counter++}`;
        const res = str(await call('POST', `/restapis/${apiId}/resources/${root}`, { pathPart: `${pathPart}` }), 'id');
        const base = `/restapis/${apiId}/resources/${res}/methods/GET`;
        expect((await call('PUT', base, { authorizationType: 'NONE' })).status).toBe(201);
        const methodResponses: Record<string, MethodResponse> = {};
        const integrationResponses: Record<string, IntegrationResponse> = {};
        const integration = { type: 'MOCK', requestTemplates: { 'application/json': m.requestTemplate } };
        expect((await call('PUT', `${base}/integration`, integration)).status).toBe(201);
        for (const [i, sc] of m.statusCodes.entries()) {
          const spec = irSpecs[i];
          if (!spec) continue;
          if (m.withMethodResponses || i === 0) {
            methodResponses[sc] = { statusCode: sc, responseParameters: { 'method.response.header.X-Map': false } };
            const r = await call('PUT', `${base}/responses/${sc}`, {
              responseParameters: { 'method.response.header.X-Map': false },
            });
            expect(r.status).toBe(201);
          }
          const ir: IntegrationResponse = { statusCode: sc };
          if (spec.selectionPattern !== '') ir.selectionPattern = spec.selectionPattern;
          if (spec.template !== undefined) ir.responseTemplates = { 'application/json': spec.template };
          if (spec.mapping !== undefined && methodResponses[sc])
            ir.responseParameters = { 'method.response.header.X-Map': spec.mapping };
          const { statusCode: _sc, ...body } = ir;
          const put = await call('PUT', `${base}/integration/responses/${sc}`, body);
          // AWS refuses a second default; the simulation must then not see it either.
          if (put.status !== 201) continue;
          integrationResponses[sc] = ir;
        }

        const pathWithQueryString = `/${pathPart}?id=${m.id}&q=${m.q}`;
        const stageVariables: Record<string, string> = m.env === undefined ? {} : { env: m.env };
        const invoked = await call('POST', base, { pathWithQueryString, stageVariables });
        expect(invoked.status).toBe(200);

        const request = parseTestRequest({ resourcePath: `/${pathPart}`, pathWithQueryString });
        const simulated = runMockMethod({
          integration: { ...integration, integrationResponses },
          methodResponses,
          request: {
            path: request.pathParams,
            querystring: request.querystring,
            headers: request.headers,
            body: request.body,
          },
          stageVariables,
          context: testInvokeContext({
            apiId,
            resourceId: res,
            resourcePath: `/${pathPart}`,
            httpMethod: 'GET',
            path: request.path,
            requestId: 'simulated',
            requestTimeEpoch: 0,
          }),
        }).result;
        expect({ status: invoked.json.status, headers: invoked.json.headers, body: invoked.json.body }).toEqual({
          status: simulated.status,
          headers: Object.fromEntries(simulated.headers),
          body: simulated.body,
        });
      },
    ),
    { numRuns: 40 },
  );
});
