// The seeded demo emulator with the app's own API client on it, for the node tests that drive the client against
// PetStore (deployments, stages, test invoke, stage exports).
import { afterAll, beforeAll } from 'vitest';
import type { ApiGatewayClient } from '../src/api/client';
import { createApiGatewayClient } from '../src/api/client';
import { removeDir, startEmulator } from './emulator-process';
import type { EmulatorProcess } from './emulator-process';

export interface SeededPetStore {
  emulator: EmulatorProcess;
  client: ApiGatewayClient;
  /** PetStore's id. */
  apiId: string;
  /** The id of PetStore's /health/{check} resource. */
  healthId: string;
}

async function startSeededPetStore(): Promise<SeededPetStore> {
  const emulator = await startEmulator({ seed: true });
  const client = createApiGatewayClient({ endpoint: emulator.baseUrl, region: 'us-east-1', retryBaseMs: 5 });
  const apiId = (await client.getAllRestApis()).find((a) => a.name === 'PetStore')?.id ?? '';
  const healthId =
    (await client.getAllResources({ restApiId: apiId })).find((r) => r.path === '/health/{check}')?.id ?? '';
  return { emulator, client, apiId, healthId };
}

async function stopSeededPetStore(store: SeededPetStore | undefined): Promise<void> {
  if (!store) return;
  await store.emulator.stop();
  removeDir(store.emulator.dataDir);
}

/**
 * Starts the seeded emulator before a test file's tests and stops it after them. Call at the top level of the file;
 * the returned function gives the running store to a test.
 */
export function seededPetStoreForFile(): () => SeededPetStore {
  let store: SeededPetStore | undefined;
  beforeAll(async () => {
    store = await startSeededPetStore();
  }, 60_000);
  afterAll(() => stopSeededPetStore(store));
  return () => {
    if (!store) throw new Error('The seeded emulator did not start: see the error from beforeAll.');
    return store;
  };
}
