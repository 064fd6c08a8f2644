import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while a page is prerendered at build time (react-dom/server, scripts/prerender-first-page.ts), true in the
 * browser. For what only the browser knows, such as the tab's connection settings in sessionStorage.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
