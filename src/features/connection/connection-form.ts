import * as z from 'zod/mini';
import type { ConnectionSettings, TargetKind } from '@/api/connection';
import { connectionPresets, embeddedConnection } from '@/api/connection';

export type ConnectionFormValues = {
  kind: TargetKind;
  endpoint: string;
  region: string;
  useForwarding: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  rememberCredentials: boolean;
};

export type ConnectionFormErrors = Partial<Record<keyof ConnectionFormValues, string>>;

export function valuesFromSettings(s: ConnectionSettings): ConnectionFormValues {
  return {
    kind: s.kind,
    endpoint: s.endpoint,
    region: s.region,
    useForwarding: s.useForwarding,
    accessKeyId: s.credentials?.accessKeyId ?? '',
    secretAccessKey: s.credentials?.secretAccessKey ?? '',
    sessionToken: s.credentials?.sessionToken ?? '',
    rememberCredentials: s.rememberCredentials,
  };
}

/** Switching preset resets endpoint/region/forwarding to the preset's, keeping typed credentials. */
export function applyPreset(values: ConnectionFormValues, kind: TargetKind): ConnectionFormValues {
  const preset = connectionPresets.find((p) => p.id === kind)?.settings;
  const base =
    preset ??
    (kind === 'custom'
      ? { endpoint: '', region: values.region || 'us-east-1', useForwarding: true }
      : embeddedConnection);
  return { ...values, kind, endpoint: base.endpoint, region: base.region, useForwarding: base.useForwarding };
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function validateConnection(v: ConnectionFormValues): ConnectionFormErrors {
  const errors: ConnectionFormErrors = {};
  if (v.kind !== 'embedded') {
    const endpoint = v.endpoint.trim();
    if (endpoint === '') errors.endpoint = 'Enter the endpoint URL, like http://127.0.0.1:4566';
    else {
      let ok = false;
      try {
        const u = new URL(endpoint.replaceAll('{region}', v.region || 'us-east-1'));
        ok = u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        ok = false;
      }
      if (!ok) errors.endpoint = 'Enter the endpoint as a full URL starting with http:// or https://';
    }
    if (!REGION.test(v.region.trim())) errors.region = 'Enter a region, like us-east-1';
    const hasKey = v.accessKeyId.trim() !== '';
    const hasSecret = v.secretAccessKey !== '';
    if (v.kind === 'aws' && !hasKey) errors.accessKeyId = 'Enter the access key id';
    else if (hasSecret && !hasKey) errors.accessKeyId = 'Enter the access key id that goes with the secret';
    if ((v.kind === 'aws' || hasKey) && !hasSecret) errors.secretAccessKey = 'Enter the secret access key';
  }
  return errors;
}

export function settingsFromValues(v: ConnectionFormValues): ConnectionSettings {
  if (v.kind === 'embedded') return embeddedConnection;
  const hasKey = v.accessKeyId.trim() !== '';
  return {
    kind: v.kind,
    endpoint: v.endpoint.trim(),
    region: v.region.trim(),
    useForwarding: v.useForwarding,
    rememberCredentials: hasKey && v.rememberCredentials,
    credentials: hasKey
      ? {
          accessKeyId: v.accessKeyId.trim(),
          secretAccessKey: v.secretAccessKey,
          ...(v.sessionToken.trim() ? { sessionToken: v.sessionToken.trim() } : {}),
        }
      : undefined,
  };
}

const targetKinds = ['embedded', 'localstack', 'moto', 'aws', 'custom'] as const satisfies readonly TargetKind[];

/** The form's schema (react-hook-form's resolver): the shape from zod, the rules from validateConnection. */
export const connectionFormSchema = z
  .object({
    kind: z.enum(targetKinds),
    endpoint: z.string(),
    region: z.string(),
    useForwarding: z.boolean(),
    accessKeyId: z.string(),
    secretAccessKey: z.string(),
    sessionToken: z.string(),
    rememberCredentials: z.boolean(),
  })
  .check(
    z.superRefine((values, ctx) => {
      for (const [field, message] of Object.entries(validateConnection(values))) {
        ctx.addIssue({ code: 'custom', message, path: [field] });
      }
    }),
  );
