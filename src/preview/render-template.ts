// Renders an API Gateway response mapping template the way API Gateway does, on top of velocityjs.
// Pure TypeScript (no DOM, no Node APIs) so it runs in the preview Web Worker and in Node tests.
//
// AWS behaviours matched (see docs/aws/mapping-templates.md): null/undefined references print nothing;
// $input.path objects print Java-map style, JSON arrays as compact JSON; .toString() on them; Java String
// methods with Java regexes; `null == ""` true and `[] == ""` false; Velocity 1.7 truthiness; integer
// division; responseOverride via #set, carried from a request template to the response template; #set with a null
// right-hand side is skipped; Java's number printing (`1.0`, `1.0E10`, long integers exact); a body that is not JSON
// read as one string by $input.path/$input.json; $context's objects printing as nothing; #foreach stopping after
// 1,000 iterations. Not matched (known): inline regex flags in the middle of a pattern, json-smart's exact string
// escaping, $foreach/$velocityHasNext beyond hasNext/count/index.
import { Compile } from 'velocityjs';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './aws-util';
import { JAVA_STRING_METHODS, javaEquals, velocityTruthy } from './java-lang';
import { JavaDouble, isDoubleValue, isJavaNumber, plainNumber } from './java-number';
import { javaToString, markPrintsEmpty, parseJsonAsJava, renderReferenceValue, toCompactJson } from './java-render';
import { evaluateJsonPath } from './json-path';
import { parseTemplate } from './velocity-parse';
import { defaultPreviewContext, type PreviewContext } from './preview-context';

/**
 * `$context.requestOverride` and `$context.responseOverride` as a template left them: API Gateway hands what the
 * request template set to the response template, and applies the response override even when no response template
 * runs (docs/aws/mapping-templates.md, "Overrides").
 */
export interface TemplateOverrides {
  requestOverride: Record<string, unknown>;
  responseOverride: Record<string, unknown>;
}

export interface PreviewSample {
  body: string;
  /** What an earlier template (the request template) set; absent: nothing was set. */
  overrides?: TemplateOverrides;
  headers: Record<string, string>;
  statusCode: string;
  context?: Partial<PreviewContext>;
  stageVariables?: Record<string, string>;
  params?: { path?: Record<string, string>; querystring?: Record<string, string>; header?: Record<string, string> };
}

export interface OverrideSummary {
  status?: string;
  headers: Record<string, string>;
}

export type PreviewResult =
  | {
      ok: true;
      output: string;
      responseOverride?: OverrideSummary;
      /** The overrides after this template, for the template that runs next. */
      overrides?: TemplateOverrides;
      /** Where API Gateway's rendering cut something short (the #foreach limit), in plain words. */
      notes?: string[];
    }
  | { ok: false; error: { message: string; line?: number; column?: number } };

/** API Gateway runs a #foreach body at most this many times (developer guide, quotas; see docs/aws). */
export const FOREACH_LIMIT = 1000;

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
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isJavaNumber(value);
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

interface ForeachNode {
  type: string;
  to: string;
  from: object;
  pos?: { first_line: number };
}

let foreachIds = 0;

/** Java's arithmetic on numbers of mixed classes: a Double on either side makes a Double. */
function javaArithmetic(operator: string, a: unknown, b: unknown): unknown {
  if (!isDoubleValue(a) && !isDoubleValue(b)) return undefined;
  const x = plainNumber(a);
  const y = plainNumber(b);
  if (typeof x !== 'number' || typeof y !== 'number') return undefined;
  const result =
    operator === '+' ? x + y : operator === '-' ? x - y : operator === '*' ? x * y : operator === '/' ? x / y : x % y;
  return new JavaDouble(result);
}

class AwsCompile extends Compile {
  plan: RenderPlan | undefined;
  readonly notes: string[] = [];

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

  // A decimal literal in the template (`1.0`) is a Double in Velocity, printed `1.0`.
  protected override getLiteral(ast: never): string {
    const node = ast as { type?: string; value?: unknown };
    if (node.type === 'decimal') return new JavaDouble(parseFloat(String(node.value))) as unknown as string;
    return super.getLiteral(ast);
  }

  protected override getExpression(ast: never): string {
    const node = ast as MathNode;
    if (node.type !== 'math' || node.expression === undefined) return super.getExpression(ast);
    const [left, right] = node.expression;
    const evalNode = (n: unknown): unknown => this.getExpression(n as never);
    switch (node.operator) {
      case '+':
      case '-':
      case '*': {
        const a = evalNode(left);
        const b = evalNode(right);
        const double = javaArithmetic(node.operator, a, b);
        if (double !== undefined) return double as string;
        // Strings concatenate with Java's text of the other side (`"n=" + 1.0` is `n=1.0`).
        if (node.operator === '+' && (typeof a === 'string' || typeof b === 'string'))
          return (javaToString(a) + javaToString(b)) as unknown as string;
        return super.getExpression(ast);
      }
      case 'minus': {
        const a = evalNode(left);
        return (a instanceof JavaDouble ? new JavaDouble(-a.valueOf()) : -Number(plainNumber(a))) as unknown as string;
      }
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
        const double = javaArithmetic(node.operator, a, b);
        if (double !== undefined) return double as string;
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

  // velocityjs's getBlockEach with API Gateway's limit: the body runs at most FOREACH_LIMIT times, then the loop
  // ends silently and the template goes on. The limit is documented (developer guide, quotas); what happens past it
  // is UNVERIFIED for API Gateway: Velocity's own `directive.foreach.maxloops` ends the loop without an error, with
  // $foreach.hasNext still true on the last run, which is what this does (docs/aws/mapping-templates.md).
  getBlockEach(block: unknown[]): string {
    const ast = block[0] as ForeachNode;
    const from: unknown = this.getLiteral({ ...ast.from, pos: ast.pos } as never);
    const body = block.slice(1) as CompileAsts;
    const type = Object.prototype.toString.call(from);
    if (!from || (type !== '[object Array]' && type !== '[object Object]')) return '';
    const items = Array.isArray(from) ? from : Object.values(from as object);
    const len = items.length;
    if (len > FOREACH_LIMIT) {
      const where = ast.pos === undefined ? '' : ` on line ${ast.pos.first_line}`;
      this.notes.push(
        `The #foreach${where} stopped after ${FOREACH_LIMIT.toLocaleString('en-US')} iterations of ${len.toLocaleString('en-US')}: API Gateway runs no more.`,
      );
    }
    const local: Record<string, unknown> = { foreach: { count: 0, index: 0, hasNext: false }, velocityCount: 0 };
    const contextId = `foreach:aws-${++foreachIds}`;
    let ret = '';
    for (let i = 0; i < Math.min(len, FOREACH_LIMIT); i++) {
      if (this.runState.break) break;
      local[ast.to] = items[i];
      local.foreach = { count: i + 1, index: i, hasNext: i + 1 < len };
      local.velocityCount = i + 1;
      this.local[contextId] = local;
      ret += this.renderAstList(body, contextId);
    }
    if ((from as { length?: number }).length) {
      this.runState.break = false;
      this.local[contextId] = {};
      this.conditions.shift();
      this.contextId = this.conditions[0] ?? '';
    }
    return ret;
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

/** Plain objects and arrays copied; anything else (strings, Java numbers) shared. */
function copyTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyTree(item)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyTree(v);
    return out as T;
  }
  return value;
}

function buildContext(sample: PreviewSample) {
  const body = sample.body === '' ? '{}' : sample.body;
  let parsed: { value: unknown } | undefined;
  const getDoc = () => {
    if (parsed === undefined) {
      try {
        parsed = { value: parseJsonAsJava(body) };
      } catch (e) {
        // A body that is not JSON (form-encoded, plain text) is read as one string, the way json-smart's permissive
        // parser reads unquoted text: `$input.path('$')` is that string (templates split form bodies with
        // `.split('&')`), `$input.json('$')` the same as a JSON string. Text that starts like JSON but is broken
        // still fails. UNVERIFIED beyond the form-body case; see docs/aws/mapping-templates.md.
        const text = body.trim();
        if (!/^[[{]/.test(text)) parsed = { value: text };
        else
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
    requestOverride: copyTree(sample.overrides?.requestOverride ?? { path: {}, header: {}, querystring: {} }),
    responseOverride: copyTree(sample.overrides?.responseOverride ?? { header: {} }),
  };
  // $context and the maps inside it print as nothing on AWS (LocalStack's AWS-validated test_sqs_amz_json_protocol:
  // identity, requestOverride, responseOverride and their empty maps all print ""). Their values print as usual.
  markPrintsEmpty(context);
  for (const inner of [context.identity, context.authorizer, context.requestOverride, context.responseOverride]) {
    markPrintsEmpty(inner);
    for (const value of Object.values(inner)) if (isPlainObject(value)) markPrintsEmpty(value);
  }
  return { input, util, context, stageVariables: { ...(sample.stageVariables ?? {}) } };
}

/** The status and headers a response override sets, as the client gets them; undefined when it sets neither. */
export function summarizeOverride(responseOverride: unknown): OverrideSummary | undefined {
  const ro = responseOverride;
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

/**
 * `incremental: false` renders everything afresh and leaves the previous render's memo alone (tests compare both).
 * `overrides: true` returns the overrides the template left, for the template that runs next.
 */
export function renderTemplate(
  template: string,
  sample: PreviewSample,
  options: { incremental?: boolean; overrides?: boolean } = {},
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
    const overrides: TemplateOverrides | undefined =
      options.overrides === true
        ? { requestOverride: ctx.context.requestOverride, responseOverride: ctx.context.responseOverride }
        : undefined;
    const responseOverride = summarizeOverride(ctx.context.responseOverride);
    return {
      ok: true,
      output,
      ...(overrides === undefined ? {} : { overrides }),
      ...(responseOverride === undefined ? {} : { responseOverride }),
      ...(compiler.notes.length > 0 ? { notes: compiler.notes } : {}),
    };
  } catch (e) {
    return { ok: false, error: runtimeError(e instanceof Error ? e.message : String(e)) };
  }
}
