/**
 * AWS's framework reports every constraint violation of a request at once, joined with "; ", behind a count:
 * `1 validation error detected: A` / `2 validation errors detected: A; B` (docs/aws/wire-format.md).
 */
export function combineValidationErrors(parts: string[]): string {
  const noun = parts.length === 1 ? 'error' : 'errors';
  return `${parts.length} validation ${noun} detected: ${parts.join('; ')}`;
}

export function enumConstraintMessage(value: string, at: string, allowed: readonly string[]): string {
  return `Value '${value}' at '${at}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`;
}

export function notNullConstraintMessage(at: string): string {
  return `Value null at '${at}' failed to satisfy constraint: Member must not be null`;
}
