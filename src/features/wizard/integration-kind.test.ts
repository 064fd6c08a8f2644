import { expect, test } from 'vitest';
import { integrationKind, isProxyKind } from './integration-kind';

test('tells Lambda (AWS with a lambda:path URI) apart from other AWS service integrations', () => {
  expect(
    integrationKind({
      type: 'AWS',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
    }),
  ).toBe('lambda');
  expect(integrationKind({ type: 'AWS', uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/key' })).toBe('aws');
  expect(integrationKind(undefined)).toBe('none');
});

test('only HTTP_PROXY and AWS_PROXY count as proxy integrations', () => {
  expect(isProxyKind(integrationKind({ type: 'HTTP_PROXY' }))).toBe(true);
  expect(isProxyKind(integrationKind({ type: 'AWS_PROXY' }))).toBe(true);
  expect(isProxyKind(integrationKind({ type: 'HTTP' }))).toBe(false);
  expect(isProxyKind(integrationKind({ type: 'MOCK' }))).toBe(false);
});
