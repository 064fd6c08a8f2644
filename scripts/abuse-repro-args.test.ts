import { describe, expect, test } from 'vitest';
import { parseReproArgs } from './abuse-repro-args';

describe('abuse-repro arguments', () => {
  test('runs every finding against a loopback server by default, each wait capped at 60 s', () => {
    const o = parseReproArgs(['--base', 'http://127.0.0.1:47311']);
    expect(o.port).toBe(47311);
    expect([...o.only]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(o.capMs).toBe(60_000);
    expect(o.sinkPort).toBe(0);
  });

  test('takes a subset of findings, the pid, the sink port and the checkout', () => {
    const o = parseReproArgs([
      '--base',
      'http://localhost:5173',
      '--only',
      '4, 1',
      '--pid',
      '1234',
      '--sink-port',
      '47313',
      '--checkout',
      '/tmp/before',
    ]);
    expect([...o.only].sort()).toEqual([1, 4]);
    expect(o).toMatchObject({ pid: 1234, sinkPort: 47313, checkout: '/tmp/before' });
  });

  test.each([
    [[], /--base is required/],
    [['--base', 'http://example.com:80'], /refusing example\.com.*loopback/],
    [['--base', 'http://10.0.0.5:5173'], /refusing 10\.0\.0\.5/],
    [['--base', 'https://127.0.0.1:5173'], /must be http/],
    [['--base', 'http://127.0.0.1'], /must name the port/],
    [['--base', 'http://127.0.0.1:5173/restapis'], /origin, without a path/],
    [['--base', 'http://127.0.0.1:5173', '--only', '10'], /between 1 and 9/],
    [['--base', 'http://127.0.0.1:5173', '--only', 'a'], /whole number/],
    [['--base', 'http://127.0.0.1:5173', '--only', ','], /names no finding/],
    [['--base', 'http://127.0.0.1:5173', '--bogus'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseReproArgs(argv)).toThrow(message);
  });
});
