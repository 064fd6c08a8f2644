import { describe, expect, test } from 'vitest';
import { javaEquals, javaMatches, javaReplaceAll, javaSplit, velocityTruthy } from './java-lang';
import { javaToString, parseJsonAsJava, renderReferenceValue } from './java-render';

describe('javaToString', () => {
  test('JSON objects print as Java maps, JSON arrays (and everything inside them) as compact JSON', () => {
    expect(javaToString(parseJsonAsJava('{"a":1,"b":[{"c":5}]}'))).toBe('{a=1, b=[{"c":5}]}');
    expect(javaToString(parseJsonAsJava('[{"foo":"bar"}]'))).toBe('[{"foo":"bar"}]');
    expect(javaToString(parseJsonAsJava('{"o":{"p":"q","n":null,"t":true}}'))).toBe('{o={p=q, n=null, t=true}}');
  });

  test('lists and maps built in the template print Java-style', () => {
    expect(javaToString([1, 'a', { k: 'v' }])).toBe('[1, a, {k=v}]');
    expect(javaToString({ l: [1, 2] })).toBe('{l=[1, 2]}');
  });

  test('null and undefined render as nothing as a reference, "null" inside collections', () => {
    expect(renderReferenceValue(null)).toBe('');
    expect(renderReferenceValue(undefined)).toBe('');
    expect(javaToString([null])).toBe('[null]');
  });
});

describe('Java regex and String helpers', () => {
  test('matches covers the whole string', () => {
    expect(javaMatches('Invalid input', 'Invalid')).toBe(false);
    expect(javaMatches('Invalid input', 'Invalid.*')).toBe(true);
    expect(javaMatches('ab', 'a|ab')).toBe(true);
    expect(javaMatches('line1\nline2', '.*')).toBe(false);
    expect(javaMatches('line1\nline2', '(?s).*')).toBe(true);
    expect(javaMatches('x1', '\\p{Alpha}\\d')).toBe(true);
    expect(javaMatches('a.b', '\\Qa.b\\E')).toBe(true);
    expect(javaMatches('axb', '\\Qa.b\\E')).toBe(false);
  });

  test('replaceAll replacement syntax: $n groups, \\$ literal', () => {
    expect(javaReplaceAll('2024-01-31', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1')).toBe('31/01/2024');
    expect(javaReplaceAll('cost', 'cost', '\\$5')).toBe('$5');
    expect(javaReplaceAll("it\\'s", "\\\\'", "'")).toBe("it's");
    expect(() => javaReplaceAll('a', 'a', '$')).toThrow();
  });

  test('split', () => {
    expect(javaSplit('a,b,,', ',')).toEqual(['a', 'b']);
    expect(javaSplit('a1b2c', '\\d')).toEqual(['a', 'b', 'c']);
    expect(javaSplit('abc', '')).toEqual(['a', 'b', 'c']);
    expect(javaSplit('a,b,c', ',', 2)).toEqual(['a', 'b,c']);
  });

  test('equality and truthiness', () => {
    expect(javaEquals(null, '')).toBe(true);
    expect(javaEquals([], '')).toBe(false);
    expect(javaEquals(1, '1')).toBe(true);
    expect(javaEquals(true, 'true')).toBe(true);
    expect(javaEquals({ a: 1 }, { a: 1 })).toBe(true);
    expect(javaEquals(null, 'x')).toBe(false);
    expect(velocityTruthy('')).toBe(true);
    expect(velocityTruthy(0)).toBe(true);
    expect(velocityTruthy(null)).toBe(false);
    expect(velocityTruthy(false)).toBe(false);
  });
});
