// Rolldown's runtime helpers (CommonJS interop: React is published as CommonJS; namespace objects for import()) sit
// in a chunk of their own, rolldown-runtime-<hash>.js, whenever more than one chunk uses them and the entry is a
// manual chunk group, as ours is (vite.config.ts). The entry imports that chunk, so the HTML modulepreloads it, and
// on a slow network its request takes a connection and a share of the bandwidth while the entry itself is still
// arriving: in Lighthouse's simulation one more round trip before the first paint (docs/performance.md, "The first
// page's requests"). This plugin copies the runtime into the entry (a few hundred bytes) and drops the entry's import
// of it and the HTML's modulepreload; the lazy chunks keep importing the runtime chunk, fetched with the first of them.
//
// Two copies are safe because the helpers are stateless functions (each call builds its own closure); nothing is
// shared through the runtime module's scope. The entry's file name still names its content: the new content is a
// function of the old one, which already named the runtime chunk by its content hash.
import { parseAst } from 'vite';
import type { Plugin } from 'vite';
import { builtIndexHtml } from './built-index-html';

type Node = { type: string; start: number; end: number };
type Specifier = Node & {
  imported?: { name?: string; value?: string };
  local: { name: string };
  exported?: { name?: string; value?: string };
};
type Statement = Node & { source?: { value: string } | null; specifiers?: Specifier[]; declaration?: unknown };

function nameOf(id: { name?: string; value?: string } | undefined): string | undefined {
  return id?.name ?? id?.value;
}

/**
 * The entry's code with its import of `runtimeSpecifier` (e.g. `./rolldown-runtime-Ab12.js`) replaced by the runtime's
 * own code, or the code as it was when the entry does not import it. Throws when either piece has a shape this does
 * not know, so that a new bundler output fails the build instead of shipping a broken entry.
 */
export function inlineRuntime(entryCode: string, runtimeCode: string, runtimeSpecifier: string): string {
  const entryBody = (parseAst(entryCode).body as Statement[]).filter(
    (s) => s.type === 'ImportDeclaration' && s.source?.value === runtimeSpecifier,
  );
  if (entryBody.length === 0) return entryCode;
  if (entryBody.length > 1) throw new Error(`the entry imports ${runtimeSpecifier} more than once`);
  const imported = entryBody[0]!;
  const bindings = (imported.specifiers ?? []).map((s) => {
    const name = nameOf(s.imported);
    if (s.type !== 'ImportSpecifier' || !name) throw new Error(`the entry imports ${runtimeSpecifier} as a ${s.type}`);
    return `${name}:${s.local.name}`;
  });

  const runtimeBody = parseAst(runtimeCode).body as Statement[];
  const exports = runtimeBody.filter((s) => s.type.startsWith('Export') || s.type === 'ImportDeclaration');
  const last = runtimeBody[runtimeBody.length - 1];
  if (exports.length !== 1 || last?.type !== 'ExportNamedDeclaration' || last.declaration || last.source) {
    throw new Error('the runtime chunk does not end in its one `export { … }` without imports');
  }
  const returned = (last.specifiers ?? []).map((s) => `${nameOf(s.exported) ?? s.local.name}:${s.local.name}`);

  // A function scope keeps the runtime's minified names apart from the entry's. The copy is a line of its own before
  // everything (as the hoisted import was), and the import is blanked rather than cut, so that every other line and
  // column is where the entry's source map says: the map only needs one line more at its start (see the plugin).
  const copy = `const{${bindings.join(',')}}=(()=>{${runtimeCode.slice(0, last.start)}return{${returned.join(',')}}})();`;
  const blank = ' '.repeat(imported.end - imported.start);
  return `${copy}\n${entryCode.slice(0, imported.start)}${blank}${entryCode.slice(imported.end)}`;
}

/** Vite plugin: the runtime copied into the HTML entry, and index.html no longer modulepreloading the runtime chunk. */
export function inlineEntryRuntime(): Plugin {
  let base = '/';
  return {
    name: 'inline-entry-runtime',
    apply: 'build',
    // After Vite's HTML plugin has written index.html (with its modulepreload links) into the bundle.
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((f) => (f.type === 'chunk' ? [f] : []));
      const runtime = chunks.find((c) => c.name === 'rolldown-runtime');
      const entries = chunks.filter((c) => c.isEntry);
      if (entries.length !== 1) this.error(`inline-entry-runtime: ${entries.length} entry chunks, not the page's one`);
      const entry = entries[0]!;
      if (!runtime || !entry.imports.includes(runtime.fileName)) return;
      const specifier = `./${runtime.fileName.slice(runtime.fileName.lastIndexOf('/') + 1)}`;
      try {
        entry.code = inlineRuntime(entry.code, runtime.code, specifier);
      } catch (error) {
        this.error(`inline-entry-runtime: ${error instanceof Error ? error.message : String(error)}`);
      }
      // The copy's line comes first and has no source; nothing else moved.
      if (entry.map) entry.map.mappings = `;${entry.map.mappings}`;
      entry.imports = entry.imports.filter((f) => f !== runtime.fileName);

      const html = builtIndexHtml(bundle, 'inline-entry-runtime');
      const preload = `<link rel="modulepreload" crossorigin href="${base}${runtime.fileName}">`;
      if (!html.source.includes(preload)) this.error(`inline-entry-runtime: index.html has no ${preload}`);
      html.source = html.source.replace(new RegExp(`\\n?[ \\t]*${preload.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '');
    },
  };
}
