// The tab's icon written into the built HTML as a data URL of public/favicon.svg, instead of a link to it: the
// browser asks for a linked icon while the page is still loading, and on a slow network that request shares the
// bandwidth with the app's code before the first page's list shows (docs/performance.md, "The first page's
// requests"). /favicon.svg and /favicon.ico are still served for whatever asks for them by address.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const LINKED = '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />';

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg.trim())}`;
}

export function inlineFavicon(): Plugin {
  let publicDir = '';
  return {
    name: 'inline-favicon',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml(html) {
      if (!html.includes(LINKED)) throw new Error(`inline-favicon: index.html has no ${LINKED}`);
      const url = svgDataUrl(readFileSync(join(publicDir, 'favicon.svg'), 'utf8'));
      return html.replace(LINKED, `<link rel="icon" href="${url}" type="image/svg+xml" />`);
    },
  };
}
