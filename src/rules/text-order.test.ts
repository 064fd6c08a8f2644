import { describe, expect, it } from 'vitest';
import { compareCodeUnits, compareIgnoringCase } from './text-order';

describe('text order', () => {
  it('orders by code unit', () => {
    expect(['PUT', 'GET', 'DELETE', 'AWS_PROXY', 'AWS'].sort(compareCodeUnits)).toEqual([
      'AWS',
      'AWS_PROXY',
      'DELETE',
      'GET',
      'PUT',
    ]);
  });

  it('orders without case first, then by code unit between names that differ only in case', () => {
    expect(['x-b', 'X-A', 'x-a', 'Content-Type'].sort(compareIgnoringCase)).toEqual([
      'Content-Type',
      'X-A',
      'x-a',
      'x-b',
    ]);
  });
});
