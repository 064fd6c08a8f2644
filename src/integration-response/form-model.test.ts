import { describe, expect, test } from 'vitest';
import {
  changeMappingKind,
  formStructureErrors,
  formToPutBody,
  integrationResponseToForm,
  mappingRowExpression,
  sameBody,
  type EditorFormValues,
  type MappingRow,
} from './form-model';

const base: EditorFormValues = { selectionPattern: '', contentHandling: 'PASSTHROUGH', templates: [], mappings: [] };

describe('formToPutBody', () => {
  test('an empty form sends an empty body: default response, passthrough, no templates, no mappings', () => {
    expect(formToPutBody(base)).toEqual({});
  });

  test('an empty selection pattern is left out (the default response); a non-empty one is sent verbatim', () => {
    expect(formToPutBody(base)).not.toHaveProperty('selectionPattern');
    expect(formToPutBody({ ...base, selectionPattern: ' 4\\d{2} ' }).selectionPattern).toBe(' 4\\d{2} ');
  });

  test('passthrough omits contentHandling; the two conversions are sent by name', () => {
    expect(formToPutBody(base)).not.toHaveProperty('contentHandling');
    expect(formToPutBody({ ...base, contentHandling: 'CONVERT_TO_BINARY' }).contentHandling).toBe('CONVERT_TO_BINARY');
    expect(formToPutBody({ ...base, contentHandling: 'CONVERT_TO_TEXT' }).contentHandling).toBe('CONVERT_TO_TEXT');
  });

  test('static values are quoted for the user, other sources become AWS expressions', () => {
    const body = formToPutBody({
      ...base,
      mappings: [
        { header: 'X-Static', kind: 'static', value: 'hello world' },
        { header: 'X-From-Header', kind: 'header', value: 'X-Request-Id' },
        { header: 'X-Body', kind: 'body', value: 'data.id' },
        { header: 'X-Whole', kind: 'body', value: '' },
        { header: 'X-Multi', kind: 'multivalueheader', value: 'Set-Cookie' },
        { header: 'X-Stage', kind: 'stageVariable', value: 'env' },
        { header: 'X-Ctx', kind: 'context', value: 'requestId' },
        { header: 'X-Raw', kind: 'expression', value: "'as typed'" },
      ],
    });
    expect(body.responseParameters).toEqual({
      'method.response.header.X-Static': "'hello world'",
      'method.response.header.X-From-Header': 'integration.response.header.X-Request-Id',
      'method.response.header.X-Body': 'integration.response.body.data.id',
      'method.response.header.X-Whole': 'integration.response.body',
      'method.response.header.X-Multi': 'integration.response.multivalueheader.Set-Cookie',
      'method.response.header.X-Stage': 'stageVariables.env',
      'method.response.header.X-Ctx': 'context.requestId',
      'method.response.header.X-Raw': "'as typed'",
    });
  });

  test('an empty static value becomes two quotes, which AWS accepts as an empty header value', () => {
    expect(mappingRowExpression({ header: 'X', kind: 'static', value: '' })).toBe("''");
  });

  test('rows without a header are not sent', () => {
    expect(formToPutBody({ ...base, mappings: [{ header: '', kind: 'static', value: 'x' }] })).not.toHaveProperty(
      'responseParameters',
    );
  });

  test('an empty template is sent as null, which is what AWS stores for it', () => {
    const body = formToPutBody({
      ...base,
      templates: [
        { contentType: 'application/json', template: '' },
        { contentType: 'application/xml', template: '<a/>' },
      ],
    });
    expect(body.responseTemplates).toEqual({ 'application/json': null, 'application/xml': '<a/>' });
  });
});

describe('integrationResponseToForm', () => {
  test('no stored response gives an empty form', () => {
    expect(integrationResponseToForm(undefined)).toEqual(base);
  });

  test('null templates become empty editors and round-trip back to null', () => {
    const form = integrationResponseToForm({ statusCode: '200', responseTemplates: { 'application/json': null } });
    expect(form.templates).toEqual([{ contentType: 'application/json', template: '' }]);
    expect(formToPutBody(form).responseTemplates).toEqual({ 'application/json': null });
  });

  test('stored mapping expressions become editable rows with the quotes taken off static values', () => {
    const form = integrationResponseToForm({
      statusCode: '400',
      selectionPattern: '4\\d{2}',
      contentHandling: 'CONVERT_TO_TEXT',
      responseParameters: {
        'method.response.header.Access-Control-Allow-Origin': "'*'",
        'method.response.header.X-Id': 'integration.response.body.id',
        'method.response.header.X-Bad': 'not-an-expression',
      },
    });
    expect(form.selectionPattern).toBe('4\\d{2}');
    expect(form.contentHandling).toBe('CONVERT_TO_TEXT');
    expect(form.mappings).toEqual([
      { header: 'Access-Control-Allow-Origin', kind: 'static', value: '*' },
      { header: 'X-Id', kind: 'body', value: 'id' },
      { header: 'X-Bad', kind: 'expression', value: 'not-an-expression' },
    ]);
  });

  test('a stored response round-trips to the same body', () => {
    const stored = {
      selectionPattern: '.*Not found.*',
      contentHandling: 'CONVERT_TO_BINARY' as const,
      responseTemplates: { 'application/json': '{"a": $input.json(\'$.a\')}', 'text/html': null },
      responseParameters: {
        'method.response.header.X-A': 'integration.response.header.X-A',
        'method.response.header.X-B': "'b'",
      },
    };
    expect(formToPutBody(integrationResponseToForm({ statusCode: '404', ...stored }))).toEqual(stored);
  });

  test('an empty-string selection pattern from AWS reads as the default response', () => {
    expect(integrationResponseToForm({ statusCode: '200', selectionPattern: '' }).selectionPattern).toBe('');
  });
});

describe('formStructureErrors', () => {
  test('reports duplicate content types and headers, and rows without a header', () => {
    const errors = formStructureErrors({
      ...base,
      templates: [
        { contentType: 'application/json', template: '' },
        { contentType: 'application/json', template: 'x' },
      ],
      mappings: [
        { header: '', kind: 'static', value: '' },
        { header: 'X-A', kind: 'static', value: '' },
        { header: 'X-A', kind: 'header', value: 'X' },
      ],
    });
    expect(errors).toEqual({
      'templates.1.contentType': 'There is already a template for application/json',
      'mappings.0.header': 'Choose the response header to map to',
      'mappings.2.header': 'X-A is already mapped in another row',
    });
  });
});

describe('sameBody', () => {
  test('treats key order as irrelevant and an added empty row as a change', () => {
    const a: EditorFormValues = {
      ...base,
      templates: [
        { contentType: 'a/b', template: '1' },
        { contentType: 'c/d', template: '2' },
      ],
    };
    const b: EditorFormValues = { ...a, templates: [...a.templates].reverse() };
    expect(sameBody(a, b)).toBe(true);
    expect(sameBody(base, { ...base, mappings: [{ header: '', kind: 'static', value: '' }] })).toBe(false);
  });
});

describe('changeMappingKind', () => {
  const row = (kind: MappingRow['kind'], value: string): MappingRow => ({ header: 'X-A', kind, value });

  test('clears a value whose meaning does not carry over, so static 30 never becomes context.30', () => {
    expect(changeMappingKind(row('static', '30'), 'context')).toEqual(row('context', ''));
    expect(changeMappingKind(row('static', 'requestId'), 'stageVariable')).toEqual(row('stageVariable', ''));
    expect(changeMappingKind(row('context', 'requestId'), 'static')).toEqual(row('static', ''));
    expect(changeMappingKind(row('body', 'data.id'), 'header')).toEqual(row('header', ''));
  });

  test('keeps the header between one value and all values, and converts to and from the AWS expression', () => {
    expect(changeMappingKind(row('header', 'X-Up'), 'multivalueheader')).toEqual(row('multivalueheader', 'X-Up'));
    expect(changeMappingKind(row('static', '30'), 'expression')).toEqual(row('expression', "'30'"));
    expect(changeMappingKind(row('context', 'requestId'), 'expression')).toEqual(
      row('expression', 'context.requestId'),
    );
    expect(changeMappingKind(row('expression', 'context.requestId'), 'context')).toEqual(row('context', 'requestId'));
    expect(changeMappingKind(row('expression', "'30'"), 'static')).toEqual(row('static', '30'));
    expect(changeMappingKind(row('expression', "'30'"), 'context')).toEqual(row('context', ''));
    expect(changeMappingKind(row('header', ''), 'expression')).toEqual(row('expression', ''));
  });

  test('a cleared value is required before AWS would see it', () => {
    const errors = formStructureErrors({
      ...base,
      mappings: [row('context', ''), { header: 'X-B', kind: 'static', value: '' }],
    });
    expect(errors).toEqual({ 'mappings.0.value': 'Enter the context variable name, for example requestId' });
  });
});
