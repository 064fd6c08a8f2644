// Write hooks. Each invalidates exactly what it changes: the entity itself, the method that embeds it, and the
// api's resources listing (which embeds methods). `exact: true` keeps sibling entries cached.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useConnection } from './connection-provider';
import type { IntegrationResponseInput, PatchOperation } from './models';
import { invalidateIntegrationResponse, invalidateMethodResponse, invalidateMethodViews } from './invalidation';
import type { MethodRef } from './invalidation';
import { apiGatewayKeys } from './query-keys';

export type { MethodRef } from './invalidation';

export function usePutIntegrationResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: MethodRef & { body: IntegrationResponseInput; signal?: AbortSignal }) =>
      client.putIntegrationResponse(v.restApiId, v.resourceId, v.httpMethod, v.statusCode, v.body, {
        signal: v.signal,
      }),
    onSuccess: (_data, v) => invalidateIntegrationResponse(qc, scope, v),
  });
}

export function useUpdateIntegrationResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: MethodRef & { patchOperations: PatchOperation[]; signal?: AbortSignal }) =>
      client.updateIntegrationResponse(v.restApiId, v.resourceId, v.httpMethod, v.statusCode, v.patchOperations, {
        signal: v.signal,
      }),
    onSuccess: (_data, v) => invalidateIntegrationResponse(qc, scope, v),
  });
}

export function useDeleteIntegrationResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: MethodRef & { signal?: AbortSignal }) =>
      client.deleteIntegrationResponse(v.restApiId, v.resourceId, v.httpMethod, v.statusCode, { signal: v.signal }),
    onSuccess: async (_data, v) => {
      // Drop the deleted entry rather than refetch it into a 404.
      qc.removeQueries({
        queryKey: apiGatewayKeys.integrationResponse(scope, v.restApiId, v.resourceId, v.httpMethod, v.statusCode),
        exact: true,
      });
      await invalidateMethodViews(qc, scope, v);
    },
  });
}

export function usePutMethodResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: MethodRef & {
        body: { responseParameters?: Record<string, boolean>; responseModels?: Record<string, string> };
        signal?: AbortSignal;
      },
    ) => client.putMethodResponse(v.restApiId, v.resourceId, v.httpMethod, v.statusCode, v.body, { signal: v.signal }),
    onSuccess: (_data, v) => invalidateMethodResponse(qc, scope, v),
  });
}

export function useUpdateMethodResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: MethodRef & { patchOperations: PatchOperation[]; signal?: AbortSignal }) =>
      client.updateMethodResponse(v.restApiId, v.resourceId, v.httpMethod, v.statusCode, v.patchOperations, {
        signal: v.signal,
      }),
    onSuccess: (_data, v) => invalidateMethodResponse(qc, scope, v),
  });
}
