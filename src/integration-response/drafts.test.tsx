import { afterEach, describe, expect, test } from 'vitest';
import { clearDraft, draftKey, loadDraft, recordDraftBase, saveDraft } from './drafts';
import { formToPutBody, type EditorFormValues } from './form-model';

const form: EditorFormValues = {
  selectionPattern: '4\\d{2}',
  contentHandling: 'PASSTHROUGH',
  templates: [{ contentType: 'application/json', template: '{"ok": false}' }],
  mappings: [{ header: 'X-A', kind: 'static', value: 'a' }],
};

const parts = {
  connectionScope: 'embedded||us-east-1',
  restApiId: 'abc',
  resourceId: 'r1',
  httpMethod: 'GET',
  statusCode: '400',
};

afterEach(() => localStorage.clear());

describe('drafts', () => {
  test('a saved draft comes back with the PUT body, the form and the samples', () => {
    const key = draftKey(parts);
    saveDraft(key, {
      body: formToPutBody(form),
      form,
      samples: { testerSamples: ['404'], previewBody: '{}', previewHeaders: '', previewStatus: '404' },
    });
    const draft = loadDraft(key);
    expect(draft?.body).toEqual({
      selectionPattern: '4\\d{2}',
      responseTemplates: { 'application/json': '{"ok": false}' },
      responseParameters: { 'method.response.header.X-A': "'a'" },
    });
    expect(draft?.form).toEqual(form);
    expect(draft?.samples?.testerSamples).toEqual(['404']);
    expect(Date.parse(draft?.savedAt ?? '')).not.toBeNaN();
  });

  test('each target, method and status code has its own draft', () => {
    saveDraft(draftKey(parts), { body: {}, form });
    expect(loadDraft(draftKey({ ...parts, statusCode: '500' }))).toBeUndefined();
    expect(loadDraft(draftKey({ ...parts, connectionScope: 'moto|http://127.0.0.1:5000|us-east-1' }))).toBeUndefined();
    expect(loadDraft(draftKey(parts))).toBeDefined();
  });

  test('clearDraft removes it', () => {
    const key = draftKey(parts);
    saveDraft(key, { body: {}, form });
    clearDraft(key);
    expect(loadDraft(key)).toBeUndefined();
  });

  test('a corrupted or foreign entry is ignored rather than crashing the editor', () => {
    const key = draftKey(parts);
    localStorage.setItem(key, '{not json');
    expect(loadDraft(key)).toBeUndefined();
    localStorage.setItem(key, JSON.stringify({ version: 99, body: {}, form }));
    expect(loadDraft(key)).toBeUndefined();
  });

  test('the stored entry holds no credentials', () => {
    const key = draftKey(parts);
    saveDraft(key, { body: formToPutBody(form), form });
    const raw = localStorage.getItem(key) ?? '';
    expect(raw).not.toMatch(/secret|accessKey|sessionToken/i);
    expect(key).toContain('embedded');
  });

  test('the version an edit started from is kept in the draft, including "did not exist", and never replaced', () => {
    const key = draftKey(parts);
    recordDraftBase(key, null);
    expect(loadDraft(key)).toBeUndefined();
    saveDraft(key, { body: {}, form });
    expect(loadDraft(key)?.base).toBeUndefined();
    recordDraftBase(key, null);
    expect(loadDraft(key)?.base).toBeNull();
    expect(loadDraft(key)?.form).toEqual(form);
    recordDraftBase(key, { statusCode: '400', selectionPattern: '4\\d{2}' });
    expect(loadDraft(key)?.base).toBeNull();
    clearDraft(key);
    saveDraft(key, { body: {}, form, base: { statusCode: '400' } });
    recordDraftBase(key, null);
    expect(loadDraft(key)?.base).toEqual({ statusCode: '400' });
  });
});
