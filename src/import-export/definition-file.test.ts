import { describe, expect, test } from 'vitest';
import {
  apiExportFileName,
  definitionContentType,
  definitionFileProblem,
  exportFileName,
  MAX_DEFINITION_BYTES,
} from './definition-file';

describe('definition files', () => {
  test('the name decides the Content-Type, else the first character', () => {
    expect(definitionContentType('api.yaml', '{}')).toBe('application/yaml');
    expect(definitionContentType('API.YML', 'openapi: 3.0.1')).toBe('application/yaml');
    expect(definitionContentType('api.json', 'openapi: 3.0.1')).toBe('application/json');
    expect(definitionContentType('export', '  {"openapi": "3.0.1"}')).toBe('application/json');
    expect(definitionContentType('export', 'openapi: 3.0.1')).toBe('application/yaml');
  });

  test('an empty file and one over 6 MB are not sent, and the user is told why', () => {
    expect(definitionFileProblem({ name: 'a.json', size: 0 })).toBe('a.json is empty.');
    expect(definitionFileProblem({ name: 'big.yaml', size: MAX_DEFINITION_BYTES + 1 })).toMatch(/larger than 6 MB/);
    expect(definitionFileProblem({ name: 'ok.yaml', size: MAX_DEFINITION_BYTES })).toBeUndefined();
  });

  test('an export is named after the API, the stage and its kind', () => {
    expect(exportFileName('a1b2c3d4e5', 'prod', 'oas30', 'yaml')).toBe('a1b2c3d4e5-prod-oas30.yaml');
    expect(exportFileName('a1b2c3d4e5', 'dev', 'swagger', 'json')).toBe('a1b2c3d4e5-dev-swagger.json');
  });

  test('the file of the API as it is now is named after the API and its kind, with no stage', () => {
    expect(apiExportFileName('a1b2c3d4e5', 'oas30', 'json')).toBe('a1b2c3d4e5-oas30.json');
    expect(apiExportFileName('a1b2c3d4e5', 'swagger', 'yaml')).toBe('a1b2c3d4e5-swagger.yaml');
  });
});
