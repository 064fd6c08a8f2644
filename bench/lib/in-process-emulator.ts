// The emulator's own app on a store in `<dataDir>/emulator` (start.ts's layout), called in-process: the bench writes
// large fixtures this way before the app server starts, because each wave of requests then arrives in one
// event-loop turn and shares one group commit (over loopback HTTP the same writes take minutes).
import { join } from 'node:path';
import { createEmulatorApp } from '../../server/app';
import { openStore } from '../../server/store';
import { dummyAuthorization } from '../../test-support/http-client';

export interface InProcessEmulator {
  /** A real request through the app; throws unless it answers `expected`. */
  send<T>(method: string, path: string, expected: number, body: unknown): Promise<T>;
  close(): void;
}

export function inProcessEmulator(dataDir: string): InProcessEmulator {
  const store = openStore(join(dataDir, 'emulator'));
  const app = createEmulatorApp({ store });
  return {
    async send<T>(method: string, path: string, expected: number, body: unknown): Promise<T> {
      const res = await app.fetch(
        new Request(`http://emulator.local${path}`, {
          method,
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            Authorization: dummyAuthorization,
          },
          body: JSON.stringify(body),
        }),
      );
      const text = await res.text();
      if (res.status !== expected) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as T;
    },
    close: () => store.close(),
  };
}
