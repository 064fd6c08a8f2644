// Orders for the names and tokens the app lists, without `localeCompare`: its first call in a page loads ICU's
// collation data (25–60 ms measured on the bench machine, four times that at Lighthouse's CPU slowdown), and the
// first page, the editor's form and the overview each sorted something in their first render or first slice.

/** Code-unit order: the same in every locale, and for upper-case ASCII tokens (verbs, types) localeCompare's order. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Case-insensitive, then by code unit: for names people type (API names) and HTTP header names, which compare
 * without case. For letters, digits and hyphens the order localeCompare gives, except between names that differ only
 * in case.
 */
export function compareIgnoringCase(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return compareCodeUnits(a, b);
}
