// PutMethod checks, shared by the emulator and the SPA. The body's authorizationType is required (stage
// 'request'); the rest is checked once the resource is known to exist (stage 'method'), in AWS's order.
import { HTTP_VERBS } from './put-integration';
import type { RuleViolation, RuleViolationCode } from './types';
import { notNullConstraintMessage } from './validation-message';

export const authorizationTypeValues = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'] as const;
/** Models every new REST API has in AWS; PutMethod's requestModels may name them without creating them. */
export const BUILTIN_MODELS: readonly string[] = ['Empty', 'Error'];

const REQUEST_PARAMETER_KEY =
  /^method\.request\.(querystring|path|header|multivaluequerystring|multivalueheader)\.(.+)$/;

export interface PutMethodInput {
  verb: string;
  authorizationType?: string;
  authorizerId?: string;
  requestValidatorId?: string;
  requestModels?: Record<string, string | null>;
  /** As sent: values should be booleans. */
  requestParameters?: Record<string, unknown>;
}

function badRequest(code: RuleViolationCode, field: string, message: string): RuleViolation {
  return { code, type: 'BadRequestException', stage: 'method', field, message };
}

export function putMethodRequestViolations(input: PutMethodInput): RuleViolation[] {
  if (input.authorizationType !== undefined) return [];
  return [
    {
      code: 'missing-member',
      type: 'ValidationException',
      stage: 'request',
      field: 'authorizationType',
      message: notNullConstraintMessage('putMethodInput.authorizationType'),
    },
  ];
}

/**
 * The method-stage checks. The emulator has no authorizers, request validators or user models, so any
 * reference to one is unknown; the SPA, which knows nothing of them either, reaches the same verdict.
 */
export function putMethodViolations(input: PutMethodInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!(HTTP_VERBS as readonly string[]).includes(input.verb))
    out.push(
      badRequest(
        'invalid-http-method',
        'httpMethod',
        `Invalid HttpMethod specified. Valid options are ${HTTP_VERBS.join(',')}`,
      ),
    );
  const authorizationType = (input.authorizationType ?? '').toUpperCase();
  if (!(authorizationTypeValues as readonly string[]).includes(authorizationType)) {
    out.push(
      badRequest(
        'invalid-authorization-type',
        'authorizationType',
        `Invalid authorization type specified. Valid options are ${authorizationTypeValues.join(',')}`,
      ),
    );
  }
  const needsAuthorizer = authorizationType === 'CUSTOM' || authorizationType === 'COGNITO_USER_POOLS';
  if ((needsAuthorizer && !input.authorizerId) || input.authorizerId) {
    out.push(
      badRequest(
        'unknown-reference',
        'authorizerId',
        'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
      ),
    );
  }
  if (input.requestValidatorId !== undefined)
    out.push(badRequest('unknown-reference', 'requestValidatorId', 'Invalid Request Validator identifier specified'));
  for (const [ct, model] of Object.entries(input.requestModels ?? {})) {
    if (model !== null && !BUILTIN_MODELS.includes(model))
      out.push(badRequest('unknown-reference', `requestModels.${ct}`, `Invalid model identifier specified: ${model}`));
  }
  const seen = new Set<string>();
  for (const [key, required] of Object.entries(input.requestParameters ?? {})) {
    const field = `requestParameters.${key}`;
    const m = REQUEST_PARAMETER_KEY.exec(key);
    if (typeof required !== 'boolean' || !m) {
      const shown = typeof required !== 'boolean' ? String(required) : key;
      out.push(
        badRequest(
          'invalid-request-parameter',
          field,
          `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: ${shown}]`,
        ),
      );
      continue;
    }
    const name = (m[2] ?? '').toLowerCase();
    if (seen.has(name))
      out.push(
        badRequest(
          'duplicate-parameter-name',
          field,
          'Parameter names must be unique across querystring, header and path',
        ),
      );
    seen.add(name);
  }
  return out;
}
