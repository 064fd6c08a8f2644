/** AWS's JSON protocol sends timestamps as epoch seconds; a value above 1e11 can only be milliseconds. */
export function formatAwsDate(value: number | undefined): string {
  if (value === undefined) return '—';
  const ms = value > 1e11 ? value : value * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toISOString().slice(0, 10);
}
