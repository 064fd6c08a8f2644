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

  test('possessive quantifiers and atomic groups never give characters back, as in Java', () => {
    expect(m('a*+a', 'aaa')).toBe(false);
    expect(m('a*a', 'aaa')).toBe(true);
    expect(m('(?>a|ab)c', 'abc')).toBe(false);
    expect(m('(?:a|ab)c', 'abc')).toBe(true);
    expect(m('(?>a|ab)c', 'ac')).toBe(true);
    expect(m('"[^"]*+"', '"x"')).toBe(true);
    expect(m('.{2,3}+.', 'abcd')).toBe(true);
    expect(m('.{2,3}+.', 'abc')).toBe(false);
    const r = analyzeJavaPattern('(a)*+\\1b(?>c)');
    expect(r.ok && r.notes.join(' ')).not.toMatch(/Possessive|Atomic/);
  });

  test('character-class intersection, subtraction and nested classes', () => {
    expect(m('[a-z&&[^aeiou]]+', 'xyz')).toBe(true);
    expect(m('[a-z&&[^aeiou]]+', 'xaz')).toBe(false);
    expect(m('[a-z&&def]', 'e')).toBe(true);
    expect(m('[a-z&&def]', 'a')).toBe(false);
    expect(m('[a[b-c]]+', 'abc')).toBe(true);
    expect(m('[^a[b]]', 'b')).toBe(false);
    expect(m('[^a[b]]', 'c')).toBe(true);
    expect(m('[\\S&&[^x]]', 'x')).toBe(false);
  });

  test('embedded flags anywhere, and scoped to a group', () => {
    expect(m('a(?i)b', 'aB')).toBe(true);
    expect(m('a(?i)b', 'AB')).toBe(false);
    expect(m('(?i:a)b', 'Ab')).toBe(true);
    expect(m('(?i:a)b', 'AB')).toBe(false);
    expect(m('(?i)a(?-i)b', 'Ab')).toBe(true);
    expect(m('(?i)a(?-i)b', 'AB')).toBe(false);
    expect(m('(a(?i)b)c', 'aBc')).toBe(true);
    expect(m('(a(?i)b)c', 'aBC')).toBe(false);
    expect(m('x(?s:.)y.', 'x\nyz')).toBe(true);
    expect(m('x(?s:.)y.', 'x\ny\n')).toBe(false);
    expect(m('(?i)[a-c]+', 'AbC')).toBe(true);
    expect(m('(?i)[^a]', 'A')).toBe(false);
    expect(m('(?i)straße', 'STRASSE')).toBe(false);
  });

  test('(?m) ^ and $ follow Java: no ^ at the very end, none between \\r and \\n', () => {
    expect(m('(?m)a$\\r\\n^b', 'a\r\nb')).toBe(true);
    expect(m('(?m)(?:^)', '')).toBe(false);
    expect(m('a$', 'a\r\n')).toBe(false);
    expect(m('a$\\r\\n', 'a\r\n')).toBe(true);
  });

  test('a reference to a group that does not exist never matches', () => {
    expect(m('a\\2', 'a')).toBe(false);
    expect(m('(a)\\11', 'aa1')).toBe(true);
  });

  test('reports dot usage for the multi-line check', () => {
    expect(analyzeJavaPattern('.*x')).toMatchObject({ ok: true, usesDot: true, dotAll: false });
    expect(analyzeJavaPattern('(?s).*x')).toMatchObject({ ok: true, usesDot: false, dotAll: true });
    expect(analyzeJavaPattern('(?s:.*)x.')).toMatchObject({ ok: true, usesDot: true });
    expect(analyzeJavaPattern('[.]x\\.')).toMatchObject({ ok: true, usesDot: false });
  });

  test.each([
    ['(', /Unclosed group/],
    ['*a', /Dangling meta character/],
    ['{"error"}', /Illegal repetition/],
    ['a{', /Illegal repetition/],
    ['[abc', /Unclosed character class/],
    ['a\\', /Unexpected internal error/],
    ['\\y', /Illegal\/unsupported escape/],
    ['\\0', /Illegal octal/],
    ['\\xZZ', /Illegal hexadecimal/],
    ['a(?<=\\1(a))', /obvious maximum length/],
    ['\\k<x>(?<x>a)', /does not exist/],
    ['(?U)\\w', /not supported here/],
    ['\\X', /not supported here/],
    ['\\p{InGreek}', /not supported here/],
  ])('refuses %j', (pattern, reason) => {
    expect(error(pattern)).toMatch(reason);
  });
});
