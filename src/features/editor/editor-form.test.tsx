import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PreviewRunner } from '@/preview/preview-runner';
import { renderTemplate } from '@/preview/render-template';
import type { IntegrationResponse, MethodResponse } from '@/rules/types';
import { loadDraft } from '@/integration-response/drafts';
import { declaredHeaders, EditorForm, type EditorFormProps } from './editor-form';
import { integrationResponseToForm } from '@/integration-response/form-model';

// Renders on the main thread: happy-dom has no module workers.
const mainThreadRunner = (): PreviewRunner => ({
  render: (template, sample) => Promise.resolve(renderTemplate(template, sample)),
  dispose: () => undefined,
});

const methodResponse: MethodResponse = {
  statusCode: '400',
  responseParameters: { 'method.response.header.X-Declared': false },
};
const siblings: IntegrationResponse[] = [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '5\\d{2}' }];

function setup(overrides: Partial<EditorFormProps> = {}) {
  const onContinue = vi.fn();
  const props: EditorFormProps = {
    statusCode: '400',
    integration: { type: 'HTTP', uri: 'https://backend.example.com/items', httpMethod: 'GET' },
    methodResponse,
    siblings,
    serverValues: integrationResponseToForm(undefined),
    draftStorageKey: 'test-draft',
    codeEditor: false,
    createPreviewRunner: mainThreadRunner,
    inParts: false,
    onContinue,
    ...overrides,
  };
  const user = userEvent.setup();
  render(<EditorForm {...props} />);
  return { user, onContinue };
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('EditorForm', () => {
  test('labels the selection pattern by integration type', () => {
    setup();
    expect(screen.getByLabelText(/HTTP status regex/)).toBeInTheDocument();
  });

  test('a Lambda integration asks for a Lambda error regex', () => {
    setup({
      integration: {
        type: 'AWS',
        uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
      },
    });
    expect(screen.getByLabelText(/Lambda error regex/)).toBeInTheDocument();
  });

  test("shows AWS's error for a bad content type while typing, and clears it once fixed", async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a template' }));
    const contentType = screen.getByLabelText('Content type');
    expect(contentType).toHaveValue('application/json');
    await user.clear(contentType);
    await user.type(contentType, '123');
    expect(
      await screen.findByText('Validation Result: warnings : [], errors : [Invalid content type specified: 123]'),
    ).toBeInTheDocument();
    expect(contentType).toHaveAttribute('aria-invalid', 'true');
    await user.clear(contentType);
    await user.type(contentType, 'text/html');
    expect(screen.queryByText(/Invalid content type specified/)).not.toBeInTheDocument();
    expect(contentType).not.toHaveAttribute('aria-invalid');
  });

  test('Continue with errors shows a focused "There is a problem" summary linking to the field, and does not continue', async () => {
    const { user, onContinue } = setup({
      serverValues: integrationResponseToForm({
        statusCode: '400',
        responseParameters: { 'method.response.header.X-Undeclared': "'x'" },
      }),
    });
    const message =
      'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Undeclared]';
    // Live, before Continue: shown on the field.
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByLabelText('Response header')).toHaveValue('X-Undeclared');
    await user.click(screen.getByRole('button', { name: 'Continue to review' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    const link = within(summary).getByRole('link', { name: message });
    expect(link).toHaveAttribute('href', '#ir-mappings-0-header');
    expect(summary).toHaveFocus();
    expect(onContinue).not.toHaveBeenCalled();
    await user.click(link);
    expect(screen.getByLabelText('Response header')).toHaveFocus();
  });

  test('Continue without errors saves the draft (PUT body) and continues', async () => {
    const { user, onContinue } = setup();
    await user.type(screen.getByLabelText(/HTTP status regex/), '4\\d{{2}');
    await user.click(screen.getByRole('button', { name: 'Add a header mapping' }));
    await user.type(screen.getByLabelText('Static value'), 'hello');
    await user.click(screen.getByRole('radio', { name: /Convert to text/ }));
    await user.click(screen.getByRole('button', { name: 'Continue to review' }));
    await waitFor(() => expect(onContinue).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(loadDraft('test-draft')?.body).toEqual({
      selectionPattern: '4\\d{2}',
      contentHandling: 'CONVERT_TO_TEXT',
      responseParameters: { 'method.response.header.X-Declared': "'hello'" },
    });
  });

  test('the tester table follows the selection pattern as it is typed', async () => {
    const { user } = setup();
    // The tester loads after the form's first paint, with the Java-regex translator.
    const table = await screen.findByRole('table');
    const rowFor = (sample: string) => within(table).getByRole('row', { name: new RegExp(`^${sample} `) });
    // Empty pattern: 400 is a second default; 200 (lowest status) wins, 503 goes to 500.
    expect(within(rowFor('404')).getByText('200')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/HTTP status regex/), '4\\d{{2}');
    expect(within(rowFor('404')).getByText(/this response/)).toBeInTheDocument();
    expect(within(rowFor('400')).getByText(/this response/)).toBeInTheDocument();
    expect(within(rowFor('503')).getByText('500')).toBeInTheDocument();
    expect(within(rowFor('200')).getByText(/default response/)).toBeInTheDocument();
    // Samples are editable too.
    const samples = screen.getByLabelText('Sample back-end status codes, one per line');
    await user.clear(samples);
    await user.type(samples, '418');
    expect(within(rowFor('418')).getByText(/this response/)).toBeInTheDocument();
  });

  test('previews the template against the sample and warns when JSON output is not JSON', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a template' }));
    const template = screen.getByLabelText('Mapping template for application/json');
    await user.type(template, '{{"name": "$input.path(\'$.name\')"');
    expect(await screen.findByText(/Not valid JSON/)).toBeInTheDocument();
    expect(screen.getByText(/this template's output is not valid JSON/)).toBeInTheDocument();
    await user.type(template, '}');
    expect(await screen.findByText('Valid JSON')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Rendered output for application/json' })).toHaveTextContent(
      '{"name": "Widget"}',
    );
  });

  test('a large output shows its start and end, and all of it on request', async () => {
    // ~60 K characters of output: line 1 … line 6000 (nested: API Gateway runs a #foreach at most 1,000 times).
    const template = '#foreach($j in [0..5])#foreach($i in [1..1000])#set($n = $j * 1000 + $i)line $n\n#end#end';
    const { user } = setup({
      serverValues: integrationResponseToForm({ statusCode: '400', responseTemplates: { 'text/plain': template } }),
    });
    const output = await screen.findByRole('group', { name: 'Rendered output for text/plain' });
    await waitFor(() => expect(output).toHaveTextContent(/line 6000/));
    expect(output).toHaveTextContent(/^line 1 line 2 /);
    expect(output).toHaveTextContent(/characters not shown/);
    expect(output).not.toHaveTextContent(/line 3000 /);
    await user.click(screen.getByRole('button', { name: /Show all of the output/ }));
    expect(output).toHaveTextContent(/line 2999 line 3000 line 3001 /);
    expect(output).not.toHaveTextContent(/not shown/);
    await user.click(screen.getByRole('button', { name: 'Show only the start and end of the output' }));
    expect(output).toHaveTextContent(/characters not shown/);
  });

  test('a restored draft is announced and can be discarded', async () => {
    const user = userEvent.setup();
    const draftForm = integrationResponseToForm({ statusCode: '400', selectionPattern: '4\\d{2}' });
    render(
      <EditorForm
        statusCode="400"
        integration={{ type: 'MOCK' }}
        methodResponse={methodResponse}
        siblings={siblings}
        serverValues={integrationResponseToForm(undefined)}
        draftStorageKey="test-draft"
        restoredDraft={{
          version: 1,
          savedAt: new Date().toISOString(),
          body: { selectionPattern: '4\\d{2}' },
          form: draftForm,
        }}
        codeEditor={false}
        createPreviewRunner={mainThreadRunner}
        onContinue={() => undefined}
      />,
    );
    expect(screen.getByText('Restored your unsaved draft')).toBeInTheDocument();
    expect(screen.getByLabelText(/HTTP status regex/)).toHaveValue('4\\d{2}');
    await user.click(screen.getByRole('button', { name: 'Discard the draft' }));
    expect(screen.queryByText('Restored your unsaved draft')).not.toBeInTheDocument();
    expect(screen.getByLabelText(/HTTP status regex/)).toHaveValue('');
  });

  test("switching a mapping's Source never turns static 30 into context.30: the value is cleared and required", async () => {
    const { user, onContinue } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a header mapping' }));
    await user.type(screen.getByLabelText('Static value'), '30');
    expect(screen.getByTestId('mapping-expression')).toHaveTextContent("'30'");
    await user.selectOptions(screen.getByLabelText('Source'), 'context');
    const value = screen.getByLabelText('Context variable');
    expect(value).toHaveValue('');
    expect(screen.getByTestId('mapping-expression')).not.toHaveTextContent('context.30');
    expect(screen.getByText('Enter the context variable name, for example requestId')).toBeInTheDocument();
    expect(screen.queryByText('No problems found.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue to review' }));
    expect(onContinue).not.toHaveBeenCalled();
    // Where the meaning carries over, the value is converted instead.
    await user.type(value, 'requestId');
    await user.selectOptions(screen.getByLabelText('Source'), 'expression');
    expect(screen.getByLabelText('AWS mapping expression')).toHaveValue('context.requestId');
  });

  test("a static value typed with its quotes ('*') is flagged, and one click drops them", async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a header mapping' }));
    const value = screen.getByLabelText('Static value');
    await user.type(value, "'*'");
    expect(screen.getByTestId('mapping-expression')).toHaveTextContent("''*''");
    expect(await screen.findByText(/X-Declared: '\*', quotes included/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Drop the quotes' }));
    expect(value).toHaveValue('*');
    expect(screen.getByTestId('mapping-expression')).toHaveTextContent("'*'");
    expect(screen.queryByText(/quotes included/)).not.toBeInTheDocument();
  });

  test('a JavaScript regex literal as the pattern is flagged, with (?i) suggested for /i', async () => {
    const { user } = setup({
      integration: {
        type: 'AWS',
        uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
      },
    });
    const pattern = screen.getByLabelText(/Lambda error regex/);
    await user.type(pattern, '/invalid/i');
    expect(await screen.findByText(/looks like a JavaScript regex literal/)).toBeInTheDocument();
    // "No problems found" (AWS accepts it) does not hide the warnings.
    expect(screen.getByRole('status')).toHaveTextContent(
      'No problems found. 1 warning above: AWS accepts it, but check it is meant.',
    );
    await user.click(screen.getByRole('button', { name: 'Use (?i)invalid' }));
    expect(pattern).toHaveValue('(?i)invalid');
    expect(screen.queryByText(/looks like a JavaScript regex literal/)).not.toBeInTheDocument();
  });

  describe('the tester, for a Lambda integration', () => {
    const lambda = {
      type: 'AWS' as const,
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
    };

    test('a multi-line error message is one sample, judged as a whole', async () => {
      const { user } = setup({
        integration: lambda,
        siblings: [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '(?s)Error.*' }],
      });
      await user.click(await screen.findByRole('button', { name: 'Add an error message' }));
      const box = screen.getByRole('textbox', { name: 'Error message 4' });
      expect(box).toHaveFocus();
      await user.type(box, 'Error: boom{Enter}    at handler (index.js:1:1)');
      expect(box).toHaveValue('Error: boom\n    at handler (index.js:1:1)');
      const table = screen.getByRole('table');
      // The successful call, the three default samples and this one: one row, not one per line.
      expect(within(table).getAllByRole('row')).toHaveLength(1 + 5);
      const row = within(table).getByRole('row', { name: /Error: boom\s+at handler/ });
      expect(within(row).getByText('500')).toBeInTheDocument();
      await user.clear(screen.getByLabelText(/Lambda error regex/));
      await user.type(screen.getByLabelText(/Lambda error regex/), 'Error.*');
      // Without (?s), "." stops at the line break: the 500 pattern (with it) takes the message instead.
      expect(within(within(table).getByRole('row', { name: /Error: boom/ })).getByText('500')).toBeInTheDocument();
    });

    test('a sample two patterns match says so: AWS documents no order', async () => {
      const { user } = setup({
        integration: lambda,
        siblings: [{ statusCode: '200' }, { statusCode: '500', selectionPattern: '.*input.*' }],
      });
      await user.type(screen.getByLabelText(/Lambda error regex/), 'Invalid.*');
      const row = within(screen.getByRole('table')).getByRole('row', { name: /^Invalid input: name is required / });
      expect(row).toHaveTextContent('400 (this response)');
      expect(row).toHaveTextContent(/Overlap: also matched by the pattern of 500\. AWS documents no order/);
      const other = within(screen.getByRole('table')).getByRole('row', { name: /^Not found: order 42 / });
      expect(other).not.toHaveTextContent(/Overlap/);
      expect(screen.getByLabelText(/Lambda error regex/)).toHaveAccessibleDescription(
        /and the 500 integration response's pattern \(\.\*input\.\*\) both match/,
      );
    });

    test('a pattern the preview cannot reproduce gives no verdict rather than a guess', async () => {
      const { user } = setup({ integration: lambda });
      await user.type(screen.getByLabelText(/Lambda error regex/), '\\X.*');
      expect(screen.getByRole('note')).toHaveTextContent(/Can't decide: the 400 pattern uses a construct/);
      const row = within(screen.getByRole('table')).getByRole('row', { name: /^Not found: order 42 / });
      expect(row).toHaveTextContent("Can't tell");
      // The field says it too.
      expect(screen.getByLabelText(/Lambda error regex/)).toHaveAccessibleDescription(/is not supported here/);
    });
  });

  test('lists the declared headers case-insensitively, then by code unit', () => {
    const responseParameters = Object.fromEntries(
      ['x-b', 'X-a', 'Content-Type', 'x_c', 'X-b'].map((h) => [`method.response.header.${h}`, false]),
    );
    expect(declaredHeaders({ statusCode: '200', responseParameters })).toEqual([
      'Content-Type',
      'X-a',
      'X-b',
      'x-b',
      'x_c',
    ]);
  });
});
