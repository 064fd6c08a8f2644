/**
 * AWS's framework reports every constraint violation of a request at once, joined with "; ", behind a count:
 * `1 validation error detected: A` / `2 validation errors detected: A; B` (docs/aws/wire-format.md).
 */
export function combineValidationErrors(parts: string[]): string {
  const noun = parts.length === 1 ? 'error' : 'errors';
  return `${parts.length} validation ${noun} detected: ${parts.join('; ')}`;
}
