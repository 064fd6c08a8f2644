import { parse } from 'velocityjs';
import { describe, expect, test } from 'vitest';
import { renderTemplate } from './render-template';
import type { PreviewResult, PreviewSample } from './render-template';
import { parseTemplate } from './velocity-parse';

const sample = (body: string, extra: Partial<PreviewSample> = {}): PreviewSample => ({
  body,
  headers: {},
  statusCode: '200',
  ...extra,
});

function out(template: string, s: PreviewSample = sample('{}')): string {
  const r: PreviewResult = renderTemplate(template, s);
  if (!r.ok) throw new Error(`render failed: ${r.error.message}`);
  return r.output;
}

describe('$input', () => {
  const body = '{"a":1,"b":[{"c":5}],"name":"Bob","items":[{"id":1},{"id":2},{"id":3}]}';

  test("AWS example: $input.path('$') on an object renders Java-map style with nested arrays as JSON", () => {
    expect(out("$input.path('$')", sample('{"a":1,"b":[{"c":5}]}'))).toBe('{a=1, b=[{"c":5}]}');
  });

  test('$input.path of an array renders compact JSON; of a string renders raw', () => {
    expect(out("$input.path('$.b')", sample(body))).toBe('[{"c":5}]');
    expect(out("$input.path('$.name')", sample(body))).toBe('Bob');
    expect(out("$input.path('$.list')", sample('{"list":[{"foo":"bar"}]}'))).toBe('[{"foo":"bar"}]');
    expect(out("$input.path('$')", sample('{"foo":[{"nested":"bar"}]}'))).toBe('{foo=[{"nested":"bar"}]}');
  });

  test('$input.path is iterable and has size()', () => {
    expect(out("#foreach($i in $input.path('$.items'))$i.id#if($foreach.hasNext),#end#end", sample(body))).toBe(
      '1,2,3',
    );
    expect(out("$input.path('$.items').size()", sample(body))).toBe('3');
  });

  test('.toString() on $input.path objects gives the Java-map rendering', () => {
    expect(out("$input.path('$').toString()", sample('{"list":[1,2]}'))).toBe('{list=[1,2]}');
  });

  test('$input.json returns JSON text', () => {
    expect(out("$input.json('$')", sample(body))).toBe(JSON.stringify(JSON.parse(body)));
    expect(out("$input.json('$.name')", sample(body))).toBe('"Bob"');
    expect(out("$input.json('$.items[1]')", sample(body))).toBe('{"id":2}');
  });

  test('$input.body is the raw body and an empty body reads as {}', () => {
    expect(out('$input.body', sample(' {"x": 1} '))).toBe(' {"x": 1} ');
    expect(out('$input.body', sample(''))).toBe('{}');
    expect(out("$input.json('$')", sample(''))).toBe('{}');
  });

  test('$input.params looks in path, then query string, then header', () => {
    const s = sample('{}', {
      params: { path: { id: 'p' }, querystring: { id: 'q', q: 'only-q' }, header: { id: 'h', 'X-Trace': 't' } },
    });
    expect(out("$input.params('id') $input.params('q') $input.params('X-Trace') [$input.params('none')]", s)).toBe(
      'p only-q t []',
    );
    expect(out('$input.params().querystring', s)).toBe('{id=q, q=only-q}');
    expect(out("$input.params().header.get('X-Trace')", s)).toBe('t');
  });

  test('a body that is not JSON is one string to $input.path and $input.json; $input.body is the raw text', () => {
    // A form-encoded back end: templates split it themselves (docs/aws/mapping-templates.md, "A body that is not JSON").
    const form = sample('name=Rex&type=dog');
    expect(out('$input.body', form)).toBe('name=Rex&type=dog');
    expect(out("$input.path('$')", form)).toBe('name=Rex&type=dog');
    expect(out("#foreach($p in $input.path('$').split('&'))[$p]#end", form)).toBe('[name=Rex][type=dog]');
    expect(out("$input.json('$')", form)).toBe('"name=Rex&type=dog"');
    expect(out("[$input.path('$.name')][$input.json('$.name')]", form)).toBe('[][]');
    // Plain text, as LocalStack's AWS-validated test_input_body_formatting sends it.
    expect(out("$input.body|$input.json('$')", sample('some raw data'))).toBe('some raw data|"some raw data"');
    expect(out("$input.path('$.a')", sample('<xml/>'))).toBe('');
  });

  test('a body that starts like JSON but is broken is an error, not a throw', () => {
    const r = renderTemplate("$input.path('$.a')", sample('{"a": '));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not valid JSON/);
  });
});

describe('where Java prints differently from JavaScript', () => {
  test('$context and the maps inside it print as nothing; their values and other maps print as usual', () => {
    expect(out('[$context][$context.identity][$context.authorizer][$context.requestOverride.header]')).toBe('[][][][]');
    expect(out('[$context.responseOverride][$context.responseOverride.header][$context.identity.sourceIp]')).toBe(
      '[][][203.0.113.10]',
    );
    expect(out("#set($m = {})[$m][$input.path('$.o')][$input.params().path]", sample('{"o": {}}'))).toBe(
      '[{}][{}][{}]',
    );
    expect(out('#foreach($k in $context.requestOverride.keySet())$k #end')).toBe('path header querystring ');
  });

  test('JSON numbers print as Java holds them: Double, Integer or a long integer kept exact', () => {
    const body = sample(
      '{"a": 1.0, "b": 1e10, "c": 12345678901234567890, "d": 5, "e": 0.5, "f": 1.5e-7, "g": 12345678.9}',
    );
    expect(
      out("$input.path('$.a') $input.path('$.b') $input.path('$.c') $input.path('$.d') $input.path('$.e')", body),
    ).toBe('1.0 1.0E10 12345678901234567890 5 0.5');
    expect(out("$input.path('$.f') $input.path('$.g')", body)).toBe('1.5E-7 1.23456789E7');
    expect(out("$input.json('$')", body)).toBe(
      '{"a":1.0,"b":1.0E10,"c":12345678901234567890,"d":5,"e":0.5,"f":1.5E-7,"g":1.23456789E7}',
    );
    expect(out("$input.path('$')", sample('{"a": [1.0, 2], "b": 2.50}'))).toBe('{a=[1.0,2], b=2.5}');
  });

  test('arithmetic with a Double gives a Double; numbers compare by value whatever their class', () => {
    const body = sample('{"a": 1.0, "d": 5}');
    expect(out("#set($x = $input.path('$.a') + 1)$x", body)).toBe('2.0');
    expect(out("#set($x = $input.path('$.d') + 1)$x #set($y = $input.path('$.d') / 2)$y", body)).toBe('6 2');
    expect(out("#set($x = $input.path('$.d') / 2.0)$x #set($z = 2.0)$z #set($n = 0 - $z)$n", body)).toBe(
      '2.5 2.0 -2.0',
    );
    expect(out("#if($input.path('$.a') == 1)same#end #if($input.path('$.a') > 0.5)more#end", body)).toBe('same more');
    expect(out('#set($s = "n=" + $input.path(\'$.a\'))$s', body)).toBe('n=1.0');
    expect(out("$input.path('$.a').toString()", body)).toBe('1.0');
  });

  test('a #foreach runs its body at most 1,000 times, then the template goes on; the result says so', () => {
    const r = renderTemplate(
      '#foreach($i in [1..1500])#set($last = $i)#set($more = $foreach.hasNext)#end$last $more',
      sample('{}'),
    );
    expect(r).toMatchObject({
      ok: true,
      output: '1000 true',
      notes: ['The #foreach on line 1 stopped after 1,000 iterations of 1,500: API Gateway runs no more.'],
    });
    const exactly = renderTemplate('#foreach($i in [1..1000])#set($last = $i)#end$last', sample('{}'));
    expect(exactly.ok && [exactly.output, exactly.notes]).toEqual(['1000', undefined]);
    // Over a JSON list of 1,001 items, inside a template that goes on after the loop.
    const list = sample(JSON.stringify({ items: Array.from({ length: 1001 }, (_, i) => i) }));
    expect(out("#foreach($x in $input.path('$.items'))#set($c = $foreach.count)#end$c, then the rest", list)).toBe(
      '1000, then the rest',
    );
  });

  test('an override set earlier in a template reads back later, and one from an earlier template carries over', () => {
    expect(out('#set($context.responseOverride.status = 444)$context.responseOverride.status')).toBe('444');
    const first = renderTemplate(
      '#set($context.responseOverride.status = 444)#set($context.responseOverride.header.foo = "bar")#set($context.responseOverride.custom = "passed")#set($context.requestOverride.path.body = "b")',
      sample(''),
      { overrides: true },
    );
    if (!first.ok || first.overrides === undefined) throw new Error('the first template failed');
    const second = renderTemplate(
      '$context.responseOverride.status $context.responseOverride.header.foo $context.responseOverride.custom $context.requestOverride.path.body',
      sample('', { overrides: first.overrides }),
    );
    expect(second).toMatchObject({
      ok: true,
      output: '444 bar passed b',
      responseOverride: { status: '444', headers: { foo: 'bar' } },
    });
  });
});

describe('$util', () => {
  test("escapeJavaScript escapes quotes (including ') and the documented replaceAll idiom undoes \\'", () => {
    const s = sample(JSON.stringify({ name: 'O\'Neil "Bob"\n/x' }));
    expect(out("$util.escapeJavaScript($input.path('$.name'))", s)).toBe('O\\\'Neil \\"Bob\\"\\n\\/x');
    expect(out('$util.escapeJavaScript($input.path(\'$.name\')).replaceAll("\\\\\'","\'")', s)).toBe(
      'O\'Neil \\"Bob\\"\\n\\/x',
    );
    expect(out("$util.escapeJavaScript('é')")).toBe('\\u00E9');
  });

  test('parseJson gives an object usable like $input.path', () => {
    expect(out('#set($o = $util.parseJson(\'{"k":[1,{"z":2}],"n":"v"}\'))$o.n $o $o.k.size()')).toBe(
      'v {k=[1,{"z":2}], n=v} 2',
    );
  });

  test('urlEncode/urlDecode use form encoding', () => {
    expect(out("$util.urlEncode('a b&c=d/é*~')")).toBe('a+b%26c%3Dd%2F%C3%A9*%7E');
    expect(out("$util.urlDecode('a+b%26%C3%A9')")).toBe('a b&é');
  });

  test('base64Encode/base64Decode are UTF-8', () => {
    expect(out("$util.base64Encode('héllo')")).toBe('aMOpbGxv');
    expect(out("$util.base64Decode('aMOpbGxv')")).toBe('héllo');
  });
});

describe('null rendering and equality', () => {
  test('null and undefined references render as nothing, quiet or not', () => {
    const s = sample('{"a":null}', { stageVariables: { set: 'yes' } });
    expect(
      out(
        "[$missing|$!missing|${missing}|$context.nope|$stageVariables.unset|$input.path('$.a')|$input.path('$.zz')|$stageVariables.set]",
        s,
      ),
    ).toBe('[|||||||yes]');
    expect(out('"$!missing"')).toBe('""');
  });

  test('null == "" is true and [] == "" is false', () => {
    expect(out('#if($nothing == "")yes#else no#end')).toBe('yes');
    expect(out('#set($arr = [])#if($arr == "")yes#else no#end')).toBe(' no');
    expect(out('#if($nothing != "")a#else b#end')).toBe(' b');
  });

  test('Velocity 1.7 truthiness: empty string and 0 are true, null and false are not', () => {
    expect(out('#if("")e#end#if(0)z#end#if($nothing)n#end#if(false)f#end#if(!$nothing)!n#end')).toBe('ez!n');
  });

  test('#set with a null right-hand side keeps the previous value (Velocity 1.7), evaluating it once', () => {
    const s = sample('{"items":[{"n":"a"},{},{"n":"c"}]}');
    expect(out("#foreach($i in $input.path('$.items'))#set($n = $i.n)$n,#end", s)).toBe('a,a,c,');
    expect(out('#set($l = [])#set($r = $l.add(1))$l.size() #set($x = "")[$x]')).toBe('1 []');
  });

  test('integer division truncates', () => {
    expect(out('#set($x = 7 / 2)$x #set($y = 7 % 3)$y')).toBe('3 1');
  });
});

describe('Java String methods', () => {
  const t = (expr: string) => out(`#set($s = 'Hello World')${expr}`);
  test('contains, length, matches (whole string), substring, case, trim, starts/ends, indexOf, equals, isEmpty', () => {
    expect(
      t("$s.contains('World') $s.length() $s.matches('Hello') $s.matches('Hello.*') $s.substring(6) $s.substring(0,5)"),
    ).toBe('true 11 false true World Hello');
    expect(
      t(
        "$s.toLowerCase() $s.toUpperCase() $s.startsWith('He') $s.endsWith('x') $s.indexOf('o') $s.equals('Hello World') $s.isEmpty()",
      ),
    ).toBe('hello world HELLO WORLD true false 4 true false');
    expect(out("#set($p = '  pad  ')[$p.trim()]")).toBe('[pad]');
  });

  test('replaceAll uses Java regex and $n replacement; replace is literal', () => {
    expect(t("$s.replaceAll('o(.)', '0$1')")).toBe('Hell0 W0rld');
    expect(t("$s.replaceAll('(?i)h', 'j')")).toBe('jello World');
    expect(t("$s.replace('.', '!')")).toBe('Hello World');
    expect(out("#set($d = 'a.b.c')$d.replace('.', '-') $d.replaceAll('.', '-')")).toBe('a-b-c -----');
  });

  test('split takes a regex and drops trailing empty strings', () => {
    expect(out("#set($d = 'a,b;;c,,')$d.split('[,;]').size() $d.split('[,;]')")).toBe('4 [a, b, , c]');
  });

  test('a bad substring index is reported as an error', () => {
    const r = renderTemplate("#set($s = 'abc')\n$s.substring(5)", sample('{}'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/StringIndexOutOfBounds/);
  });
});

describe('$context and $stageVariables', () => {
  test('defaults and overrides', () => {
    const s = sample('{}', {
      context: { stage: 'beta', identity: { sourceIp: '10.0.0.1' } as never },
      stageVariables: { v: '1' },
    });
    expect(
      out(
        "$context.stage $context.httpMethod $context.identity.sourceIp $stageVariables.v $stageVariables['v'] ${stageVariables.v}",
        s,
      ),
    ).toBe('beta GET 10.0.0.1 1 1 1');
  });

  test('responseOverride status and headers set with #set are reported', () => {
    const r = renderTemplate(
      "#set($context.responseOverride.status = 404)\n#set($context.responseOverride.header.X-Reason = 'gone')\n{}",
      sample('{}'),
    );
    expect(r).toEqual({ ok: true, output: '{}', responseOverride: { status: '404', headers: { 'X-Reason': 'gone' } } });
    const plain = renderTemplate('{}', sample('{}'));
    expect(plain).toEqual({ ok: true, output: '{}' });
  });
});

describe('errors', () => {
  test('parse errors carry the line and column of the offending input', () => {
    const r = renderTemplate('{\n  "a": 1,\n  #if($x\n  "b": 2\n}', sample('{}'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      // Reported where the unclosed `(` is, not where the parser gave up.
      expect(r.error.line).toBe(3);
      expect(r.error.column).toBe(6);
      expect(r.error.message).toBe('The ( after #if is never closed: add ) after its condition.');
    }
    const r2 = renderTemplate('line1\n  #set($x = )', sample('{}'));
    expect(r2.ok === false && [r2.error.line, r2.error.column]).toEqual([2, 13]);
  });

  test('unterminated strings and unbalanced blocks are errors', () => {
    const unterminated = renderTemplate('ok\n#set($a = "oops)\n', sample('{}'));
    expect(unterminated.ok === false && unterminated.error.line).toBe(2);
    const unclosed = renderTemplate('a\n#if(true)\nb', sample('{}'));
    expect(unclosed.ok === false && unclosed.error).toEqual({
      message: 'This #if is never closed: add #end where its block should stop.',
      line: 2,
      column: 1,
    });
    const stray = renderTemplate('a\nb #end c', sample('{}'));
    expect(stray.ok === false && [stray.error.line, stray.error.column]).toEqual([2, 3]);
    const strayElse = renderTemplate('#else', sample('{}'));
    expect(strayElse.ok).toBe(false);
  });

  test('runtime exceptions are returned, never thrown', () => {
    expect(() => renderTemplate("$util.base64Decode('***')", sample('{}'))).not.toThrow();
    expect(renderTemplate("$util.base64Decode('***')", sample('{}')).ok).toBe(false);
    expect(renderTemplate("#set($s = 'x')$s.replaceAll('(', 'y')", sample('{}')).ok).toBe(false);
  });

  test('runtime errors name the failing reference and its position', () => {
    const r = renderTemplate("ok\n  $input.path('$[').x", sample('{}'));
    expect(r).toEqual({
      ok: false,
      error: { message: "Unclosed [ in path $[ (in $input.path('$[').x)", line: 2, column: 3 },
    });
  });
});

describe('whitespace and parsing match velocityjs', () => {
  test('newline after directive lines is swallowed as Velocity does', () => {
    expect(out('{\n#set($x = 1)\n  "x": $x\n#if(true)\n  ,"y": 2\n#end\n}')).toBe('{\n  "x": 1\n  ,"y": 2\n}');
  });

  test('our parser nests the same tree as velocityjs parse() on balanced templates', () => {
    const templates = [
      '#set($a = 1)\n#foreach($i in [1..3])\n#if($i == 2)two#elseif($i > 2)big#else $i#end\n#end\n$a',
      '#macro(m $x)[$x]#end\n#m(1) #define($d)D#end$d ## comment\n#* block *# #[[raw $x]]#',
    ];
    for (const t of templates) {
      const ours = parseTemplate(t);
      expect(ours.ok).toBe(true);
      if (ours.ok) expect(JSON.stringify(ours.asts)).toBe(JSON.stringify(parse(t)));
    }
  });

  test('a 300 KB template renders (time printed, not asserted)', () => {
    const chunk =
      '#set($item = $input.path(\'$.items[0]\'))\n{"id": "$item.id", "name": "$util.escapeJavaScript($item.name).replaceAll("\\\\\'","\'")", "tags": [#foreach($t in $item.tags)"$t"#if($foreach.hasNext),#end#end]},\n';
    let template = '[\n';
    while (template.length < 300_000) template += chunk;
    template += '{}]';
    const s = sample(JSON.stringify({ items: [{ id: 1, name: "O'Neil", tags: ['a', 'b'] }] }));
    const started = performance.now();
    const r = renderTemplate(template, s);
    const ms = performance.now() - started;
    console.log(`300 KB template (${template.length} chars) rendered in ${ms.toFixed(0)} ms`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(JSON.parse(r.output)).toHaveLength(Math.floor((template.length - 5) / chunk.length) + 1);
  });
});
