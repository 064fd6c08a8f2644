// What Send does, as a list of requests in order: the method response change the editor staged (a header to declare,
// or the method response itself to create), then the integration response, as a full PUT or as a PATCH of the
// fields that changed. Pure: the review shows this list, the mutation sends it and the exports print it.
import type { IntegrationResponseStep, MethodResponseInput, MethodResponseStep, PatchOperation } from '@/api/models';
import { responseHeaderKey } from '@/rules/mapping-expression';
import type { IntegrationResponse, IntegrationResponseInput, MethodResponse } from '@/rules/types';

/** Method response changes made in the editor, sent only with the integration response. */
export interface StagedMethodResponse {
  /** Header names (without `method.response.header.`) to declare, in the order they were added. */
  declareHeaders: string[];
  /** Create the method response for this status code, even with no header to declare. */
  create: boolean;
}

export const noStagedMethodResponse: StagedMethodResponse = { declareHeaders: [], create: false };

export function hasStagedChanges(staged: StagedMethodResponse | undefined): boolean {
  return staged !== undefined && (staged.create || staged.declareHeaders.length > 0);
}

/** How the integration response is sent: the whole object (PutIntegrationResponse) or only what changed (Update…). */
export type SendMode = 'put' | 'patch';

export type PlannedRequest = MethodResponseStep | IntegrationResponseStep;

/** The method response as it will be once the staged changes are applied (undefined: none, and none staged). */
export function withStaged(
  stored: MethodResponse | undefined,
  staged: StagedMethodResponse | undefined,
  statusCode: string,
): MethodResponse | undefined {
  if (!hasStagedChanges(staged) || staged === undefined) return stored;
  const params = { ...stored?.responseParameters };
  for (const name of staged.declareHeaders) {
    const key = responseHeaderKey(name);
    if (!Object.hasOwn(params, key)) params[key] = false;
  }
  const out: MethodResponse = { ...stored, statusCode };
  if (Object.keys(params).length > 0) out.responseParameters = params;
  return out;
}

/**
 * The request that applies the staged changes to the method response as stored now, or null when nothing is left to
 * do (every header already declared: a retry after the first request succeeded sends nothing twice). A method
 * response that does not exist is created with PutMethodResponse; an existing one only gets `add` operations, so
 * headers declared by someone else meanwhile are kept. A new header is declared as not required (`false`), as the
 * console does.
 */
export function methodResponseStep(
  stored: MethodResponse | undefined,
  staged: StagedMethodResponse | undefined,
): MethodResponseStep | null {
  if (staged === undefined) return null;
  const declared = stored?.responseParameters ?? {};
  const headers = [...new Set(staged.declareHeaders)].filter(
    (name) => !Object.hasOwn(declared, responseHeaderKey(name)),
  );
  if (stored === undefined) {
    if (headers.length === 0 && !staged.create) return null;
    const body: MethodResponseInput =
      headers.length > 0
        ? { responseParameters: Object.fromEntries(headers.map((h) => [responseHeaderKey(h), false])) }
        : {};
    return { kind: 'PutMethodResponse', body, headers };
  }
  if (headers.length === 0) return null;
  return {
    kind: 'UpdateMethodResponse',
    patchOperations: headers.map((h) => ({
      op: 'add',
      path: `/responseParameters/${escapePointerSegment(responseHeaderKey(h))}`,
      value: 'false',
    })),
    headers,
  };
}

/** A JSON Pointer segment (RFC 6901): `~` → `~0`, then `/` → `~1`, as the PatchOperation reference asks for keys. */
export function escapePointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function sameValue(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

function mapOps(
  name: 'responseParameters' | 'responseTemplates',
  before: Record<string, string | null> | undefined,
  after: Record<string, string | null> | undefined,
): PatchOperation[] {
  const ops: PatchOperation[] = [];
  const was = before ?? {};
  const now = after ?? {};
  for (const key of Object.keys(was)) {
    if (!Object.hasOwn(now, key)) ops.push({ op: 'remove', path: `/${name}/${escapePointerSegment(key)}` });
  }
  for (const [key, value] of Object.entries(now)) {
    const path = `/${name}/${escapePointerSegment(key)}`;
    // A null template travels as "" (AWS stores both as null).
    if (!Object.hasOwn(was, key)) ops.push({ op: 'add', path, value: value ?? '' });
    else if (!sameValue(was[key], value)) ops.push({ op: 'replace', path, value: value ?? '' });
  }
  return ops;
}

/**
 * UpdateIntegrationResponse operations that turn `before` (what is stored) into what a PUT of `after` would store.
 * Paths as AWS documents them for this resource (docs/aws/integration-responses.md): `/selectionPattern`,
 * `/contentHandling`, `/responseParameters/{key}`, `/responseTemplates/{content type}` with `/` escaped as `~1`.
 * A cleared selection pattern is replaced by "" (the default response, as a PUT of "" stores); cleared content
 * handling is removed (passthrough is its absence).
 */
export function integrationResponsePatch(
  before: IntegrationResponse,
  after: IntegrationResponseInput,
): PatchOperation[] {
  const ops: PatchOperation[] = [];
  if ((before.selectionPattern ?? '') !== (after.selectionPattern ?? '')) {
    ops.push({ op: 'replace', path: '/selectionPattern', value: after.selectionPattern ?? '' });
  }
  if (before.contentHandling !== after.contentHandling) {
    if (after.contentHandling === undefined) ops.push({ op: 'remove', path: '/contentHandling' });
    else ops.push({ op: 'replace', path: '/contentHandling', value: after.contentHandling });
  }
  ops.push(...mapOps('responseParameters', before.responseParameters, after.responseParameters));
  ops.push(...mapOps('responseTemplates', before.responseTemplates, after.responseTemplates));
  return ops;
}

export function integrationResponseStep(
  mode: SendMode,
  body: IntegrationResponseInput,
  stored: IntegrationResponse | null | undefined,
): IntegrationResponseStep {
  if (mode === 'patch' && stored) {
    return { kind: 'UpdateIntegrationResponse', patchOperations: integrationResponsePatch(stored, body) };
  }
  return { kind: 'PutIntegrationResponse', body };
}

export interface SendPlanInput {
  mode: SendMode;
  body: IntegrationResponseInput;
  /** The integration response the operations are computed against (the draft's base); null or undefined: none. */
  base: IntegrationResponse | null | undefined;
  /** The method response as stored now (undefined: there is none). */
  methodResponse: MethodResponse | undefined;
  staged: StagedMethodResponse | undefined;
}

/** Every request Send makes, in order. */
export function planSend(input: SendPlanInput): PlannedRequest[] {
  const method = methodResponseStep(input.methodResponse, input.staged);
  const integration = integrationResponseStep(input.mode, input.body, input.base);
  return method ? [method, integration] : [integration];
}

/** The PATCH body of an Update… request. */
export function patchBody(patchOperations: PatchOperation[]): { patchOperations: PatchOperation[] } {
  return { patchOperations };
}

/** One line a person reads to know what a request does. */
export function describeStep(step: PlannedRequest, statusCode: string): string {
  const list = (names: string[]) => names.join(', ');
  switch (step.kind) {
    case 'PutMethodResponse':
      return step.headers.length > 0
        ? `Create method response ${statusCode}, declaring ${list(step.headers)}`
        : `Create method response ${statusCode}`;
    case 'UpdateMethodResponse':
      return `Declare ${list(step.headers)} on method response ${statusCode}`;
    case 'PutIntegrationResponse':
      return `Store the whole integration response ${statusCode}`;
    case 'UpdateIntegrationResponse':
      return `Change only the edited fields of integration response ${statusCode}`;
  }
}
