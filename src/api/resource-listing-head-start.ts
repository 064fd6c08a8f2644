// On a page load at an API's overview, boot.ts starts the API's resource listing (GetResources?embed=methods, every
// page) before the router's and the page's code have arrived: the overview reads nothing else first, and asked for
// by the page it started only once the router, the route's chunk and the page had loaded and rendered (about a
// second after the entry on a phone network). The overview takes the listing once; any later load lists again.
import type { ApiGatewayClient } from './client';
import type { Resource } from './models';

/** How long after it settled a listing may still be taken: a page load's, not a later visit's. */
const FRESH_FOR_MS = 10_000;

interface Listing {
  key: string;
  promise: Promise<Resource[]>;
  settledAt?: number;
  loaded: number;
  listener?: (loaded: number) => void;
}

let pending: Listing | undefined;

const keyOf = (scope: string, restApiId: string) => JSON.stringify([scope, restApiId]);

export function startResourceListing(client: ApiGatewayClient, scope: string, restApiId: string): void {
  const listing: Listing = { key: keyOf(scope, restApiId), promise: Promise.resolve([]), loaded: 0 };
  listing.promise = client.getAllResources(
    { restApiId },
    {
      embedMethods: true,
      onProgress: (loaded) => {
        listing.loaded = loaded;
        listing.listener?.(loaded);
      },
    },
  );
  // Settled either way; a failure reaches the page that takes the listing (and only it).
  listing.promise.then(
    () => (listing.settledAt = performance.now()),
    () => (listing.settledAt = performance.now()),
  );
  pending = listing;
}

/**
 * The listing started for this API on this page load, once, if it is still fresh; `onProgress` hears the pages
 * listed so far and those to come. Undefined otherwise: the caller lists itself.
 */
export function takeResourceListing(
  scope: string,
  restApiId: string,
  onProgress?: (loaded: number) => void,
): Promise<Resource[]> | undefined {
  const listing = pending;
  if (!listing || listing.key !== keyOf(scope, restApiId)) return undefined;
  pending = undefined;
  if (listing.settledAt !== undefined && performance.now() - listing.settledAt > FRESH_FOR_MS) return undefined;
  if (onProgress) {
    if (listing.loaded > 0) onProgress(listing.loaded);
    listing.listener = onProgress;
  }
  return listing.promise;
}
