// Connection settings for the whole app. Settings live in sessionStorage (per tab); credentials are written to
// localStorage only when the user asked to remember them, and never into sessionStorage.
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiGatewayClient } from './client';
import { createApiGatewayClient } from './client';
import type { ConnectionSettings, Credentials } from './connection';
import { FORWARD_PATH, connectionScope, embeddedConnection } from './connection';

export const SETTINGS_STORAGE_KEY = 'irs.connection';
export const CREDENTIALS_STORAGE_KEY = 'irs.credentials';

type ConnectionContextValue = {
  settings: ConnectionSettings;
  setSettings(s: ConnectionSettings): void;
  client: ApiGatewayClient;
  scope: string;
};

const ConnectionContext = createContext<ConnectionContextValue | null>(null);

function safeStorage(kind: 'session' | 'local'): Storage | undefined {
  try {
    return kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
  } catch {
    // Storage access throws in some privacy modes; the app still works, it just forgets.
    return undefined;
  }
}

function isCredentials(v: unknown): v is Credentials {
  return (
    typeof v === 'object' &&
    v !== null &&
    'accessKeyId' in v &&
    typeof v.accessKeyId === 'string' &&
    'secretAccessKey' in v &&
    typeof v.secretAccessKey === 'string'
  );
}

const kinds = new Set(['embedded', 'localstack', 'moto', 'aws', 'custom']);

export function loadSettings(): ConnectionSettings | undefined {
  const raw = safeStorage('session')?.getItem(SETTINGS_STORAGE_KEY);
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return undefined;
    const o = v as Record<string, unknown>;
    if (
      typeof o.kind !== 'string' ||
      !kinds.has(o.kind) ||
      typeof o.endpoint !== 'string' ||
      typeof o.region !== 'string'
    )
      return undefined;
    const settings: ConnectionSettings = {
      kind: o.kind as ConnectionSettings['kind'],
      endpoint: o.endpoint,
      region: o.region,
      useForwarding: o.useForwarding === true,
      rememberCredentials: o.rememberCredentials === true,
    };
    if (settings.rememberCredentials) {
      const c: unknown = JSON.parse(safeStorage('local')?.getItem(CREDENTIALS_STORAGE_KEY) ?? 'null');
      if (isCredentials(c)) settings.credentials = c;
    }
    return settings;
  } catch {
    return undefined;
  }
}

export function saveSettings(settings: ConnectionSettings): void {
  const { credentials, ...rest } = settings;
  safeStorage('session')?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(rest));
  const local = safeStorage('local');
  if (settings.rememberCredentials && credentials) local?.setItem(CREDENTIALS_STORAGE_KEY, JSON.stringify(credentials));
  else local?.removeItem(CREDENTIALS_STORAGE_KEY);
}

/** The API client for a connection; main.tsx uses it to start the first page's request before React renders. */
export function clientFor(
  settings: Pick<ConnectionSettings, 'endpoint' | 'region' | 'credentials' | 'useForwarding'>,
  fetchImpl?: typeof fetch,
): ApiGatewayClient {
  return createApiGatewayClient({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: settings.credentials,
    forwardThrough: settings.useForwarding && settings.endpoint !== '' ? FORWARD_PATH : undefined,
    fetchImpl,
  });
}

export function ConnectionProvider(props: { children: ReactNode; initial?: ConnectionSettings }) {
  const [settings, setState] = useState<ConnectionSettings>(
    () => props.initial ?? loadSettings() ?? embeddedConnection,
  );
  const setSettings = useCallback((s: ConnectionSettings) => {
    saveSettings(s);
    setState(s);
  }, []);
  const { endpoint, region, credentials, useForwarding } = settings;
  const client = useMemo(
    () => clientFor({ endpoint, region, credentials, useForwarding }),
    [endpoint, region, credentials, useForwarding],
  );
  const scope = connectionScope(settings);
  const value = useMemo(() => ({ settings, setSettings, client, scope }), [settings, setSettings, client, scope]);
  return <ConnectionContext.Provider value={value}>{props.children}</ConnectionContext.Provider>;
}

export function useConnection(): ConnectionContextValue {
  const ctx = useContext(ConnectionContext);
  if (!ctx) throw new Error('useConnection must be used inside <ConnectionProvider>.');
  return ctx;
}
