// A line diff for the review step: a minimal edit script over lines (the `diff` package's Myers diff), so that a
// template change reads as the lines removed and added rather than as two whole blocks.
import { diffArrays } from 'diff';

export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

/** Splits on \n (and \r\n); an absent text has no lines, an empty text has one empty line. */
export function splitLines(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  return text.split(/\r?\n/);
}

// Myers' diff costs time per edit; a pair of big, wholly different templates (AWS allows 300 KB) would stall the
// page. Beyond this many edits the diff is "all removed, all added": still correct, just coarse.
const MAX_EDITS = 1_000;

/** Lines of `before` and `after` in order, each marked same, removed (only before) or added (only after). */
export function diffLines(before: string | null | undefined, after: string | null | undefined): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDITS });
  if (changes === undefined) {
    return [
      ...a.map((text): DiffLine => ({ kind: 'removed', text })),
      ...b.map((text): DiffLine => ({ kind: 'added', text })),
    ];
  }
  return changes.flatMap((change) =>
    change.value.map((text): DiffLine => ({
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
      text,
    })),
  );
}

/** True when the diff has any change. */
export function hasChanges(lines: readonly DiffLine[]): boolean {
  return lines.some((line) => line.kind !== 'same');
}
