import { describe, expect, test } from 'vitest';
import { checkJsonOutput, contentTypeExpectsJson } from './json-check';

describe('checkJsonOutput', () => {
  test('valid JSON', () => {
    expect(checkJsonOutput('{"a": [1, 2.5e3, "x\\n", true, null]}\n')).toEqual({ valid: true });
    expect(checkJsonOutput('"just a string"')).toEqual({ valid: true });
  });

  test('reports line and column of the problem', () => {
    expect(checkJsonOutput('{\n  "a": 1,\n}')).toMatchObject({ valid: false, line: 3, column: 1 });
    expect(checkJsonOutput('{\n  "name": "O\\\'Neil"\n}')).toMatchObject({ valid: false, line: 2, column: 13 });
    expect(checkJsonOutput('{"a": }')).toMatchObject({ valid: false, line: 1, column: 7 });
    expect(checkJsonOutput('{a: 1}')).toMatchObject({
      valid: false,
      line: 1,
      column: 2,
      message: expect.stringMatching(/property name/),
    });
    expect(checkJsonOutput('{"a": 1} x')).toMatchObject({ valid: false, column: 10 });
    expect(checkJsonOutput('{"a": "line\nbreak"}')).toMatchObject({ valid: false, line: 1, column: 12 });
    expect(checkJsonOutput('')).toMatchObject({ valid: false, message: expect.stringMatching(/empty/) });
  });
});

describe('contentTypeExpectsJson', () => {
  test('application/json and +json types, with parameters, case-insensitive', () => {
    expect(contentTypeExpectsJson('application/json')).toBe(true);
    expect(contentTypeExpectsJson('Application/JSON; charset=utf-8')).toBe(true);
    expect(contentTypeExpectsJson('application/problem+json')).toBe(true);
    expect(contentTypeExpectsJson('application/vnd.api+json')).toBe(true);
    expect(contentTypeExpectsJson('application/xml')).toBe(false);
    expect(contentTypeExpectsJson('text/plain')).toBe(false);
    expect(contentTypeExpectsJson('application/jsonp')).toBe(false);
  });
});
