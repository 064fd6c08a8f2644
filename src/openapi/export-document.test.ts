// The document writer on its own: what a stage's export has that the API's document has not (the stage's URL), and
// what both share (paths, integration responses as AWS keys them, the extensions asked for). That the emulator's
// GetExport and the dashboard feed it the same configuration alike is checked against the real emulator in
// src/import-export/api-export.node.test.ts.
import { describe, expect, test } from 'vitest';
import type { ExportResource, ExportRestApi, ExportType, Extensions } from './export-document';
import { exportDocument, toYaml } from './export-document';

const api: ExportRestApi = {
  id: 'a1b2c3d4e5',
  name: 'Orders',
  description: 'Order book',
  binaryMediaTypes: ['image/png'],
};

const resources: ExportResource[] = [
  { path: '/' },
  {
    path: '/orders/{id}',
    resourceMethods: {
      GET: {
        httpMethod: 'GET',
        requestParameters: { 'method.request.path.id': true, 'method.request.querystring.verbose': false },
        methodResponses: {
          '200': { statusCode: '200', responseModels: { 'application/json': 'Empty' } },
          '404': { statusCode: '404', responseParameters: { 'method.response.header.X-Reason': false } },
        },
        methodIntegration: {
          type: 'HTTP',
          httpMethod: 'GET',
          uri: 'https://example.com/orders/{id}',
          requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
          passthroughBehavior: 'WHEN_NO_MATCH',
          timeoutInMillis: 29000,
          integrationResponses: {
            '200': { statusCode: '200', responseTemplates: { 'application/json': null } },
            '404': {
              statusCode: '404',
              selectionPattern: '.*not found.*',
              responseParameters: { 'method.response.header.X-Reason': "'missing'" },
              responseTemplates: { 'application/json': '{"message": "$input.path(\'$.errorMessage\')"}' },
            },
          },
        },
      },
      ANY: { httpMethod: 'ANY', methodResponses: {} },
    },
  },
];

const capturedAt = new Date('2026-12-03T22:45:07.123Z');

function write(type: ExportType, extensions: Extensions, stage?: { stageName: string; region: string }) {
  return exportDocument({ type, extensions, api, resources, capturedAt, ...(stage ? { stage } : {}) });
}

const prod = { stageName: 'prod', region: 'eu-west-1' };

describe('exportDocument', () => {
  test("a stage's OpenAPI 3 export names the stage's URL; the API's document is the same without it", () => {
    const stage = write('oas30', 'integrations', prod);
    expect(stage.servers).toEqual([
      {
        url: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/{basePath}',
        variables: { basePath: { default: 'prod' } },
      },
    ]);
    const whole = write('oas30', 'integrations');
    expect(whole).not.toHaveProperty('servers');
    const { servers: _servers, ...rest } = stage;
    expect(JSON.stringify(whole)).toBe(JSON.stringify(rest));
  });

  test("a stage's Swagger 2 export has host, basePath and schemes; the API's document has none of them", () => {
    const stage = write('swagger', 'apigateway', prod);
    expect(stage).toMatchObject({
      host: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
      basePath: '/prod',
      schemes: ['https'],
    });
    const whole = write('swagger', 'apigateway');
    expect(Object.keys(whole)).toEqual([
      'swagger',
      'info',
      'paths',
      'definitions',
      'x-amazon-apigateway-binary-media-types',
    ]);
    const { host: _host, basePath: _basePath, schemes: _schemes, ...rest } = stage;
    expect(JSON.stringify(whole)).toBe(JSON.stringify(rest));
  });

  test('info.version is the API version when it has one, else the time the configuration was read', () => {
    expect(write('oas30', 'none').info).toEqual({
      title: 'Orders',
      description: 'Order book',
      version: '2026-12-03T22:45:07Z',
    });
    const versioned = exportDocument({
      type: 'swagger',
      extensions: 'none',
      api: { ...api, version: 'v7' },
      resources,
      capturedAt,
    });
    expect(versioned.info).toEqual({ description: 'Order book', version: 'v7', title: 'Orders' });
  });

  test('integration responses are keyed by selection pattern (default for none), with their mappings and templates', () => {
    const doc = write('oas30', 'integrations');
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(paths)).toEqual(['/orders/{id}']);
    const get = paths['/orders/{id}']?.get;
    expect(get?.['x-amazon-apigateway-integration']).toEqual({
      httpMethod: 'GET',
      uri: 'https://example.com/orders/{id}',
      responses: {
        default: { statusCode: '200', responseTemplates: { 'application/json': null } },
        '.*not found.*': {
          statusCode: '404',
          responseParameters: { 'method.response.header.X-Reason': "'missing'" },
          responseTemplates: { 'application/json': '{"message": "$input.path(\'$.errorMessage\')"}' },
        },
      },
      requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
      passthroughBehavior: 'when_no_match',
      type: 'http',
    });
    expect(get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'verbose', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    expect(paths['/orders/{id}']).toHaveProperty('x-amazon-apigateway-any-method');
  });

  test('extensions: none writes no integration, integrations no binary media types, apigateway both', () => {
    const text = (e: Extensions) => JSON.stringify(write('oas30', e));
    expect(text('none')).not.toContain('x-amazon-apigateway-integration');
    expect(text('integrations')).toContain('x-amazon-apigateway-integration');
    expect(text('integrations')).not.toContain('x-amazon-apigateway-binary-media-types');
    expect(write('oas30', 'apigateway')['x-amazon-apigateway-binary-media-types']).toEqual(['image/png']);
  });
});

describe('toYaml', () => {
  test('quotes every string with JSON escapes and writes empty collections inline', () => {
    expect(toYaml({ a: 'x: "y"', b: [1, { c: null }], d: {}, e: [] })).toBe(
      '"a": "x: \\"y\\""\n"b":\n  - 1\n  - "c": null\n"d": {}\n"e": []\n',
    );
  });
});
