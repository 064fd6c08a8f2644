// What every route module gets: the store, the clock, and the existence checks in AWS's wording.
import type { Context } from 'hono';
import { statusCodeViolation } from '../../src/rules/status-code';
import { notFound } from '../errors';
import { requestRegion, throwIfViolations } from '../http';
import type { IntegrationDoc, MethodDoc, ResourceRow, RestApiDoc } from '../model';
import type { Store } from '../store';

/** Account id used in AWS messages that name the account (`Invalid API identifier specified {acct}:{id}`). */
export const EMULATOR_ACCOUNT_ID = '123456789012';

export const MSG = {
  resource: 'Invalid Resource identifier specified',
  method: 'Invalid Method identifier specified',
  integration: 'Invalid Integration identifier specified',
  statusCode: 'Invalid Response status code specified',
};

export const METHOD_PATH = '/restapis/:api/resources/:res/methods/:verb';
export const INTEGRATION_PATH = `${METHOD_PATH}/integration`;

/** The method a request's path names. */
export interface MethodRef {
  region: string;
  apiId: string;
  resourceId: string;
  verb: string;
}

export function methodRef(c: Context): MethodRef {
  return {
    region: requestRegion(c),
    apiId: c.req.param('api') ?? '',
    resourceId: c.req.param('res') ?? '',
    verb: c.req.param('verb') ?? '',
  };
}

export interface RouteContext {
  store: Store;
  /** Clock in epoch milliseconds (createdDate is reported in epoch seconds). */
  now: () => number;
  requireApi(region: string, apiId: string): RestApiDoc;
  requireResource(region: string, apiId: string, resourceId: string): ResourceRow;
  /** The method without its integration responses (they are rows of their own: Store.integrationResponsesOf). */
  requireMethod(ref: MethodRef, message?: string): MethodDoc;
  /**
   * Reads the method inside a write job, lets `change` edit it, stores it and resolves with change's result
   * once durable. The one path every method-level write (method, method response, integration, integration
   * response) takes.
   */
  writeMethod<T>(ref: MethodRef, change: (m: MethodDoc) => T, missingMethodMessage?: string): Promise<T>;
}

export function requireIntegration(m: MethodDoc): IntegrationDoc {
  if (!m.methodIntegration) throw notFound(MSG.integration);
  return m.methodIntegration;
}

export function statusCodeFirst(sc: string): void {
  const v = statusCodeViolation(sc);
  if (v) throwIfViolations([v]);
}

export function routeContext(store: Store, now: () => number): RouteContext {
  const requireApi = (region: string, apiId: string): RestApiDoc => {
    const api = store.getRestApi(region, apiId);
    if (!api) throw notFound(`Invalid API identifier specified ${EMULATOR_ACCOUNT_ID}:${apiId}`);
    return api;
  };
  // Resource ids are unique within an api, so a resource lookup also proves the api exists; AWS reports
  // both an unknown api and an unknown resource as "Invalid Resource identifier specified".
  const requireResource = (region: string, apiId: string, resourceId: string): ResourceRow => {
    const r = store.getResource(region, apiId, resourceId);
    if (!r) throw notFound(MSG.resource);
    return r;
  };
  const requireMethod = (ref: MethodRef, message = MSG.method): MethodDoc => {
    requireResource(ref.region, ref.apiId, ref.resourceId);
    const m = store.getMethodCore(ref.region, ref.apiId, ref.resourceId, ref.verb);
    if (!m) throw notFound(message);
    return m;
  };
  return {
    store,
    now,
    requireApi,
    requireResource,
    requireMethod,
    writeMethod: (ref, change, missingMethodMessage) =>
      store.write(() => {
        const m = requireMethod(ref, missingMethodMessage);
        const result = change(m);
        store.putMethodCore(ref.region, ref.apiId, ref.resourceId, m);
        return result;
      }),
  };
}
