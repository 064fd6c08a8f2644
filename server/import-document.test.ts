import { describe, expect, test } from 'vitest';
import { AwsError } from './errors';
import { INVALID_INPUT, parseDefinition, readDefinition } from './import-document';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (doc: Record<string, unknown>, basepath?: 'ignore' | 'prepend' | 'split') =>
  readDefinition(parseDefinition(bytes(JSON.stringify(doc))), basepath);

function failure(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error('expected an AwsError');
}

const mock = { type: 'mock', responses: { default: { statusCode: '200' } } };
const swagger = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  swagger: '2.0',
  info: { title: 't', version: '1' },
  paths,
  ...extra,
});

describe('parseDefinition', () => {
  test.each([
    ['unparseable JSON', "{'key:value}"],
    ['unparseable YAML', 'a:\n  - "open'],
    ['a JSON array', '[]'],
    ['an object without swagger or openapi', '{"info": {"title": "x"}}'],
    ['Swagger 1.2', '{"swaggerVersion": "1.2", "swagger": "1.2"}'],
    ['YAML with a duplicate key', 'openapi: 3.0.1\nopenapi: 3.0.2\n'],
    ['bytes that are not UTF-8', '\u0000'],
  ])('%s is "Invalid OpenAPI input."', (_, text) => {
    const input = text === '\u0000' ? new Uint8Array([0x7b, 0xff, 0x7d]) : bytes(text);
    const err = failure(() => parseDefinition(input));
    expect([err.type, err.message]).toEqual(['BadRequestException', INVALID_INPUT]);
  });

  test('a YAML alias bomb is refused, not expanded', () => {
    const lines = ['openapi: 3.0.1', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++)
      lines.push(
        `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10)
          .fill(`*${i === 0 ? 'a' : 'bcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    expect(failure(() => parseDefinition(bytes(lines.join('\n')))).message).toBe(INVALID_INPUT);
  });

  test('reads OpenAPI 3 in YAML and Swagger 2 in JSON', () => {
    expect(parseDefinition(bytes('openapi: 3.0.1\ninfo:\n  title: y\n')).info).toEqual({ title: 'y' });
    expect(parseDefinition(bytes('{"swagger": "2.0"}')).swagger).toBe('2.0');
  });
});

describe('readDefinition', () => {
  test('info gives the name, description and version; the extensions give binary media types and the key source', () => {
    const api = read(
      swagger(
        {},
        {
          info: { title: 'Named', description: 'd', version: '3' },
          'x-amazon-apigateway-binary-media-types': ['image/png'],
          'x-amazon-apigateway-api-key-source': 'authorizer',
        },
      ),
    );
    expect(api).toMatchObject({
      name: 'Named',
      description: 'd',
      version: '3',
      binaryMediaTypes: ['image/png'],
      apiKeySource: 'AUTHORIZER',
    });
  });

  test('a definition without a title is not valid input', () => {
    expect(failure(() => read({ swagger: '2.0', info: {}, paths: {} })).message).toBe(INVALID_INPUT);
  });

  test('$ref parameters, path-level parameters and required flags become method request parameters', () => {
    const api = read(
      swagger(
        {
          '/items/{id}': {
            parameters: [{ $ref: '#/parameters/Id' }],
            get: {
              parameters: [
                { name: 'q', in: 'query', required: true },
                { name: 'X-Trace', in: 'header' },
                { name: 'body', in: 'body', schema: { $ref: '#/definitions/Item' } },
              ],
              responses: {},
            },
          },
        },
        { parameters: { Id: { name: 'id', in: 'path', required: true } } },
      ),
    );
    expect(api.paths.get('/items/{id}')?.[0]).toMatchObject({
      requestParameters: {
        'method.request.path.id': true,
        'method.request.querystring.q': true,
        'method.request.header.X-Trace': false,
      },
      requestModels: { 'application/json': 'Item' },
    });
  });

  test('integration members: type and passthrough behaviour in any case, MOCK keeps no uri, empty templates are null', () => {
    const api = read(
      swagger({
        '/m': {
          get: {
            responses: {},
            'x-amazon-apigateway-integration': {
              type: 'MOCK',
              uri: 'https://ignored.example',
              passthroughBehavior: 'never',
              requestTemplates: { 'application/json': '' },
              contentHandling: 'CONVERT_TO_TEXT',
              timeoutInMillis: 5000,
            },
          },
        },
      }),
    );
    expect(api.paths.get('/m')?.[0]?.methodIntegration).toEqual({
      type: 'MOCK',
      passthroughBehavior: 'NEVER',
      timeoutInMillis: 5000,
      cacheNamespace: '',
      cacheKeyParameters: [],
      requestTemplates: { 'application/json': null },
      contentHandling: 'CONVERT_TO_TEXT',
    });
  });

  test('integration responses are keyed by selection pattern, "default" meaning none', () => {
    const api = read(
      swagger({
        '/r': {
          get: {
            responses: { '200': {}, '400': {} },
            'x-amazon-apigateway-integration': {
              ...mock,
              responses: {
                default: { statusCode: 200 },
                'Bad.*': { statusCode: '400', contentHandling: 'CONVERT_TO_BINARY' },
              },
            },
          },
        },
      }),
    );
    expect(api.paths.get('/r')?.[0]?.methodIntegration?.integrationResponses).toEqual({
      '200': { statusCode: '200' },
      '400': { statusCode: '400', selectionPattern: 'Bad.*', contentHandling: 'CONVERT_TO_BINARY' },
    });
  });

  test('every method AWS would refuse is listed, each with its method and path', () => {
    const err = failure(() =>
      read(
        swagger({
          '/a': {
            get: {
              responses: { '200': {} },
              'x-amazon-apigateway-integration': {
                ...mock,
                responses: { default: { statusCode: '200', responseTemplates: { 'not a type': 'x' } } },
              },
            },
            post: {
              responses: {},
              'x-amazon-apigateway-integration': { type: 'http', httpMethod: 'POST', uri: 'nope' },
            },
          },
          '/b': {
            put: {
              responses: {},
              'x-amazon-apigateway-integration': { ...mock, responses: { default: { statusCode: '99' } } },
            },
          },
        }),
      ),
    );
    const lines = err.message.split('\n\t');
    expect(lines[0]).toBe('Errors found during import:');
    expect(lines.slice(1).map((l) => l.replace(/: .*/, ''))).toEqual([
      "Unable to put integration response on 'GET' for resource at path '/a'",
      "Unable to put integration on 'POST' for resource at path '/a'",
      "Unable to put integration response on 'PUT' for resource at path '/b'",
    ]);
    expect(lines[2]).toContain('Invalid HTTP endpoint specified for URI');
  });

  test('header mappings need the method response to declare the header (the rule PutIntegrationResponse applies)', () => {
    const doc = (declared: boolean) =>
      swagger({
        '/h': {
          get: {
            responses: { '200': declared ? { headers: { 'X-Id': { type: 'string' } } } : {} },
            'x-amazon-apigateway-integration': {
              ...mock,
              responses: {
                default: { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } },
              },
            },
          },
        },
      });
    expect(read(doc(true)).paths.get('/h')?.[0]?.methodResponses?.['200']?.responseParameters).toEqual({
      'method.response.header.X-Id': false,
    });
    expect(failure(() => read(doc(false))).message).toContain(
      'errors : [Invalid mapping expression parameter specified: method.response.header.X-Id]',
    );
  });

  test('base paths: Swagger basePath, OpenAPI 3 server URL or its one basePath variable; ignore, prepend, split', () => {
    const paths = { '/x': { get: { responses: {} } } };
    expect([...read(swagger(paths, { basePath: '/v1/api' }), 'ignore').paths.keys()]).toEqual(['/x']);
    expect([...read(swagger(paths, { basePath: '/v1/api' }), 'prepend').paths.keys()]).toEqual(['/v1/api/x']);
    expect([...read(swagger(paths, { basePath: '/v1/api' }), 'split').paths.keys()]).toEqual(['/api/x']);
    const oas = (servers: unknown) => ({ openapi: '3.0.1', info: { title: 't' }, servers, paths });
    expect([...read(oas([{ url: 'https://h.example/base-url/part/' }]), 'prepend').paths.keys()]).toEqual([
      '/base-url/part/x',
    ]);
    expect([
      ...read(
        oas([{ url: 'https://h.example', variables: { basePath: { default: '/var' } } }]),
        'prepend',
      ).paths.keys(),
    ]).toEqual(['/var/x']);
    expect([
      ...read(
        oas([{ url: 'https://h.example/{basePath}', variables: { basePath: { default: 'prod' } } }]),
        'split',
      ).paths.keys(),
    ]).toEqual(['/x']);
  });

  test('what the emulator leaves out is a warning: a non-status response, an authorizer, unsupported extensions', () => {
    const api = read(
      swagger(
        {
          '/w': {
            get: { security: [{ auth: [] }, { api_key: [] }], responses: { default: {} } },
            post: { security: [{ api_key: [] }], responses: {} },
          },
        },
        {
          securityDefinitions: {
            api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
            auth: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authorizer': {} },
          },
          'x-amazon-apigateway-gateway-responses': {},
        },
      ),
    );
    expect(api.warnings).toHaveLength(3);
    expect(api.warnings.join('\n')).toMatch(/gateway-responses[\s\S]*'auth'[\s\S]*'default'/);
    expect(api.paths.get('/w')?.map((m) => [m.httpMethod, m.apiKeyRequired])).toEqual([
      ['GET', true],
      ['POST', true],
    ]);
  });
});
