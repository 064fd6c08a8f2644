import { expect, test } from 'vitest';
import { putMethodRequestViolations, putMethodViolations } from './put-method';

test('authorizationType is required', () => {
  expect(putMethodRequestViolations({ verb: 'GET' })[0]?.message).toContain("'putMethodInput.authorizationType'");
  expect(putMethodRequestViolations({ verb: 'GET', authorizationType: 'NONE' })).toEqual([]);
});

test('an unknown verb is the first thing reported', () => {
  const vs = putMethodViolations({ verb: 'FETCH', authorizationType: 'bogus' });
  expect(vs[0]?.message).toBe(
    'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
  );
  expect(vs[1]?.field).toBe('authorizationType');
});

test('authorization type is case-insensitive; CUSTOM needs an authorizer', () => {
  expect(putMethodViolations({ verb: 'GET', authorizationType: 'aws_iam' })).toEqual([]);
  expect(putMethodViolations({ verb: 'GET', authorizationType: 'CUSTOM' })[0]?.field).toBe('authorizerId');
});

test('request parameters: booleans under method.request.*, names unique across locations', () => {
  const ok = { 'method.request.querystring.q': true, 'method.request.header.X': false };
  expect(putMethodViolations({ verb: 'GET', authorizationType: 'NONE', requestParameters: ok })).toEqual([]);
  const dup = { 'method.request.querystring.id': true, 'method.request.path.ID': true };
  expect(putMethodViolations({ verb: 'GET', authorizationType: 'NONE', requestParameters: dup })[0]?.message).toBe(
    'Parameter names must be unique across querystring, header and path',
  );
  const notBool = { 'method.request.querystring.q': 'yes' };
  expect(
    putMethodViolations({ verb: 'GET', authorizationType: 'NONE', requestParameters: notBool })[0]?.message,
  ).toMatch(/Invalid mapping expression specified: yes\]$/);
});

test('only the built-in models can be referenced', () => {
  const vs = putMethodViolations({
    verb: 'POST',
    authorizationType: 'NONE',
    requestModels: { 'application/json': 'Empty', 'text/plain': 'Pet' },
  });
  expect(vs.map((v) => v.message)).toEqual(['Invalid model identifier specified: Pet']);
});
