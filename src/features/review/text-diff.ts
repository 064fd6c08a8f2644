// A line diff for the review step: longest common subsequence over lines, so that a template change reads as
// the lines removed and added rather than as two whole blocks.

export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

/** Splits on \n (and \r\n); an absent text has no lines, an empty text has one empty line. */
export function splitLines(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  return text.split(/\r?\n/);
}

// Beyond this many cells the table would cost too much memory in a browser tab; templates are limited to
// 300 KB by AWS, so a big pair falls back to "all removed, all added", which is still correct, just coarse.
const MAX_CELLS = 4_000_000;

/** Lines of `before` and `after` in order, each marked same, removed (only before) or added (only after). */
export function diffLines(before: string | null | undefined, after: string | null | undefined): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // Common prefix and suffix are trimmed first: most edits touch a few lines of a long template.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: DiffLine[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  const tail: DiffLine[] = a.slice(endA).map((text) => ({ kind: 'same', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  return [...head, ...lcsDiff(midA, midB), ...tail];
}

function lcsDiff(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ kind: 'added', text }));
  if (m === 0) return a.map((text) => ({ kind: 'removed', text }));
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    return [
      ...a.map((text): DiffLine => ({ kind: 'removed', text })),
      ...b.map((text): DiffLine => ({ kind: 'added', text })),
    ];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..], flattened.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const ai = a[i] as string;
    const bj = b[j] as string;
    if (ai === bj) {
      out.push({ kind: 'same', text: ai });
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      // Removals before additions: reads as "this line became that line".
      out.push({ kind: 'removed', text: ai });
      i++;
    } else {
      out.push({ kind: 'added', text: bj });
      j++;
    }
  }
  for (; i < n; i++) out.push({ kind: 'removed', text: a[i] as string });
  for (; j < m; j++) out.push({ kind: 'added', text: b[j] as string });
  return out;
}

/** True when the diff has any change. */
export function hasChanges(lines: readonly DiffLine[]): boolean {
  return lines.some((line) => line.kind !== 'same');
}
