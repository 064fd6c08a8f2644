// One queryOptions factory per read. The client and scope come from useConnection(); keys carry the scope so
// switching targets never shows another target's data.
import { queryOptions } from '@tanstack/react-query';
import type { ApiGatewayClient } from './client';
import type { MethodRef, RestApiRef, StageRef } from './refs';
import { apiGatewayKeys } from './query-keys';

export function restApisQueryOptions(client: ApiGatewayClient, scope: string) {
  return queryOptions({
    queryKey: apiGatewayKeys.restApis(scope),
    queryFn: ({ signal }) => client.getAllRestApis({ signal }),
  });
}

export function restApiQueryOptions(client: ApiGatewayClient, scope: string, ref: RestApiRef) {
  return queryOptions({
    queryKey: apiGatewayKeys.restApi(scope, ref),
    queryFn: ({ signal }) => client.getRestApi(ref, { signal }),
  });
}

/** All pages, with methods embedded (the overview needs every method's integration responses). */
export function resourcesQueryOptions(client: ApiGatewayClient, scope: string, ref: RestApiRef) {
  return queryOptions({
    queryKey: apiGatewayKeys.resources(scope, ref),
    queryFn: ({ signal }) => client.getAllResources(ref, { embedMethods: true, signal }),
  });
}

export function methodQueryOptions(client: ApiGatewayClient, scope: string, ref: MethodRef) {
  return queryOptions({
    queryKey: apiGatewayKeys.method(scope, ref),
    queryFn: ({ signal }) => client.getMethod(ref, { signal }),
  });
}

export function stagesQueryOptions(client: ApiGatewayClient, scope: string, ref: RestApiRef) {
  return queryOptions({
    queryKey: apiGatewayKeys.stages(scope, ref),
    queryFn: ({ signal }) => client.getStages(ref, undefined, { signal }),
  });
}

/** What the stage serves: changes only with a deployment or a stage update (see invalidateStage). */
export function stageExportQueryOptions(client: ApiGatewayClient, scope: string, ref: StageRef) {
  return queryOptions({
    queryKey: apiGatewayKeys.stageExport(scope, ref),
    queryFn: ({ signal }) => client.getStageExport(ref, { signal }),
  });
}
