import { describe, expect, test } from 'vitest';
import { awsId, unusedAwsId } from './ids';

describe('AWS-shaped ids', () => {
  test('are lowercase letters and digits of the asked length', () => {
    for (const length of [6, 10]) expect(awsId(length)).toMatch(new RegExp(`^[a-z0-9]{${length}}$`));
  });

  test('never hand out an id that is already taken (a CreateResource collision used to answer 500)', () => {
    const taken = new Set<string>();
    const seen: string[] = [];
    // Refuse the first 20 candidates whatever they are: the helper must keep drawing until one is free.
    let refusals = 20;
    const id = unusedAwsId(6, (candidate) => {
      seen.push(candidate);
      if (refusals > 0) {
        refusals -= 1;
        taken.add(candidate);
        return true;
      }
      return taken.has(candidate);
    });
    expect(seen.length).toBeGreaterThanOrEqual(21);
    expect(taken.has(id)).toBe(false);
    expect(id).toMatch(/^[a-z0-9]{6}$/);
  });
});
