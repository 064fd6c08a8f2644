// Java semantics that templates rely on: java.util.regex patterns, String methods, and Velocity 1.7's
// equality and truthiness rules.
import { plainNumber } from './java-number';
import { javaToString } from './java-render';

const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  Alpha: 'A-Za-z',
  Digit: '0-9',
  Alnum: 'A-Za-z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Space: ' \\t\\n\\x0B\\f\\r',
  XDigit: '0-9A-Fa-f',
  Blank: ' \\t',
  ASCII: '\\x00-\\x7F',
};

function escapeForRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Translates a java.util.regex pattern to a JavaScript RegExp. Covered: leading inline flags ((?i), (?s),
 * (?m), (?x) dropped), \Q…\E quoting, \A \z \Z anchors, POSIX classes (\p{Alpha}…), possessive quantifiers
 * and atomic groups (approximated by their greedy/non-atomic forms). Not covered: inline flags in the
 * middle of a pattern and class intersections ([a-z&&[^e]]); those make RegExp throw, which the preview
 * reports as an error.
 */
const regexCache = new Map<string, RegExp>();

export function javaRegex(pattern: string, extraFlags = ''): RegExp {
  // Templates call replaceAll inside #foreach; translate each pattern once. Callers that use lastIndex
  // (global/sticky) get a fresh copy.
  const key = extraFlags + '/' + pattern;
  let cached = regexCache.get(key);
  if (cached === undefined) {
    cached = translateJavaRegex(pattern, extraFlags);
    if (regexCache.size > 200) regexCache.clear();
    regexCache.set(key, cached);
  }
  return new RegExp(cached);
}

function translateJavaRegex(pattern: string, extraFlags: string): RegExp {
  let flags = extraFlags;
  let rest = pattern;
  for (let m = /^\(\?([idmsux]+)\)/.exec(rest); m !== null; m = /^\(\?([idmsux]+)\)/.exec(rest)) {
    for (const f of m[1] ?? '') if ('ims'.includes(f) && !flags.includes(f)) flags += f;
    rest = rest.slice(m[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i] ?? '';
    if (c === '\\') {
      const n = rest[i + 1] ?? '';
      if (n === 'Q') {
        const end = rest.indexOf('\\E', i + 2);
        const literal = end === -1 ? rest.slice(i + 2) : rest.slice(i + 2, end);
        out += escapeForRegex(literal);
        i = end === -1 ? rest.length : end + 1;
        continue;
      }
      if (!inClass && n === 'A') {
        out += '(?<![\\s\\S])';
        i++;
        continue;
      }
      if (!inClass && n === 'z') {
        out += '(?![\\s\\S])';
        i++;
        continue;
      }
      if (!inClass && n === 'Z') {
        out += '(?=\\n?(?![\\s\\S]))';
        i++;
        continue;
      }
      if ((n === 'p' || n === 'P') && rest[i + 2] === '{') {
        const close = rest.indexOf('}', i + 3);
        const name = rest.slice(i + 3, close).replace(/^Is/, '');
        const range = POSIX_CLASSES[name];
        if (close !== -1 && range !== undefined) {
          const negate = n === 'P';
          out += inClass ? range : `[${negate ? '^' : ''}${range}]`;
          i = close;
          continue;
        }
      }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (rest[i + 1] === '^') out += rest[++i] ?? '';
      if (rest[i + 1] === ']') out += '\\' + (rest[++i] ?? '');
      continue;
    }
    if (c === '(' && rest.startsWith('(?>', i)) {
      out += '(?:';
      i += 2;
      continue;
    }
    if (c === '+' && /[*+?}]/.test(rest[i - 1] ?? '') && rest[i - 2] !== '\\' && out.length > 0) {
      // Possessive quantifier (x*+): JavaScript has none; the greedy form matches the same strings in
      // almost every practical template.
      continue;
    }
    out += c;
  }
  return new RegExp(out, flags);
}

/** Java's Matcher.appendReplacement syntax: `$n`, `${name}`, `\x` for a literal x. */
function javaReplacer(replacement: string): (match: string, ...rest: unknown[]) => string {
  return (match: string, ...rest: unknown[]) => {
    const last = rest[rest.length - 1];
    const groupsObj =
      typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : undefined;
    const captures = rest.slice(0, groupsObj === undefined ? -2 : -3) as (string | undefined)[];
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement[i] ?? '';
      if (c === '\\') {
        i++;
        if (i >= replacement.length) throw new Error('character to be escaped is missing');
        out += replacement[i] ?? '';
      } else if (c === '$') {
        if (replacement[i + 1] === '{') {
          const close = replacement.indexOf('}', i + 2);
          const name = replacement.slice(i + 2, close);
          if (close === -1 || groupsObj === undefined || !(name in groupsObj))
            throw new Error(`No group with name {${name}}`);
          out += groupsObj[name] ?? '';
          i = close;
          continue;
        }
        let j = i + 1;
        if (!/[0-9]/.test(replacement[j] ?? '')) throw new Error('Illegal group reference');
        let group = Number(replacement[j]);
        j++;
        // Java keeps reading digits while the number is still a valid group.
        while (/[0-9]/.test(replacement[j] ?? '') && group * 10 + Number(replacement[j]) <= captures.length) {
          group = group * 10 + Number(replacement[j]);
          j++;
        }
        if (group > captures.length) throw new Error(`No group ${group}`);
        out += group === 0 ? match : (captures[group - 1] ?? '');
        i = j - 1;
      } else {
        out += c;
      }
    }
    return out;
  };
}

export function javaReplaceAll(s: string, regex: string, replacement: string): string {
  return s.replace(javaRegex(regex, 'g'), javaReplacer(replacement));
}

export function javaReplaceFirst(s: string, regex: string, replacement: string): string {
  return s.replace(javaRegex(regex), javaReplacer(replacement));
}

export function javaMatches(s: string, regex: string): boolean {
  const compiled = javaRegex(regex);
  // Whole-string match as Java's matches(): anchored at 0 (sticky) and at the very end, so alternatives
  // are retried rather than accepting a shorter first match.
  const whole = new RegExp(`(?:${compiled.source})(?![\\s\\S])`, compiled.flags + 'y');
  return whole.test(s);
}

/** Java's String.split(regex, limit): no captured groups, trailing empty strings dropped when limit is 0. */
export function javaSplit(s: string, regex: string, limit = 0): string[] {
  if (s === '') return [''];
  const re = javaRegex(regex, 'g');
  const parts: string[] = [];
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0] === '') {
      re.lastIndex++;
      // A zero-width match at the beginning never produces an empty leading substring (Java 8+).
      if (m.index === 0 || m.index >= s.length) continue;
    }
    if (limit > 0 && parts.length === limit - 1) break;
    parts.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  parts.push(s.slice(last));
  if (limit === 0) while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return s.slice(start, end);
}

function toIndex(value: unknown, method: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n)) throw new Error(`${method}: ${javaToString(value)} is not an int`);
  return n;
}

function javaSubstring(s: string, beginArg: unknown, endArg: unknown): string {
  const begin = toIndex(beginArg, 'substring');
  const end = endArg === undefined ? s.length : toIndex(endArg, 'substring');
  if (begin < 0 || end > s.length || begin > end) {
    throw new Error(`StringIndexOutOfBoundsException: begin ${begin}, end ${end}, length ${s.length}`);
  }
  return s.slice(begin, end);
}

function str(value: unknown): string {
  return javaToString(value);
}

/** Java String methods, called as `$s.name(args)`. `undefined` from a lookup means "not a String method". */
export const JAVA_STRING_METHODS: Record<string, (s: string, args: unknown[]) => unknown> = {
  contains: (s, [a]) => s.includes(str(a)),
  length: (s) => s.length,
  isEmpty: (s) => s.length === 0,
  equals: (s, [a]) => typeof a === 'string' && s === a,
  equalsIgnoreCase: (s, [a]) => typeof a === 'string' && s.toLowerCase() === a.toLowerCase(),
  replaceAll: (s, [re, rep]) => javaReplaceAll(s, str(re), str(rep)),
  replaceFirst: (s, [re, rep]) => javaReplaceFirst(s, str(re), str(rep)),
  // Java's replace(CharSequence, CharSequence) is literal and replaces every occurrence.
  replace: (s, [a, b]) => s.split(str(a)).join(str(b)),
  matches: (s, [re]) => javaMatches(s, str(re)),
  substring: (s, [b, e]) => javaSubstring(s, b, e),
  toLowerCase: (s) => s.toLowerCase(),
  toUpperCase: (s) => s.toUpperCase(),
  trim: (s) => javaTrim(s),
  startsWith: (s, [p, offset]) => s.startsWith(str(p), offset === undefined ? 0 : toIndex(offset, 'startsWith')),
  endsWith: (s, [p]) => s.endsWith(str(p)),
  indexOf: (s, [p, from]) => s.indexOf(str(p), from === undefined ? 0 : toIndex(from, 'indexOf')),
  lastIndexOf: (s, [p]) => s.lastIndexOf(str(p)),
  split: (s, [re, limit]) => javaSplit(s, str(re), limit === undefined ? 0 : toIndex(limit, 'split')),
  charAt: (s, [i]) => {
    const index = toIndex(i, 'charAt');
    if (index < 0 || index >= s.length)
      throw new Error(`StringIndexOutOfBoundsException: index ${index}, length ${s.length}`);
    return s.charAt(index);
  },
  concat: (s, [a]) => s + str(a),
  toString: (s: string) => s,
};

function deepEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => javaEquals(v, b[i]));
  if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return ka.length === kb.length && ka.every((k) => k in rb && javaEquals(ra[k], rb[k]));
  }
  return false;
}

/**
 * `==` in templates. Velocity 1.7 compares numbers numerically, same-class values with equals(), and
 * values of different classes by their toString(). Per the spec (observed on AWS) `null == ""` is true;
 * we extend that to any null/undefined against the empty string (UNVERIFIED beyond that case).
 */
export function javaEquals(left: unknown, right: unknown): boolean {
  // Numbers compare by value whatever their Java class (`1.0 == 1` is true in Velocity).
  const a = plainNumber(left);
  const b = plainNumber(right);
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return (aNull && bNull) || a === '' || b === '';
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === typeof b && typeof a !== 'object') return a === b;
  if (typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) return deepEquals(a, b);
  return javaToString(a) === javaToString(b);
}

/**
 * Velocity 1.7 truthiness for #if, !, && and ||: only null (or undefined) and false are false; "" and 0
 * are true. UNVERIFIED that AWS runs Velocity 1.7 rules (Velocity 2 treats "" as false), but templates
 * written for API Gateway consistently test `!= ""` explicitly, which is consistent with 1.7.
 */
export function velocityTruthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false;
}
