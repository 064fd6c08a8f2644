// Translation of Java `java.util.regex.Pattern` syntax (what API Gateway uses for selectionPattern) to a JavaScript
// RegExp with the `u` flag, anchored for Java's `matches()` (the whole input must match).
//
// Constructs that JavaScript can express are translated to their Java meaning (line terminators of `.`, `$`, `\s`,
// `\Z`, `\v`, `\h`, `\R`, POSIX `\p{...}` classes, `\Q...\E`, octal/hex escapes, leading inline flags). Constructs
// it cannot express exactly are approximated with a note (possessive quantifiers, atomic groups); constructs it
// cannot express at all, and syntax Java itself rejects, make the translation fail with a reason.

export interface JavaPatternAnalysis {
  regex: RegExp;
  notes: string[];
  /** An unescaped `.` outside a character class. */
  usesDot: boolean;
  /** DOTALL is on for the whole pattern (`(?s)`). */
  dotAll: boolean;
}

export type JavaPatternResult = ({ ok: true } & JavaPatternAnalysis) | { ok: false; error: string };

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\u0085\\u2028\\u2029';
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const START_OF_INPUT = '(?<![\\s\\S])';
const END_OF_INPUT = '(?![\\s\\S])';

/** POSIX classes of java.util.regex (US-ASCII only), as character-class contents. */
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
};

const UNICODE_PROPERTIES: Record<string, string> = {
  IsAlphabetic: 'Alphabetic',
  IsLetter: 'L',
  IsDigit: 'Nd',
  IsUppercase: 'Uppercase',
  IsLowercase: 'Lowercase',
  IsWhite_Space: 'White_Space',
  IsWhiteSpace: 'White_Space',
  IsPunctuation: 'P',
  IsControl: 'Cc',
  IsIdeographic: 'Ideographic',
};

const GENERAL_CATEGORY = /^(?:Is)?(L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)$/;

class JavaSyntaxError extends Error {}

function fail(message: string): never {
  throw new JavaSyntaxError(message);
}

function codePointEscape(cp: number): string {
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

function escapeLiteral(ch: string, inClass: boolean): string {
  const special = inClass ? '\\]-^[' : '^$\\.*+?()[]{}|/';
  return special.includes(ch) ? `\\${ch}` : ch;
}

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  d: boolean;
  x: boolean;
  u: boolean;
}

function translate(pattern: string): JavaPatternAnalysis {
  const flags: Flags = { i: false, s: false, m: false, d: false, x: false, u: false };
  const notes: string[] = [];
  const note = (n: string) => {
    if (!notes.includes(n)) notes.push(n);
  };
  let i = 0;

  // Leading inline flags apply to the whole pattern, which a JavaScript flag (or our translation) can express.
  for (;;) {
    const m = /^\(\?([a-zA-Z]*(?:-[a-zA-Z]*)?)\)/.exec(pattern.slice(i));
    if (!m) break;
    const [on = '', off = ''] = (m[1] ?? '').split('-');
    for (const [letters, value] of [
      [on, true],
      [off, false],
    ] as const) {
      for (const f of letters) {
        if (f === 'i' || f === 's' || f === 'm' || f === 'd' || f === 'x' || f === 'u') flags[f] = value;
        else if (f === 'U') fail('The (?U) flag (Unicode character classes) is not supported here');
        else fail(`Unknown inline modifier near index ${i + 2}`);
      }
    }
    i += m[0].length;
  }
  if (flags.i && !flags.u && [...pattern].some((ch) => (ch.codePointAt(0) ?? 0) > 0x7f)) {
    note('Without (?u), Java ignores case for ASCII letters only; this preview also folds non-ASCII letters.');
  }

  const terminators = flags.d ? '\\n' : LINE_TERMINATORS;
  const finalTerminator = flags.d ? '\\n' : `(?:\\r\\n|[${LINE_TERMINATORS}])`;
  let out = '';
  let usesDot = false;
  let inClass = false;
  let classStart = false;

  const quantifierSuffix = () => {
    if (pattern[i] === '?') {
      out += '?';
      i++;
    } else if (pattern[i] === '+') {
      note(
        'Possessive quantifiers (*+, ++, ?+, {n,m}+) never give back characters in Java; this preview treats them as greedy, so it can match where AWS does not.',
      );
      i++;
    }
  };

  const escape = () => {
    const c = pattern[i + 1];
    if (c === undefined) fail(`Unexpected internal error near index ${pattern.length}`);
    i += 2;
    if (c === 'Q') {
      const end = pattern.indexOf('\\E', i);
      const literal = end === -1 ? pattern.slice(i) : pattern.slice(i, end);
      for (const ch of literal) out += escapeLiteral(ch, inClass);
      i = end === -1 ? pattern.length : end + 2;
      return;
    }
    if (c === 'E') return; // A stray \E is ignored by Java.
    if (/[1-9]/.test(c)) {
      if (inClass) fail(`Illegal/unsupported escape sequence near index ${i - 1}`);
      let digits = c;
      while (/[0-9]/.test(pattern[i] ?? '')) digits += pattern[i++];
      out += `\\${digits}`;
      return;
    }
    if (c === '0') {
      const m = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(pattern.slice(i));
      if (!m) fail(`Illegal octal escape sequence near index ${i}`);
      i += m[0].length;
      out += codePointEscape(parseInt(m[0], 8));
      return;
    }
    if (c === 'x') {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(i));
      const plain = /^[0-9a-fA-F]{2}/.exec(pattern.slice(i));
      if (braced) {
        const cp = parseInt(braced[1] ?? '', 16);
        if (cp > 0x10ffff) fail(`Hexadecimal codepoint is too big near index ${i}`);
        out += codePointEscape(cp);
        i += braced[0].length;
      } else if (plain) {
        out += codePointEscape(parseInt(plain[0], 16));
        i += 2;
      } else fail(`Illegal hexadecimal escape sequence near index ${i}`);
      return;
    }
    if (c === 'u') {
      const m = /^[0-9a-fA-F]{4}/.exec(pattern.slice(i));
      if (!m) fail(`Illegal Unicode escape sequence near index ${i}`);
      out += `\\u${m[0]}`;
      i += 4;
      return;
    }
    if (c === 'c') {
      const x = pattern[i];
      if (x === undefined) fail(`Illegal control escape sequence near index ${i}`);
      out += codePointEscape((x.codePointAt(0) ?? 0) ^ 64);
      i++;
      return;
    }
    const simple: Record<string, string> = {
      t: '\\t',
      n: '\\n',
      r: '\\r',
      f: '\\f',
      a: '\\x07',
      e: '\\x1B',
      d: '\\d',
      D: '\\D',
      w: '\\w',
      W: '\\W',
    };
    if (simple[c] !== undefined) {
      out += simple[c];
      return;
    }
    if (c === 's') {
      out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      return;
    }
    if (c === 'S') {
      out += inClass ? '\\S' : `[^${JAVA_SPACE}]`;
      return;
    }
    if (c === 'h' || c === 'v') {
      const content = c === 'h' ? HORIZONTAL_SPACE : VERTICAL_SPACE;
      out += inClass ? content : `[${content}]`;
      return;
    }
    if (c === 'H' || c === 'V') {
      if (inClass) fail(`\\${c} inside a character class is not supported here`);
      out += `[^${c === 'H' ? HORIZONTAL_SPACE : VERTICAL_SPACE}]`;
      return;
    }
    if (c === 'p' || c === 'P') {
      const m = /^(?:\{([^}]*)\}|([A-Za-z]))/.exec(pattern.slice(i));
      if (!m) fail(`Illegal character property name near index ${i}`);
      i += m[0].length;
      const name = m[1] ?? m[2] ?? '';
      const negate = c === 'P';
      const posix = POSIX_CLASSES[name];
      if (posix !== undefined) {
        if (inClass && negate) fail(`\\P{${name}} inside a character class is not supported here`);
        out += inClass ? posix : `[${negate ? '^' : ''}${posix}]`;
        return;
      }
      const cat = GENERAL_CATEGORY.exec(name);
      const prop = cat
        ? cat[1]
        : (UNICODE_PROPERTIES[name] ?? (/^Is[A-Z][a-z]+$/.test(name) ? `Script=${name.slice(2)}` : undefined));
      if (prop === undefined) fail(`Character property ${name} is not supported here`);
      out += `\\${c}{${prop}}`;
      return;
    }
    if (c === 'k') {
      const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(pattern.slice(i));
      if (!m || inClass) fail(`\\k is not followed by '<' for named capturing group near index ${i}`);
      out += `\\k${m[0]}`;
      i += m[0].length;
      return;
    }
    if (!inClass) {
      if (c === 'b' || c === 'B') {
        if (pattern[i] === '{') fail('\\b{g} (grapheme boundaries) is not supported here');
        out += `\\${c}`;
        return;
      }
      if (c === 'A') {
        out += START_OF_INPUT;
        return;
      }
      if (c === 'z') {
        out += END_OF_INPUT;
        return;
      }
      if (c === 'Z') {
        out += `(?=${finalTerminator}?${END_OF_INPUT})`;
        return;
      }
      if (c === 'R') {
        out += `(?:\\r\\n|[${VERTICAL_SPACE}])`;
        return;
      }
    }
    if (c === 'G' || c === 'X' || c === 'N') fail(`\\${c} is not supported here`);
    if (/[A-Za-z]/.test(c)) fail(`Illegal/unsupported escape sequence \\${c} near index ${i - 1}`);
    out += escapeLiteral(c, inClass);
  };

  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (flags.x && ' \t\n\v\f\r'.includes(c)) {
      i++;
      continue;
    }
    if (flags.x && c === '#' && !inClass) {
      while (i < pattern.length && !/[\n\r\u0085\u2028\u2029]/.test(pattern[i] as string)) i++;
      continue;
    }
    if (c === '\\') {
      escape();
      classStart = false;
      continue;
    }
    if (inClass) {
      if (c === ']' && classStart) {
        out += '\\]'; // Java reads a `]` right after `[` or `[^` as a literal.
      } else if (c === ']') {
        out += ']';
        inClass = false;
      } else if (c === '[') {
        fail('Character class union (a nested [...] inside a class) is not supported here');
      } else if (c === '&' && pattern[i + 1] === '&') {
        fail('Character class intersection (&&) is not supported here');
      } else out += c;
      classStart = false;
      i++;
      continue;
    }
    i++;
    switch (c) {
      case '[':
        out += '[';
        inClass = true;
        classStart = true;
        if (pattern[i] === '^') {
          out += '^';
          i++;
        }
        break;
      case '.':
        usesDot = true;
        out += flags.s ? '[\\s\\S]' : `[^${terminators}]`;
        break;
      case '^':
        out += flags.m ? `(?:${START_OF_INPUT}|(?<=[${terminators}])(?=[\\s\\S]))` : START_OF_INPUT;
        break;
      case '$':
        out += flags.m ? `(?=[${terminators}]|${END_OF_INPUT})` : `(?=${finalTerminator}?${END_OF_INPUT})`;
        break;
      case '(': {
        const rest = pattern.slice(i);
        if (rest.startsWith('?>')) {
          note(
            'Atomic groups (?>...) never give back characters in Java; this preview treats them as ordinary groups, so it can match where AWS does not.',
          );
          out += '(?:';
          i += 2;
        } else if (/^\?(?::|=|!|<=|<!|<[a-zA-Z][a-zA-Z0-9]*>)/.test(rest) || !rest.startsWith('?')) {
          out += '(';
        } else if (/^\?[a-zA-Z-]*[:)]/.test(rest)) {
          fail(
            'Inline flags after the start of the pattern, e.g. (?i) or (?i:...), are not supported here; move them to the very beginning',
          );
        } else fail(`Unknown inline modifier near index ${i + 1}`);
        break;
      }
      case '*':
      case '+':
      case '?':
        out += c;
        quantifierSuffix();
        break;
      case '{': {
        const m = /^(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m)
          fail(
            `Illegal repetition near index ${i - 1}: Java reads '{' as the start of a {n,m} quantifier; write \\{ for a literal brace`,
          );
        out += `{${m[0]}`;
        i += m[0].length;
        quantifierSuffix();
        break;
      }
      case ']':
      case '}':
        out += `\\${c}`;
        break;
      default:
        out += c;
    }
  }
  if (inClass) fail(`Unclosed character class near index ${pattern.length - 1}`);

  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${out})$`, flags.i ? 'iu' : 'u');
  } catch (e) {
    fail(e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(e));
  }
  return { regex, notes, usesDot, dotAll: flags.s };
}

const cache = new Map<string, JavaPatternResult>();

/** Translates (and memoizes) a Java pattern; `ok: false` means Java or this translator can't compile it. */
export function analyzeJavaPattern(pattern: string): JavaPatternResult {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let result: JavaPatternResult;
  try {
    result = { ok: true, ...translate(pattern) };
  } catch (e) {
    if (!(e instanceof JavaSyntaxError)) throw e;
    result = { ok: false, error: e.message };
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, result);
  return result;
}
