import { describe, expect, test } from 'vitest';
import { searchApi } from './search';
import type { SearchQuery } from './search-query';
import { makeMapping, makeMethod } from './test-rows';

const api = { id: 'a1', name: 'Orders' };
const methods = [
  makeMapping(
    makeMethod({
      type: 'AWS',
      methodResponses: [
        { statusCode: '200' },
        { statusCode: '400', responseParameters: { 'method.response.header.X-Trace': false } },
      ],
      integrationResponses: [
        { statusCode: '200', selectionPattern: '' },
        {
          statusCode: '400',
          selectionPattern: 'Invalid.*',
          responseTemplates: { 'application/json': '{"error": "$input.path(\'$.errorMessage\')"}' },
          responseParameters: { 'method.response.header.X-Trace': 'integration.response.header.trace-id' },
        },
      ],
    }),
    '/orders',
    'r1',
  ),
  makeMapping(
    makeMethod({
      httpMethod: 'POST',
      // No method response for 500: a problem the overview flags.
      integrationResponses: [{ statusCode: '500', selectionPattern: '.*timeout.*' }],
    }),
    '/orders',
    'r1',
  ),
];

const q = (over: Partial<SearchQuery>): SearchQuery => ({ text: '', field: 'any', problem: '', ...over });
const found = (query: SearchQuery) => searchApi(api, methods, query).map((h) => `${h.httpMethod} ${h.statusCode}`);

describe('searchApi', () => {
  test('finds text in a selection pattern, a template or a header mapping, case-insensitively, and says where', () => {
    expect(found(q({ text: 'invalid' }))).toEqual(['GET 400']);
    expect(searchApi(api, methods, q({ text: 'errormessage' }))[0]?.matchedIn).toEqual(['template application/json']);
    expect(searchApi(api, methods, q({ text: 'x-trace' }))[0]?.matchedIn).toEqual(['header X-Trace']);
    expect(found(q({ text: 'trace-id' }))).toEqual(['GET 400']);
  });

  test('a field limits where the text is looked for', () => {
    expect(found(q({ text: 'invalid', field: 'template' }))).toEqual([]);
    expect(found(q({ text: 'timeout', field: 'pattern' }))).toEqual(['POST 500']);
  });

  test('a status code matches from its start', () => {
    expect(found(q({ text: '4', field: 'status' }))).toEqual(['GET 400']);
    expect(found(q({ text: '5', field: 'status' }))).toEqual(['POST 500']);
    expect(found(q({ text: '00', field: 'status' }))).toEqual([]);
  });

  test('the problem filter keeps rows with that problem, or any problem, and combines with the text', () => {
    expect(found(q({ problem: 'missing-method-response' }))).toEqual(['POST 500']);
    expect(found(q({ problem: 'any' }))).toContain('POST 500');
    expect(found(q({ problem: 'missing-method-response', text: 'invalid' }))).toEqual([]);
    expect(found(q({ problem: 'missing-method-response', text: 'timeout' }))).toEqual(['POST 500']);
  });

  test('hits carry what the editor link needs', () => {
    expect(searchApi(api, methods, q({ text: 'invalid' }))[0]).toMatchObject({
      restApiId: 'a1',
      restApiName: 'Orders',
      resourceId: 'r1',
      path: '/orders',
      httpMethod: 'GET',
      statusCode: '400',
    });
  });
});
