// CSV and Markdown exports of the (filtered) overview table. Pure: the page turns the strings into downloads.
import type { OverviewRow } from '@/api-mappings/rows';
import {
  describeDeclaredHeaders,
  describeHeaderMappings,
  describeProblems,
  describeSelectionPattern,
} from '@/api-mappings/rows';

export const exportColumns = [
  'Path',
  'Method',
  'Integration type',
  'Status code',
  'Selection pattern',
  'Content handling',
  'Template content types',
  'Header mappings',
  'Declared response headers',
  'Problems',
] as const;

export function rowCells(row: OverviewRow): string[] {
  return [
    row.path,
    row.httpMethod,
    row.integrationType ?? 'none',
    row.statusCode ?? '',
    describeSelectionPattern(row),
    row.contentHandling ?? '',
    row.templateContentTypes.join(', '),
    describeHeaderMappings(row),
    describeDeclaredHeaders(row),
    describeProblems(row),
  ];
}

// Spreadsheets execute cells that start with these as formulas (OWASP "CSV injection"); tab, CR and LF are
// guarded too because spreadsheets strip leading whitespace (and quotes) and then see the next character, and
// some take the fullwidth forms (＝ ＋ － ＠) for the ASCII ones.
const formulaStart = /^[\t\r\n]|^[\s"'\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

function csvCell(value: string): string {
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** RFC 4180: CRLF line ends, fields with `"`, `,`, CR or LF quoted, quotes doubled; a header line first. */
export function toCsv(rows: readonly OverviewRow[]): string {
  const lines = [exportColumns.map(csvCell).join(','), ...rows.map((r) => rowCells(r).map(csvCell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

// Values are regexes, JSONPaths and quoted header values: a code span keeps `*`, `_` and `\` literal (Markdown
// would otherwise turn `.*four hundred.*` into emphasis). Inside a GFM table `|` still splits cells, even in a
// code span, so it is escaped as `\|` everywhere; a line break would end the row, so it becomes a space.
function markdownCell(value: string, code: boolean): string {
  const oneLine = value.replace(/\r\n|\r|\n/g, ' ');
  if (oneLine === '') return '';
  if (!code) return oneLine.replace(/([\\`*_[\]<>|#~])/g, '\\$1');
  const longestTicks = Math.max(0, ...Array.from(oneLine.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longestTicks + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || /^ .* $/.test(oneLine) ? ' ' : '';
  return `${fence}${pad}${oneLine.replaceAll('|', '\\|')}${pad}${fence}`;
}

const proseColumns = new Set<number>([
  exportColumns.indexOf('Problems'),
  exportColumns.indexOf('Declared response headers'),
]);

export function toMarkdown(rows: readonly OverviewRow[]): string {
  const header = `| ${exportColumns.join(' | ')} |`;
  const rule = `| ${exportColumns.map(() => '---').join(' | ')} |`;
  const body = rows.map(
    (r) =>
      `| ${rowCells(r)
        .map((c, i) => markdownCell(c, !proseColumns.has(i)))
        .join(' | ')} |`,
  );
  return `${[header, rule, ...body].join('\n')}\n`;
}
