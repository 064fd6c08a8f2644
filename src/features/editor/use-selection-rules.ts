import { useEffect, useState } from 'react';
import type * as selectionPattern from '@/rules/selection-pattern';

// The selection-pattern rules carry the Java-regex translator (src/rules/java-regex.ts), which the editor's first
// paint does not need: they are fetched once that paint is done, in the chunk the pattern tester shares.
export type SelectionRules = typeof selectionPattern;

let loaded: SelectionRules | undefined;
let loading: Promise<SelectionRules> | undefined;

function loadSelectionRules(): Promise<SelectionRules> {
  loading ??= import('@/rules/selection-pattern').then(
    (rules) => (loaded = rules),
    (error: unknown) => {
      // A failed fetch (a network blip, a deployment replacing the chunk) is tried again on the next mount.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The selection-pattern rules once loaded (undefined until then); loading starts when `start` becomes true. */
export function useSelectionRules(start: boolean): SelectionRules | undefined {
  const [rules, setRules] = useState<SelectionRules | undefined>(loaded);
  useEffect(() => {
    if (!start || rules) return;
    let current = true;
    loadSelectionRules().then(
      (r) => {
        if (current) setRules(r);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [start, rules]);
  return rules;
}
