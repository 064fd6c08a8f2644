// What kind of back end an integration is, from its type and URI: the one place that knows which types are proxies
// and how a Lambda integration is told apart from other AWS service integrations
// (docs/aws/integration-responses.md).
import type { IntegrationType } from './types';

export type IntegrationKind = 'none' | 'mock' | 'http' | 'http-proxy' | 'lambda' | 'aws' | 'aws-proxy';

/** The members of an integration that decide its kind (as GetIntegration returns them). */
export interface IntegrationShape {
  type?: IntegrationType | string;
  uri?: string;
}

/** A proxy integration passes the back end's response through: its integration responses are never used. */
export function isProxyIntegrationType(type: string | undefined): boolean {
  return type === 'HTTP_PROXY' || type === 'AWS_PROXY';
}

/**
 * A Lambda (non-proxy) integration is an AWS integration whose URI invokes Lambda's path API; its selection patterns
 * see the Lambda function's errorMessage instead of a status code.
 */
export function isLambdaIntegration(integration: IntegrationShape | undefined): boolean {
  return integration?.type === 'AWS' && (integration.uri ?? '').includes(':lambda:path/');
}

/** A Lambda proxy integration (AWS_PROXY invoking Lambda, as opposed to another service such as Firehose). */
export function isLambdaProxy(integration: IntegrationShape | undefined): boolean {
  return integration?.type === 'AWS_PROXY' && (integration.uri ?? '').includes(':lambda:path/');
}

export function integrationKind(integration: IntegrationShape | undefined): IntegrationKind {
  if (!integration) return 'none';
  switch (integration.type) {
    case 'MOCK':
      return 'mock';
    case 'HTTP':
      return 'http';
    case 'HTTP_PROXY':
      return 'http-proxy';
    case 'AWS_PROXY':
      return 'aws-proxy';
    case 'AWS':
      return isLambdaIntegration(integration) ? 'lambda' : 'aws';
    default:
      return 'none';
  }
}

export function isProxyKind(kind: IntegrationKind): boolean {
  return kind === 'http-proxy' || kind === 'aws-proxy';
}
