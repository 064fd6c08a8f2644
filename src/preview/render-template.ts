// Renders an API Gateway response mapping template the way API Gateway does, on top of velocityjs.
// Pure TypeScript (no DOM, no Node APIs) so it runs in the preview Web Worker and in Node tests.
//
// AWS behaviours matched (see docs/aws/mapping-templates.md): null/undefined references print nothing;
// $input.path objects print Java-map style, JSON arrays as compact JSON; .toString() on them; Java String
// methods with Java regexes; `null == ""` true and `[] == ""` false; Velocity 1.7 truthiness; integer
// division; responseOverride via #set; #set with a null right-hand side is skipped. Not matched (known):
// Double formatting (JSON `1.0` prints `1`), inline regex flags in the
// middle of a pattern, json-smart's exact string escaping, $foreach/$velocityHasNext beyond hasNext/count/index.
import { Compile } from 'velocityjs';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './aws-util';
import { JAVA_STRING_METHODS, javaEquals, velocityTruthy } from './java-lang';
import { javaToString, parseJsonAsJava, renderReferenceValue, toCompactJson } from './java-render';
import { evaluateJsonPath } from './json-path';
import { parseTemplate } from './velocity-parse';
import { defaultPreviewContext, type PreviewContext } from './preview-context';

export interface PreviewSample {
  body: string;
  headers: Record<string, string>;
  statusCode: string;
  context?: Partial<PreviewContext>;
  stageVariables?: Record<string, string>;
  params?: { path?: Record<string, string>; querystring?: Record<string, string>; header?: Record<string, string> };
}

export type PreviewResult =
  | { ok: true; output: string; responseOverride?: { status?: string; headers: Record<string, string> } }
  | { ok: false; error: { message: string; line?: number; column?: number } };

type MethodPayload = { property: string; context: unknown; params: unknown[] };
type Handler = { uid: string; match: (p: MethodPayload) => boolean; resolve: (p: MethodPayload) => unknown };
type CompileAsts = ConstructorParameters<typeof Compile>[0];

interface MathNode {
  type: string;
  operator?: string;
  expression?: unknown[];
}

interface IfNode {
  type: string;
  condition?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function ownFunction(context: unknown, property: string): boolean {
  return (
    isPlainObject(context) &&
    Object.prototype.hasOwnProperty.call(context, property) &&
    typeof context[property] === 'function'
  );
}

const METHOD_HANDLERS: Handler[] = [
  {
    uid: 'aws: java.lang.String',
    match: ({ context, property }) =>
      typeof context === 'string' && Object.prototype.hasOwnProperty.call(JAVA_STRING_METHODS, property),
    resolve: ({ context, property, params }) => JAVA_STRING_METHODS[property]?.(context as string, params),
  },
  {
    uid: 'aws: toString',
    match: ({ context, property }) => property === 'toString' && !ownFunction(context, 'toString'),
    resolve: ({ context }) => javaToString(context),
  },
  {
    uid: 'aws: List/Map.isEmpty',
    match: ({ context, property }) =>
      property === 'isEmpty' && typeof context === 'object' && context !== null && !ownFunction(context, property),
    resolve: ({ context }) =>
      Array.isArray(context) ? context.length === 0 : Object.keys(context as object).length === 0,
  },
  {
    uid: 'aws: List.contains',
    match: ({ context, property }) => property === 'contains' && Array.isArray(context),
    resolve: ({ context, params }) => (context as unknown[]).some((item) => javaEquals(item, params[0])),
  },
  {
    uid: 'aws: Map.containsKey',
    match: ({ context, property }) =>
      property === 'containsKey' && isPlainObject(context) && !ownFunction(context, property),
    resolve: ({ context, params }) => Object.prototype.hasOwnProperty.call(context, String(params[0])),
  },
  {
    uid: 'aws: Map.values',
    match: ({ context, property }) =>
      property === 'values' && isPlainObject(context) && !ownFunction(context, property),
    resolve: ({ context }) => Object.values(context as object),
  },
];

/** Where velocityjs reports runtime errors ("… at L/N 3:4"), as 1-based line and column. */
function runtimeError(raw: string): { message: string; line?: number; column?: number } {
  // velocityjs glues "on $ref at L/N 3:4" (0-based column) onto the message without a separator.
  const m = /\s*on (.*) at L\/N (\d+):(\d+)\s*$/.exec(raw);
  if (m === null) return { message: raw };
  return { message: `${raw.slice(0, m.index)} (in ${m[1] ?? ''})`, line: Number(m[2]), column: Number(m[3]) + 1 };
}

// ---- incremental rendering ---------------------------------------------------------------------------------
// Re-rendering 300 KB of template on every keystroke is most of the preview's cost, yet an edit changes one place.
// Velocity renders top to bottom, and its state (variables, defines, mutated maps and lists) changes only through
// "stateful" statements; a top-level reference built only from reads and known side-effect-free methods prints a
// value that depends on nothing but the sample and the stateful statements before it. So such a reference's output
// from the previous render is reused when it is the very same parsed node (velocity-parse reuses the nodes of
// unchanged chunks), the sample is the same and the stateful statements before it are the same nodes in the same
// order. Stateful statements always run, so the state every statement sees is exactly that of a full render.

/** Methods that read and never modify their receiver or anything else (AWS's $input/$util, Java String, Map/List reads). */
const PURE_METHODS = new Set([
  'json',
  'path',
  'params',
  'escapeJavaScript',
  'parseJson',
  'urlEncode',
  'urlDecode',
  'base64Encode',
  'base64Decode',
  'toString',
  'isEmpty',
  'contains',
  'containsKey',
  'values',
  'size',
  ...Object.keys(JAVA_STRING_METHODS),
]);

interface RefNode {
  type: string;
  id?: unknown;
  args?: unknown[] | false;
  path?: { type: string; id?: unknown; args?: unknown[] | false }[];
  isEval?: boolean;
  value?: unknown;
}

function isPureLiteral(node: unknown): boolean {
  if (typeof node === 'string' || typeof node === 'number') return true;
  if (node === null || typeof node !== 'object') return false;
  const n = node as RefNode;
  switch (n.type) {
    case 'integer':
    case 'decimal':
    case 'bool':
      return true;
    case 'string':
      // A double-quoted string with $ or # is rendered as a template itself (it could hold a #set).
      return !n.isEval || (typeof n.value === 'string' && !/[$#]/.test(n.value));
    case 'array':
      return Array.isArray(n.value) && n.value.every(isPureLiteral);
    case 'map':
      return n.value !== null && typeof n.value === 'object' && Object.values(n.value).every(isPureLiteral);
    case 'references':
      return isPureReference(n);
    default:
      return false;
  }
}

const pureReferenceCache = new WeakMap<object, boolean>();

/** `$a.b[$c].m('x')` whose every method is a known pure one (a call of a top-level function, `$f()`, is not). */
function isPureReference(node: RefNode): boolean {
  const cached = pureReferenceCache.get(node);
  if (cached !== undefined) return cached;
  let pure = node.type === 'references' && (node.args === undefined || node.args === false);
  for (const step of node.path ?? []) {
    if (!pure) break;
    if (step.type === 'method')
      pure = typeof step.id === 'string' && PURE_METHODS.has(step.id) && (step.args || []).every(isPureLiteral);
    else if (step.type === 'index') pure = isPureLiteral(step.id);
    else pure = step.type === 'property';
  }
  pureReferenceCache.set(node, pure);
  return pure;
}

/** #define and #macro bodies run where they are used, so a plain `$name` may then run a #set: no reuse at all. */
function definesOrMacros(nodes: readonly unknown[]): boolean {
  return nodes.some((node) => {
    if (!Array.isArray(node)) return false;
    const head = node[0] as RefNode | undefined;
    if (head !== undefined && (head.type === 'define' || head.type === 'macro')) return true;
    return definesOrMacros(node);
  });
}

interface RenderPlan {
  /** Per top-level statement: its previous output when it can be reused. */
  reuse: (string | undefined)[];
  /** Filled during the render: the output of every top-level reference node that may be reused next time. */
  outputs: (string | undefined)[];
}

interface RenderMemo {
  sampleKey: string;
  nodes: readonly unknown[];
  outputs: (string | undefined)[];
  statefulBefore: number[];
  stateful: unknown[];
}

let lastRender: RenderMemo | undefined;

function classify(nodes: readonly unknown[]): { pure: boolean[]; statefulBefore: number[]; stateful: unknown[] } {
  const pure: boolean[] = [];
  const statefulBefore: number[] = [];
  const stateful: unknown[] = [];
  for (const node of nodes) {
    statefulBefore.push(stateful.length);
    const isPure =
      typeof node === 'string' ||
      (node !== null &&
        typeof node === 'object' &&
        !Array.isArray(node) &&
        ['comment', 'raw'].includes((node as RefNode).type)) ||
      (node !== null && typeof node === 'object' && !Array.isArray(node) && isPureReference(node as RefNode));
    pure.push(isPure);
    if (!isPure) stateful.push(node);
  }
  return { pure, statefulBefore, stateful };
}

/** Blocks are rebuilt by every parse, so they compare by their statements; statements by identity (see above). */
function sameStatement(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((item, i) => sameStatement(item, b[i]));
}

function planRender(
  nodes: readonly unknown[],
  sampleKey: string,
): { plan: RenderPlan; memo: Omit<RenderMemo, 'outputs'> } | undefined {
  if (definesOrMacros(nodes)) return undefined;
  const { pure, statefulBefore, stateful } = classify(nodes);
  const reuse: (string | undefined)[] = new Array<string | undefined>(nodes.length).fill(undefined);
  const prev = lastRender;
  if (prev !== undefined && prev.sampleKey === sampleKey) {
    let same = 0;
    while (same < stateful.length && same < prev.stateful.length && sameStatement(stateful[same], prev.stateful[same]))
      same++;
    const prevIndex = new Map<unknown, number>();
    prev.nodes.forEach((node, i) => {
      if (typeof node === 'object' && node !== null) prevIndex.set(node, i);
    });
    nodes.forEach((node, i) => {
      if (!pure[i] || typeof node !== 'object' || node === null) return;
      const j = prevIndex.get(node);
      const before = statefulBefore[i] ?? 0;
      if (j === undefined || before > same || prev.statefulBefore[j] !== before) return;
      reuse[i] = prev.outputs[j];
    });
  }
  const outputs: (string | undefined)[] = new Array<string | undefined>(nodes.length).fill(undefined);
  return { plan: { reuse, outputs }, memo: { sampleKey, nodes, statefulBefore, stateful } };
}

class AwsCompile extends Compile {
  plan: RenderPlan | undefined;

  // The top-level list statement by statement, so that outputs can be reused and recorded (see planRender);
  // the same loop as velocityjs's renderAstList, which renders one statement exactly as within a list.
  override renderAstList(asts?: CompileAsts, contextId?: string): string {
    const plan = this.plan;
    if (asts !== undefined || plan === undefined) return super.renderAstList(asts, contextId);
    this.contextId = '';
    let str = '';
    this.asts.forEach((ast, i) => {
      if (this.runState.stop === true) return;
      if (typeof ast === 'string') {
        str += ast;
        return;
      }
      const reused = plan.reuse[i];
      const out = reused ?? super.renderAstList([ast]);
      if (!Array.isArray(ast) && (ast as RefNode).type === 'references') plan.outputs[i] = out;
      str += out;
    });
    return str;
  }

  // Printing: AWS prints nothing for null/undefined (velocityjs prints `null` or the reference text) and
  // uses the JVM's toString for maps and lists.
  protected override getReferences(ast: never, isVal?: boolean): string {
    const value: unknown = super.getReferences(ast, false);
    return (isVal === true ? renderReferenceValue(value) : value) as string;
  }

  protected override getExpression(ast: never): string {
    const node = ast as MathNode;
    if (node.type !== 'math' || node.expression === undefined) return super.getExpression(ast);
    const [left, right] = node.expression;
    const evalNode = (n: unknown): unknown => this.getExpression(n as never);
    switch (node.operator) {
      case '==':
        return javaEquals(evalNode(left), evalNode(right)) as unknown as string;
      case '!=':
        return !javaEquals(evalNode(left), evalNode(right)) as unknown as string;
      case 'not':
        return !velocityTruthy(evalNode(left)) as unknown as string;
      case '&&':
        return (velocityTruthy(evalNode(left)) && velocityTruthy(evalNode(right))) as unknown as string;
      case '||':
        return (velocityTruthy(evalNode(left)) || velocityTruthy(evalNode(right))) as unknown as string;
      case '/':
      case '%': {
        const a = evalNode(left);
        const b = evalNode(right);
        if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b)) {
          // Velocity does integer arithmetic on integers; division by zero yields null (prints nothing).
          if (b === 0) return null as unknown as string;
          return (node.operator === '/' ? Math.trunc(a / b) : a % b) as unknown as string;
        }
        return super.getExpression(ast);
      }
      default:
        return super.getExpression(ast);
    }
  }

  // Velocity 1.7 (directive.set.null.allowed=false, its user guide's documented default) skips a #set whose
  // right-hand side is null, so the variable keeps its previous value, a classic trap inside #foreach.
  // UNVERIFIED that AWS keeps that default. The value is computed once (it may have side effects such as
  // $list.add) and handed to velocityjs's own setValue through valueMapper.
  protected override setValue(ast: Parameters<Compile['setValue']>[0]): void {
    const rhs = ast.equal[1] as unknown as MathNode;
    const value: unknown = rhs.type === 'math' ? this.getExpression(rhs as never) : this.getLiteral(rhs as never);
    if (value === null || value === undefined) return;
    const previousMapper = this.config.valueMapper;
    this.config.valueMapper = () => value;
    try {
      super.setValue({ ...ast, equal: [ast.equal[0], { type: 'bool', value: 'null' }] } as typeof ast);
    } finally {
      this.config.valueMapper = previousMapper;
    }
  }

  // Same as velocityjs's getBlockIf except for the truthiness rule (see velocityTruthy).
  getBlockIf(block: unknown[]): string {
    let received = false;
    const asts: unknown[] = [];
    block.some((item) => {
      const node = item as IfNode;
      const hasCondition = node.type === 'elseif' || node.type === 'if';
      if (!(hasCondition || node.type === 'else')) {
        if (received) asts.push(item);
        return false;
      }
      if (received) return true;
      received = hasCondition ? velocityTruthy(this.getExpression(node.condition as never)) : true;
      return false;
    });
    return this.renderAstList(asts as CompileAsts, this.contextId);
  }
}

function jsonPathFn(getDoc: () => unknown) {
  return (path: unknown): unknown =>
    evaluateJsonPath(getDoc(), path === undefined || path === null ? '$' : String(path));
}

function buildContext(sample: PreviewSample) {
  const body = sample.body === '' ? '{}' : sample.body;
  let parsed: { value: unknown } | undefined;
  const getDoc = () => {
    if (parsed === undefined) {
      try {
        parsed = { value: parseJsonAsJava(body) };
      } catch (e) {
        // UNVERIFIED: AWS fails the mapping (500) when $input.path/json meets a body that is not JSON.
        throw new Error(
          `The sample body is not valid JSON, so $input.path/$input.json cannot read it (${e instanceof Error ? e.message : String(e)})`,
        );
      }
    }
    return parsed.value;
  };
  const path = jsonPathFn(getDoc);
  const params = {
    path: { ...(sample.params?.path ?? {}) },
    querystring: { ...(sample.params?.querystring ?? {}) },
    header: { ...(sample.params?.header ?? {}) },
  };
  const input = {
    body,
    path,
    json: (p: unknown) => {
      const value = path(p);
      // UNVERIFIED: what AWS returns for a path that matches nothing; we print nothing.
      return value === undefined ? '' : toCompactJson(value);
    },
    params: (name?: unknown) => {
      if (name === undefined)
        return { path: { ...params.path }, querystring: { ...params.querystring }, header: { ...params.header } };
      const key = String(name);
      for (const source of [params.path, params.querystring, params.header]) {
        if (Object.prototype.hasOwnProperty.call(source, key)) return source[key];
      }
      // Header names are case-insensitive.
      const lower = key.toLowerCase();
      const header = Object.keys(params.header).find((h) => h.toLowerCase() === lower);
      return header === undefined ? undefined : params.header[header];
    },
  };
  const util = {
    escapeJavaScript,
    parseJson: (s: unknown) => (s === null || s === undefined ? undefined : parseJsonAsJava(String(s))),
    urlEncode,
    urlDecode,
    base64Encode,
    base64Decode,
  };
  const base = { ...defaultPreviewContext, ...(sample.context ?? {}) };
  const context = {
    ...base,
    identity: { ...defaultPreviewContext.identity, ...(sample.context?.identity ?? {}) },
    authorizer: { ...(sample.context?.authorizer ?? defaultPreviewContext.authorizer) },
    responseOverride: { header: {} as Record<string, unknown> } as {
      status?: unknown;
      header: Record<string, unknown>;
    },
  };
  return { input, util, context, stageVariables: { ...(sample.stageVariables ?? {}) } };
}

function readOverride(ctx: ReturnType<typeof buildContext>) {
  const ro = ctx.context.responseOverride as unknown;
  if (!isPlainObject(ro)) return undefined;
  const headers: Record<string, string> = {};
  if (isPlainObject(ro.header)) {
    for (const [k, v] of Object.entries(ro.header))
      if (v !== undefined && v !== null && typeof v !== 'function') headers[k] = javaToString(v);
  }
  const status = ro.status === undefined || ro.status === null ? undefined : javaToString(ro.status);
  if (status === undefined && Object.keys(headers).length === 0) return undefined;
  return status === undefined ? { headers } : { status, headers };
}

// Editing only the sample re-renders the same template; parsing is most of the cost on big templates.
let lastParse: { template: string; outcome: ReturnType<typeof parseTemplate> } | undefined;

function sampleKey(sample: PreviewSample): string {
  return JSON.stringify(sample);
}

/** `incremental: false` renders everything afresh and leaves the previous render's memo alone (tests compare both). */
export function renderTemplate(
  template: string,
  sample: PreviewSample,
  options: { incremental?: boolean } = {},
): PreviewResult {
  const parsed = lastParse?.template === template ? lastParse.outcome : parseTemplate(template);
  lastParse = { template, outcome: parsed };
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const planned = options.incremental === false ? undefined : planRender(parsed.asts, sampleKey(sample));
  // Only a render that completes may be reused: a failed one leaves no memo behind.
  if (options.incremental !== false) lastRender = undefined;
  try {
    const ctx = buildContext(sample);
    const compiler = new AwsCompile(parsed.asts as unknown as CompileAsts, { customMethodHandlers: METHOD_HANDLERS });
    compiler.plan = planned?.plan;
    const output = compiler.render(ctx, {}, true);
    if (planned !== undefined) lastRender = { ...planned.memo, outputs: planned.plan.outputs };
    const responseOverride = readOverride(ctx);
    return responseOverride === undefined ? { ok: true, output } : { ok: true, output, responseOverride };
  } catch (e) {
    return { ok: false, error: runtimeError(e instanceof Error ? e.message : String(e)) };
  }
}
