import { describe, expect, test } from 'vitest';
import { embeddedConnection } from '@/api/connection';
import {
  applyPreset,
  connectionFormSchema,
  settingsFromValues,
  validateConnection,
  valuesFromSettings,
} from './connection-form';

const embedded = valuesFromSettings(embeddedConnection);

describe('connection form', () => {
  test('the moto preset forwards through the app by default', () => {
    const v = applyPreset(embedded, 'moto');
    expect(v.endpoint).toBe('http://127.0.0.1:5000');
    expect(v.useForwarding).toBe(true);
  });

  test('AWS needs both keys; a custom endpoint must be an http(s) URL', () => {
    expect(validateConnection(applyPreset(embedded, 'aws'))).toEqual({
      accessKeyId: 'Enter the access key id',
      secretAccessKey: 'Enter the secret access key',
    });
    const custom = { ...applyPreset(embedded, 'custom'), endpoint: 'ftp://x' };
    expect(validateConnection(custom).endpoint).toBe(
      'Enter the endpoint as a full URL starting with http:// or https://',
    );
    expect(validateConnection({ ...custom, endpoint: 'http://127.0.0.1:4566' })).toEqual({});
  });

  test('credentials are dropped when blank and remembered only when asked', () => {
    const ls = applyPreset(embedded, 'localstack');
    expect(settingsFromValues(ls).credentials).toBeUndefined();
    const withKeys = {
      ...ls,
      accessKeyId: ' AKIA ',
      secretAccessKey: 's',
      sessionToken: '',
      rememberCredentials: true,
    };
    expect(settingsFromValues(withKeys)).toMatchObject({
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
      rememberCredentials: true,
    });
    expect(settingsFromValues(withKeys).credentials).not.toHaveProperty('sessionToken');
  });

  test('the embedded demo ignores any typed endpoint', () => {
    expect(settingsFromValues({ ...embedded, endpoint: 'http://elsewhere' })).toEqual(embeddedConnection);
  });

  test("the form schema reports validateConnection's messages on their fields, and passes valid values", () => {
    const result = connectionFormSchema.safeParse(applyPreset(embedded, 'aws'));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['accessKeyId', 'Enter the access key id'],
      ['secretAccessKey', 'Enter the secret access key'],
    ]);
    expect(connectionFormSchema.safeParse(applyPreset(embedded, 'moto')).success).toBe(true);
  });
});
