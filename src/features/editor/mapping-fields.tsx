import { memo, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import {
  Controller,
  useFieldArray,
  useWatch,
  type Control,
  type UseFormRegister,
  type UseFormSetValue,
} from 'react-hook-form';
import { Button } from '@/components/button';
import { inputClassName } from '@/components/field';
import { isValidHeaderName } from '@/rules/mapping-expression';
import { fieldDomId, fieldMessageIds, FieldMessages } from './field-messages';
import { messagesFor, warningsFor, type FieldMessage } from './form-analysis';
import type { MappingPreview } from './preview-model';
import {
  changeMappingKind,
  mappingRowExpression,
  type EditorFormValues,
  type MappingRow,
  type MappingSourceKind,
} from '@/integration-response/form-model';

const selectClassName = `${inputClassName} pr-8`;

const valueLabels: Record<MappingSourceKind, { label: string; hint?: string; placeholder?: string }> = {
  static: { label: 'Static value', hint: 'Type the text only: the quotes AWS needs are added for you.' },
  header: { label: 'Integration response header name', placeholder: 'X-Request-Id' },
  body: {
    label: 'JSONPath in the body, without $',
    hint: 'For example data.id. Leave empty to map the whole body.',
    placeholder: 'data.id',
  },
  multivalueheader: { label: 'Integration response header name (all values)', placeholder: 'Set-Cookie' },
  stageVariable: { label: 'Stage variable name', placeholder: 'environment' },
  context: { label: 'Context variable', placeholder: 'requestId' },
  expression: { label: 'AWS mapping expression', hint: 'Written exactly as AWS stores it.' },
};

// Memoised: the editor form re-renders on every keystroke and every preview result.
export const MappingFields = memo(function MappingFields({
  control,
  register,
  setValue,
  errors,
  warnings,
  declaredHeaders,
  statusCode,
  hasMethodResponse,
  stagedHeaders,
  onDeclareHeader,
  onUnstageHeader,
  previewFor,
}: {
  control: Control<EditorFormValues>;
  register: UseFormRegister<EditorFormValues>;
  setValue: UseFormSetValue<EditorFormValues>;
  errors: FieldMessage[];
  warnings: FieldMessage[];
  declaredHeaders: string[];
  statusCode: string;
  hasMethodResponse: boolean;
  /** Headers declared in this edit: sent with the integration response, before it (declaredHeaders lists them too). */
  stagedHeaders: string[];
  onDeclareHeader: (name: string) => void;
  onUnstageHeader: (name: string) => void;
  previewFor: (row: MappingRow) => MappingPreview;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: 'mappings' });
  const rows = useWatch({ control, name: 'mappings' });
  const [declareOpen, setDeclareOpen] = useState(false);
  const [newHeader, setNewHeader] = useState('');
  const [newHeaderError, setNewHeaderError] = useState<string | null>(null);
  const sectionErrors = messagesFor(errors, 'mappings');

  const declare = () => {
    const name = newHeader.trim();
    if (name === '') return setNewHeaderError('Enter a header name');
    if (!isValidHeaderName(name))
      return setNewHeaderError("A header name can contain only letters, digits and !#$%&'*+-.^_`|~");
    if (declaredHeaders.includes(name)) return setNewHeaderError(`${name} is already declared`);
    setNewHeaderError(null);
    onDeclareHeader(name);
    setNewHeader('');
    setDeclareOpen(false);
    // Use the new header straight away: fill the first row still waiting for a header, or add a row.
    const waiting = rows.findIndex((row) => row.header === '');
    if (waiting >= 0) setValue(`mappings.${waiting}.header`, name, { shouldDirty: true });
    else append({ header: name, kind: 'static', value: '' }, { focusName: `mappings.${rows.length}.value` });
  };

  const onNewHeaderKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter would submit the whole editor form; here it means "declare".
    if (e.key === 'Enter') {
      e.preventDefault();
      declare();
    }
  };

  return (
    <section aria-labelledby="ir-mappings-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="ir-mappings-heading" className="text-lg font-semibold text-fg">
          Header mappings
        </h2>
        <p className="text-sm text-fg-muted">
          Set response headers from the backend's response. AWS only accepts headers declared on the method response for{' '}
          {statusCode}
          {declaredHeaders.length > 0
            ? ` (declared: ${declaredHeaders.join(', ')})`
            : hasMethodResponse
              ? ' (none declared yet)'
              : ''}
          .
        </p>
      </div>
      {stagedHeaders.length > 0 ? (
        <div className="flex flex-col gap-2 rounded-md border-l-4 border-accent bg-surface-sunken px-4 py-3 text-sm">
          <p className="font-medium text-fg">
            To declare on the method response for {statusCode} when you send (not sent yet):
          </p>
          <ul className="flex flex-col gap-2" aria-label="Headers to declare when you send">
            {stagedHeaders.map((name) => (
              <li key={name} className="flex flex-wrap items-center gap-3">
                <code className="font-mono text-fg">{name}</code>
                <Button variant="secondary" onClick={() => onUnstageHeader(name)}>
                  Don&apos;t declare {name}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div id={fieldDomId('mappings')} tabIndex={-1} className="flex flex-col gap-2">
        <FieldMessages baseId={fieldDomId('mappings')} errors={sectionErrors} />
      </div>
      {fields.length === 0 ? <p className="text-sm text-fg-muted">No header mappings.</p> : null}
      <ol className="flex flex-col gap-4">
        {fields.map((field, index) => {
          const row = rows[index] ?? { header: '', kind: 'static' as const, value: '' };
          const headerField = `mappings.${index}.header`;
          const valueField = `mappings.${index}.value`;
          const headerId = fieldDomId(headerField);
          const kindId = fieldDomId(`mappings.${index}.kind`);
          const valueId = fieldDomId(valueField);
          const headerErrors = messagesFor(errors, headerField);
          const headerWarnings = messagesFor(warnings, headerField);
          const valueErrors = messagesFor(errors, valueField);
          const valueWarnings = warningsFor(warnings, valueField);
          const meta = valueLabels[row.kind];
          const options =
            row.header !== '' && !declaredHeaders.includes(row.header)
              ? [...declaredHeaders, row.header]
              : declaredHeaders;
          const expression =
            row.header === '' && row.value === '' && row.kind !== 'body' ? '' : mappingRowExpression(row);
          const preview = previewFor(row);
          const rowName = row.header || `row ${index + 1}`;
          return (
            <li key={field.id} className="flex flex-col gap-3 rounded-md border border-border bg-surface-raised p-4">
              <div className="grid gap-3 md:grid-cols-3">
                <div className="flex flex-col gap-1">
                  <label htmlFor={headerId} className="text-sm font-medium text-fg">
                    Response header
                  </label>
                  <Controller
                    control={control}
                    name={`mappings.${index}.header`}
                    render={({ field: f }) => (
                      // Controlled: the current header may be one that is not declared, offered only for this row.
                      <select
                        id={headerId}
                        ref={f.ref}
                        name={f.name}
                        value={f.value}
                        onChange={f.onChange}
                        onBlur={f.onBlur}
                        className={selectClassName}
                        aria-describedby={fieldMessageIds(headerId, headerErrors, headerWarnings)}
                        aria-invalid={headerErrors.length > 0 || undefined}
                      >
                        <option value="">Choose a header</option>
                        {options.map((h) => (
                          <option key={h} value={h}>
                            {!declaredHeaders.includes(h)
                              ? `${h} (not declared)`
                              : stagedHeaders.includes(h)
                                ? `${h} (declared when sent)`
                                : h}
                          </option>
                        ))}
                      </select>
                    )}
                  />
                  <FieldMessages baseId={headerId} errors={headerErrors} warnings={headerWarnings} />
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor={kindId} className="text-sm font-medium text-fg">
                    Source
                  </label>
                  <select
                    id={kindId}
                    className={selectClassName}
                    {...register(`mappings.${index}.kind`, {
                      onChange: (e: ChangeEvent<HTMLSelectElement>) => {
                        const next = changeMappingKind(row, e.target.value as MappingSourceKind);
                        if (next.value !== row.value)
                          setValue(`mappings.${index}.value`, next.value, { shouldDirty: true });
                      },
                    })}
                  >
                    <option value="static">Static value</option>
                    <option value="header">Integration response header</option>
                    <option value="body">Integration response body</option>
                    <optgroup label="Other">
                      <option value="multivalueheader">Integration response header, all values</option>
                      <option value="stageVariable">Stage variable</option>
                      <option value="context">Context variable</option>
                      <option value="expression">AWS expression (as typed)</option>
                    </optgroup>
                  </select>
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor={valueId} className="text-sm font-medium text-fg">
                    {meta.label}
                  </label>
                  {meta.hint ? (
                    <p id={`${valueId}-hint`} className="text-sm text-fg-muted">
                      {meta.hint}
                    </p>
                  ) : null}
                  <input
                    id={valueId}
                    className={`${inputClassName} ${row.kind === 'static' ? '' : 'font-mono'}`}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder={meta.placeholder}
                    aria-describedby={
                      [meta.hint ? `${valueId}-hint` : null, fieldMessageIds(valueId, valueErrors, valueWarnings)]
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                    aria-invalid={valueErrors.length > 0 || undefined}
                    {...register(`mappings.${index}.value`)}
                  />
                  {/* After the field, not between label and field: a warning appearing while typing must not move it. */}
                  <FieldMessages
                    baseId={valueId}
                    errors={valueErrors}
                    warnings={valueWarnings}
                    onFix={(value) => setValue(`mappings.${index}.value`, value, { shouldDirty: true })}
                  />
                </div>
              </div>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <dl className="flex flex-col gap-1 text-sm">
                  <div className="flex flex-wrap gap-2">
                    <dt className="text-fg-muted">AWS expression:</dt>
                    <dd>
                      <code
                        className="rounded bg-surface-sunken px-1.5 py-0.5 font-mono break-all text-fg"
                        data-testid="mapping-expression"
                      >
                        {expression || '—'}
                      </code>
                    </dd>
                  </div>
                  {preview ? (
                    <div className="flex flex-wrap gap-2">
                      <dt className="text-fg-muted">With the sample response:</dt>
                      <dd data-testid="mapping-preview">
                        {'value' in preview ? (
                          <code className="rounded bg-surface-sunken px-1.5 py-0.5 font-mono break-all text-fg">
                            {preview.value}
                          </code>
                        ) : (
                          <span className="text-fg-muted">{preview.missing}</span>
                        )}
                      </dd>
                    </div>
                  ) : null}
                </dl>
                <div className="flex flex-wrap gap-3">
                  {row.header !== '' && !declaredHeaders.includes(row.header) ? (
                    <Button variant="secondary" onClick={() => onDeclareHeader(row.header)}>
                      Declare {row.header}
                      <span className="sr-only"> on the method response for {statusCode}</span>
                    </Button>
                  ) : null}
                  <Button variant="secondary" onClick={() => remove(index)}>
                    Remove<span className="sr-only"> the mapping for {rowName}</span>
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() =>
            append(
              {
                header: declaredHeaders.find((h) => !rows.some((r) => r.header === h)) ?? '',
                kind: 'static',
                value: '',
              },
              { focusName: `mappings.${fields.length}.header` },
            )
          }
        >
          Add a header mapping
        </Button>
        <Button
          variant="secondary"
          aria-expanded={declareOpen}
          aria-controls="ir-declare-header"
          onClick={() => setDeclareOpen((o) => !o)}
        >
          Declare a new header
        </Button>
      </div>
      {declareOpen ? (
        <div
          id="ir-declare-header"
          className="flex flex-col gap-2 rounded-md border border-border bg-surface-sunken p-4"
        >
          <label htmlFor="ir-new-header" className="text-sm font-medium text-fg">
            New header name
          </label>
          <p id="ir-new-header-hint" className="text-sm text-fg-muted">
            {hasMethodResponse
              ? `Adds it to the method response for ${statusCode} as an optional header when you send this change.`
              : `Creates the method response for ${statusCode} with this optional header when you send this change.`}{' '}
            Nothing is sent now: the review shows the request.
          </p>
          <FieldMessages baseId="ir-new-header" errors={newHeaderError ? [newHeaderError] : []} />
          <div className="flex flex-wrap gap-3">
            <input
              id="ir-new-header"
              className={`${inputClassName} max-w-80 font-mono`}
              autoComplete="off"
              spellCheck={false}
              value={newHeader}
              aria-describedby={['ir-new-header-hint', newHeaderError ? 'ir-new-header-errors' : null]
                .filter(Boolean)
                .join(' ')}
              aria-invalid={newHeaderError ? true : undefined}
              onChange={(e) => setNewHeader(e.target.value)}
              onKeyDown={onNewHeaderKeyDown}
            />
            <Button variant="primary" onClick={declare}>
              Declare header
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
});
