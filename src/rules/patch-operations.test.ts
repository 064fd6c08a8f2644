import { describe, expect, test } from 'vitest';
import { awsVerdict } from './integration-response';
import {
  applyIntegrationResponsePatch,
  applyMethodResponsePatch,
  splitPatchPath,
  validatePatchOperationsShape,
} from './patch-operations';
import { statusCodeViolation } from './status-code';
import type { IntegrationResponse, MethodResponse, RuleViolation } from './types';

describe('validatePatchOperationsShape', () => {
  test('accepts well-formed operations', () => {
    const r = validatePatchOperationsShape(
      { patchOperations: [{ op: 'replace', path: '/selectionPattern', value: '4\\d{2}' }] },
      'updateIntegrationResponseInput',
    );
    expect(r).toEqual({ ops: [{ op: 'replace', path: '/selectionPattern', value: '4\\d{2}' }], violations: [] });
    expect(validatePatchOperationsShape({}, 'updateIntegrationResponseInput')).toEqual({ ops: [], violations: [] });
  });

  test('rejects an unknown op with the 1-based index AWS prints (snapshot, UpdateMethodResponse)', () => {
    const r = validatePatchOperationsShape(
      {
        patchOperations: [
          { op: 'add', path: '/a', value: 'x' },
          { op: 'wrong_op', path: '/b' },
        ],
      },
      'updateMethodResponseInput',
    );
    expect(r.ops).toBeUndefined();
    expect(r.violations).toEqual([
      {
        code: 'invalid-patch-op',
        type: 'ValidationException',
        stage: 'request',
        field: 'patchOperations.1.op',
        message:
          "Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.2.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]",
      },
    ]);
  });

  test('combines with a bad status code into the captured two-error message', () => {
    const shape = validatePatchOperationsShape(
      { patchOperations: [{ op: 'wrong_op', path: '/x' }] },
      'updateMethodResponseInput',
    );
    const all = [statusCodeViolation('wrong'), ...shape.violations].filter((v): v is RuleViolation => v !== null);
    expect(awsVerdict(all)?.message).toBe(
      "2 validation errors detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d; " +
        "Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]",
    );
  });

  test('rejects wrongly typed bodies and members', () => {
    expect(validatePatchOperationsShape([], 'updateIntegrationResponseInput').violations[0]).toMatchObject({
      type: 'SerializationException',
    });
    expect(
      validatePatchOperationsShape({ patchOperations: {} }, 'updateIntegrationResponseInput').violations[0],
    ).toMatchObject({ type: 'SerializationException' });
    const r = validatePatchOperationsShape(
      { patchOperations: [{ op: 'add', path: '/x', value: true }] },
      'updateIntegrationResponseInput',
    );
    expect(r.violations).toEqual([
      {
        code: 'wrong-json-type',
        type: 'SerializationException',
        stage: 'request',
        field: 'patchOperations.0.value',
        message: 'class java.lang.Boolean can not be converted to an String',
      },
    ]);
  });
});

describe('splitPatchPath', () => {
  test('unescapes ~1 and ~0 in RFC 6901 order', () => {
    expect(splitPatchPath('/responseTemplates/application~1json')).toEqual(['responseTemplates', 'application/json']);
    expect(splitPatchPath('/a/~01')).toEqual(['a', '~1']);
    expect(splitPatchPath('selectionPattern')).toBeNull();
  });
});

describe('applyIntegrationResponsePatch', () => {
  const current: IntegrationResponse = {
    statusCode: '200',
    selectionPattern: '',
    responseTemplates: { 'application/json': '{}' },
    responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
  };
  const mr: MethodResponse = {
    statusCode: '200',
    responseParameters: {
      'method.response.header.Access-Control-Allow-Origin': false,
      'method.response.header.X-Foo': false,
    },
  };

  test('replaces the selection pattern and content handling', () => {
    const r = applyIntegrationResponsePatch(
      current,
      [
        { op: 'replace', path: '/selectionPattern', value: '2\\d{2}' },
        { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
      ],
      mr,
    );
    expect(r).toEqual({ value: { ...current, selectionPattern: '2\\d{2}', contentHandling: 'CONVERT_TO_TEXT' } });
    expect(current.selectionPattern).toBe('');
  });

  test('adds a template under an escaped content type, storing "" as null', () => {
    const r = applyIntegrationResponsePatch(
      current,
      [
        { op: 'add', path: '/responseTemplates/application~1xml', value: '<a/>' },
        { op: 'add', path: '/responseTemplates/text~1html', value: '' },
      ],
      mr,
    );
    expect('value' in r && r.value.responseTemplates).toEqual({
      'application/json': '{}',
      'application/xml': '<a/>',
      'text/html': null,
    });
  });

  test('omits a map whose last key was removed', () => {
    const r = applyIntegrationResponsePatch(
      current,
      [
        { op: 'remove', path: '/responseTemplates/application~1json' },
        { op: 'remove', path: '/responseParameters/method.response.header.Access-Control-Allow-Origin' },
        { op: 'remove', path: '/selectionPattern' },
      ],
      mr,
    );
    expect(r).toEqual({ value: { statusCode: '200' } });
  });

  test('replaces a mapping (CLI example) and validates it against the method response', () => {
    const ok = applyIntegrationResponsePatch(
      current,
      [
        {
          op: 'replace',
          path: '/responseParameters/method.response.header.X-Foo',
          value: 'integration.response.header.X-Foo',
        },
      ],
      mr,
    );
    expect('value' in ok && ok.value.responseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
      'method.response.header.X-Foo': 'integration.response.header.X-Foo',
    });
    const undeclared = applyIntegrationResponsePatch(
      current,
      [{ op: 'add', path: '/responseParameters/method.response.header.X-Bar', value: "'x'" }],
      mr,
    );
    expect(undeclared).toEqual({
      violation: {
        code: 'undeclared-header',
        type: 'BadRequestException',
        stage: 'method',
        field: 'responseParameters.method.response.header.X-Bar',
        message:
          'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Bar]',
      },
    });
    const unquoted = applyIntegrationResponsePatch(
      current,
      [{ op: 'replace', path: '/responseParameters/method.response.header.X-Foo', value: '*' }],
      mr,
    );
    expect('violation' in unquoted && unquoted.violation.message).toBe(
      'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: *]',
    );
  });

  test.each([
    '/wrong/x',
    '/statusCode',
    '/responseTemplates',
    '/responseParameters/',
    '/responseTemplates/a/b',
    'selectionPattern',
  ])('rejects the path %s', (path) => {
    const r = applyIntegrationResponsePatch(current, [{ op: 'replace', path, value: 'x' }], mr);
    expect(r).toEqual({
      violation: {
        code: 'invalid-patch-path',
        type: 'BadRequestException',
        stage: 'method',
        field: 'patchOperations',
        message: `Invalid patch path ${path}`,
      },
    });
  });

  test('rejects move/copy/test and a bad content handling', () => {
    expect(
      'violation' in
        applyIntegrationResponsePatch(current, [{ op: 'copy', path: '/selectionPattern', from: '/x' }], mr),
    ).toBe(true);
    const bad = applyIntegrationResponsePatch(
      current,
      [{ op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_JSON' }],
      mr,
    );
    expect('violation' in bad && bad.violation.type).toBe('BadRequestException');
  });
});

describe('applyMethodResponsePatch', () => {
  const current: MethodResponse = {
    statusCode: '200',
    responseParameters: { 'method.response.header.my-header': false },
    responseModels: { 'application/json': 'Empty' },
  };

  test('adds and replaces parameters with boolean values', () => {
    const r = applyMethodResponsePatch(current, [
      { op: 'add', path: '/responseParameters/method.response.header.X-New', value: 'true' },
      { op: 'replace', path: '/responseParameters/method.response.header.my-header', value: 'TRUE' },
    ]);
    expect('value' in r && r.value.responseParameters).toEqual({
      'method.response.header.my-header': true,
      'method.response.header.X-New': true,
    });
  });

  test('removes to {"statusCode":"200"} once every map is empty (snapshot remove-update-method-response)', () => {
    const r = applyMethodResponsePatch(current, [
      { op: 'remove', path: '/responseParameters/method.response.header.my-header' },
      { op: 'remove', path: '/responseModels/application~1json' },
    ]);
    expect(r).toEqual({ value: { statusCode: '200' } });
  });

  test('answers 404 for a missing parameter or model on replace/remove (snapshots)', () => {
    expect(
      applyMethodResponsePatch(current, [
        { op: 'replace', path: '/responseParameters/method.response.header.nope', value: 'true' },
      ]),
    ).toEqual({
      violation: {
        code: 'patch-target-not-found',
        type: 'NotFoundException',
        stage: 'method',
        field: 'responseParameters.method.response.header.nope',
        message: 'Invalid parameter name specified',
      },
    });
    expect(applyMethodResponsePatch(current, [{ op: 'remove', path: '/responseModels/text~1html' }])).toEqual({
      violation: {
        code: 'patch-target-not-found',
        type: 'NotFoundException',
        stage: 'method',
        field: 'responseModels.text/html',
        message: 'Content-Type specified was not found',
      },
    });
  });

  test('rejects a bad path with the captured text', () => {
    expect(
      applyMethodResponsePatch(current, [
        { op: 'add', path: '/wrong/method.response.header.my-header', value: 'true' },
      ]),
    ).toEqual({
      violation: {
        code: 'invalid-patch-path',
        type: 'BadRequestException',
        stage: 'method',
        field: 'patchOperations',
        message: 'Invalid patch path /wrong/method.response.header.my-header',
      },
    });
  });

  test('adds a model and rejects a bad model content type', () => {
    const r = applyMethodResponsePatch(current, [{ op: 'add', path: '/responseModels/text~1html', value: 'Error' }]);
    expect('value' in r && r.value.responseModels).toEqual({ 'application/json': 'Empty', 'text/html': 'Error' });
    const bad = applyMethodResponsePatch(current, [
      { op: 'add', path: '/responseModels/application-json', value: 'Empty' },
    ]);
    expect('violation' in bad && bad.violation.message).toBe(
      'Validation Result: warnings : [], errors : [Invalid content type specified: application-json]',
    );
  });
});
