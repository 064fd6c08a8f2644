// The first page (/apis) prerendered at build time into dist/apis.html: the built index.html with the page drawn
// into #root (src/first-page-shell.tsx, rendered with react-dom/server). Its header, heading and import panel then
// paint as soon as the HTML and the stylesheet are in, instead of after the app's JavaScript has loaded and run,
// which on a slow phone was most of the time to the first and the largest paint. `npm start` serves it for `/` and
// `/apis` (server/static-files.ts); a static host maps those two addresses to it (docs/serving.md).
import { resolve } from 'node:path';
import { runnerImport } from 'vite';
import type { Plugin } from 'vite';
import { FIRST_PAGE_HTML } from '../server/static-files';

const EMPTY_ROOT = '<div id="root"></div>';

interface ShellModule {
  renderFirstPageShell(): string;
  firstPageListRequestPath(): Promise<string>;
}

export function prerenderFirstPage(): Plugin {
  let root = '';
  return {
    name: 'prerender-first-page',
    apply: 'build',
    // After Vite's own HTML plugin has written index.html's asset (with the hashed script and stylesheet).
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset' || typeof index.source !== 'string') {
        this.error('prerender-first-page: the build has no index.html to draw the first page into');
      }
      const html = index.source;
      if (!html.includes(EMPTY_ROOT)) this.error(`prerender-first-page: index.html has no empty ${EMPTY_ROOT}`);
      const { module } = await runnerImport<ShellModule>(resolve(root, 'src/first-page-shell.tsx'), {
        root,
        configFile: false,
        logLevel: 'error',
        resolve: { alias: { '@': resolve(root, 'src') } },
      });
      const listPath = await module.firstPageListRequestPath();
      const shell = html
        .replace(EMPTY_ROOT, `<div id="root">${module.renderFirstPageShell()}</div>`)
        // The page paints from the HTML and the stylesheet; the app's code, which fetches the rest, comes after.
        .replaceAll('<script type="module" crossorigin', '<script type="module" fetchpriority="low" crossorigin')
        .replaceAll(
          '<link rel="modulepreload" crossorigin',
          '<link rel="modulepreload" fetchpriority="low" crossorigin',
        )
        // The list for the default target is asked for at once; the app's request for it (boot.ts) takes this
        // answer. Same origin, same credentials mode (crossorigin = anonymous) as the app's fetch.
        .replace(
          '</head>',
          `  <link rel="preload" as="fetch" href="${listPath.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" crossorigin>\n  </head>`,
        );
      this.emitFile({ type: 'asset', fileName: FIRST_PAGE_HTML, source: shell });
    },
  };
}
