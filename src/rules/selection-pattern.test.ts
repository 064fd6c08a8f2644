import { describe, expect, test } from 'vitest';
import {
  integrationResponseWarnings,
  matchesWhole,
  selectIntegrationResponse,
  translateJavaPattern,
} from './selection-pattern';
import type { IntegrationResponse } from './types';

describe('translateJavaPattern / matchesWhole', () => {
  test('returns an anchored RegExp and notes', () => {
    const r = translateJavaPattern('4\\d{2}');
    expect(r.ok && r.regex.test('404')).toBe(true);
    expect(r.ok && r.regex.test('x404')).toBe(false);
    expect(r.ok && r.notes).toEqual([]);
    expect(translateJavaPattern('(')).toMatchObject({ ok: false });
  });
  test('matches the whole string, as the docs examples expect', () => {
    expect(matchesWhole('Invalid*', 'Invalid input')).toBe(false);
    expect(matchesWhole('Invalid.*', 'Invalid input')).toBe(true);
    expect(matchesWhole('.*\\[400\\].*', 'Bad thing [400] happened')).toBe(true);
    expect(matchesWhole('(', '(')).toBe(false);
  });
});

// The AWS-validated test_lambda_selection_patterns setup (docs/aws/selection-patterns.md).
const lambdaResponses: IntegrationResponse[] = [
  { statusCode: '200', selectionPattern: '' },
  { statusCode: '405', selectionPattern: '.*four hundred.*' },
  { statusCode: '502', selectionPattern: '.+' },
  { statusCode: '504', selectionPattern: '200' },
];

describe('selectIntegrationResponse', () => {
  test('sends a Lambda success (empty error message) to the default', () => {
    expect(selectIntegrationResponse(lambdaResponses, { kind: 'lambda', errorMessage: '' })).toEqual({
      statusCode: '200',
      via: 'default',
    });
  });
  test('matches Lambda error messages, not status codes', () => {
    expect(
      selectIntegrationResponse(lambdaResponses, { kind: 'lambda', errorMessage: 'this is four hundred' }),
    ).toEqual({ statusCode: '405', via: 'pattern', alsoMatched: ['502'] });
    expect(selectIntegrationResponse(lambdaResponses, { kind: 'lambda', errorMessage: 'boom' })).toEqual({
      statusCode: '502',
      via: 'pattern',
      alsoMatched: [],
    });
    expect(selectIntegrationResponse(lambdaResponses, { kind: 'lambda', errorMessage: '200' })).toEqual({
      statusCode: '502',
      via: 'pattern',
      alsoMatched: ['504'],
    });
  });
  test('lets a pattern that matches "" replace the default for Lambda successes', () => {
    const rs: IntegrationResponse[] = [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '.*' }];
    expect(selectIntegrationResponse(rs, { kind: 'lambda', errorMessage: '' })).toEqual({
      statusCode: '500',
      via: 'pattern',
      alsoMatched: [],
    });
  });
  test('falls back to the default when a multi-line message escapes .*', () => {
    const rs: IntegrationResponse[] = [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '.*Error.*' }];
    expect(selectIntegrationResponse(rs, { kind: 'lambda', errorMessage: 'Error\n  at handler' })).toEqual({
      statusCode: '200',
      via: 'default',
    });
  });
  test('matches HTTP status codes for non-Lambda back ends', () => {
    const rs: IntegrationResponse[] = [
      { statusCode: '200', selectionPattern: '' },
      { statusCode: '400', selectionPattern: '4\\d{2}' },
    ];
    expect(selectIntegrationResponse(rs, { kind: 'status', statusCode: '404' })).toEqual({
      statusCode: '400',
      via: 'pattern',
      alsoMatched: [],
    });
    expect(selectIntegrationResponse(rs, { kind: 'status', statusCode: '503' })).toEqual({
      statusCode: '200',
      via: 'default',
    });
  });
  test('picks the lowest status code when several patterns match, and names the others', () => {
    const rs: IntegrationResponse[] = [
      { statusCode: '500', selectionPattern: '.*' },
      { statusCode: '400', selectionPattern: '4\\d\\d' },
    ];
    expect(selectIntegrationResponse(rs, { kind: 'status', statusCode: '404' })).toEqual({
      statusCode: '400',
      via: 'pattern',
      alsoMatched: ['500'],
    });
  });
  test('explains a miss without a default', () => {
    const r = selectIntegrationResponse([{ statusCode: '400', selectionPattern: '4\\d{2}' }], {
      kind: 'status',
      statusCode: '500',
    });
    expect(r.statusCode).toBeNull();
    expect('reason' in r && r.reason).toMatch(/No match for output mapping and no default output mapping specified/);
  });
});

function codes(ws: { code: string }[]): string[] {
  return ws.map((w) => w.code);
}

describe('integrationResponseWarnings', () => {
  const base = { isLambda: false, integrationType: 'HTTP' as const };

  test('is quiet for a default response and a well-formed status pattern', () => {
    expect(
      integrationResponseWarnings({ ...base, statusCode: '200', input: { selectionPattern: '' }, siblings: [] }),
    ).toEqual([]);
    expect(
      integrationResponseWarnings({
        ...base,
        statusCode: '400',
        input: { selectionPattern: '4\\d{2}' },
        siblings: [{ statusCode: '200', selectionPattern: '' }],
      }),
    ).toEqual([]);
  });

  test('warns when no response of the method is the default', () => {
    const ws = integrationResponseWarnings({
      ...base,
      statusCode: '400',
      input: { selectionPattern: '4\\d{2}' },
      siblings: [{ statusCode: '500', selectionPattern: '5\\d{2}' }],
    });
    expect(codes(ws)).toEqual(['no-default']);
    expect(ws[0]?.field).toBe('selectionPattern');
  });

  test('counts the response being edited, not its stored old version, as the default', () => {
    const ws = integrationResponseWarnings({
      ...base,
      statusCode: '400',
      input: { selectionPattern: '4\\d{2}' },
      siblings: [{ statusCode: '400', selectionPattern: '' }],
    });
    expect(codes(ws)).toEqual(['no-default']);
  });

  test('flags a Lambda catch-all that swallows successes', () => {
    const ws = integrationResponseWarnings({
      isLambda: true,
      integrationType: 'AWS',
      statusCode: '500',
      input: { selectionPattern: '.*' },
      siblings: [{ statusCode: '200' }],
    });
    expect(codes(ws)).toContain('catch-all');
    expect(
      codes(
        integrationResponseWarnings({
          isLambda: true,
          statusCode: '502',
          input: { selectionPattern: '.+' },
          siblings: [{ statusCode: '200' }],
        }),
      ),
    ).not.toContain('catch-all');
  });

  test('flags a status pattern that matches every code', () => {
    expect(
      codes(
        integrationResponseWarnings({
          ...base,
          statusCode: '200',
          input: { selectionPattern: '\\d+' },
          siblings: [{ statusCode: '500', selectionPattern: '' }],
        }),
      ),
    ).toEqual(['catch-all']);
  });

  test('the catch-all warning names the default response by its status code, which need not be 200', () => {
    const message = (isLambda: boolean, siblings: { statusCode: string; selectionPattern?: string }[]) =>
      integrationResponseWarnings({
        ...base,
        isLambda,
        statusCode: '200',
        input: { selectionPattern: '.*' },
        siblings,
      }).find((w) => w.code === 'catch-all')?.message;
    expect(message(false, [{ statusCode: '500' }])).toBe(
      'This pattern matches every HTTP status code, so the default integration response (500, the one with no selection pattern) is never used: every status code that no other pattern matches gets 200 instead of 500.',
    );
    expect(message(true, [{ statusCode: '500' }])).toBe(
      'This pattern matches an empty error message, so it also catches every successful Lambda call: they get 200 instead of 500 from the default integration response (500, the one with no selection pattern).',
    );
    // No default at all: nothing is "instead of" anything.
    expect(message(false, [{ statusCode: '500', selectionPattern: '5\\d{2}' }])).toBe(
      'This pattern matches every HTTP status code, so it acts as the default: every status code that no other pattern matches gets 200.',
    );
    expect(message(true, [])).not.toMatch(/default|successful responses get/);
  });

  test('flags identical and covered patterns as shadowed', () => {
    const same = integrationResponseWarnings({
      ...base,
      statusCode: '401',
      input: { selectionPattern: '4\\d{2}' },
      siblings: [{ statusCode: '200' }, { statusCode: '400', selectionPattern: '4\\d{2}' }],
    });
    expect(codes(same)).toEqual(['shadowed']);
    expect(same[0]?.message).toContain('400');
    const covered = integrationResponseWarnings({
      ...base,
      statusCode: '404',
      input: { selectionPattern: '404' },
      siblings: [{ statusCode: '200' }, { statusCode: '400', selectionPattern: '4\\d{2}' }],
    });
    expect(codes(covered)).toEqual(['shadowed']);
    const lambda = integrationResponseWarnings({
      isLambda: true,
      statusCode: '405',
      input: { selectionPattern: '.*four hundred.*' },
      siblings: [{ statusCode: '200' }, { statusCode: '502', selectionPattern: '.+' }],
    });
    expect(codes(lambda)).toEqual(['shadowed', 'multiline']);
    // `.+` can't match a multi-line message, which a (?s) pattern can: not covered, but the two still overlap.
    const dotAll = integrationResponseWarnings({
      isLambda: true,
      statusCode: '405',
      input: { selectionPattern: '(?s).*four hundred.*' },
      siblings: [{ statusCode: '200' }, { statusCode: '502', selectionPattern: '.+' }],
    });
    expect(codes(dotAll)).toEqual(['overlap']);
    const dotAllSibling = integrationResponseWarnings({
      isLambda: true,
      statusCode: '405',
      input: { selectionPattern: '(?s).*four hundred.*' },
      siblings: [{ statusCode: '200' }, { statusCode: '502', selectionPattern: '(?s).+' }],
    });
    expect(codes(dotAllSibling)).toEqual(['shadowed']);
    const distinct = integrationResponseWarnings({
      ...base,
      statusCode: '500',
      input: { selectionPattern: '5\\d{2}' },
      siblings: [{ statusCode: '200' }, { statusCode: '400', selectionPattern: '4\\d{2}' }],
    });
    expect(distinct).toEqual([]);
  });

  test('flags a second default response', () => {
    const ws = integrationResponseWarnings({
      ...base,
      statusCode: '500',
      input: {},
      siblings: [{ statusCode: '200', selectionPattern: '' }],
    });
    expect(codes(ws)).toEqual(['shadowed']);
    expect(ws[0]?.message).toMatch(/ConflictException/);
  });

  test('warns (never errors) about patterns Java would not compile or that behave differently', () => {
    const invalid = integrationResponseWarnings({
      ...base,
      statusCode: '400',
      input: { selectionPattern: '(' },
      siblings: [{ statusCode: '200' }],
    });
    expect(codes(invalid)).toEqual(['java-regex']);
    const brace = integrationResponseWarnings({
      isLambda: true,
      statusCode: '400',
      input: { selectionPattern: '.*{"error".*' },
      siblings: [{ statusCode: '200' }],
    });
    expect(brace[0]?.message).toMatch(/Illegal repetition/);
    const possessive = integrationResponseWarnings({
      isLambda: true,
      statusCode: '400',
      input: { selectionPattern: '(?i)(a)\\1.*' },
      siblings: [{ statusCode: '200' }],
    });
    expect(codes(possessive)).toEqual(['java-regex', 'multiline']);
  });

  test('warns that . cannot cross lines in Lambda error messages', () => {
    const ws = integrationResponseWarnings({
      isLambda: true,
      statusCode: '400',
      input: { selectionPattern: 'Bad.*' },
      siblings: [{ statusCode: '200' }],
    });
    expect(codes(ws)).toEqual(['multiline']);
    expect(
      integrationResponseWarnings({
        isLambda: true,
        statusCode: '400',
        input: { selectionPattern: '(?s)Bad.*' },
        siblings: [{ statusCode: '200' }],
      }),
    ).toEqual([]);
    expect(
      integrationResponseWarnings({
        isLambda: true,
        statusCode: '400',
        input: { selectionPattern: 'Bad[\\s\\S]*' },
        siblings: [{ statusCode: '200' }],
      }),
    ).toEqual([]);
  });

  test('warns when a non-Lambda pattern can never match a status code', () => {
    const ws = integrationResponseWarnings({
      ...base,
      statusCode: '400',
      input: { selectionPattern: '.*Bad Request.*' },
      siblings: [{ statusCode: '200' }],
    });
    expect(codes(ws)).toEqual(['status-pattern-shape']);
    expect(ws[0]?.message).toContain('HTTP');
    expect(
      codes(
        integrationResponseWarnings({
          isLambda: true,
          statusCode: '400',
          input: { selectionPattern: '(?s).*Bad Request.*' },
          siblings: [{ statusCode: '200' }],
        }),
      ),
    ).toEqual([]);
  });
});

describe('JavaScript regex literals', () => {
  const warn = (selectionPattern: string, isLambda = true) =>
    integrationResponseWarnings({
      statusCode: '400',
      input: { selectionPattern },
      siblings: [{ statusCode: '200' }],
      isLambda,
    }).filter((w) => w.code === 'js-regex-literal');

  test('flags /Invalid.*/ and /invalid/i, suggesting the Java form with (?i) for the flag', () => {
    expect(warn('/Invalid.*/')).toEqual([
      expect.objectContaining({ field: 'selectionPattern', fix: { label: 'Use Invalid.*', value: 'Invalid.*' } }),
    ]);
    const [flagged] = warn('/invalid/i');
    expect(flagged?.fix).toEqual({ label: 'Use (?i)invalid', value: '(?i)invalid' });
    expect(flagged?.message).toMatch(/slashes and the "i" after it as plain text/);
    expect(warn('/4\\d{2}/g', false)[0]?.fix?.value).toBe('4\\d{2}');
    expect(warn('/x/gims')[0]?.fix?.value).toBe('(?ims)x');
  });

  test('AWS takes the slashes as literal text, so the pattern still matches exactly that text', () => {
    expect(matchesWhole('/invalid/i', '/invalid/i')).toBe(true);
    expect(matchesWhole('/invalid/i', 'invalid')).toBe(false);
  });

  test('leaves ordinary patterns alone, slashes inside them included', () => {
    expect(warn('Invalid.*')).toEqual([]);
    expect(warn('.*/api/.*')).toEqual([]);
    expect(warn('/')).toEqual([]);
    expect(warn('//')).toEqual([]);
  });
});

describe('quoted static header values', () => {
  test("warns about '*' typed with its quotes, offering the value without them", () => {
    const warnings = integrationResponseWarnings({
      statusCode: '200',
      input: {
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': "''*''",
          'method.response.header.X-Json': '\'"a"\'',
          'method.response.header.X-Plain': "'*'",
          'method.response.header.X-Inner': "'it's'",
        },
      },
      siblings: [],
      isLambda: false,
    }).filter((w) => w.code === 'quoted-static-value');
    expect(warnings.map((w) => [w.field, w.fix?.value])).toEqual([
      ['responseParameters.method.response.header.Access-Control-Allow-Origin', "'*'"],
      ['responseParameters.method.response.header.X-Json', "'a'"],
    ]);
    expect(warnings[0]?.message).toMatch(/Access-Control-Allow-Origin: '\*', quotes included/);
  });
});

describe('overlapping patterns', () => {
  const overlaps = (selectionPattern: string, siblings: IntegrationResponse[], isLambda: boolean) =>
    integrationResponseWarnings({ statusCode: '400', input: { selectionPattern }, siblings, isLambda }).filter(
      (w) => w.code === 'overlap',
    );

  test('status patterns that share some codes, neither covering the other, are flagged with a shared code', () => {
    const [w] = overlaps(
      '4\\d{2}',
      [{ statusCode: '200' }, { statusCode: '404', selectionPattern: '40\\d|50\\d' }],
      false,
    );
    expect(w).toMatchObject({ otherStatusCode: '404', example: 'status code 400' });
    expect(w?.message).toMatch(/AWS documents no order among matching patterns/);
    expect(
      overlaps('4\\d{2}', [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '5\\d{2}' }], false),
    ).toEqual([]);
  });

  test('Lambda patterns meeting on one message are flagged with that message', () => {
    const [w] = overlaps(
      'Invalid.*',
      [{ statusCode: '200' }, { statusCode: '422', selectionPattern: '.*input.*' }],
      true,
    );
    expect(w).toMatchObject({ otherStatusCode: '422', example: 'the error message "Invalid input"' });
    expect(
      overlaps('Invalid.*', [{ statusCode: '200' }, { statusCode: '404', selectionPattern: 'Not found.*' }], true),
    ).toEqual([]);
  });

  test('a pattern wholly covered by another is reported as shadowed, not twice', () => {
    const warnings = integrationResponseWarnings({
      statusCode: '400',
      input: { selectionPattern: '404' },
      siblings: [{ statusCode: '200' }, { statusCode: '401', selectionPattern: '4\\d{2}' }],
      isLambda: false,
    });
    expect(warnings.map((w) => w.code)).toEqual(['shadowed']);
  });
});
