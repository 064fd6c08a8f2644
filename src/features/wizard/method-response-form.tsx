import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { usePutMethodResponse } from '@/api/mutations';
import type { ResponseRef } from '@/api/refs';
import { Button } from '@/components/button';
import { Field, inputClassName } from '@/components/field';
import { ErrorState } from '@/components/query-state';
import { responseHeaderKey } from '@/rules/mapping-expression';
import { headerNameError } from './status-code-choice';

type MethodResponseFormValues = { headers: { name: string; required: boolean }[] };

/** Each header name checked by headerNameError, against the names declared above it. */
const methodResponseFormSchema = z
  .object({ headers: z.array(z.object({ name: z.string(), required: z.boolean() })) })
  .check(
    z.superRefine((values, ctx) => {
      values.headers.forEach((row, i) => {
        const message = headerNameError(
          row.name,
          values.headers.slice(0, i).map((h) => h.name),
        );
        if (message) ctx.addIssue({ code: 'custom', message, path: ['headers', i, 'name'] });
      });
    }),
  );

const resolver = zodResolver(methodResponseFormSchema);

/** PutMethodResponse for a status code, with optional header declarations (name + required). */
export function MethodResponseForm({
  target: ref,
  onCreated,
}: {
  target: ResponseRef;
  onCreated?: (statusCode: string) => void;
}) {
  const put = usePutMethodResponse();
  const { control, register, handleSubmit, formState } = useForm<MethodResponseFormValues>({
    defaultValues: { headers: [] },
    resolver,
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'headers' });
  const baseId = useId();

  const create = handleSubmit(async ({ headers }) => {
    const responseParameters = Object.fromEntries(
      headers.map((h) => [responseHeaderKey(h.name.trim()), h.required] as const),
    );
    // mutateAsync, not mutate callbacks: the refetch after success re-renders the parent, which may unmount this
    // form before per-call callbacks would run.
    await put.mutateAsync({ ...ref, body: headers.length ? { responseParameters } : {} }).then(
      () => onCreated?.(ref.statusCode),
      () => undefined, // shown from put.error
    );
  });

  return (
    // A nested <form> is invalid HTML, so this is a group submitted by its own button.
    <div role="group" aria-labelledby={`${baseId}-title`} className="flex flex-col gap-3">
      <h3 id={`${baseId}-title`} className="font-semibold">
        Create method response {ref.statusCode}
      </h3>
      <p className="text-sm text-fg-muted">
        Declare the headers the integration response may map (optional). A required header must be set by every response
        with this status code.
      </p>
      {fields.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {fields.map((row, i) => (
            <li key={row.id} className="flex flex-wrap items-end gap-3">
              <Field
                id={`${baseId}-h${row.id}`}
                label={`Header ${i + 1} name`}
                error={formState.errors.headers?.[i]?.name?.message}
                className="flex min-w-56 flex-col gap-1"
              >
                {(p) => (
                  <input
                    {...p}
                    {...register(`headers.${i}.name`)}
                    className={`${inputClassName} font-mono`}
                    autoComplete="off"
                    spellCheck={false}
                  />
                )}
              </Field>
              <label className="flex items-center gap-2 pb-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 shrink-0 accent-accent"
                  {...register(`headers.${i}.required`)}
                />
                Required
              </label>
              <Button variant="secondary" className="mb-0.5" onClick={() => remove(i)}>
                Remove<span className="sr-only"> header {i + 1}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => append({ name: '', required: false }, { shouldFocus: false })}>
          Add a header
        </Button>
        <Button onClick={() => void create()} busy={put.isPending} disabled={put.isPending}>
          Create method response {ref.statusCode}
        </Button>
      </div>
      {put.isError ? <ErrorState error={put.error} /> : null}
    </div>
  );
}
