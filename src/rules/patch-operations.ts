// UpdateIntegrationResponse / UpdateMethodResponse (PATCH) semantics. Texts for UpdateMethodResponse are captured
// (docs/aws/control-plane.md, UpdateMethodResponse); UpdateIntegrationResponse errors are UNVERIFIED and use the same texts by analogy.

import { contentHandlingValues, validateIntegrationResponseAgainstMethod } from './integration-response';
import { invalidContentTypeMessage, isValidContentType } from './content-type';
import { parseResponseHeaderKey } from './mapping-expression';
import { bodyAsObject, coralTypeError, isPlainObject, serializationViolation } from './serialization';
import type { ContentHandling, IntegrationResponse, MethodResponse, RuleViolation, RuleViolationCode } from './types';

export type PatchOperation = { op: string; path: string; value?: string; from?: string };

export const patchOpValues = ['add', 'remove', 'move', 'test', 'replace', 'copy'] as const;

type PatchResult<T> = { value: T } | { violation: RuleViolation };

function badRequest(code: RuleViolationCode, message: string, field: string): RuleViolation {
  return { code, type: 'BadRequestException', stage: 'method', field, message };
}

function notFound(message: string, field: string): RuleViolation {
  return { code: 'patch-target-not-found', type: 'NotFoundException', stage: 'method', field, message };
}

/** Request-stage checks of `{"patchOperations": [...]}`: JSON types, then the `op` enum (1-based index in AWS's text). */
export function validatePatchOperationsShape(
  body: unknown,
  inputName:
    | 'updateIntegrationResponseInput'
    | 'updateMethodResponseInput'
    | 'updateStageInput'
    | 'updateRestApiInput'
    | 'updateResourceInput'
    | 'updateMethodInput'
    | 'updateIntegrationInput',
): { ops?: PatchOperation[]; violations: RuleViolation[] } {
  const parsed = bodyAsObject(body);
  if ('violation' in parsed) return { violations: [parsed.violation] };
  const raw = parsed.obj.patchOperations;
  if (raw === undefined || raw === null) return { ops: [], violations: [] };
  if (!Array.isArray(raw)) {
    return {
      violations: [
        serializationViolation(
          coralTypeError(raw, 'Structure') ?? 'Start of structure or map found where not expected.',
          'patchOperations',
        ),
      ],
    };
  }
  const serialization: RuleViolation[] = [];
  const validation: RuleViolation[] = [];
  const ops: PatchOperation[] = [];
  raw.forEach((item: unknown, i) => {
    const field = `patchOperations.${i}`;
    const err = coralTypeError(item, 'Structure');
    if (err || !isPlainObject(item)) {
      if (item !== null) serialization.push(serializationViolation(err ?? 'Unexpected value type in payload', field));
      return;
    }
    const op: PatchOperation = { op: '', path: '' };
    for (const member of ['op', 'path', 'value', 'from'] as const) {
      const v = item[member];
      const vErr = coralTypeError(v, 'String');
      if (vErr) serialization.push(serializationViolation(vErr, `${field}.${member}`));
      else if (typeof v === 'string') op[member] = v;
    }
    if (typeof item.op === 'string' && !(patchOpValues as readonly string[]).includes(item.op)) {
      validation.push({
        code: 'invalid-patch-op',
        type: 'ValidationException',
        stage: 'request',
        field: `${field}.op`,
        message: `Value '${item.op}' at '${inputName}.patchOperations.${i + 1}.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]`,
      });
    }
    ops.push(op);
  });
  const violations = [...serialization, ...validation];
  return violations.length === 0 ? { ops, violations } : { violations };
}

/** JSON Pointer segments with `~1` → `/` and `~0` → `~` (RFC 6901 order, so `~01` stays `~1`). */
export function splitPatchPath(path: string): string[] | null {
  if (!path.startsWith('/')) return null;
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function invalidPath(path: string): RuleViolation {
  return badRequest('invalid-patch-path', `Invalid patch path ${path}`, 'patchOperations');
}

/**
 * `move`, `copy` and `test` pass the model's enum but API Gateway documents only add/remove/replace for these
 * resources. UNVERIFIED text.
 */
function unsupportedOp(): RuleViolation {
  return badRequest(
    'unsupported-patch-op',
    `Invalid patch operation specified. Must be one of: [add, remove, replace]`,
    'patchOperations',
  );
}

// The maps below are the patch's own copies (cloneResponse), changed in place: one copy per patch instead of
// one per operation, so a patch costs what its operations do (a copy per operation made thousands of them
// quadratic, holding the server for minutes).

/** Sets a key as an own property, also for `__proto__`, which plain assignment would treat as the prototype. */
function setKey<V>(map: Record<string, V>, key: string, v: V): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value: v, enumerable: true, writable: true, configurable: true });
  else map[key] = v;
}

function hasKeys(map: object): boolean {
  for (const _ in map) return true;
  return false;
}

/**
 * AWS omits a map that PATCH remove emptied (docs/aws/wire-format.md, "Omitted fields"). Checked once after all
 * operations: enumerating an object's keys costs its size, so checking after each remove would be quadratic.
 */
function dropEmptyMaps(r: { responseTemplates?: object; responseParameters?: object; responseModels?: object }): void {
  if (r.responseTemplates && !hasKeys(r.responseTemplates)) delete r.responseTemplates;
  if (r.responseParameters && !hasKeys(r.responseParameters)) delete r.responseParameters;
  if (r.responseModels && !hasKeys(r.responseModels)) delete r.responseModels;
}

function setOrDelete<T extends object, K extends keyof T>(obj: T, key: K, v: T[K] | undefined): void {
  if (v === undefined) delete obj[key];
  else obj[key] = v;
}

/**
 * Applies the operations in order, then re-validates the result against the method response like a PUT would.
 * UNVERIFIED: that PATCH re-runs the PUT validation (e.g. adding an undeclared header) is an analogy (docs/aws/integration-responses.md).
 * Lenient where AWS is unknown: `replace` of a missing template/parameter adds it, `remove` of a missing one is a no-op.
 */
export function applyIntegrationResponsePatch(
  current: IntegrationResponse,
  ops: PatchOperation[],
  methodResponse: MethodResponse | undefined,
): PatchResult<IntegrationResponse> {
  const next: IntegrationResponse = cloneResponse(current);
  for (const op of ops) {
    if (op.op !== 'add' && op.op !== 'replace' && op.op !== 'remove') return { violation: unsupportedOp() };
    const segs = splitPatchPath(op.path);
    if (!segs) return { violation: invalidPath(op.path) };
    const [head, key, ...rest] = segs;
    const removing = op.op === 'remove';
    if (head === 'selectionPattern' && key === undefined) {
      setOrDelete(next, 'selectionPattern', removing ? undefined : (op.value ?? ''));
    } else if (head === 'contentHandling' && key === undefined) {
      if (removing || op.value === undefined || op.value === '') delete next.contentHandling;
      else if ((contentHandlingValues as readonly string[]).includes(op.value))
        next.contentHandling = op.value as ContentHandling;
      else {
        // UNVERIFIED text.
        return {
          violation: badRequest(
            'invalid-content-handling',
            `Invalid content handling specified: ${op.value}`,
            'contentHandling',
          ),
        };
      }
    } else if (head === 'responseTemplates' && key !== undefined && key !== '' && rest.length === 0) {
      const templates = (next.responseTemplates ??= {});
      if (removing) delete templates[key];
      else setKey(templates, key, op.value ? op.value : null);
    } else if (head === 'responseParameters' && key !== undefined && key !== '' && rest.length === 0) {
      const params = (next.responseParameters ??= {});
      if (removing) delete params[key];
      else setKey(params, key, op.value ?? '');
    } else {
      return { violation: invalidPath(op.path) };
    }
  }
  dropEmptyMaps(next);
  const { statusCode: _statusCode, ...input } = next;
  const first = validateIntegrationResponseAgainstMethod(input, methodResponse)[0];
  return first ? { violation: first } : { value: next };
}

function cloneResponse<T extends IntegrationResponse | MethodResponse>(r: T): T {
  const copy = { ...r };
  if (copy.responseParameters) copy.responseParameters = { ...copy.responseParameters };
  if ('responseTemplates' in copy && copy.responseTemplates) copy.responseTemplates = { ...copy.responseTemplates };
  if ('responseModels' in copy && copy.responseModels) copy.responseModels = { ...copy.responseModels };
  return copy;
}

/**
 * UpdateMethodResponse. A parameter value is parsed like Java's Boolean.parseBoolean ("true", any case → true,
 * anything else → false): UNVERIFIED, but AWS stores a boolean and the console sends 'true'/'false'.
 */
export function applyMethodResponsePatch(current: MethodResponse, ops: PatchOperation[]): PatchResult<MethodResponse> {
  const next = cloneResponse(current);
  for (const op of ops) {
    if (op.op !== 'add' && op.op !== 'replace' && op.op !== 'remove') return { violation: unsupportedOp() };
    const segs = splitPatchPath(op.path);
    if (!segs) return { violation: invalidPath(op.path) };
    const [head, key, ...rest] = segs;
    if (key === undefined || key === '' || rest.length > 0) return { violation: invalidPath(op.path) };
    if (head === 'responseParameters') {
      const field = `responseParameters.${key}`;
      const exists = next.responseParameters !== undefined && Object.hasOwn(next.responseParameters, key);
      if (op.op !== 'add' && !exists) return { violation: notFound('Invalid parameter name specified', field) };
      if (op.op === 'remove') {
        delete next.responseParameters?.[key];
      } else {
        if (parseResponseHeaderKey(key) === null) {
          return {
            violation: badRequest(
              'invalid-header-key',
              'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping identifier specified]',
              field,
            ),
          };
        }
        setKey((next.responseParameters ??= {}), key, (op.value ?? '').toLowerCase() === 'true');
      }
    } else if (head === 'responseModels') {
      const field = `responseModels.${key}`;
      const exists = next.responseModels !== undefined && Object.hasOwn(next.responseModels, key);
      if (op.op !== 'add' && !exists) return { violation: notFound('Content-Type specified was not found', field) };
      if (op.op === 'remove') {
        delete next.responseModels?.[key];
      } else {
        if (!isValidContentType(key))
          return { violation: badRequest('invalid-content-type', invalidContentTypeMessage(key), field) };
        setKey((next.responseModels ??= {}), key, op.value ?? '');
      }
    } else {
      return { violation: invalidPath(op.path) };
    }
  }
  dropEmptyMaps(next);
  return { value: next };
}
