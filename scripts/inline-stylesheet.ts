// The app's one stylesheet written into the built HTML (`<style>`) instead of linked: it blocks the first paint either
// way, and as a file of its own it took a connection and a share of the bandwidth while the app's code was arriving;
// in Lighthouse's simulation of a slow phone, a round trip of the first paint (docs/performance.md, "The first page's
// requests"). The HTML is revalidated, not cached for a year, so a returning visitor gets it from cache all the same.
// vite.config.ts builds one stylesheet for the whole app (cssCodeSplit: false), so no lazy chunk asks for it later;
// this plugin fails the build if one did, as the stylesheet would then be applied twice.
import type { Plugin, Rollup } from 'vite';
import { builtIndexHtml } from './built-index-html';

export function inlineStylesheet(): Plugin {
  let base = '/';
  return {
    name: 'inline-stylesheet',
    apply: 'build',
    // After Vite's HTML plugin has written index.html (with its stylesheet link) into the bundle.
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const html = builtIndexHtml(bundle, 'inline-stylesheet');
      const sheets = Object.values(bundle).filter(
        (f): f is Rollup.OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css'),
      );
      if (sheets.length !== 1) this.error(`inline-stylesheet: ${sheets.length} stylesheets, not the app's one`);
      const sheet = sheets[0]!;
      const link = `<link rel="stylesheet" crossorigin href="${base}${sheet.fileName}">`;
      if (!html.source.includes(link)) this.error(`inline-stylesheet: index.html has no ${link}`);
      const css = typeof sheet.source === 'string' ? sheet.source : new TextDecoder().decode(sheet.source);
      if (/<\/style/i.test(css)) this.error('inline-stylesheet: the stylesheet holds "</style"');
      const name = sheet.fileName.slice(sheet.fileName.lastIndexOf('/') + 1);
      const askedFor = Object.values(bundle).find((f) => f.type === 'chunk' && f.code.includes(name));
      if (askedFor) this.error(`inline-stylesheet: ${askedFor.fileName} asks for ${name} at run time`);
      html.source = html.source.replace(link, () => `<style>${css.trim()}</style>`);
      delete bundle[sheet.fileName];
    },
  };
}
