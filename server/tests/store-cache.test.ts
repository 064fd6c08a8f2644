// The store answers method and resource reads from an in-memory cache; these check that what it answers
// is always what SQLite holds: after rolled-back writes, deletes, and a reopen of the same data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import type { MethodDoc } from '../model';
import { openStore } from '../store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'irs-store-cache-'));
  dirs.push(dir);
  const store = openStore(dir);
  store.createRestApi('us-east-1', {
    id: 'api1',
    name: 'a',
    createdDate: 0,
    rootResourceId: 'root1',
    apiKeySource: 'HEADER',
    disableExecuteApiEndpoint: false,
    endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
  });
  store.createResource('us-east-1', 'api1', { id: 'res1', parentId: 'root1', pathPart: 'items', path: '/items' });
  const v1: MethodDoc = { httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false };
  store.putMethod('us-east-1', 'api1', 'res1', v1);
  return { dir, store, v1 };
}

describe('store read cache', () => {
  test('forgets a write whose job throws, so reads keep answering the committed document', async () => {
    const { store, v1 } = setup();
    expect(store.getMethod('us-east-1', 'api1', 'res1', 'GET')).toEqual(v1);
    await expect(
      store.write(() => {
        store.putMethod('us-east-1', 'api1', 'res1', { ...v1, operationName: 'rolled-back' });
        throw new Error('validation failed after the write');
      }),
    ).rejects.toThrow('validation failed');
    expect(store.getMethod('us-east-1', 'api1', 'res1', 'GET')).toEqual(v1);
    expect(store.getMethodJson('us-east-1', 'api1', 'res1', 'GET')).toBe(JSON.stringify(v1));
    store.close();
  });

  test('answers a committed write, then a delete of the method and of the resource tree', async () => {
    const { dir, store, v1 } = setup();
    const v2: MethodDoc = { ...v1, operationName: 'listItems' };
    await store.write(() => store.putMethod('us-east-1', 'api1', 'res1', v2));
    expect(store.getMethod('us-east-1', 'api1', 'res1', 'GET')).toEqual(v2);
    store.close();

    const reopened = openStore(dir);
    expect(reopened.getMethod('us-east-1', 'api1', 'res1', 'GET')).toEqual(v2);
    expect(reopened.getResource('us-east-1', 'api1', 'res1')?.path).toBe('/items');
    await reopened.write(() => reopened.deleteMethod('us-east-1', 'api1', 'res1', 'GET'));
    expect(reopened.getMethod('us-east-1', 'api1', 'res1', 'GET')).toBeUndefined();
    await reopened.write(() => reopened.putMethod('us-east-1', 'api1', 'res1', v1));
    await reopened.write(() => reopened.deleteResourceTree('us-east-1', 'api1', 'res1'));
    expect(reopened.getResource('us-east-1', 'api1', 'res1')).toBeUndefined();
    expect(reopened.getMethod('us-east-1', 'api1', 'res1', 'GET')).toBeUndefined();
    reopened.close();
  });

  test('hands out copies: mutating a read document changes neither the cache nor the database', () => {
    const { store, v1 } = setup();
    const m = store.getMethod('us-east-1', 'api1', 'res1', 'GET');
    if (!m) throw new Error('method missing');
    m.operationName = 'mutated by a caller';
    const r = store.getResource('us-east-1', 'api1', 'res1');
    if (!r) throw new Error('resource missing');
    r.path = '/mutated';
    expect(store.getMethod('us-east-1', 'api1', 'res1', 'GET')).toEqual(v1);
    expect(store.getResource('us-east-1', 'api1', 'res1')?.path).toBe('/items');
    store.close();
  });
});

describe('a data directory written by an earlier version', () => {
  test('integration responses stored in the WITHOUT ROWID table are kept when it becomes a rowid table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'irs-store-old-'));
    dirs.push(dir);
    const old = new Database(join(dir, 'emulator.sqlite'));
    old.exec(`
      CREATE TABLE integration_responses (
        region TEXT NOT NULL, api_id TEXT NOT NULL, resource_id TEXT NOT NULL, http_method TEXT NOT NULL,
        status_code TEXT NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (region, api_id, resource_id, http_method, status_code)
      ) WITHOUT ROWID;
    `);
    old
      .prepare('INSERT INTO integration_responses VALUES (?, ?, ?, ?, ?, ?)')
      .run('us-east-1', 'api1', 'res1', 'GET', '200', JSON.stringify({ statusCode: '200', selectionPattern: 'kept' }));
    old.close();

    const store = openStore(dir);
    expect(store.getIntegrationResponse('us-east-1', 'api1', 'res1', 'GET', '200')).toEqual({
      statusCode: '200',
      selectionPattern: 'kept',
    });
    store.close();
    const check = new Database(join(dir, 'emulator.sqlite'), { readonly: true });
    const sql = check
      .prepare<[], { sql: string }>(`SELECT sql FROM sqlite_master WHERE name = 'integration_responses'`)
      .get()?.sql;
    check.close();
    expect(sql).not.toMatch(/WITHOUT ROWID/i);
  });
});
