// A full bench run writes its table into docs/performance.md (every row) and the README (the rows with a budget),
// between marker comments, so both always show the same run.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

export interface TableRow {
  section: string;
  measure: string;
  value: string;
  reference: string;
  ratio: string;
  budget: string;
  holds: string;
}

export function markdownTable(rows: TableRow[]): string {
  const head = ['Section', 'Measure', 'Value', 'Reference (same run)', 'Ratio', 'Budget', 'Holds'];
  const lines = [
    head,
    head.map(() => '---'),
    ...rows.map((r) => [r.section, r.measure, r.value, r.reference, r.ratio, r.budget, r.holds]),
  ];
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}

const START = '<!-- bench-table:start -->';
const END = '<!-- bench-table:end -->';

/**
 * Replaces what lies between the markers, then formats the file as `npm run format` would (so the format check
 * stays green); a file without the markers is left alone, with a warning.
 */
async function replaceBetweenMarkers(path: string, content: string): Promise<void> {
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a === -1 || b < a) {
    console.warn(`${path} has no ${START} … ${END} markers; its table was not updated`);
    return;
  }
  const next = `${text.slice(0, a + START.length)}\n\n${content}\n\n${text.slice(b)}`;
  writeFileSync(path, await format(next, { ...(await resolveConfig(path)), filepath: path }));
}

export async function writeBenchTables(rows: TableRow[], when: string): Promise<void> {
  await replaceBetweenMarkers(resolve('docs/performance.md'), `Latest run (${when}):\n\n${markdownTable(rows)}`);
  const budgeted = rows.filter((r) => r.budget !== '—');
  await replaceBetweenMarkers(
    resolve('README.md'),
    `The budgets of \`npm run bench\`, each a ratio to a reference measured in the same run (${when}; every row and the method in [docs/performance.md](docs/performance.md)):\n\n${markdownTable(budgeted)}`,
  );
  console.log('Wrote the table into docs/performance.md and README.md');
}
