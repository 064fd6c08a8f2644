import { describe, expect, test } from 'vitest';
import { emptyFormValues, formToPutBody, type EditorFormValues } from '@/integration-response/form-model';
import { computeEditorVerdict, violationFormFields } from './verdict';

const declared = { statusCode: '200', responseParameters: { 'method.response.header.X-A': false } };

describe('computeEditorVerdict', () => {
  test('a clean body is accepted (no verdict)', () => {
    expect(
      computeEditorVerdict('200', { responseParameters: { 'method.response.header.X-A': "'a'" } }, declared).verdict,
    ).toBeNull();
  });

  test('request-stage errors win over method-stage ones, as AWS checks them first', () => {
    const { verdict, violations } = computeEditorVerdict(
      '600',
      { responseParameters: { 'method.response.header.X-B': "'b'" } },
      declared,
    );
    expect(verdict?.type).toBe('ValidationException');
    // The method-stage problem is not computed until the request is clean (AWS would not get that far).
    expect(violations.map((v) => v.stage)).toEqual(['request']);
  });
});

describe('violationFormFields', () => {
  const values: EditorFormValues = {
    ...emptyFormValues,
    templates: [{ contentType: '123', template: 'x' }],
    mappings: [
      { header: 'X-B', kind: 'static', value: 'b' },
      { header: 'X-A', kind: 'expression', value: '*' },
    ],
  };
  test('puts each AWS violation on the row and part of the form it concerns', () => {
    const placed = computeEditorVerdict('200', formToPutBody(values), declared).violations.map((v) => ({
      field: violationFormFields(v, values).join(','),
      message: v.message,
    }));
    expect(placed).toEqual(
      expect.arrayContaining([
        {
          field: 'mappings.0.header',
          message: expect.stringContaining(
            '[Invalid mapping expression parameter specified: method.response.header.X-B]',
          ),
        },
        { field: 'mappings.1.value', message: expect.stringContaining('[Invalid mapping expression specified: *]') },
        { field: 'templates.0.contentType', message: expect.stringContaining('[Invalid content type specified: 123]') },
      ]),
    );
    expect(placed).toHaveLength(3);
  });
});
