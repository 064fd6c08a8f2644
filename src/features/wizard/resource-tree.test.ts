import { describe, expect, test } from 'vitest';
import type { Resource } from '@/api/models';
import { buildResourceIndex, visibleResourceRows } from './resource-tree';

function res(id: string, path: string, methods: string[] = []): Resource {
  return { id, path, resourceMethods: Object.fromEntries(methods.map((m) => [m, { httpMethod: m }])) };
}

const sample = [
  res('p2', '/pets/{petId}', ['PUT', 'GET']),
  res('r', '/', ['GET']),
  res('o', '/pets-old'),
  res('p', '/pets', ['POST', 'GET']),
  res('p3', '/pets/{petId}/photos'),
  res('a', '/about'),
];

describe('buildResourceIndex', () => {
  test('orders paths as a tree: a subtree stays together even when a sibling shares its prefix', () => {
    expect(buildResourceIndex(sample).map((e) => e.path)).toEqual([
      '/',
      '/about',
      '/pets',
      '/pets/{petId}',
      '/pets/{petId}/photos',
      '/pets-old',
    ]);
  });

  test('marks parents, depth and methods in a stable order', () => {
    const byPath = new Map(buildResourceIndex(sample).map((e) => [e.path, e]));
    expect(byPath.get('/')?.hasChildren).toBe(true);
    expect(byPath.get('/pets')?.hasChildren).toBe(true);
    expect(byPath.get('/pets-old')?.hasChildren).toBe(false);
    expect(byPath.get('/pets/{petId}/photos')?.depth).toBe(3);
    expect(byPath.get('/pets')?.methods).toEqual(['GET', 'POST']);
  });
});

describe('visibleResourceRows', () => {
  const index = buildResourceIndex(sample);

  test('collapsing a path hides its descendants only', () => {
    const rows = visibleResourceRows(index, '', new Set(['/pets'])).map((e) => e.path);
    expect(rows).toEqual(['/', '/about', '/pets', '/pets-old']);
  });

  test('collapsing the root hides everything else', () => {
    expect(visibleResourceRows(index, '', new Set(['/'])).map((e) => e.path)).toEqual(['/']);
  });

  test('a filter matches any part of the path, ignoring case and collapsed state', () => {
    const rows = visibleResourceRows(index, 'PETID', new Set(['/pets'])).map((e) => e.path);
    expect(rows).toEqual(['/pets/{petId}', '/pets/{petId}/photos']);
  });

  // How fast this is on 10,000 paths is the bench's business (`npm run bench`, the Scale row), not a test's.
  test('a filter over 10,000 paths returns exactly the matching ones, in tree order', () => {
    const many: Resource[] = [res('root', '/')];
    for (let i = 0; i < 100; i++) {
      many.push(res(`g${i}`, `/group${i}`));
      for (let j = 0; j < 99; j++) many.push(res(`g${i}-${j}`, `/group${i}/item${j}`, ['GET']));
    }
    const big = buildResourceIndex(many);
    expect(big.length).toBe(10_001);
    expect(visibleResourceRows(big, 'x', new Set())).toEqual([]);
    expect(visibleResourceRows(big, 'GROUP99/ITEM98', new Set()).map((e) => e.path)).toEqual(['/group99/item98']);
    // item9 and item90–item98.
    expect(visibleResourceRows(big, 'group42/item9', new Set()).map((e) => e.path)).toEqual([
      '/group42/item9',
      ...Array.from({ length: 9 }, (_, k) => `/group42/item9${k}`),
    ]);
  });
});
