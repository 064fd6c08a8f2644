// In-process emulator over real HTTP (port 0, temp data dir) for the conformance suites.
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulatorApp } from '../app';
import { openStore } from '../store';
import type { Store } from '../store';

export interface Harness {
  base: string;
  store: Store;
  dataDir: string;
  close(): Promise<void>;
}

export async function startHarness(
  opts: { now?: () => number; forwardAllowlist?: readonly string[] } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'irs-conformance-'));
  const store = openStore(dataDir);
  const app = createEmulatorApp({
    store,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.forwardAllowlist ? { forwardAllowlist: opts.forwardAllowlist } : {}),
  });
  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server: s as Server, port: info.port }),
    );
  });
  return {
    base: `http://127.0.0.1:${port}`,
    store,
    dataDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** `reply.json[key]` as a string ('' when absent), for ids and positions. */
export function str(reply: Reply, key: string): string {
  const v = reply.json[key];
  return typeof v === 'string' ? v : '';
}

/** The `item` collection of a list reply. */
export function items(reply: Reply): Record<string, unknown>[] {
  const v = reply.json.item;
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

export type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;

export function client(base: string): Call {
  return async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    let json: Reply['json'] = {};
    try {
      json = text ? (JSON.parse(text) as Reply['json']) : {};
    } catch {
      json = {};
    }
    return { status: res.status, headers: res.headers, text, json };
  };
}

/** An api with /pets and a GET method on it (no integration yet). */
export async function fixture(
  call: Call,
  name = 'fixture',
): Promise<{ api: string; root: string; pets: string; m: string }> {
  const api = await call('POST', '/restapis', { name });
  const pets = await call('POST', `/restapis/${str(api, 'id')}/resources/${str(api, 'rootResourceId')}`, {
    pathPart: 'pets',
  });
  const m = `/restapis/${str(api, 'id')}/resources/${str(pets, 'id')}/methods/GET`;
  await call('PUT', m, { authorizationType: 'NONE' });
  return { api: str(api, 'id'), root: str(api, 'rootResourceId'), pets: str(pets, 'id'), m };
}

export function expectAwsError(reply: Reply, status: number, type: string, message: string | RegExp): void {
  const problems: string[] = [];
  if (reply.status !== status) problems.push(`status ${reply.status} ≠ ${status}`);
  if (reply.headers.get('x-amzn-errortype') !== type)
    problems.push(`X-Amzn-ErrorType ${reply.headers.get('x-amzn-errortype')} ≠ ${type}`);
  if (reply.json.__type !== type) problems.push(`__type ${String(reply.json.__type)} ≠ ${type}`);
  const msg = reply.json.message;
  const ok = typeof message === 'string' ? msg === message : typeof msg === 'string' && message.test(msg);
  if (!ok) problems.push(`message ${JSON.stringify(msg)} ≠ ${String(message)}`);
  if (!reply.headers.get('x-amzn-requestid')) problems.push('no x-amzn-RequestId');
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\nbody: ${reply.text}`);
}
