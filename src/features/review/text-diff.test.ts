import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffLines, hasChanges, splitLines } from './text-diff';

/** Independent LCS length (memoised recursion) to check the diff keeps as many common lines as possible. */
function lcsLength(a: string[], b: string[]): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    if (i === a.length || j === b.length) return 0;
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const v = a[i] === b[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1));
    memo.set(key, v);
    return v;
  };
  return go(0, 0);
}

function side(lines: ReturnType<typeof diffLines>, which: 'before' | 'after'): string {
  return lines
    .filter((l) => l.kind === 'same' || l.kind === (which === 'before' ? 'removed' : 'added'))
    .map((l) => l.text)
    .join('\n');
}

describe('diffLines', () => {
  test('marks a changed line in the middle as removed then added, keeping the rest', () => {
    const before = '{\n  "a": 1,\n  "b": 2\n}';
    const after = '{\n  "a": 1,\n  "b": 3\n}';
    expect(diffLines(before, after)).toEqual([
      { kind: 'same', text: '{' },
      { kind: 'same', text: '  "a": 1,' },
      { kind: 'removed', text: '  "b": 2' },
      { kind: 'added', text: '  "b": 3' },
      { kind: 'same', text: '}' },
    ]);
  });

  test('shows a new template (nothing before) as all added and a deleted one as all removed', () => {
    expect(diffLines(undefined, 'x\ny')).toEqual([
      { kind: 'added', text: 'x' },
      { kind: 'added', text: 'y' },
    ]);
    expect(diffLines('x', null)).toEqual([{ kind: 'removed', text: 'x' }]);
  });

  test('finds the longest common subsequence, not just a common prefix and suffix', () => {
    const lines = diffLines('a\nb\nc\nd\ne', 'a\nc\nX\ne\nf');
    expect(lines.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['a', 'c', 'e']);
    expect(lines.filter((l) => l.kind === 'removed').map((l) => l.text)).toEqual(['b', 'd']);
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.text)).toEqual(['X', 'f']);
  });

  test('reports no change for identical text, and treats CRLF like LF', () => {
    expect(hasChanges(diffLines('a\r\nb', 'a\nb'))).toBe(false);
    expect(hasChanges(diffLines('a', 'a '))).toBe(true);
    expect(splitLines('')).toEqual(['']);
  });

  test('always reconstructs both sides and keeps a maximal common part (property)', () => {
    const line = fc.constantFrom('a', 'b', 'c', '', "$input.json('$')");
    const text = fc.array(line, { maxLength: 12 }).map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = diffLines(before, after);
        expect(side(lines, 'before')).toBe(splitLines(before).join('\n'));
        expect(side(lines, 'after')).toBe(splitLines(after).join('\n'));
        expect(lines.filter((l) => l.kind === 'same').length).toBe(lcsLength(splitLines(before), splitLines(after)));
        // Diffing a text with itself changes nothing.
        expect(hasChanges(diffLines(before, before))).toBe(false);
      }),
    );
  });

  test('a huge, wholly different pair is shown as all removed then all added', () => {
    const before = Array.from({ length: 6_000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 6_000 }, (_, i) => `new ${i}`).join('\n');
    const lines = diffLines(before, after);
    expect(lines.map((l) => l.kind)).toEqual([...Array(6_000).fill('removed'), ...Array(6_000).fill('added')]);
    expect(side(lines, 'before')).toBe(before);
    expect(side(lines, 'after')).toBe(after);
  });
});
