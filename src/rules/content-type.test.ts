import { describe, expect, test } from 'vitest';
import { invalidContentTypeMessage, isValidContentType } from './content-type';

describe('isValidContentType', () => {
  test.each([
    'application/json',
    'application/xml',
    'text/html',
    'text/plain',
    '*/*',
    'application/*',
    'application/vnd.api+json',
    'Application/JSON',
    'text/plain; charset=utf-8',
    'text/plain;charset="utf-8"',
  ])('accepts %s', (ct) => expect(isValidContentType(ct)).toBe(true));
  test.each(['123', 'application-json', '', 'application/', '/json', 'application/json/x', 'text/plain;', 'a b/c'])(
    'rejects %j',
    (ct) => expect(isValidContentType(ct)).toBe(false),
  );
  test('formats the AWS message', () => {
    expect(invalidContentTypeMessage('123')).toBe(
      'Validation Result: warnings : [], errors : [Invalid content type specified: 123]',
    );
  });
});
