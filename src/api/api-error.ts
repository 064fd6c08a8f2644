// The one error type of the fetch layer. Pure data: no UI side effects, never carries credentials.
export type ApiErrorKind = 'aws' | 'network' | 'timeout' | 'unparseable' | 'aborted';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  errorType?: string;
  status?: number;
  requestId?: string;
  retryable?: boolean;
  field?: string;
  /** From a `Retry-After` header, when the server sent one. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  kind: ApiErrorKind;
  errorType?: string;
  status?: number;
  requestId?: string;
  retryable: boolean;
  field?: string;
  retryAfterMs?: number;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.errorType = init.errorType;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.field = init.field;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Plain words for the UI. Only the server's message is quoted, never request headers or credentials. */
export function describeApiError(error: unknown): { title: string; detail: string } {
  if (!(error instanceof ApiError)) {
    const msg = error instanceof Error ? error.message : String(error);
    return { title: 'Something went wrong', detail: msg };
  }
  const ref = error.requestId ? ` (request id ${error.requestId})` : '';
  switch (error.kind) {
    case 'aborted':
      return { title: 'Request cancelled', detail: 'The request was cancelled before it finished.' };
    case 'timeout':
      return {
        title: 'The server took too long',
        detail: 'No answer arrived in time. Check that the endpoint is reachable and try again.',
      };
    case 'network':
      return {
        title: 'Could not reach the server',
        detail:
          'The browser could not complete the request. The endpoint may be down or mistyped, or the browser blocked it because the server does not allow cross-origin (CORS) requests. ' +
          'Turn on "Forward through this app" in the connection settings to route requests through the dashboard\'s own server.',
      };
    case 'unparseable':
      return {
        title: 'Unexpected answer from the server',
        detail: `The server answered${error.status ? ` with HTTP ${error.status}` : ''}, but not in the API Gateway format${error.field ? ` (problem at "${error.field}")` : ''}. Is the endpoint really an API Gateway endpoint?${ref}`,
      };
    case 'aws':
      break;
  }
  const t = error.errorType ?? '';
  if (t === 'ForwardingNotAllowed') {
    return {
      title: 'Forwarding refused',
      detail:
        'This app only forwards requests to local addresses (127.0.0.1, localhost, [::1]) and to https API Gateway endpoints. Choose such an endpoint or turn off forwarding.',
    };
  }
  if (t === 'AccessDeniedException') {
    return {
      title: 'Permission denied',
      detail: `The credentials are valid but not allowed to do this. ${error.message}${ref}`.trim(),
    };
  }
  if (
    t === 'UnrecognizedClientException' ||
    t === 'InvalidSignatureException' ||
    t === 'IncompleteSignatureException' ||
    t === 'MissingAuthenticationTokenException' ||
    t === 'ExpiredTokenException' ||
    t === 'InvalidClientTokenId' ||
    t === 'UnauthorizedException' ||
    error.status === 403 ||
    error.status === 401
  ) {
    return {
      title: 'Credentials were rejected',
      detail:
        `The server did not accept the access key, secret or session token${t ? ` (${t})` : ''}. Check them, and check that the region matches the endpoint. ${error.message}${ref}`.trim(),
    };
  }
  if (t === 'TooManyRequestsException' || t === 'LimitExceededException' || error.status === 429) {
    return {
      title: 'Too many requests',
      detail: `The server is throttling requests. Wait a moment and try again. ${error.message}${ref}`,
    };
  }
  if (t === 'NotFoundException' || error.status === 404) {
    return {
      title: 'Not found',
      detail: `${sentence(error.message || 'The item does not exist.')} If it should exist, check that the region is the one the API lives in.${ref}`,
    };
  }
  if (t === 'ConflictException') return { title: 'Conflict', detail: `${error.message}${ref}` };
  if (
    t === 'BadRequestException' ||
    t === 'ValidationException' ||
    t === 'SerializationException' ||
    t === 'VALIDATION_ERROR'
  ) {
    return { title: 'The request was rejected', detail: `${error.message}${ref}` };
  }
  if (error.status !== undefined && error.status >= 500) {
    return {
      title: 'Server error',
      detail:
        `The server failed (HTTP ${error.status})${t ? ` with ${t}` : ''}. Some emulators do not implement every operation. ${error.message}${ref}`.trim(),
    };
  }
  return { title: t || 'Request failed', detail: `${error.message}${ref}` };
}

/** AWS messages usually lack a final full stop ("Invalid Resource identifier specified"); add one before more text. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
