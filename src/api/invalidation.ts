// What each write makes stale. Kept free of React so it can be tested with a plain QueryClient in Node.
import type { QueryClient } from '@tanstack/react-query';
import type { MethodRef, ResponseRef, StageRef } from './refs';
import { apiGatewayKeys } from './query-keys';

/**
 * The method (embeds integration and method responses), the api's resources listing (embeds methods), and the
 * api's methods as the overview and the search load them.
 */
export async function invalidateMethodViews(qc: QueryClient, scope: string, ref: MethodRef) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: apiGatewayKeys.method(scope, ref), exact: true }),
    qc.invalidateQueries({ queryKey: apiGatewayKeys.resources(scope, ref), exact: true }),
    qc.invalidateQueries({ queryKey: apiGatewayKeys.apiMappings(scope, ref), exact: true }),
  ]);
}

/** Refetches the method even when no page shows it now, for a page about to open it (the editor after a write). */
export async function refetchMethod(qc: QueryClient, scope: string, ref: MethodRef) {
  await qc.refetchQueries({ queryKey: apiGatewayKeys.method(scope, ref), exact: true }).catch(() => undefined);
}

export async function invalidateIntegrationResponse(qc: QueryClient, scope: string, ref: ResponseRef) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: apiGatewayKeys.integrationResponse(scope, ref), exact: true }),
    invalidateMethodViews(qc, scope, ref),
  ]);
}

export async function invalidateMethodResponse(qc: QueryClient, scope: string, ref: ResponseRef) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: apiGatewayKeys.methodResponse(scope, ref), exact: true }),
    invalidateMethodViews(qc, scope, ref),
  ]);
}

/**
 * A deployment to a stage (or any change of the stage): the API's stage list and what that stage serves. Other
 * stages still serve their own deployments, so their exports stay cached.
 */
export async function invalidateStage(qc: QueryClient, scope: string, ref: StageRef) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: apiGatewayKeys.stages(scope, ref), exact: true }),
    qc.invalidateQueries({ queryKey: apiGatewayKeys.stageExport(scope, ref), exact: true }),
  ]);
}

/** A new RestApi (ImportRestApi): the list of APIs, and nothing else (no other API changed). */
export async function invalidateRestApiList(qc: QueryClient, scope: string) {
  await qc.invalidateQueries({ queryKey: apiGatewayKeys.restApis(scope), exact: true });
}
