// Every key starts with ['apigateway', scope] so data of one target is never shown for another.
// Keys are deliberately flat (kind right after scope, not nested under the api/method) so that a prefix
// invalidation of one entity can never sweep up its children by accident.
import type { MethodRef, ResponseRef, RestApiRef, StageRef } from './refs';

export const apiGatewayKeys = {
  all: (scope: string) => ['apigateway', scope] as const,
  restApis: (scope: string) => ['apigateway', scope, 'restApis'] as const,
  restApi: (scope: string, ref: RestApiRef) => ['apigateway', scope, 'restApi', ref.restApiId] as const,
  resources: (scope: string, ref: RestApiRef) => ['apigateway', scope, 'resources', ref.restApiId] as const,
  method: (scope: string, ref: MethodRef) =>
    ['apigateway', scope, 'method', ref.restApiId, ref.resourceId, ref.httpMethod] as const,
  methodResponse: (scope: string, ref: ResponseRef) =>
    ['apigateway', scope, 'methodResponse', ref.restApiId, ref.resourceId, ref.httpMethod, ref.statusCode] as const,
  integrationResponse: (scope: string, ref: ResponseRef) =>
    [
      'apigateway',
      scope,
      'integrationResponse',
      ref.restApiId,
      ref.resourceId,
      ref.httpMethod,
      ref.statusCode,
    ] as const,
  /** Every method of an API with its responses, as the overview and the search across APIs load it. */
  apiMappings: (scope: string, ref: RestApiRef) => ['apigateway', scope, 'apiMappings', ref.restApiId] as const,
  stages: (scope: string, ref: RestApiRef) => ['apigateway', scope, 'stages', ref.restApiId] as const,
  stageExport: (scope: string, ref: StageRef) =>
    ['apigateway', scope, 'stageExport', ref.restApiId, ref.stageName] as const,
};
