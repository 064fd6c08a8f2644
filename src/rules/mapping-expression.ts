// Integration-response `responseParameters`: keys `method.response.header.{name}`, values drawn from the sources in
// the developer guide's "Method response header mapping expressions" table
// (docs/aws/integration-responses.md, "Header mappings").

import type { RuleWarning } from './types';

export type MappingSource =
  | { kind: 'static'; value: string }
  | { kind: 'header'; name: string }
  | { kind: 'multivalueheader'; name: string }
  | { kind: 'body'; path: string /* '' = whole body */ }
  | { kind: 'stageVariable'; name: string }
  | { kind: 'context'; name: string };

export const RESPONSE_HEADER_KEY_PREFIX = 'method.response.header.';

const HEADER_PREFIX = 'integration.response.header.';
const MULTI_HEADER_PREFIX = 'integration.response.multivalueheader.';
const BODY = 'integration.response.body';
const STAGE_PREFIX = 'stageVariables.';
const CONTEXT_PREFIX = 'context.';

/** RFC 7230 `token`: the characters a header field name may contain. */
const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** AWS documents stage variable names as alphanumerics and underscores only. */
const STAGE_VARIABLE_PATTERN = /^[A-Za-z0-9_]+$/;
/** Context variables are dotted names (`requestId`, `identity.sourceIp`, `authorizer.claims.sub`). Authorizer keys are
 * user-chosen, so each segment may hold any character that is not a dot, whitespace or quote. */
const CONTEXT_NAME_PATTERN = /^[^.\s'"]+(?:\.[^.\s'"]+)*$/;

export function isValidHeaderName(name: string): boolean {
  return HEADER_NAME_PATTERN.test(name);
}

/** `X-Foo` → `method.response.header.X-Foo`. */
export function responseHeaderKey(name: string): string {
  return `${RESPONSE_HEADER_KEY_PREFIX}${name}`;
}

/** The header name of a `method.response.header.X` key, for display; a key without the prefix is shown whole. */
export function responseHeaderName(key: string): string {
  return key.startsWith(RESPONSE_HEADER_KEY_PREFIX) ? key.slice(RESPONSE_HEADER_KEY_PREFIX.length) : key;
}

/** `method.response.header.X-Foo` → `X-Foo`; anything else → null. */
export function parseResponseHeaderKey(key: string): string | null {
  if (!key.startsWith(RESPONSE_HEADER_KEY_PREFIX)) return null;
  const name = key.slice(RESPONSE_HEADER_KEY_PREFIX.length);
  return isValidHeaderName(name) ? name : null;
}

/**
 * The JSONPath after `integration.response.body.`: AWS says "a valid JSON expression without the `$` prefix" and
 * defines no grammar, so we only reject what cannot be one: a leading `$`, whitespace outside brackets, empty
 * segments (`a..b`, trailing dot) and unbalanced brackets.
 */
function isValidBodyPath(path: string): boolean {
  if (path === '' || path.startsWith('$') || path.startsWith('.') || path.endsWith('.')) return false;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (depth > 0 && (c === "'" || c === '"')) quote = c;
    else if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth < 0) return false;
    } else if (depth === 0 && /\s/.test(c)) return false;
    else if (depth === 0 && c === '.' && path[i + 1] === '.') return false;
  }
  return depth === 0 && quote === null;
}

/**
 * Parses a mapping value; null means AWS rejects it with "Invalid mapping expression specified".
 *
 * A static value is everything between the first and the last character when both are `'`. AWS's docs never
 * escape a quote inside a static value and captures show no rejection of one, so `'it's'` is accepted and
 * means `it's` (the inner quote is plain text). UNVERIFIED: the cheapest choice that never blocks a valid send.
 */
export function parseMappingSource(expr: string): MappingSource | null {
  if (expr.length >= 2 && expr.startsWith("'") && expr.endsWith("'")) {
    return { kind: 'static', value: expr.slice(1, -1) };
  }
  if (expr.startsWith(HEADER_PREFIX)) {
    const name = expr.slice(HEADER_PREFIX.length);
    return isValidHeaderName(name) ? { kind: 'header', name } : null;
  }
  if (expr.startsWith(MULTI_HEADER_PREFIX)) {
    const name = expr.slice(MULTI_HEADER_PREFIX.length);
    return isValidHeaderName(name) ? { kind: 'multivalueheader', name } : null;
  }
  if (expr === BODY) return { kind: 'body', path: '' };
  if (expr.startsWith(`${BODY}.`)) {
    const path = expr.slice(BODY.length + 1);
    return isValidBodyPath(path) ? { kind: 'body', path } : null;
  }
  if (expr.startsWith(STAGE_PREFIX)) {
    const name = expr.slice(STAGE_PREFIX.length);
    return STAGE_VARIABLE_PATTERN.test(name) ? { kind: 'stageVariable', name } : null;
  }
  if (expr.startsWith(CONTEXT_PREFIX)) {
    const name = expr.slice(CONTEXT_PREFIX.length);
    return CONTEXT_NAME_PATTERN.test(name) ? { kind: 'context', name } : null;
  }
  return null;
}

/** Inverse of parseMappingSource. A static value is wrapped in quotes as is (see the note on inner quotes above). */
export function formatMappingSource(src: MappingSource): string {
  switch (src.kind) {
    case 'static':
      return `'${src.value}'`;
    case 'header':
      return HEADER_PREFIX + src.name;
    case 'multivalueheader':
      return MULTI_HEADER_PREFIX + src.name;
    case 'body':
      return src.path === '' ? BODY : `${BODY}.${src.path}`;
    case 'stageVariable':
      return STAGE_PREFIX + src.name;
    case 'context':
      return CONTEXT_PREFIX + src.name;
  }
}

/**
 * Static values whose text is itself quoted, e.g. the expression `''*''` from typing `'*'` where the quotes are
 * added for you. AWS accepts it and sends the header with the quotes in it (`'*'`), which is rarely meant.
 */
export function mappingValueWarnings(responseParameters: Record<string, string> | undefined): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  for (const [key, expression] of Object.entries(responseParameters ?? {})) {
    const source = parseMappingSource(expression);
    if (source?.kind !== 'static') continue;
    const quoted = /^(['"])[\s\S]*\1$/.exec(source.value);
    if (!quoted || source.value.length < 2) continue;
    const inner = source.value.slice(1, -1);
    warnings.push({
      code: 'quoted-static-value',
      field: `responseParameters.${key}`,
      message: `The quotes are part of the value: clients get the header ${responseHeaderName(key)}: ${source.value}, quotes included. The quotes AWS needs around a static value are already added (${expression}).`,
      fix: { label: 'Drop the quotes', value: formatMappingSource({ kind: 'static', value: inner }) },
    });
  }
  return warnings;
}
