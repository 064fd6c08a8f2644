import { describe, expect, test } from 'vitest';
import { exportColumns, toCsv, toMarkdown } from './export';
import { makeRow } from '@/api-mappings/test-rows';

/** A minimal RFC 4180 parser, so the tests check what a spreadsheet would read, not our own string building. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('toCsv', () => {
  test('writes a header line and one CRLF-terminated line per row, in table order', () => {
    const csv = toCsv([
      makeRow({ path: '/pets', statusCode: '200' }),
      makeRow({
        path: '/pets/{petId}',
        httpMethod: 'DELETE',
        statusCode: '404',
        isDefault: false,
        selectionPattern: '4\\d{2}',
      }),
    ]);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...exportColumns]);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.slice(0, 5)).toEqual(['/pets', 'GET', 'MOCK', '200', 'default']);
    expect(rows[2]?.slice(0, 5)).toEqual(['/pets/{petId}', 'DELETE', 'MOCK', '404', '4\\d{2}']);
  });

  test('quotes commas, quotes and line breaks so they stay inside one cell', () => {
    const pattern = 'a,"b"\nc';
    const csv = toCsv([
      makeRow({ isDefault: false, selectionPattern: pattern, templateContentTypes: ['application/json', 'text/html'] }),
    ]);
    expect(csv).toContain('"a,""b""\nc"');
    const rows = parseCsv(csv);
    expect(rows[1]?.[4]).toBe(pattern);
    expect(rows[1]?.[6]).toBe('application/json, text/html');
  });

  test.each([
    '=HYPERLINK("http://x")',
    '+1',
    '-1+2',
    '@SUM(A1)',
    '\tcmd',
    '\n=1+1',
    '\ncmd',
    ' =1+1',
    '  @SUM(A1)',
    '"=1+1',
    "'+1",
    '\uff1dHYPERLINK("http://x")',
    ' \uff0b1',
    '\u3000\uff20SUM(A1)',
  ])('prefixes %j with a quote so a spreadsheet does not run it as a formula', (value) => {
    const rows = parseCsv(toCsv([makeRow({ isDefault: false, selectionPattern: value })]));
    expect(rows[1]?.[4]).toBe(`'${value}`);
  });

  test('leaves values that merely contain formula characters alone', () => {
    for (const value of ['2\\d{2}=ok', ' 4\\d{2}', '"quoted" = text', 'a\uff1db']) {
      const rows = parseCsv(toCsv([makeRow({ isDefault: false, selectionPattern: value })]));
      expect(rows[1]?.[4]).toBe(value);
    }
  });

  test('lists header mappings, declared headers and problems in readable form', () => {
    const rows = parseCsv(
      toCsv([
        makeRow({
          headerMappings: [
            { header: 'X-Id', key: 'method.response.header.X-Id', source: 'integration.response.header.id' },
          ],
          declaredHeaders: [
            { header: 'X-Id', required: true },
            { header: 'X-Other', required: false },
          ],
          problems: [{ code: 'no-default', severity: 'warning', message: 'No default.' }],
        }),
        makeRow({ id: 'r1 GET 500', statusCode: '500', declaredHeaders: undefined }),
        makeRow({ id: 'r1 GET -', statusCode: undefined, integrationType: undefined, declaredHeaders: undefined }),
      ]),
    );
    expect(rows[1]?.slice(7)).toEqual([
      'X-Id = integration.response.header.id',
      'X-Id (required), X-Other',
      'No default.',
    ]);
    expect(rows[2]?.[8]).toBe('(no method response)');
    expect(rows[3]?.slice(2, 5)).toEqual(['none', '', '']);
  });

  test('an empty table is just the header line', () => {
    expect(parseCsv(toCsv([]))).toEqual([[...exportColumns]]);
  });
});

/** Splits a GFM table line into cells the way GitHub does: on `|` not preceded by a backslash. */
function markdownCells(line: string): string[] {
  return line
    .replace(/^\| /, '')
    .replace(/ \|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('toMarkdown', () => {
  test('writes a GFM table: header, rule, one line per row', () => {
    const md = toMarkdown([makeRow(), makeRow({ path: '/a' })]);
    const lines = md.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(markdownCells(lines[0] ?? '')).toEqual([...exportColumns]);
    expect(markdownCells(lines[1] ?? '').every((c) => c === '---')).toBe(true);
    expect(markdownCells(lines[2] ?? '')[0]).toBe('`/pets`');
  });

  test('escapes | so a pattern with alternation stays in its cell', () => {
    const md = toMarkdown([
      makeRow({
        isDefault: false,
        selectionPattern: '400|404',
        problems: [{ code: 'x', severity: 'warning', message: 'a | b' }],
      }),
    ]);
    const cells = markdownCells(md.split('\n')[2] ?? '');
    expect(cells).toHaveLength(exportColumns.length);
    expect(cells[4]).toBe('`400\\|404`');
    expect(cells[9]).toBe('a \\| b');
  });

  test('keeps regex characters literal in code spans and puts line breaks on one line', () => {
    const md = toMarkdown([
      makeRow({
        isDefault: false,
        selectionPattern: '.*four\nhundred.*',
        problems: [{ code: 'x', severity: 'warning', message: 'use *this* <b>' }],
      }),
    ]);
    const cells = markdownCells(md.split('\n')[2] ?? '');
    expect(cells[4]).toBe('`.*four hundred.*`');
    expect(cells[9]).toBe('use \\*this\\* \\<b\\>');
    expect(md.split('\n')).toHaveLength(4);
  });

  test('uses a longer fence when the value contains backticks', () => {
    const md = toMarkdown([makeRow({ isDefault: false, selectionPattern: 'a`b' })]);
    expect(markdownCells(md.split('\n')[2] ?? '')[4]).toBe('``a`b``');
  });
});
