import { describe, expect, test } from 'vitest';
import { computeRowProblems, sampleBodyFor } from './problems';
import { buildRows } from './rows';
import { makeMapping, makeMethod } from './test-rows';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code).sort();

describe('computeRowProblems', () => {
  test('a well-formed method (declared headers, method responses, a default) has no problems', () => {
    const method = makeMethod({
      methodResponses: [
        { statusCode: '200', responseParameters: { 'method.response.header.X-Id': true } },
        { statusCode: '400' },
      ],
      integrationResponses: [
        { statusCode: '200', selectionPattern: '', responseParameters: { 'method.response.header.X-Id': "'1'" } },
        { statusCode: '400', selectionPattern: '4\\d{2}' },
      ],
    });
    for (const ir of Object.values(method.methodIntegration?.integrationResponses ?? {})) {
      expect(computeRowProblems(method, ir)).toEqual([]);
    }
  });

  test('flags overlapping patterns on both rows, naming an outcome both match (AWS documents no order)', () => {
    const method = makeMethod({
      methodResponses: [{ statusCode: '200' }, { statusCode: '400' }, { statusCode: '404' }],
      integrationResponses: [
        { statusCode: '200', selectionPattern: '' },
        { statusCode: '400', selectionPattern: '4\\d{2}' },
        { statusCode: '404', selectionPattern: '40\\d|50\\d' },
      ],
    });
    const responses = method.methodIntegration?.integrationResponses ?? {};
    const on400 = computeRowProblems(method, responses['400']);
    const on404 = computeRowProblems(method, responses['404']);
    expect(codes(on400)).toEqual(['overlap']);
    expect(codes(on404)).toEqual(['overlap']);
    expect(on400[0]?.message).toBe(
      "Pattern 4\\d{2} and 404's both match status code 400: AWS documents no order between them.",
    );
  });

  test('flags quoted static values and JavaScript regex literals', () => {
    const ir = {
      statusCode: '200',
      selectionPattern: '/invalid/i',
      responseParameters: { 'method.response.header.X-Id': "''*''" },
    };
    const method = makeMethod({
      methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Id': true } }],
      integrationResponses: [ir, { statusCode: '400', selectionPattern: '' }],
    });
    expect(codes(computeRowProblems(method, ir))).toEqual([
      'js-regex-literal',
      'quoted-static-value',
      'status-pattern-shape',
    ]);
  });

  test('flags a header mapping the method response does not declare, naming the header', () => {
    const ir = {
      statusCode: '200',
      selectionPattern: '',
      responseParameters: { 'method.response.header.X-Trace': 'integration.response.header.t' },
    };
    const method = makeMethod({ methodResponses: [{ statusCode: '200' }], integrationResponses: [ir] });
    const problems = computeRowProblems(method, ir);
    expect(codes(problems)).toEqual(['undeclared-header']);
    expect(problems[0]?.message).toContain('X-Trace');
    expect(problems[0]?.severity).toBe('error');
  });

  test('flags a missing method response once, with or without header mappings', () => {
    const plain = { statusCode: '404', selectionPattern: '' };
    expect(codes(computeRowProblems(makeMethod({ integrationResponses: [plain] }), plain))).toEqual([
      'missing-method-response',
    ]);
    const mapped = {
      statusCode: '404',
      selectionPattern: '',
      responseParameters: { 'method.response.header.X-A': "'a'" },
    };
    expect(codes(computeRowProblems(makeMethod({ integrationResponses: [mapped] }), mapped))).toEqual([
      'missing-method-response',
    ]);
  });

  test('flags a method without a default response on each of its rows', () => {
    const method = makeMethod({
      methodResponses: [{ statusCode: '200' }, { statusCode: '400' }],
      integrationResponses: [
        { statusCode: '200', selectionPattern: '2\\d{2}' },
        { statusCode: '400', selectionPattern: '4\\d{2}' },
      ],
    });
    const rows = buildRows([makeMapping(method)]);
    expect(rows.map((r) => codes(r.problems))).toEqual([['no-default'], ['no-default']]);
  });

  test('flags a catch-all Lambda pattern that also catches successes', () => {
    const method = makeMethod({
      type: 'AWS',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:F/invocations',
      methodResponses: [{ statusCode: '200' }, { statusCode: '500' }],
      integrationResponses: [
        { statusCode: '200', selectionPattern: '' },
        { statusCode: '500', selectionPattern: '.*' },
      ],
    });
    const ir500 = method.methodIntegration?.integrationResponses?.['500'];
    expect(codes(computeRowProblems(method, ir500))).toContain('catch-all');
  });

  test('flags a pattern shadowed by a broader one of another status code', () => {
    const method = makeMethod({
      type: 'HTTP',
      methodResponses: [{ statusCode: '200' }, { statusCode: '400' }, { statusCode: '404' }],
      integrationResponses: [
        { statusCode: '200', selectionPattern: '' },
        { statusCode: '400', selectionPattern: '4\\d{2}' },
        { statusCode: '404', selectionPattern: '404' },
      ],
    });
    const problems = computeRowProblems(method, method.methodIntegration?.integrationResponses?.['404']);
    expect(codes(problems)).toEqual(['shadowed']);
    expect(problems[0]?.message).toContain('400');
  });

  test('flags two defaults on the same method', () => {
    const method = makeMethod({
      methodResponses: [{ statusCode: '200' }, { statusCode: '500' }],
      integrationResponses: [{ statusCode: '200', selectionPattern: '' }, { statusCode: '500' }],
    });
    expect(codes(computeRowProblems(method, method.methodIntegration?.integrationResponses?.['200']))).toEqual([
      'shadowed',
    ]);
  });

  test('flags integration responses on a proxy integration as ignored, and nothing else', () => {
    const ir = { statusCode: '200', selectionPattern: '', responseParameters: { 'method.response.header.X': "'x'" } };
    for (const type of ['HTTP_PROXY', 'AWS_PROXY']) {
      const method = makeMethod({ type, integrationResponses: [ir] });
      expect(codes(computeRowProblems(method, ir))).toEqual(['proxy-stray-response']);
      expect(computeRowProblems(makeMethod({ type }), undefined)).toEqual([]);
    }
  });

  test('a non-proxy method without integration responses fails every call; one without an integration needs one', () => {
    expect(codes(computeRowProblems(makeMethod({ type: 'MOCK' }), undefined))).toEqual(['no-integration-responses']);
    expect(codes(computeRowProblems(makeMethod({ noIntegration: true }), undefined))).toEqual(['no-integration']);
  });

  test('flags a malformed header key and an invalid mapping value', () => {
    const ir = {
      statusCode: '200',
      selectionPattern: '',
      responseParameters: { 'X-Bad': "'x'", 'method.response.header.X-Ok': '*' },
    };
    const method = makeMethod({
      methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.X-Ok': false } }],
      integrationResponses: [ir],
    });
    expect(codes(computeRowProblems(method, ir))).toEqual(['invalid-header-key', 'invalid-mapping-source']);
  });

  describe('JSON templates, rendered on a sample body', () => {
    const withTemplate = (templates: Record<string, string | null>) => {
      const ir = { statusCode: '200', selectionPattern: '', responseTemplates: templates };
      return computeRowProblems(
        makeMethod({ methodResponses: [{ statusCode: '200' }], integrationResponses: [ir] }),
        ir,
      );
    };

    test('accepts templates that render JSON whether the values they read are quoted or not', () => {
      expect(
        withTemplate({
          'application/json': `{"id": $input.json('$.id'), "name": "$input.path('$.pet.name')", "all": $input.json('$')}`,
        }),
      ).toEqual([]);
      expect(
        withTemplate({ 'application/json': '#set($r = $input.path(\'$.results\'))\n{"count": $r.size()}' }),
      ).toEqual([]);
    });

    test('flags a JSON template whose own text is not JSON, with line and column', () => {
      const problems = withTemplate({ 'application/json': '{"message": "done",}' });
      expect(codes(problems)).toEqual(['invalid-json-output']);
      expect(problems[0]?.message).toMatch(/application\/json template.*line 1, column/);
    });

    test('checks only content types that expect JSON, and skips passthrough (null) templates', () => {
      expect(withTemplate({ 'text/plain': 'not json', 'application/xml': '<a/>', 'application/json': null })).toEqual(
        [],
      );
      expect(codes(withTemplate({ 'application/problem+json': 'oops' }))).toEqual(['invalid-json-output']);
    });

    test('flags a template that does not parse', () => {
      expect(codes(withTemplate({ 'application/json': '#if($x) {"a": 1}' }))).toEqual(['template-error']);
    });

    test('the sample body sets each plain path the template reads to [1]', () => {
      expect(
        JSON.parse(sampleBodyFor(`$input.json('$.a.b') $input.path("$.a.c") $input.json('$.d') $input.json('$')`)),
      ).toEqual({ a: { b: [1], c: [1] }, d: [1] });
      expect(sampleBodyFor('{"static": true}')).toBe('{}');
    });
  });
});
