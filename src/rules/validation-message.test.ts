import { describe, expect, test } from 'vitest';
import { combineValidationErrors } from './validation-message';

describe('combineValidationErrors', () => {
  test('uses the singular for one violation', () => {
    expect(combineValidationErrors(['A'])).toBe('1 validation error detected: A');
  });
  test('joins several violations with "; " behind a plural count', () => {
    expect(combineValidationErrors(['A', 'B'])).toBe('2 validation errors detected: A; B');
  });
});
