// The server version a draft was started from, so the review step can tell whether someone else changed the
// integration response in the meantime. The editor's draft (drafts.ts) has no field for it yet; until it has,
// the review step records the version here, next to the draft and under the same key.
import type { Draft } from '@/features/editor/drafts';
import type { IntegrationResponse } from '@/rules/types';

/** `null` = the integration response did not exist when editing started. */
export type BaseVersion = IntegrationResponse | null;

interface StoredBase {
  version: 1;
  base: BaseVersion;
  recordedAt: string;
}

const PREFIX = 'irs:review-base:v1|';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The base the editor recorded in the draft itself, when a future drafts.ts does (`base` or `serverVersion`). */
export function baseFromDraft(draft: Draft): BaseVersion | undefined {
  const extended = draft as Draft & { base?: BaseVersion; serverVersion?: BaseVersion };
  if (extended.base !== undefined) return extended.base;
  if (extended.serverVersion !== undefined) return extended.serverVersion;
  return undefined;
}

export function loadBase(draftStorageKey: string): BaseVersion | undefined {
  const raw = storage()?.getItem(PREFIX + draftStorageKey);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredBase>;
    if (parsed.version !== 1 || parsed.base === undefined) return undefined;
    return parsed.base;
  } catch {
    return undefined;
  }
}

export function saveBase(draftStorageKey: string, base: BaseVersion): void {
  const record: StoredBase = { version: 1, base, recordedAt: new Date().toISOString() };
  try {
    storage()?.setItem(PREFIX + draftStorageKey, JSON.stringify(record));
  } catch {
    // Quota exceeded: the conflict check then compares with the version read when the review page opened.
  }
}

export function clearBase(draftStorageKey: string): void {
  try {
    storage()?.removeItem(PREFIX + draftStorageKey);
  } catch {
    // Nothing to clear.
  }
}
