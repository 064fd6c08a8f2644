import type { IntegrationKind } from '@/rules/integration-kind';

export const integrationKindLabel: Record<IntegrationKind, string> = {
  none: 'No integration',
  mock: 'Mock (MOCK)',
  http: 'HTTP (HTTP)',
  'http-proxy': 'HTTP proxy (HTTP_PROXY)',
  lambda: 'Lambda function (AWS)',
  aws: 'AWS service (AWS)',
  'aws-proxy': 'Lambda proxy (AWS_PROXY)',
};
