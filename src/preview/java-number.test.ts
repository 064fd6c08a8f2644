import { describe, expect, test } from 'vitest';
import { JavaBigInteger, JavaDouble, javaDoubleToString, javaNumberFromJson, javaNumberToString } from './java-number';

describe('Java number text', () => {
  test('Double.toString: plain from 10^-3 to 10^7, E notation outside, always a digit after the point', () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [0.5, '0.5'],
      [249.99, '249.99'],
      [100, '100.0'],
      [0.001, '0.001'],
      [0.0001, '1.0E-4'],
      [9999999, '9999999.0'],
      [1e7, '1.0E7'],
      [12345678.9, '1.23456789E7'],
      [1e10, '1.0E10'],
      [-1.5e-7, '-1.5E-7'],
      [0, '0.0'],
      [-0, '-0.0'],
      [Infinity, 'Infinity'],
      [NaN, 'NaN'],
    ];
    for (const [n, text] of cases) expect(javaDoubleToString(n), String(n)).toBe(text);
  });

  test('JSON number text becomes a Double with a fraction or exponent, an exact long integer past 2^53', () => {
    expect(javaNumberFromJson('5')).toBe(5);
    expect(javaNumberFromJson('1.0')).toBeInstanceOf(JavaDouble);
    expect(javaNumberFromJson('1E2')).toBeInstanceOf(JavaDouble);
    const big = javaNumberFromJson('-12345678901234567890');
    expect(big).toBeInstanceOf(JavaBigInteger);
    expect(javaNumberToString(big)).toBe('-12345678901234567890');
    expect(javaNumberToString(javaNumberFromJson('9007199254740993'))).toBe('9007199254740993');
    expect(javaNumberToString(javaNumberFromJson('1e2'))).toBe('100.0');
    expect(javaNumberToString(42)).toBe('42');
  });
});
