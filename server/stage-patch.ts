// UpdateStage's patch operations: which paths AWS accepts, its refusals in its words, and how method settings
// ("resource/VERB" → settings) are created and changed. Evidence: docs/aws/deployments-stages.md.
import type { PatchOperation } from '../src/rules/patch-operations';
import { isStageVariableName, isStageVariableValue } from '../src/rules/stage';
import { badRequest, type AwsError } from './errors';
import type { MethodSetting, StageDoc } from './model';

/** The paths AWS lists in its "Invalid method setting path" refusal, in its order. */
const STAGE_UPDATE_PATHS = [
  '/deploymentId',
  '/description',
  '/cacheClusterEnabled',
  '/cacheClusterSize',
  '/clientCertificateId',
  '/accessLogSettings',
  '/accessLogSettings/destinationArn',
  '/accessLogSettings/format',
  '/{resourcePath}/{httpMethod}/metrics/enabled',
  '/{resourcePath}/{httpMethod}/logging/dataTrace',
  '/{resourcePath}/{httpMethod}/logging/loglevel',
  '/{resourcePath}/{httpMethod}/throttling/burstLimit',
  '/{resourcePath}/{httpMethod}/throttling/rateLimit',
  '/{resourcePath}/{httpMethod}/caching/ttlInSeconds',
  '/{resourcePath}/{httpMethod}/caching/enabled',
  '/{resourcePath}/{httpMethod}/caching/dataEncrypted',
  '/{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl',
  '/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy',
  '/*/*/metrics/enabled',
  '/*/*/logging/dataTrace',
  '/*/*/logging/loglevel',
  '/*/*/throttling/burstLimit',
  '/*/*/throttling/rateLimit',
  '/*/*/caching/ttlInSeconds',
  '/*/*/caching/enabled',
  '/*/*/caching/dataEncrypted',
  '/*/*/caching/requireAuthorizationForCacheControl',
  '/*/*/caching/unauthorizedCacheControlHeaderStrategy',
  '/variables/{variable_name}',
  '/tracingEnabled',
];

// AWS's list really is written with a few separators missing (recorded in LocalStack's AWS-validated snapshot
// test_apigateway_common TestStages::test_create_update_stages); clients may match the text, so it is kept.
const VALID_PATHS_TEXT = `[${STAGE_UPDATE_PATHS.join(', ')}]`
  .replace(
    '/{resourcePath}/{httpMethod}/throttling/burstLimit, /{resourcePath}/{httpMethod}/throttling/rateLimit, /{resourcePath}/{httpMethod}/caching/ttlInSeconds',
    '/{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds',
  )
  .replace('/*/*/throttling/burstLimit, /', '/*/*/throttling/burstLimit /')
  .replace('/*/*/throttling/rateLimit, /', '/*/*/throttling/rateLimit /');

const invalidPath = (path: string) =>
  badRequest(`Invalid method setting path: ${path}. Must be one of: ${VALID_PATHS_TEXT}`);

/** What a new method-settings entry starts from (AWS's recorded defaults). */
export const DEFAULT_METHOD_SETTING: MethodSetting = {
  metricsEnabled: false,
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
};

const SETTING_FIELDS: Record<string, { field: keyof MethodSetting; kind: 'bool' | 'int' | 'double' | 'string' }> = {
  'metrics/enabled': { field: 'metricsEnabled', kind: 'bool' },
  'logging/dataTrace': { field: 'dataTraceEnabled', kind: 'bool' },
  'logging/loglevel': { field: 'loggingLevel', kind: 'string' },
  'throttling/burstLimit': { field: 'throttlingBurstLimit', kind: 'int' },
  'throttling/rateLimit': { field: 'throttlingRateLimit', kind: 'double' },
  'caching/ttlInSeconds': { field: 'cacheTtlInSeconds', kind: 'int' },
  'caching/enabled': { field: 'cachingEnabled', kind: 'bool' },
  'caching/dataEncrypted': { field: 'cacheDataEncrypted', kind: 'bool' },
  'caching/requireAuthorizationForCacheControl': { field: 'requireAuthorizationForCacheControl', kind: 'bool' },
  'caching/unauthorizedCacheControlHeaderStrategy': { field: 'unauthorizedCacheControlHeaderStrategy', kind: 'string' },
};

/** AWS's refusals for stage variables (value text recorded in public reports of AWS's answer; see docs). */
export function stageVariableViolation(name: string, value: string): AwsError | null {
  if (!isStageVariableValue(value)) {
    return badRequest(
      `Invalid stage variable value: ${value}.  Please use values with alphanumeric characters and the symbols ' ', -', '.', '_', ':', '/', '?', '&', '=', and ','.`,
    );
  }
  // UNVERIFIED wording: AWS documents names as alphanumeric and underscore; this text follows its value refusal.
  if (!isStageVariableName(name)) {
    return badRequest(
      `Invalid stage variable name: ${name}.  Please use names with alphanumeric characters and the symbol '_'.`,
    );
  }
  return null;
}

function settingValue(kind: 'bool' | 'int' | 'double' | 'string', value: string | undefined, path: string) {
  const v = value ?? '';
  // UNVERIFIED: AWS's text for an unparseable setting value; a 400 naming the path is the plausible answer.
  const bad = () => badRequest(`Invalid value for ${path}: ${v}`);
  switch (kind) {
    case 'bool':
      if (!/^(true|false)$/i.test(v)) throw bad();
      return v.toLowerCase() === 'true';
    case 'int':
      if (!/^-?\d+$/.test(v)) throw bad();
      return Number(v);
    case 'double':
      if (v.trim() === '' || !Number.isFinite(Number(v))) throw bad();
      return Number(v);
    case 'string':
      return v;
  }
}

/**
 * Applies UpdateStage's operations to a copy of the stage; throws AWS's error for the first refused one, so a
 * refused request changes nothing. `deploymentExists` answers for /deploymentId.
 */
export function applyStagePatch(
  stage: StageDoc,
  ops: PatchOperation[],
  deploymentExists: (id: string) => boolean,
): StageDoc {
  const next: StageDoc = structuredClone(stage);
  for (const op of ops) {
    const path = op.path;
    const stripped = path.replace(/^\/+|\/+$/g, '');
    if (op.op === 'remove') {
      if (path.startsWith('/variables/')) {
        const name = path.slice('/variables/'.length);
        if (next.variables) delete next.variables[name];
        if (next.variables && Object.keys(next.variables).length === 0) delete next.variables;
        continue;
      }
      if (path === '/description') {
        delete next.description;
        continue;
      }
      // Removing "resource/VERB" drops that method's settings; anything else is refused with this text (recorded).
      if (next.methodSettings[stripped] === undefined) {
        throw badRequest(
          `Cannot remove method setting ${stripped} because there is no method setting for this method `,
        );
      }
      delete next.methodSettings[stripped];
      continue;
    }
    if (op.op !== 'replace' && op.op !== 'add') {
      // UNVERIFIED: AWS's text for move/copy/test on a stage outside canary settings.
      throw badRequest(`Invalid ${op.op} operation with path: ${path}`);
    }
    if (path.startsWith('/variables/') && path.length > '/variables/'.length) {
      const name = path.slice('/variables/'.length);
      const err = stageVariableViolation(name, op.value ?? '');
      if (err) throw err;
      next.variables = { ...(next.variables ?? {}), [name]: op.value ?? '' };
      continue;
    }
    if (op.op === 'add') throw badRequest(`Invalid add operation with path: ${path}`);
    switch (path) {
      case '/deploymentId':
        if (!op.value || !deploymentExists(op.value)) throw badRequest('Deployment id does not exist');
        next.deploymentId = op.value;
        continue;
      case '/description':
        next.description = op.value ?? '';
        continue;
      case '/tracingEnabled':
        next.tracingEnabled = (op.value ?? '').toLowerCase() === 'true';
        continue;
      case '/cacheClusterEnabled':
        next.cacheClusterEnabled = (op.value ?? '').toLowerCase() === 'true';
        continue;
      case '/cacheClusterSize':
        next.cacheClusterSize = op.value ?? '';
        continue;
      case '/clientCertificateId':
      case '/accessLogSettings':
      case '/accessLogSettings/destinationArn':
      case '/accessLogSettings/format':
        // Accepted and not modelled: the emulator has no certificates or access logs to apply them to.
        continue;
    }
    const parts = stripped.split('/');
    const setting = parts.length >= 4 ? SETTING_FIELDS[parts.slice(-2).join('/')] : undefined;
    if (setting === undefined) throw invalidPath(path);
    const key = parts.slice(0, -2).join('/');
    // A new entry starts from the */* entry when there is one (recorded: test/GET inherits */*'s caching).
    const current = next.methodSettings[key] ?? { ...(next.methodSettings['*/*'] ?? DEFAULT_METHOD_SETTING) };
    next.methodSettings[key] = { ...current, [setting.field]: settingValue(setting.kind, op.value, path) };
  }
  return next;
}
