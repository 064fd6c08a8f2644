// Unsaved editor work survives a reload: one draft per target + method + status code, in localStorage.
// The key is built from the connection scope, which is secret-free by construction; nothing else from the
// connection (credentials) is ever written here.
import type { ResponseRef } from '@/api/refs';
import type { SimulationSamples } from '@/response/simulation-inputs';
import type { IntegrationResponse, IntegrationResponseInput } from '@/rules/types';
import type { EditorFormValues } from './form-model';
import type { StagedMethodResponse } from './send-plan';

export interface DraftSamples {
  /** One sample per line: Lambda error messages or backend status codes, depending on the integration. */
  testerSamples: string[];
  previewBody: string;
  previewHeaders: string;
  previewStatus: string;
  /** The back-end outcome and method request of Simulate; the template preview reads the same method request. */
  simulation?: SimulationSamples;
}

/** The stored integration response an edit started from; `null`: it did not exist. */
export type BaseVersion = IntegrationResponse | null;

export interface Draft {
  version: 1;
  /** ISO timestamp of the last save. */
  savedAt: string;
  /** The PutIntegrationResponse body the review step sends (statusCode is in the key and the URL). */
  body: IntegrationResponseInput;
  /** The exact form state, so rows that are mid-edit (duplicates, empty names) come back as they were. */
  form: EditorFormValues;
  samples?: DraftSamples;
  /** The stored integration response the edit started from (null: it did not exist), so the review step can tell
   * whether someone else changed it since. Kept from the first save of a draft, not refreshed on later saves. */
  base?: BaseVersion;
  /** Method response changes made in the editor (a header declared, the method response created): sent only with
   * the integration response, by the review step. */
  staged?: StagedMethodResponse;
}

export type DraftKeyParts = ResponseRef & { connectionScope: string };

const PREFIX = 'irs:editor-draft:v1';

export function draftKey(parts: DraftKeyParts): string {
  const ids = [parts.connectionScope, parts.restApiId, parts.resourceId, parts.httpMethod, parts.statusCode];
  return [PREFIX, ...ids.map((part) => encodeURIComponent(part))].join('|');
}

function storage(): Storage | undefined {
  // Private modes and sandboxed iframes can throw on access; drafts are a convenience, never a failure.
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function loadDraft(key: string): Draft | undefined {
  const raw = storage()?.getItem(key);
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed) || parsed.version !== 1 || !isRecord(parsed.body) || !isRecord(parsed.form)) return undefined;
    const form = parsed.form;
    if (!Array.isArray(form.templates) || !Array.isArray(form.mappings) || typeof form.selectionPattern !== 'string') {
      return undefined;
    }
    // Shape checked above; the rest was written by saveDraft of this same version.
    return parsed as unknown as Draft;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: Omit<Draft, 'version' | 'savedAt'>): void {
  const full: Draft = { version: 1, savedAt: new Date().toISOString(), ...draft };
  try {
    storage()?.setItem(key, JSON.stringify(full));
  } catch {
    // Quota exceeded: the draft is lost but editing continues.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** Records the version an edit started from in a draft that has none yet (a draft's base is never replaced). */
export function recordDraftBase(key: string, base: BaseVersion): void {
  const draft = loadDraft(key);
  if (draft === undefined || draft.base !== undefined) return;
  const { version: _version, savedAt: _savedAt, ...rest } = draft;
  saveDraft(key, { ...rest, base });
}

/** Replaces the staged method response changes of a draft (the review step can add or drop "create it"). */
export function updateDraftStaged(key: string, staged: StagedMethodResponse): void {
  const draft = loadDraft(key);
  if (draft === undefined) return;
  const { version: _version, savedAt: _savedAt, staged: _staged, ...rest } = draft;
  saveDraft(key, { ...rest, staged });
}
