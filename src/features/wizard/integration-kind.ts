import type { Integration } from '@/api/models';

export type IntegrationKind = 'none' | 'mock' | 'http' | 'http-proxy' | 'lambda' | 'aws' | 'aws-proxy';

export function integrationKind(integration: Integration | undefined): IntegrationKind {
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
      // A Lambda (non-proxy) integration is an AWS integration whose URI invokes Lambda's path API.
      return integration.uri?.includes(':lambda:path/') ? 'lambda' : 'aws';
  }
}

export const integrationKindLabel: Record<IntegrationKind, string> = {
  none: 'No integration',
  mock: 'Mock (MOCK)',
  http: 'HTTP (HTTP)',
  'http-proxy': 'HTTP proxy (HTTP_PROXY)',
  lambda: 'Lambda function (AWS)',
  aws: 'AWS service (AWS)',
  'aws-proxy': 'Lambda proxy (AWS_PROXY)',
};

export function isProxyKind(kind: IntegrationKind): boolean {
  return kind === 'http-proxy' || kind === 'aws-proxy';
}
