// Builders for overview rows and methods in unit tests: defaults for everything a test does not care about.
import type { IntegrationResponse, Method, MethodResponse } from '@/api/models';
import type { MethodMapping, OverviewRow } from './rows';

export function makeRow(overrides: Partial<OverviewRow> = {}): OverviewRow {
  return {
    id: 'r1 GET 200',
    resourceId: 'r1',
    path: '/pets',
    httpMethod: 'GET',
    integrationType: 'MOCK',
    statusCode: '200',
    selectionPattern: '',
    isDefault: true,
    contentHandling: undefined,
    templateContentTypes: [],
    headerMappings: [],
    declaredHeaders: [],
    problems: [],
    ...overrides,
  };
}

export function makeMethod(opts: {
  httpMethod?: string;
  type?: string;
  uri?: string;
  integrationResponses?: IntegrationResponse[];
  methodResponses?: MethodResponse[];
  noIntegration?: boolean;
}): Method {
  const method: Method = { httpMethod: opts.httpMethod ?? 'GET', authorizationType: 'NONE' };
  if (opts.methodResponses)
    method.methodResponses = Object.fromEntries(opts.methodResponses.map((r) => [r.statusCode, r]));
  if (!opts.noIntegration) {
    method.methodIntegration = {
      type: (opts.type ?? 'MOCK') as NonNullable<Method['methodIntegration']>['type'],
      uri: opts.uri,
      integrationResponses: opts.integrationResponses
        ? Object.fromEntries(opts.integrationResponses.map((r) => [r.statusCode, r]))
        : undefined,
    };
  }
  return method;
}

export function makeMapping(method: Method, path = '/pets', resourceId = 'r1'): MethodMapping {
  return { resourceId, path, httpMethod: method.httpMethod, method };
}
