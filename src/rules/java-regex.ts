// Translation of Java `java.util.regex.Pattern` syntax (what API Gateway uses for selectionPattern) to a JavaScript
// RegExp with the `u` flag, anchored for Java's `matches()` (the whole input must match). Pure: shared by the
// editor's tester, the overview's problems and the emulator.
//
// Every Java construct is spelled out in JavaScript that means the same thing, rather than mapped to a JavaScript
// construct of the same name: `.`, `^`, `$`, `\Z` and `\s` use Java's line terminators and whitespace; case-
// insensitivity is expanded per character (Java's `(?i)` folds ASCII only unless `(?u)`), so flags can be scoped
// (`(?i:...)`, a `(?i)` in the middle); atomic groups and possessive quantifiers become a lookahead that captures
// plus a back reference (which cannot give characters back, exactly like Java); class intersection and nested
// classes become lookaheads over one character. What cannot be spelled out exactly either fails with a reason
// ("not supported here") or is kept with a note that says where the preview may differ. The differential test
// (java-regex-parity.node.test.ts) runs the same corpus through java.util.regex.

export interface JavaPatternAnalysis {
  regex: RegExp;
  notes: string[];
  /** A `.` outside a character class that does not match line breaks (no `(?s)` in force there). */
  usesDot: boolean;
  /** Kept for callers that ask: true when every `.` of the pattern matches line breaks. */
  dotAll: boolean;
}

export type JavaPatternResult = ({ ok: true } & JavaPatternAnalysis) | { ok: false; error: string };

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\u0085\\u2028\\u2029';
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const ANY = '[\\s\\S]';
const START_OF_INPUT = '(?<![\\s\\S])';
const END_OF_INPUT = '(?![\\s\\S])';
/** Java 17's `\b`: a word character is a letter, a digit (Character.isLetterOrDigit) or `_`, not ASCII only. */
const WORD = '[\\p{L}\\p{Nd}_]';
const WORD_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

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
  IsAlphabetic: '\\p{Alphabetic}',
  IsLetter: '\\p{L}',
  IsDigit: '\\p{Nd}',
  IsUppercase: '\\p{Uppercase}',
  IsLowercase: '\\p{Lowercase}',
  IsWhite_Space: '\\p{White_Space}',
  IsWhiteSpace: '\\p{White_Space}',
  IsPunctuation: '\\p{P}',
  IsControl: '\\p{Cc}',
  IsIdeographic: '\\p{Ideographic}',
};

const GENERAL_CATEGORY = /^(?:Is)?(L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)$/;

class JavaSyntaxError extends Error {}

function fail(message: string): never {
  throw new JavaSyntaxError(message);
}

/** A code point written so it is literal anywhere in a `u`-mode RegExp, inside a class or not. */
function lit(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return /^[A-Za-z0-9 _]$/.test(ch) ? ch : `\\u{${cp.toString(16).toUpperCase()}}`;
}

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  d: boolean;
  x: boolean;
  u: boolean;
}

/** One piece of translated pattern, with its length bounds (Java refuses unbounded look-behind). */
interface Piece {
  src: string;
  min: number;
  max: number;
  /** Contains a back reference (Java refuses one in a look-behind). */
  backref?: boolean;
  /** Contains a repetition of something that can match empty text: Java and JavaScript try its ways to match in
   * a different order (JavaScript refuses an empty round, Java stops after one), which only shows when the order
   * decides, i.e. under a possessive quantifier or an atomic group. */
  emptyLoop?: boolean;
  /** How a quantifier repeats this atom, when that differs from `src`. */
  repeatedSrc?: string;
}

/** A member of a character class: plain class contents, or a matcher of one code point that a class can't hold. */
type ClassItem = { kind: 'content'; src: string } | { kind: 'matcher'; src: string };

const ASCII_EXTRA_FOLDS: Record<string, number[]> = { k: [0x212a], s: [0x17f], i: [0x130, 0x131] };

/** The code points Java's case-insensitive matching treats as equal to `cp` (ASCII only unless `(?u)`). */
function caseVariants(cp: number, unicode: boolean): number[] {
  const ch = String.fromCodePoint(cp);
  if (!unicode) {
    if (/[a-z]/.test(ch)) return [cp, cp - 32];
    if (/[A-Z]/.test(ch)) return [cp, cp + 32];
    return [cp];
  }
  const out = new Set<number>([cp]);
  for (const v of [ch.toUpperCase(), ch.toLowerCase(), ch.toUpperCase().toLowerCase()]) {
    if ([...v].length === 1) out.add(v.codePointAt(0) ?? cp);
  }
  const lower = ch.toLowerCase();
  for (const extra of ASCII_EXTRA_FOLDS[lower] ?? []) out.add(extra);
  return [...out];
}

function translate(pattern: string): JavaPatternAnalysis {
  const notes: string[] = [];
  const note = (n: string) => {
    if (!notes.includes(n)) notes.push(n);
  };
  let i = 0;
  let flags: Flags = { i: false, s: false, m: false, d: false, x: false, u: false };
  let usesDot = false;
  let allDotsDotAll = true;
  let javaGroups = 0;
  let wrappers = 0;
  const groupNames = new Map<string, number>();
  /** Java group number → still open. */
  const openGroups = new Set<number>();
  /** Java groups that may not take part in a match (in an alternative, optional or repeated). */
  const conditional = new Set<number>();
  const backrefs: { group: number; forward: boolean; caseless: boolean }[] = [];

  const peekChar = (): string | undefined => {
    const cp = pattern.codePointAt(i);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  };

  /** In comments mode, whitespace and `#...` comments are skipped between tokens (inside classes too). */
  const skipComments = () => {
    if (!flags.x) return;
    for (;;) {
      const c = pattern[i];
      if (c !== undefined && ' \t\n\x0B\f\r'.includes(c)) i++;
      else if (c === '#') {
        while (i < pattern.length && !/[\n\r\u0085\u2028\u2029]/.test(pattern[i] as string)) i++;
      } else return;
    }
  };

  const literalPiece = (cp: number): Piece => {
    if (!flags.i) return { src: lit(cp), min: 1, max: 1 };
    const variants = caseVariants(cp, flags.u);
    if (flags.u && cp > 0x7f && variants.length > 1)
      note(
        "Java folds case with its own Unicode tables under (?iu); for letters outside ASCII this preview uses JavaScript's, which agree for almost every letter.",
      );
    return {
      src: variants.length === 1 ? lit(cp) : `[${variants.map(lit).join('')}]`,
      min: 1,
      max: 1,
    };
  };

  const readHex = (re: RegExp, what: string): RegExpExecArray => {
    const m = re.exec(pattern.slice(i));
    if (!m) fail(`Illegal ${what} escape sequence near index ${i}`);
    return m;
  };

  /**
   * An escape that stands for one code point, or null. `i` is just past the letter after the backslash.
   */
  const codePointEscape = (c: string): number | null => {
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
    if (simple[c] !== undefined) return simple[c];
    if (c === '0') {
      const m = readHex(/^(?:[0-3][0-7]{2}|[0-7]{1,2})/, 'octal');
      i += m[0].length;
      return parseInt(m[0], 8);
    }
    if (c === 'x') {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(i));
      if (braced) {
        const cp = parseInt(braced[1] ?? '', 16);
        if (cp > 0x10ffff) fail(`Hexadecimal codepoint is too big near index ${i}`);
        i += braced[0].length;
        return cp;
      }
      const m = readHex(/^[0-9a-fA-F]{2}/, 'hexadecimal');
      i += 2;
      return parseInt(m[0], 16);
    }
    if (c === 'u') {
      const m = readHex(/^[0-9a-fA-F]{4}/, 'Unicode');
      i += 4;
      const cp = parseInt(m[0], 16);
      // Java joins an escaped surrogate pair into one code point.
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(pattern.slice(i));
      if (cp >= 0xd800 && cp <= 0xdbff && low) {
        i += 6;
        return 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1] ?? '', 16) - 0xdc00);
      }
      return cp;
    }
    if (c === 'c') {
      const x = pattern.codePointAt(i);
      if (x === undefined) fail(`Illegal control escape sequence near index ${i}`);
      i++;
      return x ^ 64;
    }
    return null;
  };

  /** `\p{...}`/`\P{...}` as class contents (or a matcher, for negated POSIX classes). */
  const property = (negate: boolean): ClassItem => {
    const m = /^(?:\{([^}]*)\}|([A-Za-z]))/.exec(pattern.slice(i));
    if (!m) fail(`Illegal character property name near index ${i}`);
    i += m[0].length;
    const name = m[1] ?? m[2] ?? '';
    let content: string | undefined;
    // Under (?i) Java widens the cased properties to every cased letter (measured with Java 17).
    if (flags.i && (name === 'Lower' || name === 'Upper')) content = 'a-zA-Z';
    else if (flags.i && /^(?:Is)?(?:Lu|Ll|Lt)$/.test(name)) content = '\\p{Lu}\\p{Ll}\\p{Lt}';
    else if (flags.i && /^Is(?:Uppercase|Lowercase|Titlecase)$/.test(name))
      content = '\\p{Uppercase}\\p{Lowercase}\\p{Lt}';
    else if (POSIX_CLASSES[name] !== undefined) content = POSIX_CLASSES[name];
    else {
      const cat = GENERAL_CATEGORY.exec(name);
      content = cat
        ? `\\p{${cat[1]}}`
        : (UNICODE_PROPERTIES[name] ?? (/^Is[A-Z][a-z]+$/.test(name) ? `\\p{Script=${name.slice(2)}}` : undefined));
    }
    if (content === undefined) fail(`Character property ${name} is not supported here`);
    return negate ? { kind: 'matcher', src: `[^${content}]` } : { kind: 'content', src: content };
  };

  /** A backslash escape inside a character class: one code point, or a set. */
  const classEscape = (): { cp: number } | ClassItem | { quoted: number[] } => {
    const c = pattern[i + 1];
    if (c === undefined) fail(`Unexpected internal error near index ${pattern.length}`);
    i += 2;
    if (c === 'Q') {
      const end = pattern.indexOf('\\E', i);
      const text = end === -1 ? pattern.slice(i) : pattern.slice(i, end);
      i = end === -1 ? pattern.length : end + 2;
      return { quoted: [...text].map((ch) => ch.codePointAt(0) ?? 0) };
    }
    const cp = codePointEscape(c);
    if (cp !== null) return { cp };
    switch (c) {
      case 'd':
        return { kind: 'content', src: '0-9' };
      case 'D':
        return { kind: 'content', src: '\\D' };
      case 'w':
        return { kind: 'content', src: 'a-zA-Z0-9_' };
      case 'W':
        return { kind: 'content', src: '\\W' };
      case 's':
        return { kind: 'content', src: JAVA_SPACE };
      case 'S':
        return { kind: 'matcher', src: `[^${JAVA_SPACE}]` };
      case 'h':
        return { kind: 'content', src: HORIZONTAL_SPACE };
      case 'H':
        return { kind: 'matcher', src: `[^${HORIZONTAL_SPACE}]` };
      case 'v':
        return { kind: 'content', src: VERTICAL_SPACE };
      case 'V':
        return { kind: 'matcher', src: `[^${VERTICAL_SPACE}]` };
      case 'p':
      case 'P':
        return property(c === 'P');
    }
    if (/[A-Za-z0-9]/.test(c)) fail(`Illegal/unsupported escape sequence near index ${i - 1}`);
    return { cp: c.codePointAt(0) ?? 0 };
  };

  const rangeItems = (lo: number, hi: number): ClassItem[] => {
    const items: ClassItem[] = [{ kind: 'content', src: lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}` }];
    if (!flags.i) return items;
    // The other case of the ASCII letters in the range (Java without (?u) folds ASCII only).
    for (const [a, z, delta] of [
      [0x61, 0x7a, -32],
      [0x41, 0x5a, 32],
    ] as const) {
      const from = Math.max(lo, a);
      const to = Math.min(hi, z);
      if (from <= to) items.push({ kind: 'content', src: `${lit(from + delta)}-${lit(to + delta)}` });
    }
    if (flags.u) {
      if (hi - lo > 256 || hi > 0x7f)
        note(
          'Java folds case with its own Unicode tables under (?iu); for character ranges outside ASCII this preview folds only the ends it can list.',
        );
      for (let cp = lo; cp <= Math.min(hi, lo + 256); cp++)
        for (const v of caseVariants(cp, true)) if (v !== cp) items.push({ kind: 'content', src: lit(v) });
    }
    return items;
  };

  const itemsToMatcher = (items: ClassItem[], negate: boolean): string => {
    const content = items.flatMap((it) => (it.kind === 'content' ? [it.src] : [])).join('');
    const matchers = items.flatMap((it) => (it.kind === 'matcher' ? [it.src] : []));
    if (matchers.length === 0) return content === '' ? (negate ? ANY : '(?!)') : `[${negate ? '^' : ''}${content}]`;
    const alternatives = [...(content === '' ? [] : [`[${content}]`]), ...matchers];
    const union = alternatives.length === 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`;
    return negate ? `(?:(?!${union})${ANY})` : union;
  };

  /** A character class; `i` is on its `[`. Returns a matcher of one code point. */
  const characterClass = (): string => {
    const start = i;
    i++;
    let negate = false;
    if (pattern[i] === '^') {
      negate = true;
      i++;
    }
    // Operands of `&&`, each a union of items; the class is their intersection.
    const operands: ClassItem[][] = [];
    let items: ClassItem[] = [];
    let first = true;
    for (;;) {
      skipComments();
      const c = peekChar();
      if (c === undefined) fail(`Unclosed character class near index ${pattern.length - 1}`);
      if (c === ']' && !(first && items.length === 0 && operands.length === 0)) {
        i++;
        break;
      }
      first = false;
      if (c === '[') {
        items.push({ kind: 'matcher', src: characterClass() });
        continue;
      }
      if (c === '&' && pattern[i + 1] === '&') {
        i += 2;
        if (items.length > 0) operands.push(items);
        items = [];
        continue;
      }
      let lo: number;
      if (c === '\\') {
        const e = classEscape();
        if ('quoted' in e) {
          for (const cp of e.quoted) items.push(...rangeItems(cp, cp));
          continue;
        }
        if (!('cp' in e)) {
          items.push(e);
          continue;
        }
        lo = e.cp;
      } else {
        lo = c.codePointAt(0) ?? 0;
        i += c.length;
      }
      // A range `lo-hi`; a `-` before `]` or `[` is a literal.
      skipComments();
      if (pattern[i] === '-' && pattern[i + 1] !== ']' && pattern[i + 1] !== '[' && i + 1 < pattern.length) {
        i++;
        skipComments();
        let hi: number;
        if (pattern[i] === '\\') {
          const e = classEscape();
          if (!('cp' in e)) fail(`Illegal character range near index ${i - 1}`);
          hi = e.cp;
        } else {
          const h = peekChar();
          if (h === undefined) fail(`Unclosed character class near index ${pattern.length - 1}`);
          hi = h.codePointAt(0) ?? 0;
          i += h.length;
        }
        if (hi < lo) fail(`Illegal character range near index ${i - 1}`);
        items.push(...rangeItems(lo, hi));
      } else items.push(...rangeItems(lo, lo));
    }
    if (items.length > 0) operands.push(items);
    if (operands.length === 0) fail(`Unclosed character class near index ${start}`);
    if (operands.length === 1) return itemsToMatcher(operands[0] ?? [], negate);
    const [last, ...rest] = [...operands].reverse();
    const intersection = `(?:${rest
      .reverse()
      .map((op) => `(?=${itemsToMatcher(op, false)})`)
      .join('')}${itemsToMatcher(last ?? [], false)})`;
    return negate ? `(?:(?!${intersection})${ANY})` : intersection;
  };

  /** Java's `$`/`\Z` without MULTILINE: the end, or before a line terminator that ends the input. */
  const endOrFinalTerminator = (): string =>
    flags.d
      ? `(?:${END_OF_INPUT}|(?<!\\r)(?=\\n${END_OF_INPUT}))`
      : `(?:${END_OF_INPUT}|(?=\\r\\n${END_OF_INPUT})|(?<!\\r)(?=\\n${END_OF_INPUT})|(?=[\\r\\u0085\\u2028\\u2029]${END_OF_INPUT}))`;

  /** A backslash escape outside a class. */
  const escape = (): Piece => {
    const c = pattern[i + 1];
    if (c === undefined) fail(`Unexpected internal error near index ${pattern.length}`);

    if (/[1-9]/.test(c)) {
      i += 2;
      // Java: more digits belong to the number only while such a group exists at this point.
      let n = Number(c);
      while (/[0-9]/.test(pattern[i] ?? '') && n * 10 + Number(pattern[i]) <= javaGroups)
        n = n * 10 + Number(pattern[i++]);
      return backref(n);
    }
    if (c === 'k') {
      i += 2;
      const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(pattern.slice(i));
      if (!m) fail(`\\k is not followed by '<' for named capturing group near index ${i}`);
      i += m[0].length;
      const n = groupNames.get(m[1] ?? '');
      if (n === undefined) fail(`named capturing group <${m[1]}> does not exist near index ${i - 1}`);
      return backref(n);
    }
    if (c === 'E') {
      i += 2; // A stray \E is ignored by Java.
      return { src: '', min: 0, max: 0 };
    }
    const simpleSets: Record<string, string> = {
      d: '[0-9]',
      D: '\\D',
      w: '[a-zA-Z0-9_]',
      W: '\\W',
      s: `[${JAVA_SPACE}]`,
      S: `[^${JAVA_SPACE}]`,
      h: `[${HORIZONTAL_SPACE}]`,
      H: `[^${HORIZONTAL_SPACE}]`,
      v: `[${VERTICAL_SPACE}]`,
      V: `[^${VERTICAL_SPACE}]`,
    };
    if (simpleSets[c] !== undefined) {
      i += 2;
      return { src: simpleSets[c], min: 1, max: 1 };
    }
    if (c === 'p' || c === 'P') {
      i += 2;
      const item = property(c === 'P');
      return { src: item.kind === 'content' ? `[${item.src}]` : item.src, min: 1, max: 1 };
    }
    const zeroWidth: Record<string, () => string> = {
      A: () => START_OF_INPUT,
      // \G is where the previous match ended: for matches() on a fresh matcher, the start.
      G: () => START_OF_INPUT,
      z: () => END_OF_INPUT,
      Z: endOrFinalTerminator,
      b: () => WORD_BOUNDARY,
      B: () => `(?!${WORD_BOUNDARY})`,
    };
    if (zeroWidth[c] !== undefined) {
      i += 2;
      if (c === 'b' && pattern.startsWith('{g}', i)) fail('\\b{g} (grapheme boundaries) is not supported here');
      return { src: zeroWidth[c](), min: 0, max: 0 };
    }
    if (c === 'R') {
      i += 2;
      const lineBreak = `\\r\\n|[${VERTICAL_SPACE}]`;
      // Alone, \R may give back the \n of \r\n; repeated (Java's Curly, which never backtracks into its atom), each
      // round keeps the first way it matched.
      return {
        src: `(?:${lineBreak})`,
        min: 1,
        max: 2,
        repeatedSrc: atomic({ src: lineBreak, min: 1, max: 2 }),
      };
    }
    if (c === 'X' || c === 'N') fail(`\\${c} is not supported here`);
    i += 2;
    const cp = codePointEscape(c);
    if (cp !== null) return literalPiece(cp);
    if (/[A-Za-z0-9]/.test(c)) fail(`Illegal/unsupported escape sequence near index ${i - 1}`);
    // Any other escaped character is itself (a whole code point, when it is outside the BMP).
    const escaped = pattern.codePointAt(i - 1) ?? 0;
    i += String.fromCodePoint(escaped).length - 1;
    return literalPiece(escaped);
  };

  const backref = (n: number): Piece => {
    backrefs.push({ group: n, forward: n > javaGroups || openGroups.has(n), caseless: flags.i });
    // A reference to a group the pattern does not have never matches in Java; the name is resolved at the end.
    return { src: `(?:\\k<g${n}>)`, min: 0, max: Infinity, backref: true };
  };

  const applyInlineFlags = (on: string, off: string, at: number) => {
    const next = { ...flags };
    for (const [letters, value] of [
      [on, true],
      [off, false],
    ] as const) {
      for (const f of letters) {
        if (f === 'i' || f === 's' || f === 'm' || f === 'd' || f === 'x' || f === 'u') next[f] = value;
        else if (f === 'U') fail('The (?U) flag (Unicode character classes) is not supported here');
        else fail(`Unknown inline modifier near index ${at}`);
      }
    }
    return next;
  };

  /** A group; `i` is just past its `(`. */
  const group = (): Piece => {
    const saved = flags;
    const rest = pattern.slice(i);
    let piece: Piece;
    const body = (): Piece => {
      const p = alternation();
      if (pattern[i] !== ')') fail(`Unclosed group near index ${pattern.length}`);
      i++;
      return p;
    };
    {
      if (rest.startsWith('?:')) {
        i += 2;
        const p = body();
        piece = { ...p, src: `(?:${p.src})` };
      } else if (/^\?(=|!|<=|<!)/.test(rest)) {
        const kind = /^\?(=|!|<=|<!)/.exec(rest)?.[1] ?? '=';
        i += 1 + kind.length;
        const p = body();
        // Java 17 allows unbounded repetition in a look-behind, but not a back reference.
        if (kind.startsWith('<') && p.backref)
          fail(`Look-behind group does not have an obvious maximum length near index ${i - 1}`);
        piece = { src: `(?${kind}${p.src})`, min: 0, max: 0 };
      } else if (rest.startsWith('?>')) {
        i += 2;
        const p = body();
        piece = { ...p, src: atomic(p) };
      } else if (/^\?<[a-zA-Z]/.test(rest)) {
        const m = /^\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
        if (!m) fail(`named capturing group is missing trailing '>' near index ${i}`);
        const name = m[1] ?? '';
        if (groupNames.has(name)) fail(`Named capturing group <${name}> is already defined near index ${i}`);
        i += m[0].length;
        const n = ++javaGroups;
        groupNames.set(name, n);
        piece = capture(n, body);
      } else if (rest.startsWith('?')) {
        const m = /^\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
        if (!m) fail(`Unknown inline modifier near index ${i + 1}`);
        const next = applyInlineFlags(m[1] ?? '', m[2] ?? '', i + 1);
        i += m[0].length;
        if (m[3] === ')') {
          // `(?i)`: the flags hold until the end of the enclosing group, so they are not restored here.
          flags = next;
          return { src: '', min: 0, max: 0 };
        }
        flags = next;
        const p = body();
        piece = { ...p, src: `(?:${p.src})` };
      } else {
        const n = ++javaGroups;
        piece = capture(n, body);
      }
    }
    // A group ends the scope of the flags set inside it.
    flags = saved;
    return piece;
  };

  const capture = (n: number, body: () => Piece): Piece => {
    openGroups.add(n);
    const p = body();
    openGroups.delete(n);
    return { ...p, src: `(?<g${n}>${p.src})` };
  };

  /** Never gives characters back: the lookahead finds the first way the body matches, the reference consumes it. */
  const atomic = (piece: Piece): string => {
    if (piece.emptyLoop)
      note(
        'A repetition that can match empty text inside a possessive quantifier or an atomic group: Java may settle on a different way to match it than this preview, so the result can differ from AWS.',
      );
    const name = `a${++wrappers}`;
    return `(?:(?=(?<${name}>${piece.src}))\\k<${name}>)`;
  };

  const quantified = (atom: Piece, groupsBefore: number): Piece => {
    skipComments();
    const c = pattern[i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!m) fail(`Illegal repetition near index ${i}`);
      i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (max < min) fail(`Illegal repetition range near index ${i - 1}`);
    } else return atom;
    let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy';
    if (pattern[i] === '?') {
      mode = 'lazy';
      i++;
    } else if (pattern[i] === '+') {
      mode = 'possessive';
      i++;
    }
    // Groups inside a repetition may not take part (or keep a value from an earlier round).
    if (min === 0 || max > 1) for (let g = groupsBefore + 1; g <= javaGroups; g++) conditional.add(g);
    const bounds =
      min === 0 && max === Infinity
        ? '*'
        : min === 1 && max === Infinity
          ? '+'
          : min === 0 && max === 1
            ? '?'
            : max === Infinity
              ? `{${min},}`
              : min === max
                ? `{${min}}`
                : `{${min},${max}}`;
    const atomSrc = atom.repeatedSrc ?? atom.src;
    // `X?` is Java's "X, else nothing" even when X matches empty text; JavaScript's `?` would refuse an empty X
    // and look for another way, so it is spelled as an alternation, which has no such check.
    const repeated =
      min === 0 && max === 1
        ? mode === 'lazy'
          ? `(?:|${atomSrc})`
          : `(?:${atomSrc}|)`
        : `(?:${atomSrc})${bounds}${mode === 'lazy' ? '?' : ''}`;
    const emptyLoop = atom.emptyLoop === true || (atom.min === 0 && max > 1);
    const piece: Piece = {
      src: repeated,
      min: atom.min * min,
      max: max === 0 ? 0 : atom.max === 0 ? 0 : atom.max * max,
      backref: atom.backref,
      emptyLoop,
    };
    return mode === 'possessive' ? { ...piece, src: atomic(piece) } : piece;
  };

  const sequence = (): Piece => {
    let src = '';
    let min = 0;
    let max = 0;
    let backref = false;
    let emptyLoop = false;
    for (;;) {
      skipComments();
      const c = peekChar();
      if (c === undefined || c === '|' || c === ')') break;
      const groupsBefore = javaGroups;
      let atom: Piece;
      switch (c) {
        case '(':
          i++;
          atom = group();
          break;
        case '[':
          atom = { src: characterClass(), min: 1, max: 1 };
          break;
        case '\\':
          if (pattern[i + 1] === 'Q') {
            // Quoted text is a run of literals: a quantifier after \E applies to its last character only.
            i += 2;
            const end = pattern.indexOf('\\E', i);
            const text = [...(end === -1 ? pattern.slice(i) : pattern.slice(i, end))];
            i = end === -1 ? pattern.length : end + 2;
            const last = text.pop();
            for (const ch of text) {
              src += literalPiece(ch.codePointAt(0) ?? 0).src;
              min++;
              max++;
            }
            atom = last === undefined ? { src: '', min: 0, max: 0 } : literalPiece(last.codePointAt(0) ?? 0);
          } else atom = escape();
          break;
        case '.':
          i++;
          if (flags.s) atom = { src: ANY, min: 1, max: 1 };
          else {
            usesDot = true;
            allDotsDotAll = false;
            atom = { src: `[^${flags.d ? '\\n' : LINE_TERMINATORS}]`, min: 1, max: 1 };
          }
          break;
        case '^':
          i++;
          atom = {
            src: flags.m
              ? // Java's multi-line ^: after a line terminator (not between \r and \n), never at the very end.
                `(?:(?=${ANY})(?:${START_OF_INPUT}|${flags.d ? '(?<=\\n)' : `(?<=[\\n\\u0085\\u2028\\u2029]|\\r(?!\\n))`}))`
              : START_OF_INPUT,
            min: 0,
            max: 0,
          };
          break;
        case '$':
          i++;
          atom = {
            src: flags.m
              ? `(?:${END_OF_INPUT}|(?<!\\r)(?=\\n)${flags.d ? '' : '|(?=[\\r\\u0085\\u2028\\u2029])'})`
              : endOrFinalTerminator(),
            min: 0,
            max: 0,
          };
          break;
        case '*':
        case '+':
        case '?':
          fail(`Dangling meta character '${c}' near index ${i}`);
          break;
        case '{':
          // Java quantifies nothing here (`{2}a`, or the second of `a{2}{3}`): an empty atom, if the braces are a
          // well-formed repetition.
          if (!/^\{\d+(?:,\d*)?\}/.test(pattern.slice(i))) fail(`Illegal repetition near index ${i}`);
          atom = { src: '', min: 0, max: 0 };
          break;
        default:
          i += c.length;
          atom = literalPiece(c.codePointAt(0) ?? 0);
      }
      const q = quantified(atom, groupsBefore);
      src += q.src;
      min += q.min;
      max += q.max;
      backref ||= q.backref === true;
      emptyLoop ||= q.emptyLoop === true;
    }
    return { src, min, max, backref, emptyLoop };
  };

  const alternation = (): Piece => {
    const groupsBefore = javaGroups;
    const branches: Piece[] = [sequence()];
    while (pattern[i] === '|') {
      i++;
      branches.push(sequence());
    }
    if (branches.length > 1) for (let g = groupsBefore + 1; g <= javaGroups; g++) conditional.add(g);
    return {
      src: branches.map((b) => b.src).join('|'),
      min: Math.min(...branches.map((b) => b.min)),
      max: Math.max(...branches.map((b) => b.max)),
      backref: branches.some((b) => b.backref),
      emptyLoop: branches.some((b) => b.emptyLoop),
    };
  };

  const whole = alternation();
  if (i < pattern.length) fail(`Unmatched closing ')' near index ${i - 1}`);

  for (const ref of backrefs) {
    if (ref.group > javaGroups) continue;
    if (ref.forward || conditional.has(ref.group))
      note(
        'A back reference to a group that may not have matched fails in Java but matches empty text in this preview, so it can match where AWS does not.',
      );
    if (ref.caseless)
      note('Under (?i) Java compares a back reference ignoring case; this preview compares it exactly.');
  }
  // References to groups the pattern does not have never match, as in Java.
  const src = whole.src.replace(/\\k<g(\d+)>/g, (m, n: string) => (Number(n) > javaGroups ? '(?!)' : m));

  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${src})$`, 'u');
  } catch (e) {
    fail(
      `${e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(e)} (not supported here)`,
    );
  }
  return { regex, notes, usesDot, dotAll: !usesDot && allDotsDotAll };
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
