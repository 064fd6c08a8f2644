// Messages of AWS's JSON deserializer (Coral) when a member has the wrong JSON type. Only the two `... can not be
// converted to an String` texts are captured (docs/aws/wire-format.md, "Errors"); the others follow the same pattern or are the
// deserializer's well-known structure/list texts. UNVERIFIED for targets other than String.

import type { RuleViolation } from './types';

export type CoralTarget = 'String' | 'Boolean' | 'Map' | 'Structure';

/** Null when `value` deserializes into `target` (null always does: Coral treats it as "not sent"). */
export function coralTypeError(value: unknown, target: CoralTarget): string | null {
  if (value === null || value === undefined) return null;
  const wantsObject = target === 'Map' || target === 'Structure';
  if (Array.isArray(value)) return 'Start of list found where not expected';
  if (typeof value === 'object') return wantsObject ? null : 'Start of structure or map found where not expected.';
  if (typeof value === 'string')
    return target === 'String' ? null : `class java.lang.String can not be converted to an ${target}`;
  if (typeof value === 'boolean')
    return target === 'Boolean' ? null : `class java.lang.Boolean can not be converted to an ${target}`;
  if (typeof value === 'number' || typeof value === 'bigint') {
    return `class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an ${target}`;
  }
  return `Unexpected value type in payload`;
}

export function serializationViolation(message: string, field: string): RuleViolation {
  return { code: 'wrong-json-type', type: 'SerializationException', stage: 'request', field, message };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The request body as a JSON object: an absent body is an empty structure (every member unset), anything that is
 * not an object is a SerializationException on the whole body.
 */
export function bodyAsObject(body: unknown): { obj: Record<string, unknown> } | { violation: RuleViolation } {
  if (body === undefined || body === null) return { obj: {} };
  const err = coralTypeError(body, 'Structure');
  if (err !== null || !isPlainObject(body))
    return { violation: serializationViolation(err ?? 'Unexpected value type in payload', 'body') };
  return { obj: body };
}
