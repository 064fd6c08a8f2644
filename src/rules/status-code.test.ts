import { describe, expect, test } from 'vitest';
import { combineValidationErrors } from './validation-message';
import { isValidStatusCode, statusCodeViolation, STATUS_CODE_PATTERN } from './status-code';

describe('status code pattern [1-5]\\d\\d', () => {
  test.each(['100', '200', '404', '599'])('accepts %s', (s) => {
    expect(isValidStatusCode(s)).toBe(true);
    expect(statusCodeViolation(s)).toBeNull();
  });
  test.each(['wrong', '600', '099', '20', '2000', '2a0', ' 200', '200\n', ''])('rejects %j', (s) => {
    expect(isValidStatusCode(s)).toBe(false);
  });
  test('gives the exact AWS message (snapshot test_integration_response_invalid_statuscode)', () => {
    const v = statusCodeViolation('wrong');
    expect(v).toEqual({
      code: 'invalid-status-code',
      type: 'ValidationException',
      stage: 'request',
      field: 'statusCode',
      message:
        "Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
    });
    expect(combineValidationErrors([v?.message ?? ''])).toBe(
      "1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
    );
  });
  test('exports the pattern as a whole-string regex', () => {
    expect(STATUS_CODE_PATTERN.source).toBe('^[1-5]\\d\\d$');
  });
});
