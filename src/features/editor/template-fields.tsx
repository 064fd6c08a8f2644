import { memo, useEffect, useState, type ComponentType } from 'react';
import { Controller, useFieldArray, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { Button } from '@/components/button';
import { useInTurn } from '@/components/in-turn';
import { inputClassName } from '@/components/field';
import { fieldDomId, fieldMessageIds, FieldMessages } from './field-messages';
import { messagesFor, type FieldMessage } from './form-analysis';
import type { EditorFormValues } from '@/integration-response/form-model';
import type { VelocityCodeEditorProps } from './velocity-code-editor';

// CodeMirror's chunk, once loaded: every template's editor after the first renders it at once.
let loadedCodeEditor: ComponentType<VelocityCodeEditorProps> | undefined;
const loadCodeEditor = () => import('./velocity-code-editor').then((m) => (loadedCodeEditor = m.default));

export const SUGGESTED_CONTENT_TYPES = ['application/json', 'application/xml', 'text/html', 'text/plain'];

const textareaClassName = `${inputClassName} min-h-32 font-mono text-sm`;

interface TemplateEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  describedBy?: string;
  invalid: boolean;
  codeEditor: boolean;
}

function PlainTemplateEditor({ id, label, value, onChange, onBlur, describedBy, invalid }: TemplateEditorProps) {
  return (
    <textarea
      id={id}
      aria-label={label}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      className={textareaClassName}
      spellCheck={false}
      rows={6}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
    />
  );
}

/** CodeMirror once its chunk has loaded and its turn has come; until then (and when disabled) a plain textarea with the same label. */
export function TemplateEditor(props: TemplateEditorProps) {
  if (!props.codeEditor) return <PlainTemplateEditor {...props} />;
  return <CodeEditorWhenLoaded {...props} />;
}

function CodeEditorWhenLoaded(props: TemplateEditorProps) {
  const [Editor, setEditor] = useState(() => loadedCodeEditor);
  useEffect(() => {
    if (Editor) return;
    let live = true;
    // A failed load keeps the textarea, which edits the same value.
    loadCodeEditor().then(
      (loaded) => live && setEditor(() => loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [Editor]);
  return Editor ? <CodeEditorInTurn Editor={Editor} {...props} /> : <PlainTemplateEditor {...props} />;
}

/**
 * Each template's CodeMirror is created in a task of its own (in-turn.tsx), after its chunk has loaded: creating a
 * view is one synchronous piece of work (~13 ms here, four times that on a slow phone), and the views of a
 * response's templates, revealed together by one Suspense boundary, were one task.
 */
function CodeEditorInTurn({
  Editor,
  ...props
}: TemplateEditorProps & { Editor: ComponentType<VelocityCodeEditorProps> }) {
  if (!useInTurn()) return <PlainTemplateEditor {...props} />;
  return (
    <Editor
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      onBlur={props.onBlur}
      describedBy={props.describedBy}
      invalid={props.invalid}
    />
  );
}

// Memoised: the editor form re-renders on every keystroke and every preview result.
export const TemplateFields = memo(function TemplateFields({
  control,
  register,
  errors,
  warnings,
  codeEditor,
  onTemplateInput,
}: {
  control: Control<EditorFormValues>;
  register: UseFormRegister<EditorFormValues>;
  errors: FieldMessage[];
  warnings: FieldMessage[];
  codeEditor: boolean;
  /** Called with a row's new template before the form takes it (the preview starts rendering it at once). */
  onTemplateInput?: (index: number, template: string) => void;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: 'templates' });
  const templates = useWatch({ control, name: 'templates' });
  const used = new Set(templates.map((t) => t.contentType));
  const nextType = SUGGESTED_CONTENT_TYPES.find((t) => !used.has(t)) ?? '';
  const sectionErrors = messagesFor(errors, 'templates');

  return (
    <section aria-labelledby="ir-templates-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="ir-templates-heading" className="text-lg font-semibold text-fg">
          Response templates
        </h2>
        <p id="ir-templates-hint" className="text-sm text-fg-muted">
          One Velocity template per content type. API Gateway picks the template whose content type matches the client's
          Accept header (application/json when there is none). With no templates, the backend body passes through.
        </p>
      </div>
      <div id={fieldDomId('templates')} tabIndex={-1} className="flex flex-col gap-2">
        <FieldMessages baseId={fieldDomId('templates')} errors={sectionErrors} />
      </div>
      <datalist id="ir-content-type-suggestions">
        {SUGGESTED_CONTENT_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {fields.length === 0 ? (
        <p className="text-sm text-fg-muted">No templates: the body passes through unchanged.</p>
      ) : null}
      <ol className="flex flex-col gap-6">
        {fields.map((field, index) => {
          const contentType = templates[index]?.contentType ?? '';
          const typeField = `templates.${index}.contentType`;
          const templateField = `templates.${index}.template`;
          const typeId = fieldDomId(typeField);
          const templateId = fieldDomId(templateField);
          const typeErrors = messagesFor(errors, typeField);
          const typeWarnings = messagesFor(warnings, typeField);
          const templateErrors = messagesFor(errors, templateField);
          const templateWarnings = messagesFor(warnings, templateField);
          const typeDescribedBy = fieldMessageIds(typeId, typeErrors, typeWarnings);
          const templateDescribedBy = [
            `${templateId}-hint`,
            fieldMessageIds(templateId, templateErrors, templateWarnings),
          ]
            .filter(Boolean)
            .join(' ');
          const name = contentType || 'an empty content type';
          return (
            <li key={field.id} className="flex flex-col gap-3 rounded-md border border-border bg-surface-raised p-4">
              <div className="flex flex-wrap items-end gap-3">
                <div className="flex min-w-60 flex-1 flex-col gap-1">
                  <label htmlFor={typeId} className="text-sm font-medium text-fg">
                    Content type
                  </label>
                  <input
                    id={typeId}
                    list="ir-content-type-suggestions"
                    autoComplete="off"
                    spellCheck={false}
                    className={`${inputClassName} font-mono`}
                    aria-describedby={typeDescribedBy}
                    aria-invalid={typeErrors.length > 0 || undefined}
                    {...register(`templates.${index}.contentType`)}
                  />
                  <FieldMessages baseId={typeId} errors={typeErrors} warnings={typeWarnings} />
                </div>
                <Button variant="secondary" onClick={() => remove(index)}>
                  Remove<span className="sr-only"> the template for {name}</span>
                </Button>
              </div>
              <div className="flex flex-col gap-1">
                <span className="text-sm font-medium text-fg" id={`${templateId}-label`}>
                  Mapping template for <code className="font-mono">{name}</code>
                </span>
                <p id={`${templateId}-hint`} className="text-sm text-fg-muted">
                  Velocity (VTL): for example <code className="font-mono">$input.json('$')</code>. Empty means no
                  mapping for this content type.
                </p>
                <Controller
                  control={control}
                  name={`templates.${index}.template`}
                  render={({ field: f }) => (
                    <TemplateEditor
                      id={templateId}
                      label={`Mapping template for ${name}`}
                      value={f.value}
                      onChange={(value) => {
                        onTemplateInput?.(index, value);
                        f.onChange(value);
                      }}
                      onBlur={f.onBlur}
                      describedBy={templateDescribedBy || undefined}
                      invalid={templateErrors.length > 0}
                      codeEditor={codeEditor}
                    />
                  )}
                />
                {/* After the editor: its JSON warning comes and goes while typing. */}
                <FieldMessages baseId={templateId} errors={templateErrors} warnings={templateWarnings} />
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          variant="secondary"
          onClick={() =>
            append({ contentType: nextType, template: '' }, { focusName: `templates.${fields.length}.contentType` })
          }
        >
          Add a template
        </Button>
      </div>
    </section>
  );
});
