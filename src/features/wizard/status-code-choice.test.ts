import { describe, expect, test } from 'vitest';
import { headerNameError, newStatusCodeError, statusCodeRows } from './status-code-choice';

describe('statusCodeRows', () => {
  test('lists every code that has a method response or an integration response, in order', () => {
    const rows = statusCodeRows({
      httpMethod: 'GET',
      methodResponses: { '500': { statusCode: '500' }, '200': { statusCode: '200' } },
      methodIntegration: {
        type: 'MOCK',
        integrationResponses: { '404': { statusCode: '404' }, '200': { statusCode: '200' } },
      },
    });
    expect(rows.map((r) => [r.statusCode, Boolean(r.methodResponse), Boolean(r.integrationResponse)])).toEqual([
      ['200', true, true],
      ['404', false, true],
      ['500', true, false],
    ]);
  });
});

describe('newStatusCodeError', () => {
  test('accepts a free three-digit code from 100 to 599', () => {
    expect(newStatusCodeError('418', ['200'])).toBeNull();
    expect(newStatusCodeError(' 599 ', [])).toBeNull();
  });
  test('rejects empty, malformed and out-of-range codes in plain words', () => {
    expect(newStatusCodeError('', [])).toBe('Enter a status code, like 404');
    for (const bad of ['20', '2000', '600', '099', 'abc', '2x0']) {
      expect(newStatusCodeError(bad, [])).toBe('Enter a status code from 100 to 599, as three digits, like 404');
    }
  });
  test('rejects a code that is already there', () => {
    expect(newStatusCodeError('200', ['200'])).toBe('Status code 200 already exists: choose it from the list');
  });
});

describe('headerNameError', () => {
  test('accepts HTTP token names and rejects spaces, colons and duplicates (case-insensitive)', () => {
    expect(headerNameError('X-Request-Id', [])).toBeNull();
    expect(headerNameError('', [])).toBe('Enter a header name, like X-Request-Id');
    expect(headerNameError('X Request', [])).not.toBeNull();
    expect(headerNameError('X-A:', [])).not.toBeNull();
    expect(headerNameError('x-a', ['X-A'])).toBe('Header x-a is declared twice');
  });
});
