import { describe, expect, test } from 'vitest';
import { fieldsForError, firstKnown, reviewRows, sameVersion, storedShape } from './review-model';

describe('storedShape', () => {
  test('adds the status code and stores empty templates as null, as AWS does', () => {
    expect(storedShape('200', { responseTemplates: { 'application/json': '', 'text/plain': 'x' } })).toEqual({
      statusCode: '200',
      responseTemplates: { 'application/json': null, 'text/plain': 'x' },
    });
  });
});

describe('sameVersion', () => {
  test('ignores differences that store the same thing and sees real ones', () => {
    expect(sameVersion({ statusCode: '200', selectionPattern: '', responseTemplates: {} }, { statusCode: '200' })).toBe(
      true,
    );
    expect(sameVersion(null, undefined)).toBe(true);
    expect(sameVersion(null, { statusCode: '200' })).toBe(false);
    expect(
      sameVersion(
        { statusCode: '200', responseParameters: { a: "'1'", b: "'2'" } },
        { statusCode: '200', responseParameters: { b: "'2'", a: "'1'" } },
      ),
    ).toBe(true);
    expect(
      sameVersion(
        { statusCode: '200', responseTemplates: { 'a/b': 'x' } },
        { statusCode: '200', responseTemplates: { 'a/b': 'y' } },
      ),
    ).toBe(false);
  });
});

describe('firstKnown', () => {
  test('keeps null ("did not exist") as a known base version', () => {
    expect(firstKnown(undefined, null, { statusCode: '200' })).toBeNull();
    expect(firstKnown(undefined, undefined)).toBeUndefined();
  });
});

describe('reviewRows', () => {
  test('shows every field of a new response as added', () => {
    const rows = reviewRows(
      null,
      storedShape('400', { selectionPattern: '4\\d{2}', responseTemplates: { 'application/json': 'a\nb' } }),
    );
    expect(rows.map((r) => [r.label, r.change])).toEqual([
      ['Selection pattern', 'added'],
      ['Content handling', 'added'],
      ['Header mappings', 'unchanged'],
      ['Template application/json', 'added'],
    ]);
  });

  test('marks cleared, changed and kept fields of a replaced response', () => {
    const before = {
      statusCode: '200',
      selectionPattern: '2\\d{2}',
      contentHandling: 'CONVERT_TO_TEXT' as const,
      responseParameters: { 'method.response.header.A': "'1'", 'method.response.header.B': "'2'" },
      responseTemplates: { 'application/json': 'x\ny', 'text/xml': '<a/>' },
    };
    const after = storedShape('200', {
      selectionPattern: '2\\d{2}',
      responseParameters: {
        'method.response.header.A': "'1'",
        'method.response.header.C': 'integration.response.body',
      },
      responseTemplates: { 'application/json': 'x\nz' },
    });
    const rows = reviewRows(before, after);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(byLabel['Selection pattern']?.change).toBe('unchanged');
    expect(byLabel['Content handling']).toMatchObject({ before: 'CONVERT_TO_TEXT', after: null, change: 'removed' });
    expect(byLabel['Header A']?.change).toBe('unchanged');
    expect(byLabel['Header B']?.change).toBe('removed');
    expect(byLabel['Header C']?.change).toBe('added');
    expect(byLabel['Template text/xml']?.change).toBe('removed');
    expect(byLabel['Template application/json']?.change).toBe('changed');
    expect(
      byLabel['Template application/json']?.lines?.filter((l) => l.kind !== 'same').map((l) => `${l.kind}:${l.text}`),
    ).toEqual(['removed:y', 'added:z']);
  });
});

describe('fieldsForError', () => {
  const body = {
    responseParameters: { 'method.response.header.X-Bar': "'a'", 'method.response.header.X-Star': '*' },
    responseTemplates: { '123': 'x', 'application/json': 'y' },
  };

  test('points an undeclared header message at that header', () => {
    expect(
      fieldsForError(
        'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Bar]',
        body,
      ),
    ).toEqual([{ kind: 'header', name: 'X-Bar' }]);
  });

  test('finds the header whose value AWS quotes', () => {
    expect(
      fieldsForError(
        'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: "*"]',
        body,
      ),
    ).toEqual([{ kind: 'header', name: 'X-Star' }]);
    expect(
      fieldsForError(
        'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: *]',
        body,
      ),
    ).toEqual([{ kind: 'header', name: 'X-Star' }]);
  });

  test('points a content type message at that template', () => {
    expect(
      fieldsForError('Validation Result: warnings : [], errors : [Invalid content type specified: 123]', body),
    ).toEqual([{ kind: 'template', contentType: '123' }]);
  });

  test('maps field names in validation messages and returns nothing for unrelated ones', () => {
    expect(
      fieldsForError(
        "1 validation error detected: Value 'X' at 'putIntegrationResponseInput.contentHandling' failed",
        body,
      ),
    ).toEqual([{ kind: 'contentHandling' }]);
    expect(fieldsForError('Invalid Method identifier specified', body)).toEqual([]);
  });
});
