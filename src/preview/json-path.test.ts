import { describe, expect, test } from 'vitest';
import { isJsonArray } from './java-render';
import { evaluateJsonPath, resolveBodyMapping } from './json-path';

const doc = {
  a: { b: 'deep', 'x y': 7 },
  list: [{ id: 1, name: 'one' }, { id: 2 }, { id: 3, name: 'three' }],
  n: null,
};

describe('evaluateJsonPath', () => {
  test('root, dotted names, indexes and bracketed names', () => {
    expect(evaluateJsonPath(doc, '$')).toBe(doc);
    expect(evaluateJsonPath(doc, '$.a.b')).toBe('deep');
    expect(evaluateJsonPath(doc, '$.list[0].id')).toBe(1);
    expect(evaluateJsonPath(doc, '$.list[-1].id')).toBe(3);
    expect(evaluateJsonPath(doc, "$['a']['x y']")).toBe(7);
    expect(evaluateJsonPath(doc, '$.a["x y"]')).toBe(7);
    expect(evaluateJsonPath(doc, 'a.b')).toBe('deep');
    expect(evaluateJsonPath(doc, '$.n')).toBeNull();
  });

  test('missing definite paths are undefined', () => {
    expect(evaluateJsonPath(doc, '$.nope')).toBeUndefined();
    expect(evaluateJsonPath(doc, '$.a.b.c')).toBeUndefined();
    expect(evaluateJsonPath(doc, '$.list[9]')).toBeUndefined();
  });

  test('wildcards, deep scan, unions, slices and filters return JSON arrays of matches', () => {
    const names = evaluateJsonPath(doc, '$.list[*].name');
    expect(names).toEqual(['one', 'three']);
    expect(isJsonArray(names)).toBe(true);
    expect(evaluateJsonPath(doc, '$..name')).toEqual(['one', 'three']);
    expect(evaluateJsonPath(doc, '$..b')).toEqual(['deep']);
    expect(evaluateJsonPath(doc, '$.list[0,2].id')).toEqual([1, 3]);
    expect(evaluateJsonPath(doc, '$.list[1:].id')).toEqual([2, 3]);
    expect(evaluateJsonPath(doc, '$.list[?(@.id > 1)].id')).toEqual([2, 3]);
    expect(evaluateJsonPath(doc, "$.list[?(@.name == 'one')].id")).toEqual([1]);
    expect(evaluateJsonPath(doc, '$.list[?(@.name)].id')).toEqual([1, 3]);
    expect(evaluateJsonPath(doc, '$.missing[*]')).toEqual([]);
  });

  test('length()', () => {
    expect(evaluateJsonPath(doc, '$.list.length()')).toBe(3);
  });

  test('unparseable paths throw', () => {
    expect(() => evaluateJsonPath(doc, '$.list[')).toThrow();
  });
});

describe('resolveBodyMapping (integration.response.body.<path>)', () => {
  const body = JSON.stringify(doc);
  test('strings raw, other values as JSON, missing as undefined', () => {
    expect(resolveBodyMapping(body, 'a.b')).toBe('deep');
    expect(resolveBodyMapping(body, 'list[1]')).toBe('{"id":2}');
    expect(resolveBodyMapping(body, 'list[0].id')).toBe('1');
    expect(resolveBodyMapping(body, "a['x y']")).toBe('7');
    expect(resolveBodyMapping(body, 'zzz')).toBeUndefined();
    expect(resolveBodyMapping(body, '')).toBe(body);
    expect(resolveBodyMapping('not json', 'a')).toBeUndefined();
  });

  test('a Lambda errorMessage holding JSON can be mapped into', () => {
    const lambdaError = JSON.stringify({
      errorMessage: JSON.stringify({ errorType: 'NotFound', detail: { id: 4 } }),
      errorType: 'Error',
    });
    expect(resolveBodyMapping(lambdaError, 'errorMessage.errorType')).toBe('NotFound');
    expect(resolveBodyMapping(lambdaError, 'errorMessage.detail')).toBe('{"id":4}');
  });
});
