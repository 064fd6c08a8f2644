import { randomBytes } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** AWS-shaped ids: lowercase letters and digits (10 chars for APIs and root resources, 6 for children). */
export function awsId(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 252 = 7 * 36: bytes ≥ 252 would bias the alphabet, so they are redrawn.
  for (let i = 0; out.length < length; i++) {
    if (i >= bytes.length) return out + awsId(length - out.length);
    const b = bytes[i] ?? 0;
    if (b < 252) out += alphabet[b % 36];
  }
  return out;
}

/**
 * An id that `isTaken` does not know yet. Six characters of 36 give ~2 billion ids, so among 10,000 resources a
 * random collision is rare but real (the benchmark met it): without the check the insert hit the primary key
 * and the request failed with a 500 instead of creating the resource.
 */
export function unusedAwsId(length: number, isTaken: (id: string) => boolean): string {
  for (;;) {
    const id = awsId(length);
    if (!isTaken(id)) return id;
  }
}
