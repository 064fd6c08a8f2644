// UpdateRestApi, UpdateMethod and UpdateIntegration patch operations (UpdateResource's two paths are checked in its
// route, where the tree is): which paths AWS accepts with which operations, its refusals in its words where they are
// recorded, applied to a copy so a refused request changes nothing. Evidence and the unverified choices:
// docs/aws/control-plane.md, "UpdateRestApi, UpdateResource, UpdateMethod, UpdateIntegration".
import type { PatchOperation } from '../src/rules/patch-operations';
import { splitPatchPath } from '../src/rules/patch-operations';
import { passthroughBehaviorValues } from '../src/rules/put-integration';
import { authorizationTypeValues } from '../src/rules/put-method';
import { badRequest } from './errors';
import type { IntegrationDoc, MethodDoc, RestApiDoc } from './model';

/** Recorded for UpdateRestApi's /minimumCompressionSize and /endpointConfiguration/ipAddressType, UpdateMethod's paths. */
const onlyReplace = () => badRequest('Invalid patch operation specified. Must be one of: [replace]');
/** Recorded for an operation UpdateRestApi does not take on /endpointConfiguration/types/N. */
const addRemoveReplace = () => badRequest("Invalid patch operation specified. Must be 'add'|'remove'|'replace'");
const invalidPath = (path: string) => badRequest(`Invalid patch path ${path}`);

/** Java's Boolean.parseBoolean: "true" in any case, anything else false (recorded: apiKeyRequired "whatever"). */
const javaBoolean = (value: string | undefined) => (value ?? '').toLowerCase() === 'true';

const MAX_COMPRESSION = 10485760;
const ENDPOINT_TYPES = ['REGIONAL', 'EDGE', 'PRIVATE'];
const IP_ADDRESS_TYPES = ['ipv4', 'dualstack'];

/** A map entry's key from a path `/<map>/<key>`: the rest of the path, so `/requestModels/application/json` is not one. */
function mapKey(segments: string[]): string | undefined {
  return segments.length === 2 ? segments[1] : undefined;
}

export function applyRestApiPatch(api: RestApiDoc, ops: readonly PatchOperation[]): RestApiDoc {
  const next = structuredClone(api);
  for (const op of ops) {
    const segments = splitPatchPath(op.path) ?? [];
    const [head] = segments;
    if (head === 'binaryMediaTypes') {
      // The list is patched like a map keyed by media type: the key is the path's last segment, `-` included
      // (recorded: add /binaryMediaTypes/- stores "-"); the bare list path is refused (recorded).
      const type = mapKey(segments);
      if (type === undefined) throw invalidPath(op.path);
      const list = next.binaryMediaTypes ?? [];
      if (op.op === 'add') {
        if (!list.includes(type)) list.push(type);
      } else if (op.op === 'remove') {
        const at = list.indexOf(type);
        if (at >= 0) list.splice(at, 1);
      } else if (op.op === 'replace') {
        // Recorded: replace image/png by image/gif in [png, jpeg] gives [jpeg, gif].
        const at = list.indexOf(type);
        if (at >= 0) list.splice(at, 1);
        if (op.value && !list.includes(op.value)) list.push(op.value);
      } else throw addRemoveReplace();
      if (list.length > 0) next.binaryMediaTypes = list;
      else delete next.binaryMediaTypes;
      continue;
    }
    if (head === 'endpointConfiguration' && segments[1] === 'types' && segments.length === 3) {
      if (op.op !== 'replace') throw addRemoveReplace();
      const type = op.value ?? '';
      if (!ENDPOINT_TYPES.includes(type)) {
        throw badRequest('Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE');
      }
      next.endpointConfiguration = { ...next.endpointConfiguration, types: [type] };
      // Recorded: switching to PRIVATE answers with ipAddressType dualstack, the only one private APIs take.
      if (type === 'PRIVATE') next.endpointConfiguration.ipAddressType = 'dualstack';
      continue;
    }
    switch (op.path) {
      case '/endpointConfiguration/ipAddressType': {
        if (op.op !== 'replace') throw onlyReplace();
        const value = op.value ?? '';
        if (!IP_ADDRESS_TYPES.includes(value)) throw badRequest('ipAddressType must be either ipv4 or dualstack.');
        if (value === 'ipv4' && next.endpointConfiguration.types.includes('PRIVATE')) {
          throw badRequest('Only dualstack ipAddressType is supported for Private APIs.');
        }
        next.endpointConfiguration = { ...next.endpointConfiguration, ipAddressType: value };
        continue;
      }
      case '/minimumCompressionSize': {
        if (op.op !== 'replace') throw onlyReplace();
        // AWS's reference: null or no value turns compression off; an empty string does too (recorded).
        if (op.value === undefined || op.value === '') {
          delete next.minimumCompressionSize;
          continue;
        }
        const size = /^-?\d+$/.test(op.value) ? Number(op.value) : Number.NaN;
        if (!(size >= 0 && size <= MAX_COMPRESSION)) {
          throw badRequest(`Invalid minimum compression size, must be between 0 and ${MAX_COMPRESSION}`);
        }
        next.minimumCompressionSize = size;
        continue;
      }
      case '/description':
      case '/version':
      case '/policy': {
        const field = op.path.slice(1) as 'description' | 'version' | 'policy';
        // Recorded: remove /description drops it. UNVERIFIED: add is refused like elsewhere, replace sets it.
        if (op.op === 'remove') delete next[field];
        else if (op.op === 'replace') next[field] = op.value ?? '';
        else throw addRemoveReplace();
        continue;
      }
      case '/name':
        if (op.op !== 'replace') throw onlyReplace();
        // UNVERIFIED: AWS's text for an empty name; CreateRestApi requires one.
        if (!op.value) throw badRequest('Name cannot be empty');
        next.name = op.value;
        continue;
      case '/apiKeySource':
        if (op.op !== 'replace') throw onlyReplace();
        // UNVERIFIED text; the values are the model's enum.
        if (op.value !== 'HEADER' && op.value !== 'AUTHORIZER') {
          throw badRequest(`Invalid API key source specified: ${op.value ?? ''}`);
        }
        next.apiKeySource = op.value;
        continue;
      case '/disableExecuteApiEndpoint':
        if (op.op !== 'replace') throw onlyReplace();
        next.disableExecuteApiEndpoint = javaBoolean(op.value);
        continue;
    }
    throw invalidPath(op.path);
  }
  return next;
}

export function applyMethodPatch(method: MethodDoc, ops: readonly PatchOperation[]): MethodDoc {
  const next = structuredClone(method);
  for (const op of ops) {
    const segments = splitPatchPath(op.path) ?? [];
    const [head] = segments;
    if (head === 'requestParameters' || head === 'requestModels') {
      // Recorded: the bare map path, and a content type written with an unescaped slash, are invalid paths.
      const key = mapKey(segments);
      if (key === undefined) throw invalidPath(op.path);
      if (op.op !== 'add' && op.op !== 'replace' && op.op !== 'remove') throw addRemoveReplace();
      if (head === 'requestParameters') {
        const map = next.requestParameters ?? {};
        if (op.op === 'remove') delete map[key];
        else map[key] = javaBoolean(op.value);
        if (Object.keys(map).length > 0) next.requestParameters = map;
        else delete next.requestParameters;
      } else {
        const map = next.requestModels ?? {};
        if (op.op === 'remove') delete map[key];
        else map[key] = op.value ?? '';
        if (Object.keys(map).length > 0) next.requestModels = map;
        else delete next.requestModels;
      }
      continue;
    }
    if (head === 'authorizationScopes') {
      // UNVERIFIED: scopes are patched as a set, like binaryMediaTypes.
      const scope = mapKey(segments);
      if (scope === undefined) throw invalidPath(op.path);
      const scopes = (next.authorizationScopes ?? []).filter((s) => s !== scope);
      if (op.op === 'add' || op.op === 'replace') scopes.push(op.op === 'add' ? scope : (op.value ?? scope));
      else if (op.op !== 'remove') throw addRemoveReplace();
      if (scopes.length > 0) next.authorizationScopes = scopes;
      else delete next.authorizationScopes;
      continue;
    }
    switch (op.path) {
      case '/authorizationType':
      case '/authorizerId':
      case '/apiKeyRequired':
      case '/operationName':
      case '/requestValidatorId':
        // Recorded: add on /operationName and on /requestValidatorId is refused with this text.
        if (op.op !== 'replace') throw onlyReplace();
        break;
      default:
        throw invalidPath(op.path);
    }
    const value = op.value ?? '';
    switch (op.path) {
      case '/authorizationType':
        // UNVERIFIED text for a value outside the enum.
        if (!(authorizationTypeValues as readonly string[]).includes(value.toUpperCase())) {
          throw badRequest(`Invalid authorization type specified: ${value}`);
        }
        next.authorizationType = value.toUpperCase();
        break;
      case '/authorizerId':
        next.authorizerId = value;
        break;
      case '/apiKeyRequired':
        next.apiKeyRequired = javaBoolean(value);
        break;
      case '/operationName':
        if (value === '') delete next.operationName;
        else next.operationName = value;
        break;
      case '/requestValidatorId':
        // The emulator has no request validators, so no id names one (recorded text for an unknown id).
        if (value !== '') throw badRequest('Invalid Request Validator identifier specified');
        delete next.requestValidatorId;
        break;
    }
  }
  // The emulator has no authorizers: CUSTOM and COGNITO_USER_POOLS can never name a valid one (recorded text). An
  // authorizerId on a method that needs none is dropped (recorded: replace /authorizerId on a NONE method answers
  // without it).
  if (next.authorizationType === 'CUSTOM' || next.authorizationType === 'COGNITO_USER_POOLS') {
    throw badRequest(
      'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    );
  }
  delete next.authorizerId;
  return next;
}

/** Integration fields UpdateIntegration replaces, by path (UNVERIFIED list: the Integration resource's members). */
const INTEGRATION_SCALARS = [
  'uri',
  'httpMethod',
  'credentials',
  'connectionType',
  'connectionId',
  'passthroughBehavior',
  'contentHandling',
  'timeoutInMillis',
  'cacheNamespace',
] as const;

export function applyIntegrationPatch(integration: IntegrationDoc, ops: readonly PatchOperation[]): IntegrationDoc {
  const next = structuredClone(integration);
  for (const op of ops) {
    const segments = splitPatchPath(op.path) ?? [];
    const [head] = segments;
    if (head === 'requestParameters' || head === 'requestTemplates') {
      const key = mapKey(segments);
      if (key === undefined) throw invalidPath(op.path);
      if (op.op !== 'add' && op.op !== 'replace' && op.op !== 'remove') throw addRemoveReplace();
      const map: Record<string, string | null> = { ...(next[head] ?? {}) };
      if (op.op === 'remove') delete map[key];
      // PutIntegration stores an empty template as null; the same here.
      else map[key] = head === 'requestTemplates' && (op.value ?? '') === '' ? null : (op.value ?? '');
      if (Object.keys(map).length === 0) delete next[head];
      else if (head === 'requestTemplates') next.requestTemplates = map;
      else next.requestParameters = map as Record<string, string>;
      continue;
    }
    if (head === 'cacheKeyParameters') {
      const key = mapKey(segments);
      if (key === undefined) throw invalidPath(op.path);
      const keys = next.cacheKeyParameters.filter((k) => k !== key);
      if (op.op === 'add') keys.push(key);
      else if (op.op !== 'remove') throw addRemoveReplace();
      next.cacheKeyParameters = keys;
      continue;
    }
    if (op.path === '/tlsConfig/insecureSkipVerification') {
      if (op.op !== 'replace') throw onlyReplace();
      next.tlsConfig = { insecureSkipVerification: javaBoolean(op.value) };
      continue;
    }
    const field = INTEGRATION_SCALARS.find((f) => op.path === `/${f}`);
    if (field === undefined) throw invalidPath(op.path);
    if (op.op !== 'replace') throw onlyReplace();
    const value = op.value ?? '';
    switch (field) {
      case 'timeoutInMillis': {
        // PutIntegration's range (AWS's quota table: 50 ms to 29 seconds by default). UNVERIFIED text.
        const ms = /^\d+$/.test(value) ? Number(value) : Number.NaN;
        if (!(ms >= 50 && ms <= 29000)) throw badRequest('Timeout should be between 50 ms and 29000 ms');
        next.timeoutInMillis = ms;
        break;
      }
      case 'passthroughBehavior':
        // The model's enum, exactly as PutIntegration takes it. UNVERIFIED text.
        if (!(passthroughBehaviorValues as readonly string[]).includes(value)) {
          throw badRequest(`Invalid passthrough behavior specified: ${value}`);
        }
        next.passthroughBehavior = value;
        break;
      case 'contentHandling':
        if (value === '') delete next.contentHandling;
        else if (value !== 'CONVERT_TO_TEXT' && value !== 'CONVERT_TO_BINARY') {
          // UNVERIFIED text; the values are the model's enum.
          throw badRequest(`Invalid content handling specified: ${value}`);
        } else next.contentHandling = value;
        break;
      default:
        if (value === '' && field !== 'cacheNamespace') delete next[field];
        else next[field] = value;
    }
  }
  return next;
}

/** Makes `target` hold exactly `source`'s fields (a route's change function edits the stored document in place). */
export function replaceContents<T extends object>(target: T, source: T): void {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
}
