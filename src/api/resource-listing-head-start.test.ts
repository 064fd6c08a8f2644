import { describe, expect, it, vi } from 'vitest';
import type { ApiGatewayClient } from './client';
import type { Resource } from './models';
import { startResourceListing, takeResourceListing } from './resource-listing-head-start';

const root: Resource = { id: 'r0', path: '/' };

/** A client whose listing answers when `finish` is called, after reporting `pages` listed pages. */
function fakeClient() {
  let finish: (result: Resource[] | Error) => void = () => undefined;
  const getAllResources = vi.fn(
    (_ref: { restApiId: string }, opts?: { embedMethods?: boolean; onProgress?: (loaded: number) => void }) =>
      new Promise<Resource[]>((resolve, reject) => {
        opts?.onProgress?.(1);
        finish = (result) => {
          if (result instanceof Error) reject(result);
          else {
            opts?.onProgress?.(result.length);
            resolve(result);
          }
        };
      }),
  );
  return {
    client: { getAllResources } as unknown as ApiGatewayClient,
    getAllResources,
    finish: (r: Resource[] | Error) => finish(r),
  };
}

describe('the overview’s resource listing started on page load', () => {
  it('lists with embedded methods, and the overview of that API takes it once, with the pages listed so far', async () => {
    const { client, getAllResources, finish } = fakeClient();
    startResourceListing(client, 'scope-a', 'api1');
    expect(getAllResources).toHaveBeenCalledWith(
      { restApiId: 'api1' },
      expect.objectContaining({ embedMethods: true }),
    );
    const progress: number[] = [];
    const taken = takeResourceListing('scope-a', 'api1', (n) => progress.push(n));
    expect(taken).toBeDefined();
    finish([root, { id: 'r1', path: '/pets' }]);
    await expect(taken).resolves.toHaveLength(2);
    expect(progress).toEqual([1, 2]);
    // A second load of the overview lists again.
    expect(takeResourceListing('scope-a', 'api1')).toBeUndefined();
  });

  it('is not given to another API or another connection', () => {
    const { client } = fakeClient();
    startResourceListing(client, 'scope-a', 'api1');
    expect(takeResourceListing('scope-a', 'api2')).toBeUndefined();
    expect(takeResourceListing('scope-b', 'api1')).toBeUndefined();
    expect(takeResourceListing('scope-a', 'api1')).toBeDefined();
  });

  it('passes a failure on to the page that takes it', async () => {
    const { client, finish } = fakeClient();
    startResourceListing(client, 'scope-a', 'api1');
    const taken = takeResourceListing('scope-a', 'api1');
    finish(new Error('NotFoundException'));
    await expect(taken).rejects.toThrow('NotFoundException');
  });

  it('is not taken long after it came in (a later visit lists again)', async () => {
    vi.useFakeTimers();
    try {
      const { client, finish } = fakeClient();
      startResourceListing(client, 'scope-a', 'api1');
      finish([root]);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(takeResourceListing('scope-a', 'api1')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
