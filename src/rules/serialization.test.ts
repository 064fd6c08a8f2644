import { describe, expect, test } from 'vitest';
import { bodyAsObject, coralTypeError } from './serialization';

describe('coralTypeError', () => {
  test('gives the captured texts for number and boolean where a string is expected', () => {
    expect(coralTypeError(123, 'String')).toBe(
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String',
    );
    expect(coralTypeError(true, 'String')).toBe('class java.lang.Boolean can not be converted to an String');
  });
  test('accepts matching types and null', () => {
    expect(coralTypeError('x', 'String')).toBeNull();
    expect(coralTypeError(false, 'Boolean')).toBeNull();
    expect(coralTypeError({}, 'Map')).toBeNull();
    expect(coralTypeError(null, 'String')).toBeNull();
  });
  test('rejects lists and objects in the wrong place', () => {
    expect(coralTypeError([], 'Map')).toBe('Start of list found where not expected');
    expect(coralTypeError({}, 'String')).toBe('Start of structure or map found where not expected.');
    expect(coralTypeError('true', 'Boolean')).toBe('class java.lang.String can not be converted to an Boolean');
  });
});

describe('bodyAsObject', () => {
  test('treats a missing body as an empty structure', () => {
    expect(bodyAsObject(undefined)).toEqual({ obj: {} });
    expect(bodyAsObject(null)).toEqual({ obj: {} });
  });
  test('rejects a non-object body with a SerializationException on the body', () => {
    const r = bodyAsObject([1]);
    expect('violation' in r && r.violation).toMatchObject({
      type: 'SerializationException',
      field: 'body',
      stage: 'request',
    });
  });
});
