import { describe, expect, test } from 'vitest';
import { mappingPreview, parseSampleHeaders, type SampleResponse } from './preview-model';
import { defaultSimulation, requestView } from '@/response/simulation-inputs';

const sample: SampleResponse = {
  body: '{"data": {"id": "42", "tags": ["a", "b"]}, "count": 3}',
  headers: parseSampleHeaders('Content-Type: application/json\nSet-Cookie: a=1\nset-cookie: b=2\nnot a header line'),
  statusCode: '200',
};

describe('parseSampleHeaders', () => {
  test('reads Name: value lines case-insensitively, keeping repeated values and skipping junk', () => {
    expect(sample.headers).toEqual({ 'content-type': ['application/json'], 'set-cookie': ['a=1', 'b=2'] });
  });
});

describe('mappingPreview', () => {
  test('static values are shown as typed (without the quotes AWS needs)', () => {
    expect(mappingPreview({ header: 'X', kind: 'static', value: 'hi there' }, sample)).toEqual({ value: 'hi there' });
  });

  test('body JSONPaths resolve against the sample; objects and arrays come out as compact JSON', () => {
    expect(mappingPreview({ header: 'X', kind: 'body', value: 'data.id' }, sample)).toEqual({ value: '42' });
    expect(mappingPreview({ header: 'X', kind: 'body', value: 'data.tags' }, sample)).toEqual({ value: '["a","b"]' });
    expect(mappingPreview({ header: 'X', kind: 'body', value: '' }, sample)).toEqual({ value: sample.body });
    expect(mappingPreview({ header: 'X', kind: 'body', value: 'data.missing' }, sample)).toEqual({
      missing: 'nothing at this path in the body: header not sent',
    });
  });

  test('header sources read the sample headers; multivalue joins every value', () => {
    expect(mappingPreview({ header: 'X', kind: 'header', value: 'Content-Type' }, sample)).toEqual({
      value: 'application/json',
    });
    expect(mappingPreview({ header: 'X', kind: 'multivalueheader', value: 'Set-Cookie' }, sample)).toEqual({
      value: 'a=1,b=2',
    });
    expect(mappingPreview({ header: 'X', kind: 'header', value: 'X-Absent' }, sample)).toHaveProperty('missing');
  });

  test('stage and context variables are explained rather than invented', () => {
    expect(mappingPreview({ header: 'X', kind: 'stageVariable', value: 'env' }, sample)).toHaveProperty('missing');
    expect(mappingPreview({ header: 'X', kind: 'context', value: 'requestId' }, sample)).toHaveProperty('missing');
  });
});

test('a header mapping from a stage variable or $context reads the method request set under Simulate', () => {
  const request = requestView(
    { ...defaultSimulation(false).request, stageVariables: 'env=beta', stage: 'beta' },
    { httpMethod: 'GET', resourcePath: '/health/{check}' },
  );
  const sample = { body: '{}', headers: {}, statusCode: '200', request };
  expect(mappingPreview({ header: 'X-Env', kind: 'stageVariable', value: 'env' }, sample)).toEqual({ value: 'beta' });
  expect(mappingPreview({ header: 'X-Stage', kind: 'context', value: 'stage' }, sample)).toEqual({ value: 'beta' });
  expect(mappingPreview({ header: 'X-Path', kind: 'context', value: 'resourcePath' }, sample)).toEqual({
    value: '/health/{check}',
  });
  expect(mappingPreview({ header: 'X-Other', kind: 'stageVariable', value: 'other' }, sample)).toEqual({
    missing: 'the stage has no such variable',
  });
});
