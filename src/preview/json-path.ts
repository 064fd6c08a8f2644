// JSONPath as API Gateway evaluates it (Jayway JsonPath). A definite path (only names and single
// indexes) yields one value or undefined; an indefinite one (wildcards, deep scan, unions, slices,
// filters) yields an array of the matches, which is why it is marked as a JSON array.
import { isJavaNumber, plainNumber } from './java-number';
import { markJsonValue, toCompactJson } from './java-render';

type Segment =
  | { kind: 'names'; names: string[] }
  | { kind: 'indexes'; indexes: number[] }
  | { kind: 'wildcard' }
  | { kind: 'slice'; start?: number; end?: number; step: number }
  | { kind: 'filter'; test: (node: unknown) => boolean }
  | { kind: 'deep'; inner: Segment }
  | { kind: 'function'; name: string };

interface CompiledPath {
  segments: Segment[];
  definite: boolean;
}

class JsonPathSyntaxError extends Error {}

const cache = new Map<string, CompiledPath>();

function readQuoted(path: string, start: number): { value: string; end: number } {
  const quote = path[start];
  let value = '';
  let i = start + 1;
  for (; i < path.length && path[i] !== quote; i++) {
    if (path[i] === '\\' && i + 1 < path.length) i++;
    value += path[i] ?? '';
  }
  if (i >= path.length) throw new JsonPathSyntaxError(`Unterminated quote in path ${path}`);
  return { value, end: i + 1 };
}

function parseLiteral(text: string): unknown {
  const t = text.trim();
  if (/^'.*'$/.test(t) || /^".*"$/.test(t)) return t.slice(1, -1);
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null') return null;
  const n = Number(t);
  if (t !== '' && !Number.isNaN(n)) return n;
  throw new JsonPathSyntaxError(`Unsupported filter value ${t}`);
}

function compileFilter(expr: string): (node: unknown) => boolean {
  // Supports `@.a.b`, `@.a op literal` with op in == != < <= > >= (enough for API Gateway templates).
  const m = /^\s*@((?:\.[\w$-]+|\['[^']*'\])*)\s*(?:(==|!=|<=|>=|<|>)\s*(.+?))?\s*$/.exec(expr);
  if (m === null) throw new JsonPathSyntaxError(`Unsupported filter expression ${expr}`);
  const sub = compile('$' + (m[1] ?? ''));
  const op = m[2];
  const literal = op === undefined ? undefined : parseLiteral(m[3] ?? '');
  return (node) => {
    const value = plainNumber(evaluateCompiled(node, sub));
    if (op === undefined) return value !== undefined;
    if (value === undefined) return false;
    switch (op) {
      case '==':
        return value === literal;
      case '!=':
        return value !== literal;
      default: {
        if (typeof value !== typeof literal || (typeof value !== 'number' && typeof value !== 'string')) return false;
        const a = value as number | string;
        const b = literal as number | string;
        return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
      }
    }
  };
}

function parseBracket(path: string, start: number): { segment: Segment; end: number } {
  const close = (() => {
    let depth = 0;
    for (let i = start; i < path.length; i++) {
      const c = path[i];
      if (c === "'" || c === '"') {
        i = readQuoted(path, i).end - 1;
      } else if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') {
        depth--;
        if (depth === 0 && c === ']') return i;
      }
    }
    throw new JsonPathSyntaxError(`Unclosed [ in path ${path}`);
  })();
  const inner = path.slice(start + 1, close).trim();
  const end = close + 1;
  if (inner === '*') return { segment: { kind: 'wildcard' }, end };
  if (inner.startsWith('?')) {
    const expr = inner
      .slice(1)
      .trim()
      .replace(/^\(([\s\S]*)\)$/, '$1');
    return { segment: { kind: 'filter', test: compileFilter(expr) }, end };
  }
  if (inner.startsWith("'") || inner.startsWith('"')) {
    const names: string[] = [];
    let i = 0;
    while (i < inner.length) {
      const q = readQuoted(inner, i);
      names.push(q.value);
      i = q.end;
      while (inner[i] === ' ' || inner[i] === ',') i++;
    }
    return { segment: { kind: 'names', names }, end };
  }
  if (/^-?\d*:-?\d*(:-?\d+)?$/.test(inner)) {
    const [a, b, c] = inner.split(':');
    return {
      segment: {
        kind: 'slice',
        start: a === '' || a === undefined ? undefined : Number(a),
        end: b === '' || b === undefined ? undefined : Number(b),
        step: c === '' || c === undefined ? 1 : Number(c),
      },
      end,
    };
  }
  if (/^\s*-?\d+\s*(,\s*-?\d+\s*)*$/.test(inner)) {
    return { segment: { kind: 'indexes', indexes: inner.split(',').map((s) => Number(s.trim())) }, end };
  }
  throw new JsonPathSyntaxError(`Unsupported bracket expression [${inner}] in path ${path}`);
}

function isDefinite(segment: Segment): boolean {
  if (segment.kind === 'names') return segment.names.length === 1;
  if (segment.kind === 'indexes') return segment.indexes.length === 1;
  return segment.kind === 'function';
}

function compile(rawPath: string): CompiledPath {
  const cached = cache.get(rawPath);
  if (cached !== undefined) return cached;
  let path = rawPath.trim();
  // Jayway prepends `$.` to a path that does not start at the root.
  if (!path.startsWith('$')) path = path.startsWith('[') ? '$' + path : '$.' + path;
  const segments: Segment[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '[') {
      const { segment, end } = parseBracket(path, i);
      segments.push(segment);
      i = end;
      continue;
    }
    if (c !== '.') throw new JsonPathSyntaxError(`Unexpected "${c ?? ''}" at ${i} in path ${rawPath}`);
    const deep = path[i + 1] === '.';
    i += deep ? 2 : 1;
    let segment: Segment;
    if (path[i] === '[') {
      const parsed = parseBracket(path, i);
      segment = parsed.segment;
      i = parsed.end;
    } else if (path[i] === '*') {
      segment = { kind: 'wildcard' };
      i++;
    } else {
      const m = /^[^.[\]\s()]+/.exec(path.slice(i));
      if (m === null) throw new JsonPathSyntaxError(`Missing property name at ${i} in path ${rawPath}`);
      i += m[0].length;
      if (path.startsWith('()', i)) {
        segment = { kind: 'function', name: m[0] };
        i += 2;
      } else {
        segment = { kind: 'names', names: [m[0]] };
      }
    }
    segments.push(deep ? { kind: 'deep', inner: segment } : segment);
  }
  const compiled = { segments, definite: segments.every(isDefinite) };
  if (cache.size > 500) cache.clear();
  cache.set(rawPath, compiled);
  return compiled;
}

function childValues(node: unknown): unknown[] {
  if (Array.isArray(node)) return node;
  if (node !== null && typeof node === 'object' && !isJavaNumber(node)) return Object.values(node);
  return [];
}

function applySegment(node: unknown, segment: Segment, out: unknown[]): void {
  switch (segment.kind) {
    case 'names':
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
        const record = node as Record<string, unknown>;
        for (const name of segment.names)
          if (Object.prototype.hasOwnProperty.call(record, name)) out.push(record[name]);
      }
      return;
    case 'indexes':
      if (Array.isArray(node)) {
        for (const index of segment.indexes) {
          const actual = index < 0 ? node.length + index : index;
          if (actual >= 0 && actual < node.length) out.push(node[actual]);
        }
      }
      return;
    case 'wildcard':
      out.push(...childValues(node));
      return;
    case 'slice': {
      if (!Array.isArray(node)) return;
      const len = node.length;
      const norm = (v: number | undefined, dflt: number) =>
        v === undefined ? dflt : v < 0 ? Math.max(0, len + v) : Math.min(v, len);
      const step = segment.step > 0 ? segment.step : 1;
      for (let k = norm(segment.start, 0); k < norm(segment.end, len); k += step) out.push(node[k]);
      return;
    }
    case 'filter':
      for (const child of childValues(node)) if (segment.test(child)) out.push(child);
      return;
    case 'deep': {
      const visit = (current: unknown) => {
        applySegment(current, segment.inner, out);
        for (const child of childValues(current)) if (child !== null && typeof child === 'object') visit(child);
      };
      visit(node);
      return;
    }
    case 'function': {
      const name = segment.name;
      if (name === 'length' || name === 'size') {
        if (Array.isArray(node) || typeof node === 'string') out.push(node.length);
        else if (node !== null && typeof node === 'object' && !isJavaNumber(node)) out.push(Object.keys(node).length);
        return;
      }
      throw new JsonPathSyntaxError(`Unsupported JSONPath function ${name}()`);
    }
  }
}

function evaluateCompiled(doc: unknown, compiled: CompiledPath): unknown {
  let nodes: unknown[] = [doc];
  for (const segment of compiled.segments) {
    const next: unknown[] = [];
    for (const node of nodes) applySegment(node, segment, next);
    nodes = next;
  }
  if (compiled.definite) return nodes[0];
  return markJsonValue(nodes);
}

/**
 * Evaluates `path` against a parsed JSON document. Returns undefined when a definite path is missing and
 * an array (possibly empty) for indefinite paths. Throws an Error for paths it cannot parse.
 */
export function evaluateJsonPath(doc: unknown, path: string): unknown {
  return evaluateCompiled(doc, compile(path));
}

/**
 * The value of a header mapping `integration.response.body<path>` where `path` is what follows `body`
 * without its leading dot (`a.b`, `['a b']`, or '' for the whole body). Strings come back raw, other values
 * as compact JSON, a missing value as undefined. For Lambda custom errors AWS deserializes JSON held in a
 * string (errorMessage) so a path can reach into it: when the path continues past a string that parses as
 * JSON, we descend into it (UNVERIFIED how deep AWS goes; we allow any depth).
 */
export function resolveBodyMapping(body: string, path: string): string | undefined {
  const trimmed = path.trim().replace(/^\./, '');
  if (trimmed === '') return body;
  let doc: unknown;
  try {
    doc = JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
  const compiled = compile(trimmed.startsWith('[') ? '$' + trimmed : '$.' + trimmed);
  let nodes: unknown[] = [doc];
  for (const segment of compiled.segments) {
    const next: unknown[] = [];
    for (const node of nodes) {
      let current = node;
      if (typeof current === 'string') {
        try {
          current = JSON.parse(current) as unknown;
        } catch {
          // Not JSON: nothing below a plain string.
        }
      }
      applySegment(current, segment, next);
    }
    nodes = next;
  }
  const value = compiled.definite ? nodes[0] : nodes;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : toCompactJson(value);
}
