import { expect, test } from 'vitest';
import {
  integrationKind,
  isLambdaIntegration,
  isLambdaProxy,
  isProxyIntegrationType,
  isProxyKind,
} from './integration-kind';

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
  expect(isProxyIntegrationType('AWS_PROXY')).toBe(true);
  expect(isProxyIntegrationType('AWS')).toBe(false);
});

test('a Lambda integration is AWS with a lambda:path URI; a Lambda proxy is not one (its responses pass through)', () => {
  const uri =
    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations';
  expect(isLambdaIntegration({ type: 'AWS', uri })).toBe(true);
  expect(isLambdaIntegration({ type: 'AWS_PROXY', uri })).toBe(false);
  expect(isLambdaIntegration({ type: 'AWS', uri: 'arn:aws:apigateway:us-east-1:s3:path/b/k' })).toBe(false);
  expect(isLambdaIntegration(undefined)).toBe(false);
});

test('a Lambda proxy is AWS_PROXY with a lambda:path URI; a Firehose proxy is not', () => {
  const uri =
    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations';
  expect(isLambdaProxy({ type: 'AWS_PROXY', uri })).toBe(true);
  expect(isLambdaProxy({ type: 'AWS', uri })).toBe(false);
  expect(isLambdaProxy({ type: 'AWS_PROXY', uri: 'arn:aws:apigateway:us-east-1:firehose:action/PutRecord' })).toBe(
    false,
  );
  expect(isLambdaProxy(undefined)).toBe(false);
});
