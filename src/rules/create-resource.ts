// CreateResource checks, shared by the emulator and the SPA: the path part's syntax and its place among its
// parent's children. Reported after the parent resource is known to exist (stage 'method'), in AWS's order.
import type { RuleViolation, RuleViolationCode } from './types';
import { notNullConstraintMessage } from './validation-message';

/**
 * The longest full resource path accepted. UNVERIFIED as an AWS rejection: AWS documents no limit on a path part,
 * but an edge-optimized API's invoke URL (the default endpoint type) is capped at 8192 characters (API Gateway
 * quotas), so a longer path could never be called. Without a bound, paths grow with depth (each repeats its
 * parent's), and a few MB of requests made listings of tens of MB.
 */
export const MAX_RESOURCE_PATH_LENGTH = 8192;

const PATH_PART = /^(?:[a-zA-Z0-9._:@~$&'()*,;=!-]+|\{[a-zA-Z0-9._-]+\+?\})$/;

export function createResourceRequestViolations(pathPart: string | undefined): RuleViolation[] {
  if (pathPart !== undefined) return [];
  return [
    {
      code: 'missing-member',
      type: 'ValidationException',
      stage: 'request',
      field: 'pathPart',
      message: notNullConstraintMessage('createResourceInput.pathPart'),
    },
  ];
}

export function createResourceViolations(
  pathPart: string,
  parent: { pathPart?: string; path?: string },
  siblings: ReadonlyArray<{ pathPart?: string }>,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const bad = (code: RuleViolationCode, message: string): RuleViolation => ({
    code,
    type: 'BadRequestException',
    stage: 'method',
    field: 'pathPart',
    message,
  });
  if (!PATH_PART.test(pathPart)) {
    out.push(
      bad(
        'invalid-path-part',
        "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
      ),
    );
  }
  const parentPath = parent.path ?? '/';
  const length = (parentPath === '/' ? 0 : parentPath.length) + 1 + pathPart.length;
  if (length > MAX_RESOURCE_PATH_LENGTH) {
    out.push(
      bad(
        'path-too-long',
        `Resource path is too long: ${length} characters, at most ${MAX_RESOURCE_PATH_LENGTH} are allowed.`,
      ),
    );
  }
  if (parent.pathPart && /^\{.+\+\}$/.test(parent.pathPart)) {
    out.push(
      bad(
        'child-of-greedy-path',
        `Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`,
      ),
    );
  }
  if (siblings.some((s) => s.pathPart === pathPart)) {
    out.push({
      code: 'duplicate-path-part',
      type: 'ConflictException',
      stage: 'method',
      field: 'pathPart',
      message: `Another resource with the same parent already has this name: ${pathPart}`,
    });
  }
  if (pathPart.startsWith('{')) {
    const variable = siblings.find((s) => s.pathPart?.startsWith('{'));
    if (variable) {
      out.push(
        bad(
          'second-variable-path-part',
          `A sibling (${variable.pathPart}) of this resource already has a variable path part -- only one is allowed`,
        ),
      );
    }
  }
  return out;
}
