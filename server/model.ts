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

/** What GetDeployment answers (AWS omits an unset description). */
export interface DeploymentDoc {
  id: string;
  description?: string;
  createdDate: number;
}

export type ApiTree = (ResourceRow & { methods: MethodDoc[] })[];

/** What a deployment froze: the API's settings and every resource with its methods at CreateDeployment time. */
export interface DeploymentSnapshot {
  api: RestApiDoc;
  resources: ApiTree;
}

/** One method's settings in a stage (`methodSettings["resource/VERB"]`), with AWS's defaults filled in. */
export interface MethodSetting {
  metricsEnabled: boolean;
  loggingLevel?: string;
  dataTraceEnabled: boolean;
  throttlingBurstLimit: number;
  throttlingRateLimit: number;
  cachingEnabled: boolean;
  cacheTtlInSeconds: number;
  cacheDataEncrypted: boolean;
  requireAuthorizationForCacheControl: boolean;
  unauthorizedCacheControlHeaderStrategy: string;
}

export interface StageDoc {
  deploymentId: string;
  stageName: string;
  description?: string;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  cacheClusterStatus: string;
  methodSettings: Record<string, MethodSetting>;
  variables?: Record<string, string>;
  documentationVersion?: string;
  tracingEnabled: boolean;
  tags?: Record<string, string>;
  createdDate: number;
  lastUpdatedDate: number;
}
