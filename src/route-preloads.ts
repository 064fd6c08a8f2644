// On a page load at a routed address, main.tsx fetches the page's own code alongside the router's, instead of
// after it: the router only asks for a route's chunk once its own code has loaded and matched the address, which put
// one more round trip before the page could show (on a phone network, about a second on the editor's deep link).
// The route files import the same modules, so nothing is loaded twice.
//
// A page whose deep link matters gets a line here; a page without one still loads, one round trip later.
const pages: { path: RegExp; load: () => Promise<unknown> }[] = [
  {
    path: /^\/apis\/[^/]+\/resources\/[^/]+\/methods\/[^/]+\/responses\/[^/]+\/?$/,
    // The page's frame and its form, which the frame would otherwise ask for only once it has run.
    load: () => Promise.all([import('./features/editor/editor-page'), import('./features/editor/loaded-editor')]),
  },
  {
    path: /^\/apis\/[^/]+\/resources\/[^/]+\/methods\/[^/]+\/responses\/[^/]+\/review\/?$/,
    load: () => import('./features/review/review-page'),
  },
  { path: /^\/apis\/[^/]+\/overview\/?$/, load: () => import('./features/overview/overview-page') },
];

export function preloadPageCode(pathname: string): void {
  // A failed fetch is left to the router, which asks again and shows its error.
  for (const p of pages) if (p.path.test(pathname)) void p.load().catch(() => undefined);
}
