// The $context a template sees: its shape and the preview's defaults. A module of its own, without the template
// engine, so pages can build a context (for the preview and header mappings) without loading the renderer.

export interface PreviewIdentity {
  sourceIp: string;
  userAgent: string;
  accountId: string;
  apiKey: string;
  apiKeyId: string;
  caller: string;
  user: string;
  userArn: string;
  cognitoAuthenticationProvider: string;
  cognitoAuthenticationType: string;
  cognitoIdentityId: string;
  cognitoIdentityPoolId: string;
}

export interface PreviewContext {
  requestId: string;
  extendedRequestId: string;
  apiId: string;
  accountId: string;
  stage: string;
  resourceId: string;
  resourcePath: string;
  httpMethod: string;
  path: string;
  protocol: string;
  domainName: string;
  domainPrefix: string;
  requestTime: string;
  requestTimeEpoch: number;
  identity: PreviewIdentity;
  authorizer: Record<string, string>;
}

export const defaultPreviewContext: PreviewContext = {
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  extendedRequestId: 'Ab1CdEfGhIjKlMn=',
  apiId: 'a1b2c3d4e5',
  accountId: '123456789012',
  stage: 'prod',
  resourceId: 'abc123',
  resourcePath: '/items/{id}',
  httpMethod: 'GET',
  path: '/prod/items/42',
  protocol: 'HTTP/1.1',
  domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
  domainPrefix: 'a1b2c3d4e5',
  requestTime: '09/Apr/2015:12:34:56 +0000',
  requestTimeEpoch: 1428582896000,
  identity: {
    sourceIp: '203.0.113.10',
    userAgent: 'curl/8.5.0',
    accountId: '',
    apiKey: '',
    apiKeyId: '',
    caller: '',
    user: '',
    userArn: '',
    cognitoAuthenticationProvider: '',
    cognitoAuthenticationType: '',
    cognitoIdentityId: '',
    cognitoIdentityPoolId: '',
  },
  authorizer: { principalId: 'user-1234' },
};
