import { expect, test } from 'vitest';
import { createResourceRequestViolations, createResourceViolations } from './create-resource';

test('pathPart is required', () => {
  expect(createResourceRequestViolations(undefined)[0]?.message).toContain("'createResourceInput.pathPart'");
  expect(createResourceRequestViolations('pets')).toEqual([]);
});

test('plain parts, variables and greedy variables are accepted; slashes and stray braces are not', () => {
  for (const ok of ['pets', 'v1.2', '{id}', '{proxy+}', "a:b@c~$&'()*,;=!-"])
    expect(createResourceViolations(ok, {}, [])).toEqual([]);
  for (const bad of ['a/b', '{id', 'a{b}', '{}', 'a b'])
    expect(createResourceViolations(bad, {}, [])[0]?.type).toBe('BadRequestException');
});

test('no children under a greedy variable, no duplicate names, one variable per parent', () => {
  expect(createResourceViolations('x', { pathPart: '{proxy+}' }, [])[0]?.message).toMatch(/greedy path variable/);
  expect(createResourceViolations('pets', {}, [{ pathPart: 'pets' }])[0]?.type).toBe('ConflictException');
  expect(createResourceViolations('{b}', {}, [{ pathPart: '{a}' }])[0]?.message).toMatch(/only one is allowed/);
});
