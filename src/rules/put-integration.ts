// PutIntegration checks, shared by the emulator and the SPA. Pipeline: putIntegrationRequestViolations (stage
// 'request', before any existence check) → api/resource/method lookups → putIntegrationViolations (stage
// 'method'); awsVerdict picks the one error AWS answers with.
import type { IntegrationType, RuleViolation, RuleViolationCode } from './types';
import { enumConstraintMessage, notNullConstraintMessage } from './validation-message';

/** Verbs API Gateway accepts for a method or an integration's httpMethod, in the order AWS's message lists them. */
export const HTTP_VERBS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'] as const;
export const integrationTypeValues = [
  'HTTP',
  'MOCK',
  'AWS_PROXY',
  'HTTP_PROXY',
  'AWS',
] as const satisfies readonly IntegrationType[];
const CONTENT_HANDLING = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] as const;
const CONNECTION_TYPES = ['INTERNET', 'VPC_LINK'] as const;
export const passthroughBehaviorValues = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const;

export interface PutIntegrationInput {
  type?: string;
  httpMethod?: string;
  uri?: string;
  connectionType?: string;
  contentHandling?: string;
  passthroughBehavior?: string;
  timeoutInMillis?: number;
}

const includes = (list: readonly string[], v: string) => list.includes(v);

function constraint(field: string, message: string, code: RuleViolationCode = 'invalid-enum-value'): RuleViolation {
  return { code, type: 'ValidationException', stage: 'request', field, message };
}

function badRequest(code: RuleViolationCode, field: string, message: string): RuleViolation {
  return { code, type: 'BadRequestException', stage: 'method', field, message };
}

/** Constraint checks of the body, reported together before the method's existence is checked. */
export function putIntegrationRequestViolations(input: PutIntegrationInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  const { type, connectionType, contentHandling } = input;
  if (type === undefined)
    out.push(constraint('type', notNullConstraintMessage('putIntegrationInput.type'), 'missing-member'));
  else if (!includes(integrationTypeValues, type))
    out.push(constraint('type', enumConstraintMessage(type, 'putIntegrationInput.type', integrationTypeValues)));
  if (connectionType !== undefined && !includes(CONNECTION_TYPES, connectionType)) {
    out.push(
      constraint(
        'connectionType',
        enumConstraintMessage(connectionType, 'putIntegrationInput.connectionType', CONNECTION_TYPES),
      ),
    );
  }
  if (contentHandling !== undefined && !includes(CONTENT_HANDLING, contentHandling)) {
    out.push(
      constraint(
        'contentHandling',
        enumConstraintMessage(contentHandling, 'putIntegrationInput.contentHandling', CONTENT_HANDLING),
      ),
    );
  }
  return out;
}

function isHttpUrl(uri: string | undefined): boolean {
  try {
    const u = new URL(uri ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Business checks, in the order AWS reports them (the first one is the answer); the method exists by now. */
export function putIntegrationViolations(input: PutIntegrationInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  const { type, httpMethod, uri, passthroughBehavior, timeoutInMillis } = input;
  const noVerb = 'Enumeration value for HttpMethod must be non-empty';
  if (type !== 'MOCK' && type !== 'AWS_PROXY' && !httpMethod)
    out.push(badRequest('invalid-http-method', 'httpMethod', noVerb));
  if (httpMethod && !includes(HTTP_VERBS, httpMethod))
    out.push(
      badRequest(
        'invalid-http-method',
        'httpMethod',
        `Invalid HttpMethod specified. Valid options are ${HTTP_VERBS.join(',')}`,
      ),
    );
  if (type === 'AWS_PROXY' && !httpMethod) out.push(badRequest('invalid-http-method', 'httpMethod', noVerb));
  if ((type === 'HTTP' || type === 'HTTP_PROXY') && !isHttpUrl(uri))
    out.push(badRequest('invalid-integration-uri', 'uri', 'Invalid HTTP endpoint specified for URI'));
  if (type === 'AWS' || type === 'AWS_PROXY') {
    const arn = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:([a-z0-9.-]+):(.*)$/.exec(uri ?? '');
    if (!arn) out.push(badRequest('invalid-integration-uri', 'uri', 'Invalid ARN specified in the request'));
    else {
      const service = arn[1] ?? '';
      if (!/^(path|action)\/.+/.test(arn[2] ?? ''))
        out.push(badRequest('invalid-integration-uri', 'uri', 'AWS ARN for integration must contain path or action'));
      else if (type === 'AWS_PROXY' && service !== 'lambda' && service !== 'firehose') {
        out.push(
          badRequest(
            'invalid-integration-uri',
            'uri',
            "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
          ),
        );
      }
    }
  }
  // passthroughBehavior is a plain string in AWS's model; the exact rejection text is UNVERIFIED.
  if (passthroughBehavior !== undefined && !includes(passthroughBehaviorValues, passthroughBehavior)) {
    out.push(
      badRequest(
        'invalid-passthrough-behavior',
        'passthroughBehavior',
        `Invalid passthrough behavior specified: ${passthroughBehavior}`,
      ),
    );
  }
  if (timeoutInMillis !== undefined && (timeoutInMillis < 50 || timeoutInMillis > 29000)) {
    out.push(badRequest('timeout-out-of-range', 'timeoutInMillis', 'Timeout should be between 50 ms and 29000 ms'));
  }
  return out;
}
