import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderTemplate } from './render-template';
import { parseTemplate } from './velocity-parse';

/** Adjacent text runs may be split differently at chunk borders; merge them to compare meaning. */
function normalize(node: unknown): unknown {
  if (!Array.isArray(node)) return node;
  const out: unknown[] = [];
  for (const item of node) {
    const n = normalize(item);
    if (n === '') continue;
    const last = out[out.length - 1];
    if (typeof n === 'string' && typeof last === 'string') out[out.length - 1] = last + n;
    else out.push(n);
  }
  return out;
}

// Builds a large template (beyond the chunking threshold) out of `unit`, with `middle` in the middle.
function big(unit: string, middle: string, repeat = 400): string {
  return unit.repeat(repeat / 2) + middle + unit.repeat(repeat / 2);
}

describe('chunked parsing of large templates gives the same tree as a whole parse', () => {
  const unit = '#set($i = $input.path(\'$.a\'))\n{"v": "$i", "n": #if($i == 1)1#else 2#end},\n';
  const middles = [
    '#*\n a multi-line comment with #if( and "quotes\n and more lines\n*#\n',
    '#[[\n raw #if( $x\n]]#\n',
    '#if($a &&\n   $b)\nspanning condition\n#end\n',
    '#set($s = "a string\nspanning lines")\n$s\n',
    '$x.method(1,\n 2)\n',
    '#foreach($k in [1..3])\n' + unit.repeat(150) + '#end\n',
    // A construct longer than one chunk: joining chunks gives up and the whole template is parsed.
    `#set($m = {\n${'  "k": "v",\n'.repeat(2000)}  "z": 1\n})\n$m.z\n`,
  ];
  for (const middle of middles) {
    test(`with ${JSON.stringify(middle.slice(0, 30))}`, () => {
      const template = big(unit, middle);
      const chunked = parseTemplate(template);
      const whole = parseTemplate(template, { chunked: false });
      expect(whole.ok && chunked.ok).toBe(true);
      if (whole.ok && chunked.ok) expect(normalize(chunked.asts)).toEqual(normalize(whole.asts));
    });
  }

  test('errors in a large template point at the right line', () => {
    const template = big('line $x\n', '#if($broken\n', 4000);
    const r = parseTemplate(template);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.line).toBe(2002);
    const unclosed = parseTemplate(big('line $x\n', '#foreach($a in $b)\n', 4000));
    expect(unclosed.ok === false && unclosed.error).toMatchObject({
      message: '#foreach has no matching #end',
      line: 2001,
    });
  });

  test('re-rendering a 300 KB template after a one-line edit (time printed, not asserted)', () => {
    const unitText = '{"id": "$input.path(\'$.id\')", "name": "$util.escapeJavaScript($input.path(\'$.name\'))"},\n';
    const sample = { body: '{"id":7,"name":"x"}', headers: {}, statusCode: '200' };
    const lines = Math.ceil(300_000 / unitText.length);
    const template = `[\n${unitText.repeat(lines)}{}]`;
    let started = performance.now();
    const first = renderTemplate(template, sample);
    const firstMs = performance.now() - started;
    const edited = template.replace('"id": "$input', '"idx": "$input');
    started = performance.now();
    const second = renderTemplate(edited, sample);
    const secondMs = performance.now() - started;
    console.log(
      `300 KB template: first render ${firstMs.toFixed(0)} ms, after a one-line edit ${secondMs.toFixed(0)} ms`,
    );
    expect(first.ok && second.ok).toBe(true);
    if (second.ok) expect(second.output.startsWith('[\n{"idx": "7"')).toBe(true);
  });
});

describe('re-parsing after an edit (the unchanged start of the template is reused)', () => {
  // Pieces that make chunk borders interesting: comments and raw blocks spanning lines, directives spanning lines,
  // errors, line breaks added or removed.
  const pieces = [
    'line $x\n',
    '#if($a)\n',
    '#end\n',
    '#*\n comment\n*#\n',
    '#[[\n raw\n]]#\n',
    '#set($m = {\n "k": 1\n})\n',
    '"unterminated\n',
    '#if($broken\n',
    '\n',
    'x',
  ];
  const unit = '#set($i = $input.path(\'$.a\'))\n{"v": "$i"},\n';

  test('gives what a whole-template parse gives, errors and their positions included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(),
            insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }),
            remove: fc.nat({ max: 40 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (edits) => {
          let template = unit.repeat(600);
          parseTemplate(template);
          for (const edit of edits) {
            const at = edit.at % template.length;
            template = template.slice(0, at) + edit.insert.join('') + template.slice(at + edit.remove);
            const incremental = parseTemplate(template);
            const whole = parseTemplate(template, { chunked: false });
            expect(incremental.ok).toBe(whole.ok);
            if (incremental.ok && whole.ok) expect(normalize(incremental.asts)).toEqual(normalize(whole.asts));
            if (!incremental.ok && !whole.ok) expect(incremental.error).toEqual(whole.error);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
