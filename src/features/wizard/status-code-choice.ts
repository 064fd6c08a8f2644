import type { Method } from '@/api/models';
import { isValidStatusCode } from '@/rules/status-code';

export type StatusCodeRow = {
  statusCode: string;
  methodResponse?: NonNullable<Method['methodResponses']>[string];
  integrationResponse?: NonNullable<NonNullable<Method['methodIntegration']>['integrationResponses']>[string];
};

/** One row per status code that has a method response, an integration response, or both; numeric order. */
export function statusCodeRows(method: Method): StatusCodeRow[] {
  const mr = method.methodResponses ?? {};
  const ir = method.methodIntegration?.integrationResponses ?? {};
  const codes = [...new Set([...Object.keys(mr), ...Object.keys(ir)])].sort();
  return codes.map((statusCode) => ({
    statusCode,
    methodResponse: mr[statusCode],
    integrationResponse: ir[statusCode],
  }));
}

/** The inline message for a typed status code, worded for the error summary too; null when acceptable. */
export function newStatusCodeError(value: string, taken: readonly string[]): string | null {
  const v = value.trim();
  if (v === '') return 'Enter a status code, like 404';
  if (!isValidStatusCode(v)) return 'Enter a status code from 100 to 599, as three digits, like 404';
  if (taken.includes(v)) return `Status code ${v} already exists: choose it from the list`;
  return null;
}

/** Header names as HTTP allows them (RFC 9110 token); AWS uses them inside `method.response.header.<name>`. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export function headerNameError(name: string, others: readonly string[]): string | null {
  const n = name.trim();
  if (n === '') return 'Enter a header name, like X-Request-Id';
  if (!HEADER_NAME.test(n)) return "Header names can only contain letters, digits and - _ . ! # $ % & ' * + ^ ` | ~";
  if (others.some((o) => o.trim().toLowerCase() === n.toLowerCase())) return `Header ${n} is declared twice`;
  return null;
}
