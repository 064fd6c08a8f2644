import { describe, expect, test } from 'vitest';
import { defaultPreviewContext } from '@/preview/preview-context';
import { executionLog, javaDate } from './execution-log';
import { mapResponseHeaders } from './header-mappings';
import { mockStatusCode, runMockMethod } from './mock';
import { runResponsePipeline, selectResponseTemplate, type PipelineInput } from './pipeline';

const request = { path: {}, querystring: {}, headers: {}, body: '' };

function input(extra: Partial<PipelineInput>): PipelineInput {
  return {
    integrationResponses: [{ statusCode: '200' }],
    backend: { statusCode: 200, headers: {}, body: '{"id":"42"}' },
    request,
    stageVariables: {},
    context: defaultPreviewContext,
    ...extra,
  };
}

describe('runResponsePipeline', () => {
  test('selects by status code, renders the template, maps headers, and applies the override', () => {
    const r = runResponsePipeline(
      input({
        integrationResponses: [
          { statusCode: '200' },
          {
            statusCode: '404',
            selectionPattern: '4\\d{2}',
            responseTemplates: {
              'application/json':
                '#set($context.responseOverride.header.X-Why = "gone"){"missing": "$input.path(\'$.id\')"}',
            },
            responseParameters: {
              'method.response.header.X-Id': 'integration.response.body.id',
              'method.response.header.X-Static': "'yes'",
              'method.response.header.X-Trace': 'integration.response.header.x-trace',
              'method.response.header.X-Stage': 'stageVariables.env',
            },
          },
        ],
        backend: { statusCode: 404, headers: { 'X-Trace': ['t1', 't2'] }, body: '{"id":"42"}' },
        stageVariables: { env: 'prod' },
      }),
    );
    expect(r).toMatchObject({
      ok: true,
      selected: { statusCode: '404', via: 'pattern' },
      templateContentType: 'application/json',
      status: 404,
      body: '{"missing": "42"}',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Id', '42'],
        ['X-Static', 'yes'],
        ['X-Trace', 't2'],
        ['X-Stage', 'prod'],
        ['X-Why', 'gone'],
      ],
    });
  });

  test('Lambda errors select by errorMessage; a success (empty message) takes the default', () => {
    const responses = [{ statusCode: '200' }, { statusCode: '400', selectionPattern: 'Invalid.*' }];
    const failed = runResponsePipeline(
      input({
        integrationResponses: responses,
        backend: {
          statusCode: 200,
          headers: {},
          body: '{"errorMessage":"Invalid name"}',
          lambdaErrorMessage: 'Invalid name',
        },
      }),
    );
    expect(failed).toMatchObject({ ok: true, status: 400, body: '{"errorMessage":"Invalid name"}' });
    const ok = runResponsePipeline(
      input({
        integrationResponses: responses,
        backend: { statusCode: 200, headers: {}, body: '"hi"', lambdaErrorMessage: '' },
      }),
    );
    expect(ok).toMatchObject({ ok: true, status: 200, body: '"hi"' });
  });

  test('no match and no default: 500 with AWS’s configuration-error log line', () => {
    const r = runResponsePipeline(
      input({ integrationResponses: [{ statusCode: '400', selectionPattern: '4\\d{2}' }] }),
    );
    expect(r).toMatchObject({
      ok: false,
      status: 500,
      body: '{"message": "Internal server error"}',
      headers: [['x-amzn-ErrorType', 'InternalServerErrorException']],
      logLine:
        'No match for output mapping and no default output mapping specified. Endpoint Response Status Code: 200',
    });
  });

  test('a selected status without a method response fails as in API Gateway', () => {
    const r = runResponsePipeline(input({ methodResponses: { '400': { statusCode: '400' } } }));
    expect(r).toMatchObject({ ok: false, logLine: 'Output mapping refers to an invalid method response: 200' });
  });

  test('an override status outside 100–599 is ignored; a valid one wins', () => {
    const tpl = (s: string) => ({ 'application/json': `#set($context.responseOverride.status = ${s})ok` });
    const run = (s: string) =>
      runResponsePipeline(input({ integrationResponses: [{ statusCode: '200', responseTemplates: tpl(s) }] }));
    expect(run('418')).toMatchObject({ ok: true, status: 418, body: 'ok' });
    expect(run('700')).toMatchObject({ ok: true, status: 200 });
  });

  test('CONVERT_TO_BINARY decodes a base64 text body, and refuses one that is not base64', () => {
    const ir = { statusCode: '200', contentHandling: 'CONVERT_TO_BINARY' as const };
    expect(
      runResponsePipeline(
        input({ integrationResponses: [ir], backend: { statusCode: 200, headers: {}, body: 'aGk=' } }),
      ),
    ).toMatchObject({ ok: true, body: 'hi' });
    expect(
      runResponsePipeline(
        input({ integrationResponses: [ir], backend: { statusCode: 200, headers: {}, body: '%%%' } }),
      ),
    ).toMatchObject({ ok: false, status: 500 });
  });

  test('a binary payload is base64-encoded for a text client', () => {
    const r = runResponsePipeline(
      input({
        binaryMediaTypes: ['image/png'],
        backend: { statusCode: 200, headers: { 'Content-Type': ['image/png'] }, body: 'hi' },
      }),
    );
    expect(r).toMatchObject({ ok: true, body: 'aGk=' });
  });
});

describe('selectResponseTemplate', () => {
  const templates = { 'text/html': '<p/>', 'application/json': '{}', 'application/xml': null };
  test('Accept first, then application/json, then the first one; null templates pass through', () => {
    expect(selectResponseTemplate(templates, 'text/html')?.contentType).toBe('text/html');
    expect(selectResponseTemplate(templates, 'application/xml')?.contentType).toBe('application/json');
    expect(selectResponseTemplate({ 'text/plain': 'x' }, undefined)?.contentType).toBe('text/plain');
    expect(selectResponseTemplate({ 'application/json': null }, undefined)).toBeUndefined();
  });
});

describe('mapResponseHeaders', () => {
  test('an empty value or a missing source sends no header', () => {
    const mapped = mapResponseHeaders(
      { 'method.response.header.A': 'integration.response.body.none', 'method.response.header.B': "''" },
      { headers: {}, body: '{}' },
    );
    expect(mapped.map((m) => 'value' in m.result)).toEqual([false, false]);
  });
  test('context variables resolve by dotted name', () => {
    const mapped = mapResponseHeaders(
      { 'method.response.header.Ip': 'context.identity.sourceIp' },
      { headers: {}, body: '', context: defaultPreviewContext },
    );
    expect(mapped[0]?.result).toEqual({ value: defaultPreviewContext.identity.sourceIp });
  });
});

describe('MOCK', () => {
  test('reads statusCode as JSON, or leniently from CDK’s unquoted form', () => {
    expect(mockStatusCode('{"statusCode": 201}')).toBe(201);
    expect(mockStatusCode('{statusCode: 200}')).toBe(200);
    expect(mockStatusCode('{"statusCode": "200"}')).toBeUndefined();
    expect(mockStatusCode('')).toBeUndefined();
  });

  test('AWS’s recorded example: $input.params reads the method request in the response template', () => {
    const run = runMockMethod({
      integration: {
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        integrationResponses: {
          '200': {
            statusCode: '200',
            responseTemplates: { 'application/json': '{"petId": "$input.params(\'petId\')"}' },
          },
        },
      },
      request: { ...request, path: { petId: '123' } },
      stageVariables: {},
      context: defaultPreviewContext,
    });
    expect(run).toMatchObject({
      stage: 'response',
      backendStatus: 200,
      result: { ok: true, status: 200, body: '{"petId": "123"}', headers: [['Content-Type', 'application/json']] },
    });
  });

  test('no request template: the empty body names no statusCode, so 500', () => {
    const run = runMockMethod({
      integration: { integrationResponses: { '200': { statusCode: '200' } } },
      request,
      stageVariables: {},
      context: defaultPreviewContext,
    });
    expect(run).toMatchObject({ stage: 'request', result: { ok: false, status: 500 } });
  });

  describe('$context overrides set by the request template (LocalStack’s AWS-validated test_integration_mock_with_response_override_in_request_template)', () => {
    const requestTemplate =
      '#set($context.responseOverride.status = 444)\n#set($context.responseOverride.header.foo = "bar")\n#set($context.responseOverride.custom = "is also passed around")\n{"statusCode": 200}';
    const run = (responseTemplates: Record<string, string>) =>
      runMockMethod({
        integration: {
          requestTemplates: { 'application/json': requestTemplate },
          integrationResponses: { '200': { statusCode: '200', selectionPattern: '2\\d{2}', responseTemplates } },
        },
        request,
        stageVariables: {},
        context: defaultPreviewContext,
      });

    test('the response template reads them, and the client gets the status and header', () => {
      expect(
        run({
          'application/json':
            '#set($statusOverride = $context.responseOverride.status)\n#set($fooHeader = $context.responseOverride.header.foo)\n#set($custom = $context.responseOverride.custom)\n{"statusOverride": "$statusOverride", "fooHeader": "$fooHeader", "custom": "$custom"}',
        }),
      ).toMatchObject({
        stage: 'response',
        result: {
          ok: true,
          status: 444,
          headers: [
            ['Content-Type', 'application/json'],
            ['foo', 'bar'],
          ],
          body: '{"statusOverride": "444", "fooHeader": "bar", "custom": "is also passed around"}',
        },
      });
    });

    test('without a response template they still apply', () => {
      expect(run({})).toMatchObject({
        stage: 'response',
        result: {
          ok: true,
          status: 444,
          headers: [
            ['Content-Type', 'application/json'],
            ['foo', 'bar'],
          ],
          body: '',
        },
      });
    });

    test('$context.requestOverride set by the request template reaches the response template', () => {
      const r = runMockMethod({
        integration: {
          requestTemplates: {
            'application/json':
              '#set($context.requestOverride.path.body = $input.params(\'testPath\'))\n{"statusCode": 200}',
          },
          integrationResponses: {
            '200': {
              statusCode: '200',
              responseTemplates: { 'application/json': '{"path": "$context.requestOverride.path.body"}' },
            },
          },
        },
        request: { ...request, path: { testPath: 'path1' } },
        stageVariables: {},
        context: defaultPreviewContext,
      });
      expect(r).toMatchObject({ result: { ok: true, body: '{"path": "path1"}' } });
    });
  });

  test('passthroughBehavior NEVER refuses a Content-Type without a template with 415', () => {
    const run = runMockMethod({
      integration: { requestTemplates: { 'application/json': '{"statusCode":200}' }, passthroughBehavior: 'NEVER' },
      request: { ...request, headers: { 'Content-Type': 'text/plain' } },
      stageVariables: {},
      context: defaultPreviewContext,
    });
    expect(run).toMatchObject({ stage: 'request', result: { status: 415 } });
  });
});

describe('executionLog', () => {
  test('uses AWS’s line format', () => {
    const at = Date.UTC(2026, 11, 3, 22, 45, 7);
    expect(javaDate(at)).toBe('Thu Dec 03 22:45:07 UTC 2026');
    const log = executionLog(
      at,
      {
        requestId: 'r1',
        httpMethod: 'GET',
        resourcePath: '/pets/123',
        path: { petId: '123' },
        querystring: { foo: 'bar' },
        headers: {},
        body: '',
      },
      { kind: 'success', body: '{}', headers: [['Content-Type', 'application/json']], status: 200 },
    );
    expect(log.split('\n')).toEqual([
      'Execution log for request r1',
      'Thu Dec 03 22:45:07 UTC 2026 : Starting execution for request: r1',
      'Thu Dec 03 22:45:07 UTC 2026 : HTTP Method: GET, Resource Path: /pets/123',
      'Thu Dec 03 22:45:07 UTC 2026 : Method request path: {petId=123}',
      'Thu Dec 03 22:45:07 UTC 2026 : Method request query string: {foo=bar}',
      'Thu Dec 03 22:45:07 UTC 2026 : Method request headers: {}',
      'Thu Dec 03 22:45:07 UTC 2026 : Method request body before transformations: ',
      'Thu Dec 03 22:45:07 UTC 2026 : Method response body after transformations: {}',
      'Thu Dec 03 22:45:07 UTC 2026 : Method response headers: {Content-Type=application/json}',
      'Thu Dec 03 22:45:07 UTC 2026 : Successfully completed execution',
      'Thu Dec 03 22:45:07 UTC 2026 : Method completed with status: 200',
      '',
    ]);
  });
});
