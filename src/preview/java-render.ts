// How API Gateway's JVM renders values into template output.
//
// AWS evaluates JSONPath with Jayway JsonPath on json-smart: JSON objects become java.util.LinkedHashMap
// (toString: `{a=1, b=x}`) while JSON arrays become json-smart JSONArray, whose toString is compact JSON,
// including every object nested inside it. Lists and maps built in the template itself (`[1, 2]`,
// `{"a": 1}`) are plain ArrayList/LinkedHashMap and print Java-style (`[1, 2]`). A JavaScript array cannot
// carry that distinction, so arrays that came from JSON are remembered here.

import { isJavaNumber, javaNumberFromJson, javaNumberToString } from './java-number';

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

/**
 * JSON as json-smart reads it: arrays marked as JSON arrays (see markJsonValue), numbers as Java holds them (see
 * java-number.ts). Accepts exactly what JSON.parse accepts (it checks first, so its error messages are the ones shown).
 */
export function parseJsonAsJava(text: string): unknown {
  const plain = JSON.parse(text) as unknown;
  // Without a fraction, an exponent or a long integer, JSON.parse already gives what Java holds.
  if (!/[.eE]|\d{16}/.test(text)) return markJsonValue(plain);
  return markJsonValue(new JavaJsonReader(text).read());
}

/** A JSON reader for text JSON.parse has accepted: the same values, with numbers kept as Java holds them. */
class JavaJsonReader {
  private i = 0;
  constructor(private readonly text: string) {}

  read(): unknown {
    const value = this.value();
    return value;
  }

  private skip(): void {
    while (/\s/.test(this.text[this.i] ?? '')) this.i++;
  }

  private value(): unknown {
    this.skip();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    const number = m?.[0] ?? '';
    this.i += number.length;
    return javaNumberFromJson(number);
  }

  private string(): string {
    const start = this.i;
    this.i++;
    while (this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.skip();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skip();
      if (this.text[this.i++] === ']') return out;
    }
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.skip();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.skip();
      const key = this.string();
      this.skip();
      this.i++; // the colon
      // defineProperty: a "__proto__" key is data, as with JSON.parse, not the object's prototype.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skip();
      if (this.text[this.i++] === '}') return out;
    }
  }
}

/**
 * Compact JSON as json-smart writes it: a Double as Java prints it (`1.0`, `1.0E10`, both valid JSON). UNVERIFIED:
 * json-smart may escape `/` as `\\/` and non-ASCII characters; we write strings as JSON.stringify does.
 */
export function toCompactJson(value: unknown): string {
  return writeJson(value) ?? 'null';
}

function writeJson(value: unknown): string | undefined {
  // Functions never come from JSON (velocityjs may attach an `eval` helper to objects it calls methods on);
  // leave them out rather than print them.
  if (typeof value === 'function') return undefined;
  if (value === null || value === undefined) return 'null';
  if (isJavaNumber(value)) {
    const n = value.valueOf();
    return Number.isFinite(n) ? javaNumberToString(value) : 'null';
  }
  if (typeof value === 'number') return Number.isFinite(value) ? javaNumberToString(value) : 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => writeJson(item) ?? 'null').join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const text = writeJson(v);
      if (text !== undefined) parts.push(`${JSON.stringify(k)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  }
  return undefined;
}

// Objects whose toString is empty on AWS ($context and the maps inside it, see docs/aws/mapping-templates.md).
const printsEmpty = new WeakSet<object>();

export function markPrintsEmpty(value: object): void {
  printsEmpty.add(value);
}

/** Java's String.valueOf(value) for the values a template can hold. */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object' && printsEmpty.has(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || isJavaNumber(value)) return javaNumberToString(value);
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
