import { describe, expect, test } from 'vitest';
import { isStageName, isStageVariableName, isStageVariableValue } from './stage';

describe('stage names', () => {
  test.each(['prod', 'dev-2', 'v1_beta', 'A'.repeat(128)])('%s is a stage name', (name) => {
    expect(isStageName(name)).toBe(true);
  });
  test.each(['', 'my stage', 'prod.1', 'é', 'A'.repeat(129)])('%j is not', (name) => {
    expect(isStageName(name)).toBe(false);
  });
});

describe('stage variables', () => {
  test('names are letters, digits and underscores', () => {
    expect(isStageVariableName('backend_host2')).toBe(true);
    expect(isStageVariableName('backend-host')).toBe(false);
    expect(isStageVariableName('')).toBe(false);
  });
  test("values allow AWS's symbols and nothing else", () => {
    expect(isStageVariableValue('https://example.com:8080/a?b=c&d=e,f ~g#h')).toBe(true);
    expect(isStageVariableValue('a"b')).toBe(false);
    expect(isStageVariableValue('')).toBe(false);
  });
});
