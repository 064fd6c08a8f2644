import { describe, expect, test } from 'vitest';
import {
  awsVerdict,
  contentHandlingValues,
  integrationResponseInputSchema,
  MAX_TEMPLATE_BYTES,
  validateIntegrationResponseAgainstMethod,
  validateIntegrationResponseRequest,
  validatePutMethodResponse,
} from './integration-response';
import type { MethodResponse, RuleViolation } from './types';

const MP = 'Invalid mapping expression specified: Validation Result: warnings : [], errors : ';
const NUMBER_TO_STRING =
  'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String';
const BOOLEAN_TO_STRING = 'class java.lang.Boolean can not be converted to an String';

describe('validateIntegrationResponseRequest', () => {
  test('accepts the captured lifecycle body and keeps "" as the selection pattern', () => {
    const r = validateIntegrationResponseRequest('200', {
      selectionPattern: '',
      responseTemplates: { 'application/json': '"created"' },
    });
    expect(r).toEqual({
      value: { selectionPattern: '', responseTemplates: { 'application/json': '"created"' } },
      violations: [],
    });
  });

  test('stores "" and null templates as null', () => {
    const r = validateIntegrationResponseRequest('200', {
      responseTemplates: { 'application/json': '', 'text/html': null },
    });
    expect(r.value?.responseTemplates).toEqual({ 'application/json': null, 'text/html': null });
  });

  test('treats an absent body and null members as unset', () => {
    expect(validateIntegrationResponseRequest('200', undefined)).toEqual({ value: {}, violations: [] });
    expect(validateIntegrationResponseRequest('200', { selectionPattern: null, contentHandling: null })).toEqual({
      value: {},
      violations: [],
    });
  });

  test('ignores members it does not know', () => {
    expect(validateIntegrationResponseRequest('200', { statusCode: '500', foo: 1 })).toEqual({
      value: {},
      violations: [],
    });
  });

  test.each(contentHandlingValues)('accepts contentHandling %s', (ch) => {
    expect(validateIntegrationResponseRequest('200', { contentHandling: ch }).value).toEqual({ contentHandling: ch });
  });

  test('rejects a number template (snapshot test_integration_response_invalid_responsetemplates)', () => {
    const r = validateIntegrationResponseRequest('200', { responseTemplates: { 'application/json': 123 } });
    expect(r.value).toBeUndefined();
    expect(r.violations).toEqual([
      {
        code: 'wrong-json-type',
        type: 'SerializationException',
        stage: 'request',
        field: 'responseTemplates.application/json',
        message: NUMBER_TO_STRING,
      },
    ]);
    expect(awsVerdict(r.violations)).toEqual({ type: 'SerializationException', message: NUMBER_TO_STRING });
  });

  test('rejects a boolean mapping value', () => {
    const r = validateIntegrationResponseRequest('200', { responseParameters: { 'method.response.header.X': true } });
    expect(r.violations).toEqual([
      {
        code: 'wrong-json-type',
        type: 'SerializationException',
        stage: 'request',
        field: 'responseParameters.method.response.header.X',
        message: BOOLEAN_TO_STRING,
      },
    ]);
  });

  test('rejects a non-object body', () => {
    const r = validateIntegrationResponseRequest('200', [1, 2]);
    expect(r.violations[0]).toMatchObject({ type: 'SerializationException', field: 'body' });
    expect(validateIntegrationResponseRequest('200', 'x').violations[0]).toMatchObject({
      type: 'SerializationException',
      field: 'body',
    });
  });

  test('rejects a wrongly typed selectionPattern and maps', () => {
    const r = validateIntegrationResponseRequest('200', {
      selectionPattern: 5,
      responseTemplates: 'x',
      responseParameters: [],
    });
    expect(r.violations.map((v) => [v.type, v.field])).toEqual([
      ['SerializationException', 'selectionPattern'],
      ['SerializationException', 'responseTemplates'],
      ['SerializationException', 'responseParameters'],
    ]);
    expect(r.violations[0]?.message).toBe(NUMBER_TO_STRING);
  });

  test('reports a bad statusCode as a ValidationException, before existence checks', () => {
    const r = validateIntegrationResponseRequest('wrong', {});
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({ type: 'ValidationException', stage: 'request', field: 'statusCode' });
    expect(awsVerdict(r.violations)?.message).toBe(
      "1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
    );
  });

  test('rejects a contentHandling outside the enum and combines it with a bad statusCode', () => {
    const r = validateIntegrationResponseRequest('600', { contentHandling: 'CONVERT_TO_JSON' });
    expect(r.violations.map((v) => v.field)).toEqual(['statusCode', 'contentHandling']);
    expect(awsVerdict(r.violations)).toEqual({
      type: 'ValidationException',
      message:
        "2 validation errors detected: Value '600' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d; " +
        "Value 'CONVERT_TO_JSON' at 'putIntegrationResponseInput.contentHandling' failed to satisfy constraint: Member must satisfy enum value set: [CONVERT_TO_BINARY, CONVERT_TO_TEXT]",
    });
  });

  test('lets a SerializationException win over validation errors', () => {
    const r = validateIntegrationResponseRequest('wrong', { responseTemplates: { 'application/json': false } });
    expect(r.violations.map((v) => v.type)).toEqual(['SerializationException', 'ValidationException']);
    expect(awsVerdict(r.violations)).toEqual({ type: 'SerializationException', message: BOOLEAN_TO_STRING });
  });
});

describe('integrationResponseInputSchema', () => {
  test('parses what the validator accepts and refuses a bad enum', () => {
    expect(
      integrationResponseInputSchema.parse({
        selectionPattern: '4\\d{2}',
        responseTemplates: { 'application/json': null },
        contentHandling: 'CONVERT_TO_TEXT',
      }),
    ).toEqual({
      selectionPattern: '4\\d{2}',
      responseTemplates: { 'application/json': null },
      contentHandling: 'CONVERT_TO_TEXT',
    });
    expect(integrationResponseInputSchema.safeParse({ contentHandling: 'CONVERT_TO_JSON' }).success).toBe(false);
    expect(integrationResponseInputSchema.safeParse({ responseParameters: { a: true } }).success).toBe(false);
  });
});

describe('validateIntegrationResponseAgainstMethod', () => {
  const mr: MethodResponse = {
    statusCode: '200',
    responseParameters: { 'method.response.header.X-Foo': false, 'method.response.header.ETag': true },
  };

  test('accepts declared headers with every documented source', () => {
    const ok = validateIntegrationResponseAgainstMethod(
      {
        responseParameters: {
          'method.response.header.X-Foo': "'bar'",
          'method.response.header.ETag': 'integration.response.header.ETag',
        },
      },
      mr,
    );
    expect(ok).toEqual([]);
  });

  test('needs no method response without responseParameters (test_lifecycle_integration_response)', () => {
    expect(
      validateIntegrationResponseAgainstMethod(
        { selectionPattern: '', responseTemplates: { 'application/json': 'x' } },
        undefined,
      ),
    ).toEqual([]);
    expect(validateIntegrationResponseAgainstMethod({ responseParameters: {} }, undefined)).toEqual([]);
  });

  test('rejects responseParameters when no method response exists', () => {
    const v = validateIntegrationResponseAgainstMethod(
      { responseParameters: { 'method.response.header.X-Foo': "'bar'" } },
      undefined,
    );
    expect(v).toEqual([
      {
        code: 'missing-method-response',
        type: 'BadRequestException',
        stage: 'method',
        field: 'responseParameters',
        message: `${MP}[No method response exists for method.]`,
      },
    ]);
  });

  test('rejects a header the method response does not declare', () => {
    const v = validateIntegrationResponseAgainstMethod(
      { responseParameters: { 'method.response.header.X-Bar': "'x'" } },
      mr,
    );
    expect(v).toEqual([
      {
        code: 'undeclared-header',
        type: 'BadRequestException',
        stage: 'method',
        field: 'responseParameters.method.response.header.X-Bar',
        message:
          'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Bar]',
      },
    ]);
  });

  test.each([
    ['*', `${MP}[Invalid mapping expression specified: *]`],
    ['"*"', `${MP}[Invalid mapping expression specified: "*"]`],
    ['bar', `${MP}[Invalid mapping expression specified: bar]`],
  ])('rejects the unquoted value %s verbatim', (expr, message) => {
    const v = validateIntegrationResponseAgainstMethod(
      { responseParameters: { 'method.response.header.X-Foo': expr } },
      mr,
    );
    expect(v).toEqual([
      {
        code: 'invalid-mapping-source',
        type: 'BadRequestException',
        stage: 'method',
        field: 'responseParameters.method.response.header.X-Foo',
        message,
      },
    ]);
  });

  test('rejects a malformed key', () => {
    const v = validateIntegrationResponseAgainstMethod({ responseParameters: { 'X-Foo': "'x'" } }, mr);
    expect(v).toEqual([
      {
        code: 'invalid-header-key',
        type: 'BadRequestException',
        stage: 'method',
        field: 'responseParameters.X-Foo',
        message: `${MP}[Invalid mapping identifier specified]`,
      },
    ]);
  });

  test('rejects template content type 123 (snapshot)', () => {
    const v = validateIntegrationResponseAgainstMethod(
      { responseTemplates: { '123': 'x', 'application/json': 'y' } },
      undefined,
    );
    expect(v).toEqual([
      {
        code: 'invalid-content-type',
        type: 'BadRequestException',
        stage: 'method',
        field: 'responseTemplates.123',
        message: 'Validation Result: warnings : [], errors : [Invalid content type specified: 123]',
      },
    ]);
  });

  test('rejects a template over 300 KB (UTF-8 bytes) and accepts one at the limit', () => {
    expect(
      validateIntegrationResponseAgainstMethod(
        { responseTemplates: { 'application/json': 'a'.repeat(MAX_TEMPLATE_BYTES) } },
        undefined,
      ),
    ).toEqual([]);
    const v = validateIntegrationResponseAgainstMethod(
      { responseTemplates: { 'application/json': 'é'.repeat(MAX_TEMPLATE_BYTES / 2 + 1) } },
      undefined,
    );
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ type: 'BadRequestException', field: 'responseTemplates.application/json' });
    expect(v[0]?.message).toContain('300 KB');
  });

  test('counts 3- and 4-byte characters (a surrogate pair is one 4-byte character) against the 300 KB limit', () => {
    const check = (t: string) =>
      validateIntegrationResponseAgainstMethod({ responseTemplates: { 'application/json': t } }, undefined).length;
    expect(check(`${'a'.repeat(MAX_TEMPLATE_BYTES - 3)}€`)).toBe(0);
    expect(check(`${'a'.repeat(MAX_TEMPLATE_BYTES - 2)}€`)).toBe(1);
    expect(check(`😀${'a'.repeat(MAX_TEMPLATE_BYTES - 4)}`)).toBe(0);
    expect(check(`😀${'a'.repeat(MAX_TEMPLATE_BYTES - 3)}`)).toBe(1);
  });

  test('returns every violation, parameters first, and the verdict is the first one', () => {
    const v = validateIntegrationResponseAgainstMethod(
      {
        responseParameters: { 'method.response.header.X-Foo': '*', 'method.response.header.X-Bar': "'ok'" },
        responseTemplates: { '123': 'x' },
      },
      mr,
    );
    expect(v.map((x) => x.field)).toEqual([
      'responseParameters.method.response.header.X-Foo',
      'responseParameters.method.response.header.X-Bar',
      'responseTemplates.123',
    ]);
    expect(awsVerdict(v)).toEqual({
      type: 'BadRequestException',
      message: `${MP}[Invalid mapping expression specified: *]`,
    });
  });
});

describe('awsVerdict', () => {
  const v = (type: RuleViolation['type'], message: string): RuleViolation => ({
    code: 'wrong-json-type',
    type,
    message,
    stage: 'request',
    field: 'x',
  });
  test('returns null when nothing is wrong', () => {
    expect(awsVerdict([])).toBeNull();
  });
  test('prefers Serialization, then combined Validation, then the first BadRequest', () => {
    expect(
      awsVerdict([v('BadRequestException', 'b'), v('ValidationException', 'a'), v('ValidationException', 'c')]),
    ).toEqual({
      type: 'ValidationException',
      message: '2 validation errors detected: a; c',
    });
    expect(awsVerdict([v('BadRequestException', 'b1'), v('BadRequestException', 'b2')])).toEqual({
      type: 'BadRequestException',
      message: 'b1',
    });
    expect(awsVerdict([v('ValidationException', 'a'), v('SerializationException', 's')])).toEqual({
      type: 'SerializationException',
      message: 's',
    });
  });
});

describe('validatePutMethodResponse', () => {
  test('accepts headers with required flags and models, echoing empty maps', () => {
    expect(
      validatePutMethodResponse('200', {
        responseParameters: { 'method.response.header.X-Foo': false },
        responseModels: { 'application/json': 'Empty' },
      }),
    ).toEqual({
      value: {
        responseParameters: { 'method.response.header.X-Foo': false },
        responseModels: { 'application/json': 'Empty' },
      },
      violations: [],
    });
    expect(validatePutMethodResponse('200', { responseParameters: {}, responseModels: {} }).value).toEqual({
      responseParameters: {},
      responseModels: {},
    });
    expect(validatePutMethodResponse('200', undefined).value).toEqual({});
  });
  test('rejects a bad status code', () => {
    expect(validatePutMethodResponse('abc', {}).violations[0]).toMatchObject({
      type: 'ValidationException',
      field: 'statusCode',
    });
  });
  test('rejects non-boolean flags and malformed keys', () => {
    const r = validatePutMethodResponse('200', {
      responseParameters: { 'method.response.header.X': 'true', foo: true },
    });
    expect(r.value).toBeUndefined();
    expect(r.violations.map((x) => [x.type, x.field])).toEqual([
      ['SerializationException', 'responseParameters.method.response.header.X'],
      ['BadRequestException', 'responseParameters.foo'],
    ]);
  });
  test('rejects a model content type like application-json', () => {
    const r = validatePutMethodResponse('200', { responseModels: { 'application-json': 'Empty' } });
    expect(r.violations).toEqual([
      {
        code: 'invalid-content-type',
        type: 'BadRequestException',
        stage: 'method',
        field: 'responseModels.application-json',
        message: 'Validation Result: warnings : [], errors : [Invalid content type specified: application-json]',
      },
    ]);
  });
});
