// How API Gateway's JVM renders values into template output.
//
// AWS evaluates JSONPath with Jayway JsonPath on json-smart: JSON objects become java.util.LinkedHashMap
// (toString: `{a=1, b=x}`) while JSON arrays become json-smart JSONArray, whose toString is compact JSON,
// including every object nested inside it. Lists and maps built in the template itself (`[1, 2]`,
// `{"a": 1}`) are plain ArrayList/LinkedHashMap and print Java-style (`[1, 2]`). A JavaScript array cannot
// carry that distinction, so arrays that came from JSON are remembered here.

const jsonOriginArrays = new WeakSet<object>();

/** Marks every array inside a freshly parsed JSON value as a JSON (json-smart) array. Returns the value. */
export function markJsonValue<T>(value: T): T {
  if (Array.isArray(value)) {
    jsonOriginArrays.add(value);
    for (const item of value) markJsonValue(item);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) markJsonValue(item);
  }
  return value;
}

export function isJsonArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && jsonOriginArrays.has(value);
}

/** JSON.parse, with arrays marked as JSON arrays (see markJsonValue). Throws like JSON.parse. */
export function parseJsonAsJava(text: string): unknown {
  return markJsonValue(JSON.parse(text) as unknown);
}

/**
 * Compact JSON as json-smart writes it. UNVERIFIED: json-smart may escape `/` as `\/` and non-ASCII
 * characters; we write them as JSON.stringify does.
 */
export function toCompactJson(value: unknown): string {
  // Functions never come from JSON (velocityjs may attach an `eval` helper to objects it calls methods on);
  // leave them out rather than print them.
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'function' ? undefined : v === undefined ? null : v,
  );
  return text ?? 'null';
}

function javaNumber(n: number): string {
  // Java prints Double infinities/NaN this way; finite values as JavaScript does (UNVERIFIED for doubles
  // such as 1.0, which Java prints as "1.0" but JSON.parse has already turned into the integer 1).
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return String(n);
}

/** Java's String.valueOf(value) for the values a template can hold. */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return javaNumber(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return '';
  if (Array.isArray(value)) {
    if (isJsonArray(value)) return toCompactJson(value);
    return `[${value.map((item) => javaToString(item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v !== 'function');
    return `{${entries.map(([k, v]) => `${k}=${javaToString(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** What `$ref` prints: AWS prints nothing for null/undefined references (quiet or not). */
export function renderReferenceValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return javaToString(value);
}
