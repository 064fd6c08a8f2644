// Java's numbers in a JavaScript preview. API Gateway parses JSON with json-smart (through Jayway JsonPath): a number
// written with a fraction or an exponent becomes a java.lang.Double, a whole number an Integer, Long or BigInteger, and
// templates print them with Java's toString. JavaScript has one number type, so `1.0` and `1` are the same value and
// 12345678901234567890 loses digits. The two wrappers below keep what Java would know; both extend Number, so
// comparisons and arithmetic still work on them (valueOf). See docs/aws/mapping-templates.md, "Numbers".

/** A java.lang.Double: prints `1.0`, `0.5`, `1.0E10`, `1.5E-7`. */
export class JavaDouble extends Number {}

/** A whole number beyond JavaScript's exact range (Java's Long or BigInteger): prints the digits as written. */
export class JavaBigInteger extends Number {
  constructor(readonly digits: string) {
    super(Number(digits));
  }
}

export function isJavaNumber(value: unknown): value is JavaDouble | JavaBigInteger {
  return value instanceof JavaDouble || value instanceof JavaBigInteger;
}

/** The plain JavaScript number behind a wrapper; anything else unchanged. */
export function plainNumber(value: unknown): unknown {
  return value instanceof Number ? value.valueOf() : value;
}

/** True for a value Java would hold as a Double: a JavaDouble, or a JavaScript number with a fraction. */
export function isDoubleValue(value: unknown): boolean {
  return value instanceof JavaDouble || (typeof value === 'number' && !Number.isInteger(value));
}

/**
 * Java's Double.toString: plain decimals with at least one digit after the point from 10^-3 up to 10^7, otherwise
 * "computerized scientific notation" (`1.0E10`). Both pick the shortest digits that identify the double, as Java 19+
 * does (older JVMs sometimes print one more digit; UNVERIFIED which one AWS runs).
 */
export function javaDoubleToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(n);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** How Java prints a number the template holds. */
export function javaNumberToString(value: number | JavaDouble | JavaBigInteger): string {
  if (value instanceof JavaBigInteger) return value.digits;
  const n = value.valueOf();
  if (value instanceof JavaDouble || !Number.isInteger(n)) return javaDoubleToString(n);
  return String(n);
}

/**
 * A JSON number's text as json-smart reads it: a fraction or exponent makes a Double; a whole number beyond 2^53 keeps
 * its digits. UNVERIFIED: json-smart may read a fraction of more than 18 characters as a BigDecimal, printed as
 * written; the preview reads it as a Double.
 */
export function javaNumberFromJson(text: string): number | JavaDouble | JavaBigInteger {
  if (/[.eE]/.test(text)) return new JavaDouble(Number(text));
  const n = Number(text);
  if (Number.isSafeInteger(n)) return n;
  return new JavaBigInteger(text.replace(/^-0+(?=\d)/, '-').replace(/^0+(?=\d)/, ''));
}
