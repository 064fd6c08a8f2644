// dist/apis.html: the app's HTML for the first page's addresses (`/`, `/apis`, `/apis/`), which also preloads the
// default connection's list request. server/static-files.ts serves it there; a static host maps them to it
// (docs/performance.md, "How `npm start` serves the app"). On a slow network the list is then on its way while the
// app's code arrives, instead of after the code has run; in Lighthouse's simulation the largest paint no longer
// waits a round trip for it (docs/performance.md, "The first page's requests"). Which requests take the preloaded
// answer, and why only those: src/api/first-page-list.ts.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';
import type { Plugin } from 'vite';
import { FIRST_PAGE_HTML } from '../server/static-files';
import { builtIndexHtml } from './built-index-html';

/** The `crossorigin` attribute that gives a preload each of fetch's credentials modes (omit has none). */
const CROSSORIGIN = { include: 'use-credentials', 'same-origin': 'anonymous' } as const;
type CredentialsMode = keyof typeof CROSSORIGIN;

interface FirstPageListModule {
  firstPageListPath(): Promise<string>;
  PRELOAD_CREDENTIALS: CredentialsMode;
}

/** The preload link for `path`, with the credentials mode the app's taking request uses. */
export function listPreload(path: string, credentials: CredentialsMode): string {
  const crossorigin = CROSSORIGIN[credentials];
  const href = path.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<link rel="preload" as="fetch" href="${href}" crossorigin="${crossorigin}">`;
}

export function firstPageHtml(): Plugin {
  let root = '';
  return {
    name: 'first-page-html',
    apply: 'build',
    // After Vite's HTML plugin (and inline-entry-runtime) have written index.html into the bundle.
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const index = builtIndexHtml(bundle, 'first-page-html');
      if (!index.source.includes('</head>')) this.error('first-page-html: index.html has no </head>');
      // The app's own modules, run through Vite (TypeScript, the `@/` alias) as the build runs them.
      const { module } = await runnerImport<FirstPageListModule>(resolve(root, 'src/api/first-page-list.ts'), {
        root,
        configFile: false,
        logLevel: 'error',
        resolve: { alias: { '@': resolve(root, 'src') } },
      });
      const preload = listPreload(await module.firstPageListPath(), module.PRELOAD_CREDENTIALS);
      this.emitFile({
        type: 'asset',
        fileName: FIRST_PAGE_HTML,
        source: index.source.replace('</head>', `  ${preload}\n  </head>`),
      });
    },
  };
}
