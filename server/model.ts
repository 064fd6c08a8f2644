// Documents the emulator stores and returns. Shapes follow AWS's wire format (rest-json), where unset
// optional members are omitted rather than sent as null.
import type { IntegrationResponse, IntegrationType, MethodResponse } from '../src/rules/types';

export interface EndpointConfiguration {
  types: string[];
  ipAddressType?: string;
  vpcEndpointIds?: string[];
}

export interface RestApiDoc {
  id: string;
  name: string;
  createdDate: number;
  rootResourceId: string;
  apiKeySource: string;
  disableExecuteApiEndpoint: boolean;
  endpointConfiguration: EndpointConfiguration;
  description?: string;
  version?: string;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  policy?: string;
  tags?: Record<string, string>;
}

export interface ResourceRow {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
}

export interface IntegrationDoc {
  type: IntegrationType;
  httpMethod?: string;
  uri?: string;
  connectionType?: string;
  connectionId?: string;
  credentials?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string | null>;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis: number;
  cacheNamespace: string;
  cacheKeyParameters: string[];
  tlsConfig?: { insecureSkipVerification?: boolean };
  integrationResponses?: Record<string, IntegrationResponse>;
}

export interface MethodDoc {
  httpMethod: string;
  authorizationType: string;
  apiKeyRequired: boolean;
  authorizerId?: string;
  operationName?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  requestValidatorId?: string;
  authorizationScopes?: string[];
  methodResponses?: Record<string, MethodResponse>;
  methodIntegration?: IntegrationDoc;
}
