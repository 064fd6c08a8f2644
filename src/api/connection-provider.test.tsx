// Settings persistence: settings in sessionStorage, secrets only in localStorage and only when asked to remember.
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, expect, test } from 'vitest';
import {
  CREDENTIALS_STORAGE_KEY,
  ConnectionProvider,
  SETTINGS_STORAGE_KEY,
  useConnection,
} from './connection-provider';
import { connectionPresets, embeddedConnection } from './connection';
import type { ConnectionSettings } from './connection';

const wrapper = ({ children }: { children: ReactNode }) => <ConnectionProvider>{children}</ConnectionProvider>;
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

test('starts on the embedded demo', () => {
  const { result } = renderHook(() => useConnection(), { wrapper });
  expect(result.current.settings).toEqual(embeddedConnection);
  expect(result.current.scope).toBe('embedded||us-east-1');
});

test('without "remember", credentials are kept in memory only', () => {
  const { result } = renderHook(() => useConnection(), { wrapper });
  const aws: ConnectionSettings = {
    ...(connectionPresets.find((p) => p.id === 'aws')?.settings ?? embeddedConnection),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: secret },
  };
  const before = result.current.client;
  act(() => result.current.setSettings(aws));
  expect(result.current.settings.credentials?.secretAccessKey).toBe(secret);
  expect(result.current.client).not.toBe(before);
  expect(result.current.scope).toMatch(
    /^aws\|https:\/\/apigateway\.eu-west-1\.amazonaws\.com\|eu-west-1\|[0-9a-f]{8}$/,
  );
  expect(result.current.scope).not.toContain('AKIAEXAMPLE');
  expect(sessionStorage.getItem(SETTINGS_STORAGE_KEY)).not.toContain(secret);
  expect(localStorage.getItem(CREDENTIALS_STORAGE_KEY)).toBeNull();

  // A reload restores the target but not the secret.
  const { result: reloaded } = renderHook(() => useConnection(), { wrapper });
  expect(reloaded.current.settings.region).toBe('eu-west-1');
  expect(reloaded.current.settings.credentials).toBeUndefined();
});

test('with "remember", credentials survive a reload via localStorage, and are wiped when unticked', () => {
  const { result } = renderHook(() => useConnection(), { wrapper });
  const creds = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: secret, sessionToken: 'tok' };
  act(() =>
    result.current.setSettings({
      ...embeddedConnection,
      kind: 'custom',
      endpoint: 'http://127.0.0.1:9',
      credentials: creds,
      rememberCredentials: true,
    }),
  );
  expect(sessionStorage.getItem(SETTINGS_STORAGE_KEY)).not.toContain(secret);
  const { result: reloaded } = renderHook(() => useConnection(), { wrapper });
  expect(reloaded.current.settings.credentials).toEqual(creds);
  act(() => reloaded.current.setSettings({ ...reloaded.current.settings, rememberCredentials: false }));
  expect(localStorage.getItem(CREDENTIALS_STORAGE_KEY)).toBeNull();
});

test('useConnection outside the provider fails loudly', () => {
  expect(() => renderHook(() => useConnection())).toThrow(/ConnectionProvider/);
});
