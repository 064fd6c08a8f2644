// On a page load at an API's overview, the frame (overview-frame.tsx) starts the API's resource listing
// (GetResources?embed=methods, every page) once it has painted, alongside the router's and the page's code, instead
// of the page asking for it once those had loaded and rendered (about a second later on a phone network). The
// overview takes the listing once; any later load lists again.
//
// Not earlier than that paint: started from the entry, the listing (32 kB for PetStore), the schemas' chunks its
// check loads and the check itself came before the frame's first paint, and Lighthouse's simulation counts every
// request answered before the largest paint (the frame's intro) towards it. The rows cannot show before the page's
// code has arrived, which is fetched from the same paint on.
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
