// Every key starts with ['apigateway', scope] so data of one target is never shown for another.
// Keys are deliberately flat (kind right after scope, not nested under the api/method) so that a prefix
// invalidation of one entity can never sweep up its children by accident.
export const apiGatewayKeys = {
  all: (scope: string) => ['apigateway', scope] as const,
  restApis: (scope: string) => ['apigateway', scope, 'restApis'] as const,
  restApi: (scope: string, restApiId: string) => ['apigateway', scope, 'restApi', restApiId] as const,
  resources: (scope: string, restApiId: string) => ['apigateway', scope, 'resources', restApiId] as const,
  method: (scope: string, restApiId: string, resourceId: string, httpMethod: string) =>
    ['apigateway', scope, 'method', restApiId, resourceId, httpMethod] as const,
  methodResponse: (scope: string, restApiId: string, resourceId: string, httpMethod: string, statusCode: string) =>
    ['apigateway', scope, 'methodResponse', restApiId, resourceId, httpMethod, statusCode] as const,
  integrationResponse: (scope: string, restApiId: string, resourceId: string, httpMethod: string, statusCode: string) =>
    ['apigateway', scope, 'integrationResponse', restApiId, resourceId, httpMethod, statusCode] as const,
};
