// Which stage the pages of one API compare with, remembered per target and API for the tab (sessionStorage), so
// the method list, the status codes and the overview agree and keep the choice while the user moves between them.
import { useCallback, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const storageKey = (scope: string, restApiId: string) => `irs.compare-stage|${scope}|${restApiId}`;

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    // Storage can be unavailable (privacy settings): the choice then lasts only as long as the page.
    return memory.get(key) ?? null;
  }
}

const memory = new Map<string, string>();

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    if (value === null) memory.delete(key);
    else memory.set(key, value);
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The stage chosen for comparison (null: none), and a setter shared by every component showing it. */
export function useComparedStage(scope: string, restApiId: string): [string | null, (stage: string | null) => void] {
  const key = storageKey(scope, restApiId);
  const stage = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const set = useCallback((value: string | null) => write(key, value), [key]);
  return [stage, set];
}
