import { describe, expect, test } from 'vitest';
import type { Resource } from '../../api/models';
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

  test('filtering 10,000 paths takes well under a frame', () => {
    const many: Resource[] = [res('root', '/')];
    for (let i = 0; i < 100; i++) {
      many.push(res(`g${i}`, `/group${i}`));
      for (let j = 0; j < 99; j++) many.push(res(`g${i}-${j}`, `/group${i}/item${j}`, ['GET']));
    }
    const big = buildResourceIndex(many);
    expect(big.length).toBe(10_001);
    const needles = ['g', 'gr', 'gro', 'group4', 'group42', 'group42/', 'group42/item9', 'x'];
    for (const n of needles) visibleResourceRows(big, n, new Set()); // warm up the JIT
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const needle of needles) {
        const t0 = performance.now();
        visibleResourceRows(big, needle, new Set());
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    // The keystroke budget is 16 ms for everything; the median filter pass must use a small part of it. The median
    // (not the max) keeps a busy CI machine's scheduling hiccups from failing the test.
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(4);
    // item9 and item90–item98.
    expect(visibleResourceRows(big, 'group42/item9', new Set()).length).toBe(10);
  });
});
