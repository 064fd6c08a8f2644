import { expect, test } from 'vitest';
import { filterAndSortRestApis } from './rest-api-list';

const apis = [
  { id: 'aaa111', name: 'beta', createdDate: 300 },
  { id: 'bbb222', name: 'Alpha', createdDate: 100 },
  { id: 'ccc333', name: 'gamma', createdDate: 200 },
];

test('filters by part of the name or the id, ignoring case', () => {
  expect(filterAndSortRestApis(apis, 'ALP', { key: 'name', dir: 'asc' }).map((a) => a.id)).toEqual(['bbb222']);
  expect(filterAndSortRestApis(apis, 'c33', { key: 'name', dir: 'asc' }).map((a) => a.name)).toEqual(['gamma']);
});

test('sorts by name case-insensitively and by created date, both directions', () => {
  expect(filterAndSortRestApis(apis, '', { key: 'name', dir: 'asc' }).map((a) => a.name)).toEqual([
    'Alpha',
    'beta',
    'gamma',
  ]);
  expect(filterAndSortRestApis(apis, '', { key: 'created', dir: 'desc' }).map((a) => a.name)).toEqual([
    'beta',
    'gamma',
    'Alpha',
  ]);
});

test('APIs with the same name, whatever its case, keep one order: by name as typed, then by id', () => {
  const same = [
    { id: 'zzz999', name: 'orders' },
    { id: 'aaa111', name: 'Orders' },
    { id: 'mmm555', name: 'orders' },
  ];
  expect(filterAndSortRestApis(same, '', { key: 'name', dir: 'asc' }).map((a) => a.id)).toEqual([
    'aaa111',
    'mmm555',
    'zzz999',
  ]);
});
