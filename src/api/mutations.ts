// Write hooks. Each invalidates exactly what it changes: the entity itself, the method that embeds it, and the
// api's resources listing (which embeds methods). `exact: true` keeps sibling entries cached. Variables are the
// entity's ResponseRef plus what the call sends.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import type { ApiGatewayClient } from './client';
import { useConnection } from './connection-provider';
import type {
  IntegrationResponse,
  IntegrationResponseStep,
  MethodResponse,
  MethodResponseInput,
  MethodResponseStep,
  PatchOperation,
  TestInvokeRequest,
} from './models';
import type { MethodRef, ResponseRef, RestApiRef } from './refs';
import {
  invalidateIntegrationResponse,
  invalidateMethodResponse,
  invalidateMethodViews,
  invalidateRestApiList,
  invalidateStage,
  refetchMethod,
} from './invalidation';
import { apiGatewayKeys } from './query-keys';

type Call = { signal?: AbortSignal };

/** The integration response as stored now, or null when there is none. */
export type StoredVersion = IntegrationResponse | null;

/** The stored version was not the one the caller expected: someone changed it since. Nothing was sent. */
export class StoredVersionChangedError extends Error {
  constructor(readonly server: StoredVersion) {
    super('The integration response changed on the server since the edit started.');
    this.name = 'StoredVersionChangedError';
  }
}

/** The method response request of a send succeeded and the integration response request failed (`cause`). */
export class PartialSendError extends Error {
  constructor(
    readonly stored: MethodResponseStep,
    readonly storedMethodResponse: MethodResponse,
    override readonly cause: unknown,
  ) {
    super('The method response was stored; the integration response was not.');
    this.name = 'PartialSendError';
  }
}

/**
 * A send was to create the method response (PutMethodResponse), and one exists now: someone created it since the page
 * read the method. PutMethodResponse would replace it (and drop the headers it declares), so nothing was sent.
 */
export class MethodResponseExistsError extends Error {
  constructor(readonly server: MethodResponse) {
    super(`Method response ${server.statusCode} exists now; nothing was sent.`);
    this.name = 'MethodResponseExistsError';
  }
}

export type SendStage = 'checking' | 'method-response' | 'sending';

function sendMethodResponseStep(client: ApiGatewayClient, ref: ResponseRef, step: MethodResponseStep) {
  return step.kind === 'PutMethodResponse'
    ? client.putMethodResponse(ref, step.body)
    : client.updateMethodResponse(ref, step.patchOperations);
}

function sendIntegrationResponseStep(client: ApiGatewayClient, ref: ResponseRef, step: IntegrationResponseStep) {
  return step.kind === 'PutIntegrationResponse'
    ? client.putIntegrationResponse(ref, step.body)
    : client.updateIntegrationResponse(ref, step.patchOperations);
}

/**
 * Send, in order: read the integration response straight from the server (its method, not the cache: someone may
 * have changed it while the page was open) and stop with StoredVersionChangedError, sending nothing, if it is not the
 * expected version; before creating the method response, check it in the same read and stop with MethodResponseExistsError, sending nothing,
 * if someone created it meanwhile; then the method response request the editor staged, if any; then the integration
 * response request, built from what is stored (a PATCH is computed against it). When the first request succeeds and the second fails, the
 * error is a PartialSendError saying which one is stored. The cached copies are refreshed either way; the method is
 * refetched even when no page shows it, so the editor starts from what was just stored.
 */
export function useSendIntegrationResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (
      v: ResponseRef & {
        methodStep?: MethodResponseStep | null;
        integrationStep: (server: StoredVersion) => IntegrationResponseStep;
        isExpected: (server: StoredVersion) => boolean;
        onStage?: (stage: SendStage) => void;
      },
    ): Promise<{ stored: IntegrationResponse; created: boolean; methodResponse?: MethodResponse }> => {
      v.onStage?.('checking');
      // GetMethod embeds every integration response in full: a code it does not list has none, which this learns
      // without a GetIntegrationResponse answered 404 (docs/aws/control-plane.md, GetMethod).
      const method = await client.getMethod(v);
      const server = method.methodIntegration?.integrationResponses?.[v.statusCode] ?? null;
      if (!v.isExpected(server)) throw new StoredVersionChangedError(server);
      if (v.methodStep?.kind === 'PutMethodResponse') {
        // The same check for the method response the send creates: it must still not exist. The method just read
        // embeds its method responses too, so a code it does not list needs no GetMethodResponse answered 404.
        const existing = method.methodResponses?.[v.statusCode];
        if (existing !== undefined) {
          await invalidateMethodResponse(qc, scope, v);
          throw new MethodResponseExistsError(existing);
        }
      }
      let methodResponse: MethodResponse | undefined;
      if (v.methodStep) {
        v.onStage?.('method-response');
        try {
          methodResponse = await sendMethodResponseStep(client, v, v.methodStep);
        } catch (error) {
          // Nothing is stored; the page plans the next send from the method response as it is now (it may be gone).
          await invalidateMethodResponse(qc, scope, v);
          throw error;
        }
        await invalidateMethodResponse(qc, scope, v);
      }
      v.onStage?.('sending');
      try {
        const stored = await sendIntegrationResponseStep(client, v, v.integrationStep(server));
        return { stored, created: server === null, methodResponse };
      } catch (error) {
        if (v.methodStep && methodResponse) throw new PartialSendError(v.methodStep, methodResponse, error);
        throw error;
      }
    },
    onSuccess: async (_data, v) => {
      await invalidateIntegrationResponse(qc, scope, v);
      await refetchMethod(qc, scope, v);
    },
    onError: async (error, v) => {
      if (error instanceof StoredVersionChangedError || error instanceof PartialSendError)
        await invalidateIntegrationResponse(qc, scope, v);
    },
  });
}

export function useDeleteIntegrationResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ResponseRef & Call) => client.deleteIntegrationResponse(v, { signal: v.signal }),
    onSuccess: async (_data, v) => {
      // Drop the deleted entry rather than refetch it into a 404.
      qc.removeQueries({ queryKey: apiGatewayKeys.integrationResponse(scope, v), exact: true });
      await invalidateMethodViews(qc, scope, v);
    },
  });
}

export function usePutMethodResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ResponseRef & Call & { body: MethodResponseInput }) =>
      client.putMethodResponse(v, v.body, { signal: v.signal }),
    onSuccess: (_data, v) => invalidateMethodResponse(qc, scope, v),
  });
}

export function useUpdateMethodResponse() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ResponseRef & Call & { patchOperations: PatchOperation[] }) =>
      client.updateMethodResponse(v, v.patchOperations, { signal: v.signal }),
    onSuccess: (_data, v) => invalidateMethodResponse(qc, scope, v),
  });
}

function outcomeUnknown(e: unknown): boolean {
  return !(e instanceof ApiError) || e.kind !== 'aws' || (e.status ?? 0) >= 500;
}

/**
 * CreateDeployment. AWS allows one every 5 seconds per account (docs/aws/throttling.md): a throttled deploy is not an
 * error, the client waits and sends it again, telling `onThrottled` how long each wait is.
 */
export function useCreateDeployment() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: RestApiRef &
        Call & {
          stageName: string;
          description?: string;
          onThrottled?: (waitMs: number) => void;
        },
    ) =>
      client.createDeployment(
        v,
        { stageName: v.stageName, ...(v.description ? { description: v.description } : {}) },
        { signal: v.signal, ...(v.onThrottled ? { onThrottled: v.onThrottled } : {}) },
      ),
    onSuccess: (_data, v) => invalidateStage(qc, scope, v),
    // A refusal (4xx) changed nothing; after a lost answer the deployment may or may not have happened.
    onError: (error, v) => (outcomeUnknown(error) ? invalidateStage(qc, scope, v) : undefined),
  });
}

export function useTestInvokeMethod() {
  const { client } = useConnection();
  return useMutation({
    mutationFn: (v: MethodRef & { request: TestInvokeRequest }) => client.testInvokeMethod(v, v.request),
  });
}

/** ImportRestApi: a new API from an OpenAPI file. Only the list of APIs changes. */
export function useImportRestApi() {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: { text: string; contentType: string }) => client.importRestApi(file),
    onSuccess: () => invalidateRestApiList(qc, scope),
  });
}
