// One queryOptions factory per read. The client and scope come from useConnection(); keys carry the scope so
// switching targets never shows another target's data.
import { queryOptions } from '@tanstack/react-query';
import type { ApiGatewayClient } from './client';
import { apiGatewayKeys } from './query-keys';

export function restApisQueryOptions(client: ApiGatewayClient, scope: string) {
  return queryOptions({
    queryKey: apiGatewayKeys.restApis(scope),
    queryFn: ({ signal }) => client.getAllRestApis({ signal }),
  });
}

export function restApiQueryOptions(client: ApiGatewayClient, scope: string, restApiId: string) {
  return queryOptions({
    queryKey: apiGatewayKeys.restApi(scope, restApiId),
    queryFn: ({ signal }) => client.getRestApi(restApiId, { signal }),
  });
}

/** All pages, with methods embedded (the overview needs every method's integration responses). */
export function resourcesQueryOptions(client: ApiGatewayClient, scope: string, restApiId: string) {
  return queryOptions({
    queryKey: apiGatewayKeys.resources(scope, restApiId),
    queryFn: ({ signal }) => client.getAllResources(restApiId, { embedMethods: true, signal }),
  });
}

export function methodQueryOptions(
  client: ApiGatewayClient,
  scope: string,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
) {
  return queryOptions({
    queryKey: apiGatewayKeys.method(scope, restApiId, resourceId, httpMethod),
    queryFn: ({ signal }) => client.getMethod(restApiId, resourceId, httpMethod, { signal }),
  });
}

export function methodResponseQueryOptions(
  client: ApiGatewayClient,
  scope: string,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
) {
  return queryOptions({
    queryKey: apiGatewayKeys.methodResponse(scope, restApiId, resourceId, httpMethod, statusCode),
    queryFn: ({ signal }) => client.getMethodResponse(restApiId, resourceId, httpMethod, statusCode, { signal }),
  });
}

export function integrationResponseQueryOptions(
  client: ApiGatewayClient,
  scope: string,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
) {
  return queryOptions({
    queryKey: apiGatewayKeys.integrationResponse(scope, restApiId, resourceId, httpMethod, statusCode),
    queryFn: ({ signal }) => client.getIntegrationResponse(restApiId, resourceId, httpMethod, statusCode, { signal }),
  });
}
