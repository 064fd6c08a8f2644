// Request-body decoding for the operations src/rules does not cover (CreateRestApi, CreateResource,
// PutMethod, PutIntegration), with AWS's (Coral) failure modes taken from src/rules/serialization.
import type { CoralTarget } from '../src/rules/serialization';
import { coralTypeError } from '../src/rules/serialization';
import { combineValidationErrors } from '../src/rules/validation-message';
import { AwsError } from './errors';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Integer and List targets are not needed by src/rules (integration responses have neither), so this small
// adapter covers them; String/Boolean/Map come from the shared rule.
export function serializationError(value: unknown, target: CoralTarget | 'Integer' | 'List'): AwsError {
  if (target === 'String' || target === 'Boolean' || target === 'Map' || target === 'Structure') {
    return new AwsError('SerializationException', coralTypeError(value, target) ?? 'Unexpected value type in payload');
  }
  if (target === 'List') {
    if (Array.isArray(value)) return new AwsError('SerializationException', 'Unexpected value type in payload');
    const asString = coralTypeError(value, 'String');
    return new AwsError(
      'SerializationException',
      asString?.replace(/an String$/, 'an List') ?? 'class java.lang.String can not be converted to an List',
    );
  }
  const asString = coralTypeError(value, 'String');
  if (typeof value === 'number')
    return new AwsError(
      'SerializationException',
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Integer',
    );
  return new AwsError(
    'SerializationException',
    asString?.replace(/an String$/, 'an Integer') ?? 'class java.lang.String can not be converted to an Integer',
  );
}

/** Parses a JSON request body; an empty body is `{}` (optional members all absent). */
export function parseJsonBody(text: string): JsonObject {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The exact AWS text for malformed JSON is UNVERIFIED; the type (SerializationException, 400) is what
    // the Coral framework reports for any undecodable body.
    throw new AwsError('SerializationException', 'Unable to parse the request body as JSON');
  }
  if (parsed === null) return {};
  if (!isObject(parsed)) throw serializationError(parsed, 'Structure');
  return parsed;
}

export function optString(body: JsonObject, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw serializationError(v, 'String');
  return v;
}

export function optBool(body: JsonObject, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw serializationError(v, 'Boolean');
  return v;
}

export function optInt(body: JsonObject, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw serializationError(v, 'Integer');
  return v;
}

export function optStringList(body: JsonObject, key: string): string[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw serializationError(v, 'List');
  return v.map((item: unknown) => {
    if (typeof item !== 'string') throw serializationError(item, 'String');
    return item;
  });
}

export function optMap<T extends string | boolean>(
  body: JsonObject,
  key: string,
  valueType: 'String' | 'Boolean',
  nullValues = false,
): Record<string, T | null> | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw serializationError(v, 'Map');
  const out: Record<string, T | null> = {};
  for (const [k, item] of Object.entries(v)) {
    if (item === null && nullValues) out[k] = null;
    else if (valueType === 'String' && typeof item === 'string') out[k] = item as T;
    else if (valueType === 'Boolean' && typeof item === 'boolean') out[k] = item as T;
    else throw serializationError(item, valueType);
  }
  return out;
}

export function optObject(body: JsonObject, key: string): JsonObject | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw serializationError(v, 'Map');
  return v;
}

/** "N validation error(s) detected: a; b" — AWS's constraint-violation format. */
export function validationError(parts: string[]): AwsError {
  return new AwsError('ValidationException', combineValidationErrors(parts));
}
