import { beforeEach, describe, expect, test } from 'vitest';
import type { Draft } from '@/features/editor/drafts';
import { emptyFormValues } from '@/features/editor/form-model';
import { baseFromDraft, clearBase, loadBase, saveBase } from './review-base';

const draft: Draft = { version: 1, savedAt: '2026-01-01T00:00:00.000Z', body: {}, form: emptyFormValues };

describe('review base version', () => {
  beforeEach(() => localStorage.clear());

  test('remembers the version an edit started from, including "did not exist", until cleared', () => {
    expect(loadBase('k')).toBeUndefined();
    saveBase('k', null);
    expect(loadBase('k')).toBeNull();
    saveBase('k', { statusCode: '200', selectionPattern: '2\\d{2}' });
    expect(loadBase('k')).toEqual({ statusCode: '200', selectionPattern: '2\\d{2}' });
    expect(loadBase('other')).toBeUndefined();
    clearBase('k');
    expect(loadBase('k')).toBeUndefined();
  });

  test('ignores unreadable records', () => {
    localStorage.setItem('irs:review-base:v1|k', '{not json');
    expect(loadBase('k')).toBeUndefined();
  });

  test('prefers a base the editor recorded in the draft itself', () => {
    expect(baseFromDraft(draft)).toBeUndefined();
    expect(baseFromDraft({ ...draft, base: null } as Draft)).toBeNull();
    expect(baseFromDraft({ ...draft, serverVersion: { statusCode: '201' } } as Draft)).toEqual({ statusCode: '201' });
  });
});
