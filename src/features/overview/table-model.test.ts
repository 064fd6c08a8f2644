import { describe, expect, test } from 'vitest';
import { emptyFilter, filterRows, methodsIn, sortRows } from './table-model';
import { makeRow } from '@/api-mappings/test-rows';

const rows = [
  makeRow({ id: 'a', path: '/pets', httpMethod: 'GET', statusCode: '200' }),
  makeRow({
    id: 'b',
    path: '/pets',
    httpMethod: 'GET',
    statusCode: '404',
    problems: [{ code: 'missing-method-response', severity: 'error', message: 'x' }],
  }),
  makeRow({
    id: 'c',
    path: '/pets/{petId}',
    httpMethod: 'DELETE',
    statusCode: '500',
    problems: [{ code: 'no-default', severity: 'warning', message: 'y' }],
  }),
  makeRow({ id: 'd', path: '/orders', httpMethod: 'POST', statusCode: undefined, integrationType: undefined }),
  makeRow({ id: 'e', path: '/Pets/search', httpMethod: 'ANY', statusCode: '200' }),
];
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

describe('filterRows', () => {
  test('no filter keeps every row', () => {
    expect(ids(filterRows(rows, emptyFilter))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('path is a case-insensitive substring; method is exact', () => {
    expect(ids(filterRows(rows, { ...emptyFilter, path: 'PETS' }))).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(filterRows(rows, { ...emptyFilter, path: 'pets', httpMethod: 'GET' }))).toEqual(['a', 'b']);
  });

  test('status code is a prefix; a dash finds methods without integration responses', () => {
    expect(ids(filterRows(rows, { ...emptyFilter, statusCode: '4' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...emptyFilter, statusCode: '200' }))).toEqual(['a', 'e']);
    expect(ids(filterRows(rows, { ...emptyFilter, statusCode: '-' }))).toEqual(['d']);
  });

  test('problem filter: any problem, none, or one kind', () => {
    expect(ids(filterRows(rows, { ...emptyFilter, problem: 'with-problems' }))).toEqual(['b', 'c']);
    expect(ids(filterRows(rows, { ...emptyFilter, problem: 'without-problems' }))).toEqual(['a', 'd', 'e']);
    expect(ids(filterRows(rows, { ...emptyFilter, problem: 'no-default' }))).toEqual(['c']);
  });
});

describe('sortRows', () => {
  test('by path in code-point order, then method, then status code', () => {
    expect(ids(sortRows(rows, { key: 'path', dir: 'asc' }))).toEqual(['e', 'd', 'a', 'b', 'c']);
  });

  test('by status code numerically, descending', () => {
    expect(ids(sortRows(rows, { key: 'status', dir: 'desc' }))).toEqual(['c', 'b', 'e', 'a', 'd']);
  });

  test('by problem count, ties broken by path', () => {
    expect(ids(sortRows(rows, { key: 'problems', dir: 'desc' }))).toEqual(['b', 'c', 'e', 'd', 'a']);
  });

  test('does not change the input array', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'status', dir: 'asc' });
    expect(rows).toEqual(copy);
  });
});

test('methodsIn lists each verb once, in the usual order', () => {
  expect(methodsIn(rows)).toEqual(['ANY', 'GET', 'POST', 'DELETE']);
});
