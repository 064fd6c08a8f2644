import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { createApiGatewayClient } from '@/api/client';
import { FORWARD_PATH, describeTarget, type ConnectionSettings, type TargetKind } from '@/api/connection';
import { awsCommercialRegions } from '@/rules/aws-regions';
import { useConnection } from '@/api/connection-provider';
import { Button } from '@/components/button';
import { ErrorSummary, type FormError } from '@/components/error-summary';
import { CheckboxField, Field, inputClassName } from '@/components/field';
import { Notice } from '@/components/notice';
import { PageLayout } from '@/components/page-layout';
import { ErrorState } from '@/components/query-state';
import {
  applyPreset,
  connectionFormSchema,
  settingsFromValues,
  valuesFromSettings,
  type ConnectionFormValues,
} from './connection-form';

const targetOptions: { kind: TargetKind; label: string; hint: string }[] = [
  {
    kind: 'embedded',
    label: 'Embedded demo',
    hint: 'The emulator built into this app, with demo data. Nothing leaves this machine.',
  },
  { kind: 'localstack', label: 'LocalStack', hint: 'A LocalStack container, by default on http://localhost:4566.' },
  {
    kind: 'moto',
    label: 'moto_server',
    hint: "moto's standalone server. Requests go through this app's forwarding route because moto rejects browser preflight requests.",
  },
  { kind: 'aws', label: 'AWS', hint: 'Real API Gateway in an AWS region. Changes are real.' },
  { kind: 'custom', label: 'Custom endpoint', hint: 'Any API Gateway compatible endpoint.' },
];

type TestResult =
  { ok: true; latencyMs: number; count: number; target: string } | { ok: false; error: unknown; target: string };

function clientFor(settings: ConnectionSettings) {
  return createApiGatewayClient({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: settings.credentials,
    forwardThrough: settings.useForwarding && settings.endpoint !== '' ? FORWARD_PATH : undefined,
    // A test should answer quickly; the default retries would hide an unreachable endpoint for a long time.
    maxRetries: 0,
    timeoutMs: 10_000,
  });
}

const fieldIds: Record<keyof ConnectionFormValues, string> = {
  kind: 'connection-kind',
  endpoint: 'connection-endpoint',
  region: 'connection-region',
  useForwarding: 'connection-forwarding',
  accessKeyId: 'connection-access-key-id',
  secretAccessKey: 'connection-secret',
  sessionToken: 'connection-session-token',
  rememberCredentials: 'connection-remember',
};

/** The secret-bearing inputs: shown as password fields, never autocompleted or spell-checked. */
const credentialFields = [
  { name: 'accessKeyId', label: 'Access key id' },
  { name: 'secretAccessKey', label: 'Secret access key' },
  { name: 'sessionToken', label: 'Session token (optional)', hint: 'Only for temporary credentials.' },
] as const satisfies readonly { name: keyof ConnectionFormValues; label: string; hint?: string }[];

const resolver = zodResolver(connectionFormSchema);

export function ConnectionPage() {
  const { settings, setSettings } = useConnection();
  const { control, register, handleSubmit, reset, getValues, setValue, subscribe, formState } =
    useForm<ConnectionFormValues>({
      defaultValues: valuesFromSettings(settings),
      resolver,
      // The error summary takes focus (GOV.UK); react-hook-form must not move it to the first field afterwards.
      shouldFocusError: false,
    });
  const values = useWatch({ control });
  const errors = formState.errors;
  const [summary, setSummary] = useState<FormError[]>([]);
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const kindName = useId();

  // Any edit makes "Now connected to …" stale.
  useEffect(() => subscribe({ formState: { values: true }, callback: () => setSaved(null) }), [subscribe]);

  const showSummary = (errs: FieldErrors<ConnectionFormValues>) =>
    setSummary(
      (Object.keys(fieldIds) as (keyof ConnectionFormValues)[]).flatMap((k) => {
        const message = errs[k]?.message;
        return message ? [{ fieldId: fieldIds[k], message }] : [];
      }),
    );

  const whenValid = (then: (s: ConnectionSettings) => void | Promise<void>) =>
    handleSubmit((v) => {
      setSummary([]);
      return then(settingsFromValues(v));
    }, showSummary);

  async function testConnection(s: ConnectionSettings) {
    setTesting(true);
    setResult(null);
    const started = performance.now();
    try {
      const page = await clientFor(s).getRestApis({ limit: 25 });
      setResult({
        ok: true,
        latencyMs: Math.round(performance.now() - started),
        count: page.items.length,
        target: describeTarget(s),
      });
    } catch (error) {
      setResult({ ok: false, error, target: describeTarget(s) });
    } finally {
      setTesting(false);
    }
  }

  function save(s: ConnectionSettings) {
    setSettings(s);
    setSaved(describeTarget(s));
  }

  const isEmbedded = values.kind === 'embedded';

  return (
    <PageLayout
      title="Connection"
      hasError={summary.length > 0}
      intro="Choose which API Gateway the dashboard talks to. The current target is shown in the header on every page."
    >
      <ErrorSummary errors={summary} />
      <form onSubmit={(e) => void whenValid(save)(e)} noValidate className="flex max-w-2xl flex-col gap-6">
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-semibold">Target</legend>
          {targetOptions.map((o, i) => {
            const id = i === 0 ? fieldIds.kind : `${fieldIds.kind}-${o.kind}`;
            return (
              <div key={o.kind} className="flex items-start gap-3">
                <input
                  id={id}
                  type="radio"
                  name={kindName}
                  className="mt-1 size-4 shrink-0 accent-accent"
                  checked={values.kind === o.kind}
                  onChange={() => {
                    reset(applyPreset(getValues(), o.kind));
                    setResult(null);
                    setSaved(null);
                  }}
                  aria-describedby={`${id}-hint`}
                />
                <div>
                  <label htmlFor={id} className="font-medium">
                    {o.label}
                  </label>
                  <p id={`${id}-hint`} className="text-sm text-fg-muted">
                    {o.hint}
                  </p>
                </div>
              </div>
            );
          })}
        </fieldset>

        {!isEmbedded ? (
          <>
            <Field
              id={fieldIds.endpoint}
              label="Endpoint URL"
              hint="{region} is replaced by the region."
              error={errors.endpoint?.message}
            >
              {(p) => (
                <input
                  {...p}
                  {...register('endpoint')}
                  className={`${inputClassName} font-mono`}
                  autoComplete="url"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field id={fieldIds.region} label="Region" error={errors.region?.message}>
              {(p) =>
                values.kind === 'aws' ? (
                  <select {...p} {...register('region')} className={inputClassName}>
                    {awsCommercialRegions.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...p}
                    {...register('region')}
                    className={`${inputClassName} max-w-xs font-mono`}
                    autoComplete="off"
                    spellCheck={false}
                  />
                )
              }
            </Field>
            <CheckboxField
              label="Forward through this app"
              hint="Sends requests via this dashboard's own server, which avoids the target's cross-origin (CORS) restrictions."
              checked={values.useForwarding ?? false}
              onChange={(c) => setValue('useForwarding', c)}
            />
            <fieldset className="flex flex-col gap-4">
              <legend className="mb-2 text-lg font-semibold">Credentials</legend>
              <p className="-mt-2 text-sm text-fg-muted">
                Used to sign requests (AWS Signature Version 4). Emulators usually accept any value, like “test”.
              </p>
              {credentialFields.map((f) => (
                <Field
                  key={f.name}
                  id={fieldIds[f.name]}
                  label={f.label}
                  hint={'hint' in f ? f.hint : undefined}
                  error={errors[f.name]?.message}
                >
                  {(p) => (
                    <input
                      {...p}
                      {...register(f.name)}
                      type="password"
                      className={`${inputClassName} font-mono`}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  )}
                </Field>
              ))}
              <CheckboxField
                label="Remember on this device"
                hint="Stores the credentials unencrypted in this browser's local storage, where anyone using this browser profile, and any script running on this page, can read them. Leave this off on shared computers. Without it, credentials stay only in this tab's memory and are gone after a reload."
                checked={values.rememberCredentials ?? false}
                onChange={(c) => setValue('rememberCredentials', c)}
              />
            </fieldset>
          </>
        ) : null}

        <div className="flex flex-wrap gap-3">
          <Button type="submit">Save and use this connection</Button>
          <Button
            variant="secondary"
            onClick={() => void whenValid(testConnection)()}
            busy={testing}
            disabled={testing}
          >
            Test connection
          </Button>
        </div>
      </form>

      <div aria-live="polite" className="max-w-2xl">
        {saved ? <Notice tone="success" title={`Now connected to ${saved}`} /> : null}
        {testing ? <p className="text-sm text-fg-muted">Testing…</p> : null}
        {result?.ok ? (
          <Notice tone="success" title={`Connection works: ${result.target}`}>
            <p>
              GetRestApis answered in {result.latencyMs} ms with {result.count === 25 ? '25 or more' : result.count} API
              {result.count === 1 ? '' : 's'}.
            </p>
          </Notice>
        ) : null}
        {result && !result.ok ? (
          <div className="flex flex-col gap-2">
            <p className="font-semibold">Connection test failed: {result.target}</p>
            <ErrorState error={result.error} />
          </div>
        ) : null}
      </div>
    </PageLayout>
  );
}
