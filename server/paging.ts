// Paging of the collection operations (GetRestApis, GetResources): `limit` and the opaque `position` token.
import { badRequest } from './errors';

// AWS documents "default 25, max 500". Out-of-range or non-numeric limits: AWS answered limit=-1 with 200
// (GetApiKeys); LocalStack treats values outside 1..500 as unset. UNVERIFIED for >500: we clamp to 500.
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 25;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) return 25;
  return Math.min(n, 500);
}

// The token is opaque to clients (AWS masks it in snapshots); ours is the base64url of the last id seen.
export function encodePosition(afterId: string): string {
  return Buffer.from(afterId, 'utf8').toString('base64url');
}

export function decodePosition(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  const id = Buffer.from(raw, 'base64url').toString('utf8');
  // UNVERIFIED: AWS's answer to a forged position. A 400 BadRequestException is the plausible one.
  if (!/^[a-z0-9]{1,32}$/.test(id)) throw badRequest('Invalid position parameter specified');
  return id;
}

/** A page's answer: `{ item, position? }`. */
export function pageBody<T>(item: T[], nextAfter: string | undefined): Record<string, unknown> {
  return nextAfter ? { item, position: encodePosition(nextAfter) } : { item };
}
