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
    if (!r.ok) expect(r.error.line).toBe(2001);
    const unclosed = parseTemplate(big('line $x\n', '#foreach($a in $b)\n', 4000));
    expect(unclosed.ok === false && unclosed.error).toMatchObject({
      message: 'This #foreach is never closed: add #end where its block should stop.',
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

describe('parse errors say in plain words what is wrong, with the line and column to look at', () => {
  const cases: [string, string, number, number, string][] = [
    [
      '#if without parentheses',
      '{\n  "a": 1,\n  #if $x == 1\n  x\n#end',
      3,
      7,
      '#if needs its condition in parentheses, e.g. #if($x == 1).',
    ],
    [
      '#elseif without a condition',
      '#if($x)\n#elseif\n#end',
      2,
      8,
      '#elseif needs its condition in parentheses, e.g. #elseif($x == 2).',
    ],
    ['#set without parentheses', '#set $a = 1\n', 1, 6, '#set needs parentheses, e.g. #set($name = "value").'],
    ['an empty #if()', '#if()\n#end', 1, 5, '#if needs a condition inside the parentheses, e.g. #if($x == 1).'],
    ['#set with nothing after =', '#set($a = )\n', 1, 11, '#set needs a value after =, e.g. #set($name = "value").'],
    [
      '#foreach without in',
      '#foreach($a $list)\n$a\n#end',
      1,
      13,
      '#foreach needs “in” between the variable and the list, e.g. #foreach($item in $list).',
    ],
    [
      'an unclosed #if',
      'a\n#if($x == 1)\nyes\n',
      2,
      1,
      'This #if is never closed: add #end where its block should stop.',
    ],
    [
      'an unclosed #foreach',
      '#foreach($a in $list)\n$a\n',
      1,
      1,
      'This #foreach is never closed: add #end where its block should stop.',
    ],
    [
      'a stray #end',
      'text\n  #end\n',
      2,
      3,
      'This #end closes nothing: no #if, #foreach, #macro or #define is open here. Remove it, or add the block it should end.',
    ],
    ['#else outside #if', '#else\n', 1, 1, '#else must be inside an #if … #end block: there is no open #if here.'],
    [
      'a missing ) after a condition',
      '{\n  #if($x == 1\n  yes\n#end',
      2,
      6,
      'The ( after #if is never closed: add ) after its condition.',
    ],
    ['a missing ) after method arguments', '$input.path("$.a"\n', 1, 12, 'This ( is never closed: add the missing ).'],
    [
      'an unterminated double-quoted string',
      'ok\n#set($a = "abc)\n$a',
      2,
      11,
      'This string is never closed: add the closing " (or remove the stray ").',
    ],
    [
      'an unterminated single-quoted string',
      "#set($a = 'abc)",
      1,
      11,
      "This string is never closed: add the closing ' (or remove the stray ').",
    ],
    ['an unclosed $!{', 'x $!{foo\n', 1, 3, 'This $!{ is never closed: add } after the name, e.g. $!{name}.'],
    ['an unclosed ${', '${foo.bar\n', 1, 1, 'This ${ is never closed: add } after the name, e.g. ${name}.'],
    ['an empty $!{}', '$!{}', 1, 4, '$!{ needs a reference name inside the braces, e.g. $!{name}.'],
  ];
  for (const [what, template, line, column, message] of cases) {
    test(what, () => {
      expect(parseTemplate(template)).toEqual({ ok: false, error: { message, line, column } });
    });
  }

  test('other mistakes get a plain fallback naming what was found and what could come there', () => {
    expect(parseTemplate('#if($a $b)\n#end')).toEqual({
      ok: false,
      error: {
        message: "Velocity can't read the template here: it found “$” where it expected ) or an operator.",
        line: 1,
        column: 8,
      },
    });
    const r = parseTemplate('#set($m = {"a" 1})');
    expect(r.ok === false && r.error.message).toMatch(
      /^Velocity can't read the template here: it found “1” where it expected /,
    );
    // No parser jargon reaches the person.
    expect(r.ok === false && r.error.message).not.toMatch(/PARENTHESIS|MAP_END|CLOSE_|EOF/);
  });
});
