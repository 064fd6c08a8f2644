import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderTemplate } from './render-template';
import type { PreviewSample } from './render-template';

// Statements chosen to exercise what incremental rendering must get right: state changed by #set, by a map or
// list mutated through a method, by a #define or #macro, #stop, reads of that state, and blocks.
const statements = [
  '"a": "$util.escapeJavaScript($input.json(\'$.message\'))",\n',
  '"b": "$input.path(\'$.n\')",\n',
  "#set($x = $input.path('$.n'))\n",
  '#set($x = "changed")\n',
  '"x": "$x",\n',
  '"xs": "$x.toUpperCase()",\n',
  '#set($m = {})\n',
  '$m.put("k", "v")\n',
  '"m": "$m",\n',
  '#set($l = [])\n',
  '#set($ignored = $l.add(1))\n',
  '"l": "$l.size()",\n',
  '#if($x == "changed")"if": true,\n#end\n',
  '#foreach($i in [1..2])"f$i": $i,\n#end\n',
  '#define($d)#set($x = "from define")#end\n',
  '"d": "$d",\n',
  '#macro(mac)#set($x = "from macro")#end\n',
  '#mac()\n',
  '"ro": "$context.responseOverride.status",\n',
  '#set($context.responseOverride.status = 404)\n',
  '## a comment\n',
  'plain text line\n',
];

const samples: PreviewSample[] = [
  { body: '{"message": "hi \\"there\\"", "n": 7}', headers: {}, statusCode: '200' },
  { body: '{"message": "other", "n": 8}', headers: {}, statusCode: '200' },
  { body: 'not json', headers: {}, statusCode: '200' },
];

// Big enough (with the filler) to be parsed in chunks, so that unchanged chunks keep their parsed nodes.
const filler = '"filler": "$util.escapeJavaScript($input.json(\'$.message\'))",\n'.repeat(300);

// #define and #macro turn reuse off for the whole template, so they come up in few parts only.
const plain = statements.flatMap((st, i) => (/#(define|macro|mac\()/.test(st) ? [] : [i]));
const partArb = fc.oneof(
  { weight: 9, arbitrary: fc.array(fc.constantFrom(...plain), { minLength: 1, maxLength: 10 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.integer({ min: 0, max: statements.length - 1 }), { minLength: 1, maxLength: 10 }),
  },
);

describe('incremental rendering', () => {
  test('a sequence of edits renders exactly as rendering each template afresh', () => {
    // Each edit replaces one of three parts (or the sample), so most chunks stay unchanged between renders.
    const editArb = fc.record({
      part: fc.integer({ min: 0, max: 3 }),
      statements: partArb,
      sample: fc.integer({ min: 0, max: samples.length - 1 }),
    });
    fc.assert(
      fc.property(
        fc.tuple(partArb, partArb, partArb),
        fc.array(editArb, { minLength: 2, maxLength: 8 }),
        (initial, edits) => {
          const parts = [...initial];
          let sample = samples[0]!;
          for (const edit of edits) {
            if (edit.part === 3) sample = samples[edit.sample] ?? sample;
            else parts[edit.part] = edit.statements;
            const template = parts.map((p) => p.map((i) => statements[i]).join('')).join(filler);
            expect(renderTemplate(template, sample)).toEqual(renderTemplate(template, sample, { incremental: false }));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  test('typing at the end of a big template re-renders to the same output as a full render', () => {
    const sample = samples[0]!;
    let template = "#set($body = $input.path('$'))\n{\n" + filler + '  "end": true\n}\n';
    for (const ch of 'typed') {
      template += ch;
      const incremental = renderTemplate(template, sample);
      expect(incremental).toEqual(renderTemplate(template, sample, { incremental: false }));
      expect(
        incremental.ok && incremental.output.endsWith(`}\n${template.slice(template.lastIndexOf('}\n') + 2)}`),
      ).toBe(true);
    }
  });

  test('an edit of a #set above unchanged lines changes what those lines print', () => {
    const sample = samples[0]!;
    const tail = filler + '"x": "$x"\n';
    const first = renderTemplate('#set($x = "one")\n' + tail, sample);
    const second = renderTemplate('#set($x = "two")\n' + tail, sample);
    expect(first.ok && first.output.endsWith('"x": "one"\n')).toBe(true);
    expect(second.ok && second.output.endsWith('"x": "two"\n')).toBe(true);
  });
});
