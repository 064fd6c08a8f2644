// Where the dashboard points: the embedded emulator, LocalStack, moto or real AWS.
export type TargetKind = 'embedded' | 'localstack' | 'moto' | 'aws' | 'custom';
export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
export type ConnectionSettings = {
  kind: TargetKind;
  /** '' = same origin (the embedded emulator served by this app); may contain `{region}`. */
  endpoint: string;
  region: string;
  credentials?: Credentials;
  /** Go through the project's /__forward route (avoids CORS/preflight problems of the target). */
  useForwarding: boolean;
  rememberCredentials: boolean;
};

export const FORWARD_PATH = '/__forward';

export const embeddedConnection: ConnectionSettings = {
  kind: 'embedded',
  endpoint: '',
  region: 'us-east-1',
  useForwarding: false,
  rememberCredentials: false,
};

/**
 * Stable, secret-free cache-key part. Different credentials can mean a different account with different data,
 * so a short one-way hash of the access key id is appended when credentials are set (the key itself is not).
 */
export function connectionScope(settings: ConnectionSettings): string {
  const base = `${settings.kind}|${resolveEndpoint(settings.endpoint, settings.region)}|${settings.region}`;
  const key = settings.credentials?.accessKeyId;
  return key ? `${base}|${fnv1a(key)}` : base;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function resolveEndpoint(endpoint: string, region: string): string {
  return endpoint.replaceAll('{region}', region).replace(/\/+$/, '');
}

const kindLabels: Record<TargetKind, string> = {
  embedded: 'Embedded demo',
  localstack: 'LocalStack',
  moto: 'moto',
  aws: 'AWS',
  custom: 'Custom endpoint',
};

export function describeTarget(settings: ConnectionSettings): string {
  if (settings.kind === 'embedded') return kindLabels.embedded;
  return `${kindLabels[settings.kind]} · ${settings.region}`;
}

export type ConnectionPreset = { id: TargetKind; label: string; settings: ConnectionSettings };

export const connectionPresets: ConnectionPreset[] = [
  { id: 'embedded', label: 'Embedded demo', settings: embeddedConnection },
  {
    id: 'localstack',
    label: 'LocalStack',
    settings: {
      kind: 'localstack',
      endpoint: 'http://localhost:4566',
      region: 'us-east-1',
      useForwarding: false,
      rememberCredentials: false,
    },
  },
  {
    id: 'moto',
    label: 'moto',
    // moto's CORS preflight is answered by its S3 backend with 403 (docs/aws/moto.md): forwarding is the default.
    settings: {
      kind: 'moto',
      endpoint: 'http://127.0.0.1:5000',
      region: 'us-east-1',
      useForwarding: true,
      rememberCredentials: false,
    },
  },
  {
    id: 'aws',
    label: 'AWS',
    settings: {
      kind: 'aws',
      endpoint: 'https://apigateway.{region}.amazonaws.com',
      region: 'us-east-1',
      useForwarding: false,
      rememberCredentials: false,
    },
  },
];
