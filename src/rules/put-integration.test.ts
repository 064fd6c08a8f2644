import { expect, test } from 'vitest';
import { awsVerdict } from './integration-response';
import { putIntegrationRequestViolations, putIntegrationViolations } from './put-integration';

test('a missing type and a bad connectionType are reported together as constraint violations', () => {
  const v = awsVerdict(putIntegrationRequestViolations({ connectionType: 'WIRE' }));
  expect(v?.type).toBe('ValidationException');
  expect(v?.message).toMatch(/^2 validation errors detected: Value null at 'putIntegrationInput.type'/);
  expect(v?.message).toContain("Value 'WIRE' at 'putIntegrationInput.connectionType'");
});

test('HTTP without a verb is refused before its URI is looked at', () => {
  const vs = putIntegrationViolations({ type: 'HTTP', uri: 'ftp://x' });
  expect(vs.map((v) => v.message)).toEqual([
    'Enumeration value for HttpMethod must be non-empty',
    'Invalid HTTP endpoint specified for URI',
  ]);
});

test('AWS_PROXY accepts Lambda and refuses other services', () => {
  const lambda = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations';
  expect(putIntegrationViolations({ type: 'AWS_PROXY', httpMethod: 'POST', uri: lambda })).toEqual([]);
  const sqs = putIntegrationViolations({
    type: 'AWS_PROXY',
    httpMethod: 'POST',
    uri: 'arn:aws:apigateway:us-east-1:sqs:path/q',
  });
  expect(sqs[0]?.message).toMatch(/only supports Lambda function and Firehose/);
});

test('MOCK needs no verb; timeouts outside 50..29000 ms are refused', () => {
  expect(putIntegrationViolations({ type: 'MOCK' })).toEqual([]);
  expect(putIntegrationViolations({ type: 'MOCK', timeoutInMillis: 49 })[0]?.field).toBe('timeoutInMillis');
});
