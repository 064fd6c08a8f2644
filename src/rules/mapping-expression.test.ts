import { describe, expect, test } from 'vitest';
import type { MappingSource } from './mapping-expression';
import {
  formatMappingSource,
  isValidHeaderName,
  parseMappingSource,
  parseResponseHeaderKey,
  RESPONSE_HEADER_KEY_PREFIX,
} from './mapping-expression';

describe('parseMappingSource: every source in the developer guide table', () => {
  test.each<[string, MappingSource]>([
    ["'*'", { kind: 'static', value: '*' }],
    ["'max-age=120'", { kind: 'static', value: 'max-age=120' }],
    ["'GET, HEAD, POST'", { kind: 'static', value: 'GET, HEAD, POST' }],
    ["''", { kind: 'static', value: '' }],
    ['integration.response.header.ETag', { kind: 'header', name: 'ETag' }],
    ['integration.response.multivalueheader.Set-Cookie', { kind: 'multivalueheader', name: 'Set-Cookie' }],
    ['integration.response.body', { kind: 'body', path: '' }],
    ['integration.response.body.redirect.url', { kind: 'body', path: 'redirect.url' }],
    ['integration.response.body.errorMessage', { kind: 'body', path: 'errorMessage' }],
    ['integration.response.body.items[0].id', { kind: 'body', path: 'items[0].id' }],
    ["integration.response.body.a['b c']", { kind: 'body', path: "a['b c']" }],
    ['stageVariables.origin', { kind: 'stageVariable', name: 'origin' }],
    ['context.requestId', { kind: 'context', name: 'requestId' }],
    ['context.identity.sourceIp', { kind: 'context', name: 'identity.sourceIp' }],
  ])('%s', (expr, expected) => {
    expect(parseMappingSource(expr)).toEqual(expected);
  });

  test.each([
    '*', // serverless-graphql#67: "Invalid mapping expression specified: *"
    '"*"', // awsdocs/amazon-api-gateway-developer-guide#7
    'GET, HEAD, POST', // aws-sam-developer-guide#55
    'test-value', // aws-cdk#20274
    'bar',
    "'unterminated",
    "'",
    'integration.response.header.',
    'integration.response.header.Bad Header',
    'integration.response.body.',
    'integration.response.body.$.foo',
    'integration.response.body.a..b',
    'integration.response.body.items[0',
    'integration.response.bodyfoo',
    'integration.response.headers.X',
    'Integration.Response.Header.X',
    'method.request.header.X',
    'stageVariables.',
    'stageVariables.a-b',
    'context.',
    'context.a..b',
    '',
  ])('rejects %j', (expr) => {
    expect(parseMappingSource(expr)).toBeNull();
  });

  test('keeps a quote inside a static value as plain text', () => {
    expect(parseMappingSource("'it's'")).toEqual({ kind: 'static', value: "it's" });
  });
});

describe('formatMappingSource', () => {
  test.each<MappingSource>([
    { kind: 'static', value: '*' },
    { kind: 'static', value: "it's" },
    { kind: 'static', value: '' },
    { kind: 'header', name: 'ETag' },
    { kind: 'multivalueheader', name: 'Set-Cookie' },
    { kind: 'body', path: '' },
    { kind: 'body', path: 'a.b' },
    { kind: 'stageVariable', name: 'x' },
    { kind: 'context', name: 'identity.sourceIp' },
  ])('round-trips %j', (src) => {
    expect(parseMappingSource(formatMappingSource(src))).toEqual(src);
  });
  test('quotes static values', () => {
    expect(formatMappingSource({ kind: 'static', value: '*' })).toBe("'*'");
    expect(formatMappingSource({ kind: 'body', path: '' })).toBe('integration.response.body');
  });
});

describe('response header keys', () => {
  test('parses method.response.header.{name}', () => {
    expect(RESPONSE_HEADER_KEY_PREFIX).toBe('method.response.header.');
    expect(parseResponseHeaderKey('method.response.header.Access-Control-Allow-Origin')).toBe(
      'Access-Control-Allow-Origin',
    );
  });
  test.each([
    'method.response.header.',
    'method.response.header.X Y',
    'method.request.header.X',
    'X-Foo',
    'integration.response.header.X',
    'method.response.body',
  ])('rejects %j', (key) => expect(parseResponseHeaderKey(key)).toBeNull());
  test('validates header names as RFC 7230 tokens', () => {
    expect(isValidHeaderName('X-Amz-Request-Id')).toBe(true);
    expect(isValidHeaderName('X:Foo')).toBe(false);
    expect(isValidHeaderName('')).toBe(false);
  });
});
