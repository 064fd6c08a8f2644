// The token buckets of `--throttle aws`, with a clock the test moves by hand.
import { describe, expect, test } from 'vitest';
import { quotaKeyOf, Throttle, throttleFromFlag } from './throttle';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const req = (method: string, path: string, query = '', endpointTypes?: string[]) => ({
  method,
  path,
  query: new URLSearchParams(query),
  ...(endpointTypes ? { endpointTypes } : {}),
});

describe("which row of AWS's table a request falls under", () => {
  test.each([
    ['POST', '/restapis/a1/deployments', '', undefined, 'CreateDeployment'],
    ['POST', '/restapis/a1/resources/r1', '', undefined, 'CreateResource'],
    ['DELETE', '/restapis/a1/resources/r1', '', undefined, 'DeleteResource'],
    ['GET', '/restapis/a1/resources', 'embed=methods', undefined, 'GetResources'],
    ['POST', '/restapis', '', undefined, 'CreateRestApi (edge-optimized)'],
    ['POST', '/restapis', '', ['EDGE'], 'CreateRestApi (edge-optimized)'],
    ['POST', '/restapis', '', ['REGIONAL'], 'CreateRestApi (Regional or private)'],
    ['POST', '/restapis', '', ['PRIVATE'], 'CreateRestApi (Regional or private)'],
    ['POST', '/restapis', 'mode=import', undefined, 'ImportRestApi (edge-optimized)'],
    [
      'POST',
      '/restapis',
      'mode=import&endpointConfigurationTypes=REGIONAL',
      undefined,
      'ImportRestApi (Regional or private)',
    ],
    ['PUT', '/restapis/a1', 'mode=merge', undefined, 'PutRestApi'],
    ['DELETE', '/restapis/a1', '', undefined, 'DeleteRestApi'],
  ])('%s %s?%s (%j) is %s', (method, path, query, types, key) => {
    expect(quotaKeyOf(req(method, path, query, types))).toBe(key);
  });

  test.each([
    ['GET', '/restapis'],
    ['GET', '/restapis/a1'],
    ['GET', '/restapis/a1/resources/r1'],
    ['GET', '/restapis/a1/resources/r1/methods/GET'],
    ['PUT', '/restapis/a1/resources/r1/methods/GET/integration/responses/200'],
    ['GET', '/restapis/a1/deployments'],
    ['PATCH', '/restapis/a1/stages/prod'],
  ])('%s %s is one of the other operations', (method, path) => {
    expect(quotaKeyOf(req(method, path))).toBeUndefined();
  });
});

describe('token buckets', () => {
  test('CreateDeployment: one, then refused with the seconds until the next token, then one again 5 s later', () => {
    const c = clock();
    const t = new Throttle({ now: c.now });
    expect(t.take('acct', 'CreateDeployment')).toEqual({ allowed: true });
    expect(t.take('acct', 'CreateDeployment')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    c.advance(3_200);
    expect(t.take('acct', 'CreateDeployment')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    c.advance(1_799);
    expect(t.take('acct', 'CreateDeployment')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    c.advance(1);
    expect(t.take('acct', 'CreateDeployment')).toEqual({ allowed: true });
  });

  test('the other operations: a burst of 40, then 10 a second', () => {
    const c = clock();
    const t = new Throttle({ now: c.now });
    for (let i = 0; i < 40; i++) expect(t.take('acct', undefined)).toEqual({ allowed: true });
    expect(t.take('acct', undefined)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    c.advance(1_000);
    for (let i = 0; i < 10; i++) expect(t.take('acct', undefined)).toEqual({ allowed: true });
    expect(t.take('acct', undefined).allowed).toBe(false);
    // Idle time fills the bucket up to its burst, not beyond.
    c.advance(60_000);
    for (let i = 0; i < 40; i++) expect(t.take('acct', undefined).allowed).toBe(true);
    expect(t.take('acct', undefined).allowed).toBe(false);
  });

  test('an operation with its own row counts against the total too', () => {
    const c = clock();
    const t = new Throttle({ now: c.now });
    for (let i = 0; i < 40; i++) t.take('acct', undefined);
    // CreateDeployment's own bucket is full, the total is empty.
    expect(t.take('acct', 'CreateDeployment')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    c.advance(100);
    expect(t.take('acct', 'CreateDeployment')).toEqual({ allowed: true });
  });

  test('a refused request takes no token from either bucket', () => {
    const c = clock();
    const t = new Throttle({ now: c.now });
    expect(t.take('acct', 'GetResources').allowed).toBe(true);
    for (let i = 0; i < 4; i++) expect(t.take('acct', 'GetResources').allowed).toBe(true);
    // GetResources: 5 every 2 s. Many refusals in a row cost nothing: 0.4 s later there is a token.
    for (let i = 0; i < 100; i++)
      expect(t.take('acct', 'GetResources')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    c.advance(400);
    expect(t.take('acct', 'GetResources').allowed).toBe(true);
    // The total gave 5 of its 40, got 4 back in the 0.4 s and gave 1: the 100 refusals took none.
    for (let i = 0; i < 38; i++) expect(t.take('acct', undefined).allowed).toBe(true);
    expect(t.take('acct', undefined).allowed).toBe(false);
  });

  test('accounts (and Regions) have buckets of their own; so does each endpoint type of CreateRestApi', () => {
    const c = clock();
    const t = new Throttle({ now: c.now });
    expect(t.take('acct/us-east-1', 'CreateRestApi (edge-optimized)').allowed).toBe(true);
    expect(t.take('acct/us-east-1', 'CreateRestApi (edge-optimized)')).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
    });
    expect(t.take('acct/us-east-1', 'CreateRestApi (Regional or private)').allowed).toBe(true);
    expect(t.take('acct/us-east-1', 'CreateRestApi (Regional or private)')).toEqual({
      allowed: false,
      retryAfterSeconds: 3,
    });
    expect(t.take('acct/eu-west-1', 'CreateRestApi (edge-optimized)').allowed).toBe(true);
  });
});

test('--throttle: "aws" or nothing', () => {
  expect(throttleFromFlag(undefined)).toBeUndefined();
  expect(throttleFromFlag('aws')).toBeInstanceOf(Throttle);
  expect(() => throttleFromFlag('fast')).toThrow('--throttle: unknown mode "fast" (the one mode is "aws")');
});
