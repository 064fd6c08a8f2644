// The app's page as Vite's HTML plugin has written it into the bundle, for the plugins that edit it afterwards
// (inline-stylesheet.ts, inline-entry-runtime.ts, first-page-html.ts; vite.config.ts runs them in that order).
import type { Rollup } from 'vite';

export type HtmlAsset = Rollup.OutputAsset & { source: string };

/** index.html in `bundle`; throws, naming `plugin`, when the build has none (the build then fails with it). */
export function builtIndexHtml(bundle: Rollup.OutputBundle, plugin: string): HtmlAsset {
  const html = bundle['index.html'];
  if (html?.type !== 'asset' || typeof html.source !== 'string') {
    throw new Error(`${plugin}: the build has no index.html`);
  }
  return html as HtmlAsset;
}
