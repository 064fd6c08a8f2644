import { describe, expect, test } from 'vitest';
import { analyzeJavaPattern } from './java-regex';

function m(pattern: string, input: string): boolean {
  const r = analyzeJavaPattern(pattern);
  if (!r.ok) throw new Error(`did not compile: ${r.error}`);
  return r.regex.test(input);
}

function error(pattern: string): string {
  const r = analyzeJavaPattern(pattern);
  return r.ok ? '' : r.error;
}

describe('analyzeJavaPattern: whole-string (Java matches) semantics', () => {
  test('needs the pattern to cover the whole input', () => {
    expect(m('Invalid', 'Invalid input')).toBe(false);
    expect(m('Invalid.*', 'Invalid input')).toBe(true);
    expect(m('a|ab', 'ab')).toBe(true);
    expect(m('2\\d{2}', '201')).toBe(true);
    expect(m('2\\d{2}', '2010')).toBe(false);
  });

  test('keeps ^ and $ harmless inside a whole match', () => {
    expect(m('^2.*', '204')).toBe(true);
    expect(m('^4.*$', '404')).toBe(true);
  });

  test("does not let . match Java's line terminators unless (?s)", () => {
    expect(m('.*', 'a\nb')).toBe(false);
    expect(m('.*', 'a\u0085b')).toBe(false);
    expect(m('(?s).*', 'a\nb')).toBe(true);
    expect(m('(?s).*four hundred.*', 'x\nfour hundred\ny')).toBe(true);
    expect(m('[\\s\\S]*', 'a\nb')).toBe(true);
  });

  test('uses (?d) UNIX_LINES so that only \\n ends a line', () => {
    expect(m('(?d).*', 'a\rb')).toBe(true);
    expect(m('(?d).*', 'a\nb')).toBe(false);
  });

  test('honours leading (?i), (?m) and combined flags', () => {
    expect(m('(?i)error.*', 'ERROR: x')).toBe(true);
    expect(m('error.*', 'ERROR: x')).toBe(false);
    expect(m('(?is)error.*', 'ERROR\nx')).toBe(true);
    expect(m('(?m)a$\\nb', 'a\nb')).toBe(true);
    expect(m('(?i)(?s)x.', 'X\n')).toBe(true);
  });

  test('translates \\A, \\z and \\Z', () => {
    expect(m('\\Aabc\\z', 'abc')).toBe(true);
    expect(m('abc\\Z\\n', 'abc\n')).toBe(true);
    expect(m('abc$\\n', 'abc\n')).toBe(true);
  });

  test('treats \\Q...\\E as literal text', () => {
    expect(m('\\Q[400] (bad)\\E.*', '[400] (bad) request')).toBe(true);
    expect(m('\\Q.*', 'anything')).toBe(false);
    expect(m('\\Q.*', '.*')).toBe(true);
  });

  test("uses Java's \\s (ASCII whitespace only) and \\v (vertical whitespace)", () => {
    expect(m('a\\sb', 'a b')).toBe(true);
    expect(m('a\\sb', 'a\u00a0b')).toBe(false);
    expect(m('a\\vb', 'a\nb')).toBe(true);
    expect(m('a\\hb', 'a\u00a0b')).toBe(true);
    expect(m('a\\Rb', 'a\r\nb')).toBe(true);
    expect(m('[\\s]+', ' \t')).toBe(true);
  });

  test('translates POSIX and Unicode property classes', () => {
    expect(m('\\p{Upper}\\p{Lower}+', 'Abc')).toBe(true);
    expect(m('\\p{Alpha}+', 'é')).toBe(false);
    expect(m('\\p{L}+', 'é')).toBe(true);
    expect(m('\\p{IsAlphabetic}+', 'éa')).toBe(true);
    expect(m('\\P{Digit}', '5')).toBe(false);
    expect(m('[\\p{Digit}x]+', '5x')).toBe(true);
  });

  test('translates octal, hex, unicode and control escapes', () => {
    expect(m('\\0101', 'A')).toBe(true);
    expect(m('\\x41\\x{1F600}', 'A😀')).toBe(true);
    expect(m('\\u0041', 'A')).toBe(true);
    expect(m('\\cJ', '\n')).toBe(true);
    expect(m('\\e', '\x1b')).toBe(true);
  });

  test('accepts escaped punctuation Java allows and JavaScript (u) does not', () => {
    expect(m('a\\-b\\"c\\\'d\\ e', 'a-b"c\'d e')).toBe(true);
    expect(m('[a\\-z]+', '-az')).toBe(true);
  });

  test('reads literal ] and } as Java does', () => {
    expect(m('a]', 'a]')).toBe(true);
    expect(m('a}', 'a}')).toBe(true);
    expect(m('[]a]+', ']a')).toBe(true);
  });

  test('keeps groups, lookarounds, backreferences and named groups', () => {
    expect(m('(?<code>\\d)\\k<code>', '11')).toBe(true);
    expect(m('(a)\\1', 'aa')).toBe(true);
    expect(m('(?:ab)+(?=c)c', 'ababc')).toBe(true);
    expect(m('(?<!x)a', 'a')).toBe(true);
  });

  test('supports comments mode (?x)', () => {
    expect(m('(?x) 4 \\d{2}  # client errors', '404')).toBe(true);
  });

  test('notes possessive quantifiers and atomic groups, which it can only approximate', () => {
    const r = analyzeJavaPattern('a*+b');
    expect(r.ok && r.notes.join(' ')).toMatch(/Possessive/);
    const g = analyzeJavaPattern('(?>a|ab)c');
    expect(g.ok && g.notes.join(' ')).toMatch(/Atomic/);
    expect(analyzeJavaPattern('a*b').ok && (analyzeJavaPattern('a*b') as { notes: string[] }).notes).toEqual([]);
  });

  test('reports dot usage for the multi-line check', () => {
    expect(analyzeJavaPattern('.*x')).toMatchObject({ ok: true, usesDot: true, dotAll: false });
    expect(analyzeJavaPattern('(?s).*x')).toMatchObject({ ok: true, usesDot: true, dotAll: true });
    expect(analyzeJavaPattern('[.]x\\.')).toMatchObject({ ok: true, usesDot: false });
  });

  test.each([
    ['(', /Unterminated group|Invalid/i],
    ['*a', /Nothing to repeat/i],
    ['{"error"}', /Illegal repetition/],
    ['a{', /Illegal repetition/],
    ['[abc', /Unclosed character class/],
    ['a\\', /Unexpected internal error/],
    ['\\y', /Illegal\/unsupported escape/],
    ['\\0', /Illegal octal/],
    ['\\xZZ', /Illegal hexadecimal/],
    ['[a-z&&[^e]]', /not supported here/],
    ['[a[b]]', /not supported here/],
    ['a(?i)b', /not supported here/],
    ['(?U)\\w', /not supported here/],
    ['\\G', /not supported here/],
    ['\\p{InGreek}', /not supported here/],
  ])('refuses %j', (pattern, reason) => {
    expect(error(pattern)).toMatch(reason);
  });
});
