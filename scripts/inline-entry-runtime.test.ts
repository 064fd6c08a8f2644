// The runtime copied into the entry, on code shaped as rolldown minifies it (the helpers of a real runtime chunk,
// the entry's import in the middle of its code), run as a module.
import { describe, expect, test } from 'vitest';
import { inlineRuntime } from './inline-entry-runtime';

const SPECIFIER = './rolldown-runtime-Ab12.js';
// Two of rolldown's helpers as its runtime chunk has them: __commonJS (t) and __toESM (r), minified, names clashing
// with the entry's own.
const RUNTIME =
  'var e=Object.create,t=Object.defineProperty,i=Object.getPrototypeOf,o=(e,t)=>()=>(t||(e((t={exports:{}}).exports,t,t.exports),e=null),t.exports),' +
  'l=(n,r)=>(r=n==null?{}:e(i(n)),t(r,`default`,{value:n,enumerable:!0}));export{o as t,l as r};';
const ENTRY =
  'const __vite__mapDeps=(i)=>i;import{r as e,t}from"./rolldown-runtime-Ab12.js";' +
  'var n=t(((e,t)=>{t.exports={answer:42}}));export const answer=e(n()).default.answer,mapped=__vite__mapDeps([1])[0];';

async function run(code: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`)) as Record<
    string,
    unknown
  >;
}

describe('inlineRuntime', () => {
  test('the entry no longer imports the runtime chunk and works as before', async () => {
    const code = inlineRuntime(ENTRY, RUNTIME, SPECIFIER);
    expect(code).not.toContain('rolldown-runtime');
    expect(await run(code)).toMatchObject({ answer: 42, mapped: 1 });
  });

  test('an entry that does not import the runtime is left as it is', () => {
    const code = 'export const x=1;';
    expect(inlineRuntime(code, RUNTIME, SPECIFIER)).toBe(code);
  });

  test('shapes it does not know fail the build instead of shipping a broken entry', () => {
    expect(() => inlineRuntime(`import*as r from"${SPECIFIER}";r.t();`, RUNTIME, SPECIFIER)).toThrow(
      /as a ImportNamespaceSpecifier/,
    );
    expect(() => inlineRuntime(ENTRY, `import"./x.js";${RUNTIME}`, SPECIFIER)).toThrow(/without imports/);
    expect(() => inlineRuntime(ENTRY, 'var o=1;export default o;', SPECIFIER)).toThrow(/without imports/);
  });
});
