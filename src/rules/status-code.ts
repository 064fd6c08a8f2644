import type { RuleViolation } from './types';

/** The model's `StatusCode` pattern `[1-5]\d\d`; AWS (Java) validates it as a whole-string match. */
export const STATUS_CODE_PATTERN = /^[1-5]\d\d$/;

export function isValidStatusCode(s: string): boolean {
  return STATUS_CODE_PATTERN.test(s);
}

/** The URI member `statusCode` is named without an `<op>Input.` prefix in AWS's message (docs/aws/wire-format.md). */
export function statusCodeViolation(s: string): RuleViolation | null {
  if (isValidStatusCode(s)) return null;
  return {
    code: 'invalid-status-code',
    type: 'ValidationException',
    stage: 'request',
    field: 'statusCode',
    message: `Value '${s}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
  };
}
