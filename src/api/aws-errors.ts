// How API Gateway (and moto, and the forwarding route) report errors, turned into ApiError: the error type from
// the header or body, the message, throttling, Retry-After, and responses whose shape is not what was asked for.
import type * as z from 'zod/mini';
import { ApiError } from './api-error';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function isThrottle(errorType: string | undefined, status: number | undefined): boolean {
  return (
    errorType === 'TooManyRequestsException' ||
    errorType === 'LimitExceededException' ||
    (errorType === undefined && status === 429)
  );
}

/** An AWS "does not exist" answer (moto sometimes sends the status without the type). */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.kind === 'aws' &&
    (error.errorType === 'NotFoundException' || error.status === 404)
  );
}

export function abortedError(cause: unknown): ApiError {
  return new ApiError({ kind: 'aborted', message: 'The request was cancelled.', cause });
}

/** Field path in the form `item[0].resourceMethods.GET.httpMethod`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(body)';
}

export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  status: number,
  requestId: string | undefined,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? formatPath(issue.path) : '(body)';
  // zod/mini ships no locale, so its messages are a bare "Invalid input"; the expected type is what a reader needs.
  const message = issue?.code === 'invalid_type' ? `expected ${issue.expected}` : (issue?.message ?? 'invalid');
  return throwUnparseable(`Unexpected response shape at "${field}": ${message}`, field, status, requestId);
}

export function throwUnparseable(message: string, field: string, status: number, requestId: string | undefined): never {
  throw new ApiError({ kind: 'unparseable', message, field, status, requestId, retryable: false });
}

/** `X-Amzn-ErrorType` first (botocore splits on ':'), then body `__type` (may be `ns#Type`), then `code`. */
export function errorTypeOf(headers: Headers, body: unknown): string | undefined {
  const header = headers.get('x-amzn-errortype');
  if (header) return header.split(':')[0]?.trim() || undefined;
  if (!isRecord(body)) return undefined;
  const t = str(body.__type);
  if (t) return t.split('#').pop()?.split(':')[0];
  return str(body.code) ?? str(body.Code);
}

// UNVERIFIED (docs/aws/wire-format.md, "Errors"): the key for the unmodeled ValidationException/SerializationException may be `Message`.
export function errorMessageOf(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  return str(body.message) ?? str(body.Message);
}

/** The success/error envelope of the operation reference page: `{success, data}` / `{success:false, error}`. */
export function isEnvelope(body: unknown): body is { success: boolean; data?: unknown; error?: unknown } {
  return isRecord(body) && typeof body.success === 'boolean' && ('data' in body || 'error' in body);
}

export function envelopeError(error: unknown, status: number, requestId: string | undefined): ApiError {
  const code = isRecord(error) ? (str(error.code) ?? str(error.type)) : undefined;
  const message =
    (isRecord(error) ? (str(error.message) ?? str(error.Message)) : undefined) ?? 'The server reported an error.';
  return new ApiError({
    kind: 'aws',
    errorType: code,
    status,
    requestId,
    message,
    retryable: isThrottle(code, status),
  });
}

/** `Retry-After` in seconds (AWS) or as an HTTP date; capped so a hostile value cannot stall the app. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, 60_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - Date.now(), 60_000));
}
