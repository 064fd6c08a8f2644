import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyIntegrationResponsePatch, splitPatchPath } from '@/rules/patch-operations';
import type { IntegrationResponse, IntegrationResponseInput, MethodResponse } from '@/rules/types';
import {
  describeStep,
  escapePointerSegment,
  integrationResponsePatch,
  methodResponseStep,
  planSend,
  withStaged,
} from './send-plan';

/** Differences AWS treats as the same stored object: "" or no pattern, "" or null template, an empty or no map. */
function normalized(r: IntegrationResponse): IntegrationResponse {
  const out: IntegrationResponse = { statusCode: r.statusCode };
  if (r.selectionPattern) out.selectionPattern = r.selectionPattern;
  if (r.contentHandling) out.contentHandling = r.contentHandling;
  if (r.responseParameters && Object.keys(r.responseParameters).length > 0)
    out.responseParameters = r.responseParameters;
  if (r.responseTemplates && Object.keys(r.responseTemplates).length > 0)
    out.responseTemplates = Object.fromEntries(Object.entries(r.responseTemplates).map(([k, v]) => [k, v || null]));
  return out;
}

const declared: MethodResponse = {
  statusCode: '404',
  responseParameters: { 'method.response.header.X-Old': true },
};

describe('methodResponseStep', () => {
  test('declares a staged header on an existing method response with an add operation, as optional', () => {
    expect(methodResponseStep(declared, { declareHeaders: ['X-Trace'], create: false })).toEqual({
      kind: 'UpdateMethodResponse',
      patchOperations: [{ op: 'add', path: '/responseParameters/method.response.header.X-Trace', value: 'false' }],
      headers: ['X-Trace'],
    });
  });

  test('asks for nothing once every staged header is declared (a retry after the first request succeeded)', () => {
    const after = withStaged(declared, { declareHeaders: ['X-Trace'], create: false }, '404');
    expect(after?.responseParameters).toEqual({
      'method.response.header.X-Old': true,
      'method.response.header.X-Trace': false,
    });
    expect(methodResponseStep(after, { declareHeaders: ['X-Trace'], create: false })).toBeNull();
    // A header already declared as required keeps its flag: nothing is sent for it.
    expect(methodResponseStep(declared, { declareHeaders: ['X-Old'], create: false })).toBeNull();
  });

  test('creates a missing method response with PutMethodResponse, with the staged headers or none', () => {
    expect(methodResponseStep(undefined, { declareHeaders: ['X-A', 'X-B'], create: false })).toEqual({
      kind: 'PutMethodResponse',
      body: { responseParameters: { 'method.response.header.X-A': false, 'method.response.header.X-B': false } },
      headers: ['X-A', 'X-B'],
    });
    expect(methodResponseStep(undefined, { declareHeaders: [], create: true })).toEqual({
      kind: 'PutMethodResponse',
      body: {},
      headers: [],
    });
    expect(methodResponseStep(undefined, { declareHeaders: [], create: false })).toBeNull();
    expect(methodResponseStep(undefined, undefined)).toBeNull();
    // "Create" with the method response already there (created by someone else meanwhile): nothing to send.
    expect(methodResponseStep(declared, { declareHeaders: [], create: true })).toBeNull();
  });
});

describe('integrationResponsePatch', () => {
  const stored: IntegrationResponse = {
    statusCode: '404',
    selectionPattern: 'Not found.*',
    contentHandling: 'CONVERT_TO_TEXT',
    responseParameters: {
      'method.response.header.X-Keep': "'k'",
      'method.response.header.X-Change': "'old'",
      'method.response.header.X-Drop': "'d'",
    },
    responseTemplates: { 'application/json': '{"a": 1}', 'text/plain': 'bye' },
  };

  test('sends only what changed, with `/` in map keys escaped as ~1', () => {
    const after: IntegrationResponseInput = {
      selectionPattern: 'Missing.*',
      responseParameters: {
        'method.response.header.X-Keep': "'k'",
        'method.response.header.X-Change': "'new'",
        'method.response.header.X-New': 'integration.response.body.id',
      },
      responseTemplates: { 'application/json': '{"a": 2}', 'application/xml': null },
    };
    expect(integrationResponsePatch(stored, after)).toEqual([
      { op: 'replace', path: '/selectionPattern', value: 'Missing.*' },
      { op: 'remove', path: '/contentHandling' },
      { op: 'remove', path: '/responseParameters/method.response.header.X-Drop' },
      { op: 'replace', path: '/responseParameters/method.response.header.X-Change', value: "'new'" },
      { op: 'add', path: '/responseParameters/method.response.header.X-New', value: 'integration.response.body.id' },
      { op: 'remove', path: '/responseTemplates/text~1plain' },
      { op: 'replace', path: '/responseTemplates/application~1json', value: '{"a": 2}' },
      { op: 'add', path: '/responseTemplates/application~1xml', value: '' },
    ]);
  });

  test('no operations when nothing changed; a cleared pattern is replaced by "" (the default response)', () => {
    const { statusCode: _s, ...same } = stored;
    expect(integrationResponsePatch(stored, same)).toEqual([]);
    expect(integrationResponsePatch(stored, { ...same, selectionPattern: undefined })).toEqual([
      { op: 'replace', path: '/selectionPattern', value: '' },
    ]);
  });

  test('escapes ~ before / so the emulator reads the key back exactly', () => {
    expect(escapePointerSegment('a~1/b')).toBe('a~01~1b');
    expect(splitPatchPath(`/responseTemplates/${escapePointerSegment('a~1/b')}`)).toEqual([
      'responseTemplates',
      'a~1/b',
    ]);
  });

  // The operations, applied the way the emulator applies UpdateIntegrationResponse, leave stored what a PUT of the
  // new body would store.
  test('applied by the emulator rules, the operations give what a PUT would store', () => {
    const header = fc.constantFrom('X-A', 'X-B', 'X-C');
    const contentType = fc.constantFrom('application/json', 'text/plain', 'application/vnd.x+json', 'a/b~c');
    const body = fc.record(
      {
        selectionPattern: fc.constantFrom('', '4\\d{2}', 'Not found.*'),
        contentHandling: fc.constantFrom('CONVERT_TO_TEXT' as const, 'CONVERT_TO_BINARY' as const),
        responseParameters: fc.dictionary(
          header.map((h) => `method.response.header.${h}`),
          fc.constantFrom("'x'", "'y'", 'integration.response.body.id'),
        ),
        responseTemplates: fc.dictionary(contentType, fc.option(fc.string({ minLength: 1, maxLength: 8 }))),
      },
      { requiredKeys: [] },
    );
    const methodResponse: MethodResponse = {
      statusCode: '404',
      responseParameters: {
        'method.response.header.X-A': false,
        'method.response.header.X-B': false,
        'method.response.header.X-C': false,
      },
    };
    fc.assert(
      fc.property(body, body, (before, after) => {
        const stored: IntegrationResponse = { statusCode: '404', ...before };
        const result = applyIntegrationResponsePatch(stored, integrationResponsePatch(stored, after), methodResponse);
        expect('value' in result).toBe(true);
        if ('value' in result) expect(normalized(result.value)).toEqual(normalized({ statusCode: '404', ...after }));
      }),
    );
  });
});

describe('planSend', () => {
  const body: IntegrationResponseInput = { responseParameters: { 'method.response.header.X-Trace': "'t'" } };
  const base: IntegrationResponse = { statusCode: '404' };

  test('the method response request goes first, then the integration response', () => {
    const plan = planSend({
      mode: 'put',
      body,
      base,
      methodResponse: declared,
      staged: { declareHeaders: ['X-Trace'], create: false },
    });
    expect(plan.map((s) => s.kind)).toEqual(['UpdateMethodResponse', 'PutIntegrationResponse']);
    expect(plan.map((s) => describeStep(s, '404'))).toEqual([
      'Declare X-Trace on method response 404',
      'Store the whole integration response 404',
    ]);
  });

  test('PATCH is computed against the stored version; a new response is always a PUT', () => {
    expect(planSend({ mode: 'patch', body, base, methodResponse: declared, staged: undefined })).toEqual([
      {
        kind: 'UpdateIntegrationResponse',
        patchOperations: [{ op: 'add', path: '/responseParameters/method.response.header.X-Trace', value: "'t'" }],
      },
    ]);
    expect(planSend({ mode: 'patch', body, base: null, methodResponse: declared, staged: undefined })).toEqual([
      { kind: 'PutIntegrationResponse', body },
    ]);
  });
});
