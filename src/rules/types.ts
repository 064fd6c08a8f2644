// Shared vocabulary of the AWS rules module. Pure types: imported by the SPA (live validation),
// by src/api (error kinds) and by the emulator (server-side rejection).

/** Error types API Gateway puts in `X-Amzn-ErrorType`. The last two are added by AWS's framework (not modeled). */
export type AwsErrorType =
  | 'BadRequestException'
  | 'NotFoundException'
  | 'ConflictException'
  | 'UnauthorizedException'
  | 'LimitExceededException'
  | 'TooManyRequestsException'
  | 'ValidationException'
  | 'SerializationException';

export const httpStatusForErrorType: Record<AwsErrorType, number> = {
  BadRequestException: 400,
  NotFoundException: 404,
  ConflictException: 409,
  UnauthorizedException: 401,
  LimitExceededException: 429,
  TooManyRequestsException: 429,
  ValidationException: 400,
  SerializationException: 400,
};

export type ContentHandling = 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';

/** The integration response as AWS stores it (and as PutIntegrationResponse takes it, minus statusCode). */
export interface IntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  /** AWS stores an empty or null template as null. */
  responseTemplates?: Record<string, string | null>;
  /** A ContentHandling value when AWS stored it; typed as a plain string because other servers (moto) store whatever they are sent,
   * and reading what they stored must not fail. The PUT body's schema admits only the two values. */
  contentHandling?: ContentHandling | (string & {});
}

export type IntegrationResponseInput = Omit<IntegrationResponse, 'statusCode'>;

export interface MethodResponse {
  statusCode: string;
  /** `method.response.header.X` → required. */
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export type IntegrationType = 'HTTP' | 'HTTP_PROXY' | 'AWS' | 'AWS_PROXY' | 'MOCK';

/**
 * Where a violation happens in AWS's pipeline: 'request' violations (deserialization and constraint
 * validation) are reported before any existence check; 'method' violations need the method response and
 * are reported after the api/resource/method/integration exist.
 */
export type ViolationStage = 'request' | 'method';

/**
 * What a violation is about, for code that reacts to it (the overview's problem filter, the server's stages):
 * AWS's message text is for people and may change wording; the code does not.
 */
export type RuleViolationCode =
  /** A member (or the whole body) has the wrong JSON type for AWS's deserializer. */
  | 'wrong-json-type'
  | 'invalid-status-code'
  | 'invalid-content-handling'
  /** A `responseParameters` key that is not `method.response.header.<name>`. */
  | 'invalid-header-key'
  /** A `responseParameters` value that is not a valid source expression. */
  | 'invalid-mapping-source'
  /** Header mappings on a status code that has no method response. */
  | 'missing-method-response'
  /** A header mapping the method response does not declare. */
  | 'undeclared-header'
  | 'invalid-content-type'
  | 'template-too-large'
  /** A patch `op` outside the model's enum. */
  | 'invalid-patch-op'
  /** A patch `op` in the model's enum that API Gateway does not support for the resource (move, copy, test). */
  | 'unsupported-patch-op'
  | 'invalid-patch-path'
  /** A patch replacing or removing a key that does not exist. */
  | 'patch-target-not-found'
  /** A required member is absent (AWS's "Member must not be null"). */
  | 'missing-member'
  /** A member outside its model's enum value set. */
  | 'invalid-enum-value'
  | 'invalid-http-method'
  | 'invalid-integration-uri'
  | 'invalid-passthrough-behavior'
  | 'timeout-out-of-range'
  | 'invalid-authorization-type'
  /** A reference to an authorizer, request validator or model that does not exist. */
  | 'unknown-reference'
  | 'invalid-request-parameter'
  | 'duplicate-parameter-name'
  | 'invalid-path-part'
  | 'path-too-long'
  | 'child-of-greedy-path'
  | 'duplicate-path-part'
  | 'second-variable-path-part';

/** One thing AWS would reject, with AWS's exact error type and message. */
export interface RuleViolation {
  code: RuleViolationCode;
  type: AwsErrorType;
  message: string;
  stage: ViolationStage;
  /** Dotted form field the violation concerns, e.g. `statusCode`, `contentHandling`,
   * `responseTemplates.application/json`, `responseParameters.method.response.header.X-Foo`. */
  field: string;
}

export type RuleWarningCode =
  | 'no-default'
  | 'shadowed'
  /** Two patterns both match some outcome, neither covering the other: AWS documents no order among them. */
  | 'overlap'
  | 'java-regex'
  /** A JavaScript regex literal (`/.../flags`): Java reads the slashes and flags as text. */
  | 'js-regex-literal'
  | 'catch-all'
  | 'multiline'
  | 'status-pattern-shape'
  /** A static header value whose own text starts and ends with a quote, as if the quotes were typed by hand. */
  | 'quoted-static-value';

/** Something AWS accepts that breaks, or behaves surprisingly, at run time. Never blocks a send. */
export interface RuleWarning {
  code: RuleWarningCode;
  message: string;
  field: string;
  /** For 'shadowed' and 'overlap': the status code of the other integration response involved. */
  otherStatusCode?: string;
  /** For 'overlap': an outcome both patterns match, in words ("status code 404", "the error message …"). */
  example?: string;
  /** A one-click correction: the value `field` would take. */
  fix?: { label: string; value: string };
}
