import { describe, expect, test } from 'vitest';
import { methodSchema, resourceSchema, stageExportSchema } from '@/api/models';
import type { Method, Resource } from '@/api/models';
import {
  compareStage,
  diffMethod,
  deployedIntegration,
  methodsOfResources,
  NOT_COMPARABLE_REASON,
  responseDiffOf,
} from './stage-diff';

// Shaped like AWS's OpenAPI 3 export with extensions: integration responses keyed by selection pattern, `default`
// for the one without, type last, and path-level `parameters` next to the operations.
const exported = stageExportSchema().parse({
  openapi: '3.0.1',
  info: { title: 'PetStore', version: '2026-12-04T04:00:00Z' },
  paths: {
    '/pets': {
      parameters: [{ name: 'x', in: 'query' }],
      get: {
        responses: { '200': { description: '200 response', content: {} } },
        'x-amazon-apigateway-integration': {
          uri: 'arn:aws:lambda:…',
          responses: {
            default: {
              statusCode: '200',
              responseTemplates: { 'application/json': '{"ok": true}', 'text/plain': null },
            },
            '.*not found.*': {
              statusCode: '404',
              responseParameters: { 'method.response.header.X-Why': "'missing'" },
            },
          },
          passthroughBehavior: 'when_no_match',
          type: 'aws',
        },
      },
    },
    '/old': {
      'x-amazon-apigateway-any-method': {
        responses: {},
        'x-amazon-apigateway-integration': { responses: { default: { statusCode: '200' } }, type: 'mock' },
      },
    },
  },
  components: {},
});

function method(verb: string, responses: Record<string, unknown>): Method {
  return methodSchema().parse({
    httpMethod: verb,
    methodIntegration: { type: 'AWS', integrationResponses: responses },
  });
}

const unchangedGet = {
  '200': {
    statusCode: '200',
    selectionPattern: '',
    responseTemplates: { 'application/json': '{"ok": true}', 'text/plain': '' },
  },
  '404': {
    statusCode: '404',
    selectionPattern: '.*not found.*',
    responseParameters: { 'method.response.header.X-Why': "'missing'" },
  },
};

function resources(get: Record<string, unknown>) {
  return methodsOfResources([
    resourceSchema().parse({ id: 'r1', path: '/pets', resourceMethods: { GET: method('GET', get) } }),
    resourceSchema().parse({
      id: 'r2',
      path: '/old',
      resourceMethods: { ANY: method('ANY', { '200': { statusCode: '200' } }) },
    }),
  ]);
}

describe('compareStage', () => {
  test('a stage that serves the current configuration has no differences', () => {
    expect(compareStage(resources(unchangedGet), exported)).toEqual({ comparable: true, methods: [] });
  });

  test('a changed template, header mapping, pattern and content handling are listed field by field', () => {
    const edited = {
      '200': {
        statusCode: '200',
        responseTemplates: { 'application/json': '{"ok": false}', 'text/plain': null, 'application/xml': '<a/>' },
        contentHandling: 'CONVERT_TO_TEXT',
      },
      '404': {
        statusCode: '404',
        selectionPattern: '.*missing.*',
        responseParameters: { 'method.response.header.X-Why': "'gone'", 'method.response.header.X-New': "'1'" },
      },
    };
    const result = compareStage(resources(edited), exported);
    expect(result).toEqual({
      comparable: true,
      methods: [
        {
          path: '/pets',
          httpMethod: 'GET',
          deployed: true,
          responses: [
            {
              statusCode: '200',
              state: 'changed',
              changes: [
                {
                  field: 'template',
                  contentType: 'application/json',
                  deployed: '{"ok": true}',
                  current: '{"ok": false}',
                },
                { field: 'template', contentType: 'application/xml', deployed: undefined, current: '<a/>' },
                { field: 'contentHandling', deployed: undefined, current: 'CONVERT_TO_TEXT' },
              ],
            },
            {
              statusCode: '404',
              state: 'changed',
              changes: [
                { field: 'selectionPattern', deployed: '.*not found.*', current: '.*missing.*' },
                {
                  field: 'responseParameter',
                  name: 'method.response.header.X-New',
                  deployed: undefined,
                  current: "'1'",
                },
                {
                  field: 'responseParameter',
                  name: 'method.response.header.X-Why',
                  deployed: "'missing'",
                  current: "'gone'",
                },
              ],
            },
          ],
        },
      ],
    });
    expect(responseDiffOf(result, '/pets', 'GET', '404')?.state).toBe('changed');
    expect(responseDiffOf(result, '/pets', 'GET', '500')).toBeUndefined();
  });

  test('integration responses added or deleted since the deployment', () => {
    const result = compareStage(
      resources({ '200': unchangedGet['200'], '500': { statusCode: '500', selectionPattern: 'Error.*' } }),
      exported,
    );
    expect(responseDiffOf(result, '/pets', 'GET', '500')).toEqual({
      statusCode: '500',
      state: 'added',
      changes: [{ field: 'selectionPattern', deployed: undefined, current: 'Error.*' }],
    });
    expect(responseDiffOf(result, '/pets', 'GET', '404')).toEqual({
      statusCode: '404',
      state: 'removed',
      changes: [
        { field: 'selectionPattern', deployed: '.*not found.*', current: undefined },
        { field: 'responseParameter', name: 'method.response.header.X-Why', deployed: "'missing'", current: undefined },
      ],
    });
    expect(responseDiffOf(result, '/pets', 'GET', '200')).toBeUndefined();
  });

  test('a method created after the deployment, and one deleted since', () => {
    const now: Resource[] = [
      resourceSchema().parse({ id: 'r1', path: '/pets', resourceMethods: { GET: method('GET', unchangedGet) } }),
      resourceSchema().parse({
        id: 'r3',
        path: '/pets/{id}',
        resourceMethods: { DELETE: method('DELETE', { '204': { statusCode: '204' } }) },
      }),
    ];
    const result = compareStage(methodsOfResources(now), exported);
    expect(result.comparable && result.methods.map((m) => [m.path, m.httpMethod, m.deployed])).toEqual([
      ['/old', 'ANY', true],
      ['/pets/{id}', 'DELETE', false],
    ]);
    expect(responseDiffOf(result, '/old', 'ANY', '200')?.state).toBe('removed');
    expect(responseDiffOf(result, '/pets/{id}', 'DELETE', '204')?.state).toBe('added');
    // Comparing only some methods (one step of the wizard) says nothing about the others.
    const one = compareStage(methodsOfResources(now).slice(1), exported, false);
    expect(one.comparable && one.methods.map((m) => [m.path, m.httpMethod])).toEqual([['/pets/{id}', 'DELETE']]);
  });

  test('an export without integrations (moto writes none) gives no verdict instead of marking everything', () => {
    const moto = stageExportSchema().parse({
      swagger: '2.0',
      paths: { '/pets': { GET: { produces: ['application/json'], responses: { '200': { description: '200' } } } } },
    });
    expect(moto.paths?.['/pets']?.GET).toBeDefined();
    expect(compareStage(resources(unchangedGet), moto)).toEqual({ comparable: false, reason: NOT_COMPARABLE_REASON });
  });
});

test('diffMethod compares one method without the rest of the API', () => {
  const deployed = deployedIntegration(exported, '/pets', 'get');
  expect(diffMethod(method('GET', unchangedGet), deployed)).toEqual([]);
  expect(diffMethod(method('GET', { '200': unchangedGet['200'] }), deployed).map((d) => d.state)).toEqual(['removed']);
  expect(diffMethod(method('GET', unchangedGet), undefined).map((d) => [d.statusCode, d.state])).toEqual([
    ['200', 'added'],
    ['404', 'added'],
  ]);
});
