import { parseVelocityTokens } from './velocity-grammar';
import type { RawVelocityNode, VelocityNode, VelocityParseErrorHash } from './velocity-grammar';

export interface TemplateError {
  message: string;
  line?: number;
  column?: number;
}

/** A nested statement list as velocityjs's Compile expects it: blocks are arrays headed by their opener. */
export type LeveledNode = string | VelocityNode | LeveledNode[];

export type ParseOutcome = { ok: true; asts: LeveledNode[] } | { ok: false; error: TemplateError };

// Same set as velocityjs's parse.ts: these directives open a block closed by #end.
const BLOCK_TYPES = new Set(['if', 'foreach', 'macro', 'noescape', 'define', 'macro_body']);
const TRIM_AFTER_DIRECTIVE = /^[ \t]*\n/;

class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
  }
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

function isErrorWithHash(e: unknown): e is Error & { hash: VelocityParseErrorHash } {
  return (
    e instanceof Error && typeof (e as { hash?: unknown }).hash === 'object' && (e as { hash?: unknown }).hash !== null
  );
}

// What the parser's token names mean to a person writing a template.
const TOKEN_WORDS: Record<string, string> = {
  PARENTHESIS: '(',
  CLOSE_PARENTHESIS: ')',
  MAP_BEGIN: '{',
  MAP_END: '}',
  VAR_END: '}',
  BRACKET: '[',
  CLOSE_BRACKET: ']',
  COMMA: 'a comma',
  DOT: '.',
  EQUAL: '=',
  IN: 'in',
  ID: 'a name',
  DOLLAR: 'a $reference',
  BOOL: 'true or false',
  INTEGER: 'a number',
  STRING: 'a string',
  EVAL_STRING: 'a string',
  RANGE: 'a range (..)',
  MAP_SPLIT: ':',
  EOF: 'the end of the template',
};
const OPERATORS = new Set(['||', '&&', '+', '-', '*', '/', '%', '>', '<', '==', '>=', '<=', '!=', '!']);

function listInWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** The directive the parser was reading at `offset`: the last `#name` (or `#{name}`) before it. */
function directiveBefore(template: string, offset: number): { name: string; index: number } | undefined {
  const prefix = template.slice(0, offset);
  let found: { name: string; index: number } | undefined;
  for (const m of prefix.matchAll(/#\{?([a-zA-Z@][\w-]*)\}?/g)) found = { name: m[1] ?? '', index: m.index };
  return found;
}

/**
 * The `(` still open at `offset` that nothing after it closes either, scanning from `from` (the directive being read,
 * so that quotes in plain text before it do not count) with strings skipped: a missing `)` is reported where its `(`
 * is. A `(` closed later means something else is wrong in between (a missing comma or operator).
 */
function unclosedParenthesis(template: string, from: number, offset: number): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  let candidate: number | undefined;
  for (let i = from; i < template.length; i++) {
    if (i === offset) candidate = open[open.length - 1];
    const c = template[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') open.push(i);
    else if (c === ')' && open.pop() === candidate && candidate !== undefined) return undefined;
  }
  if (offset >= template.length) candidate = open[open.length - 1];
  return candidate;
}

const EXAMPLES: Record<string, string> = {
  if: '#if($x == 1)',
  elseif: '#elseif($x == 2)',
  foreach: '#foreach($item in $list)',
  set: '#set($name = "value")',
  define: '#define($block)',
  macro: '#macro(name $arg)',
};

function missingParentheses(directive: string): string {
  const example = EXAMPLES[directive];
  if (directive === 'if' || directive === 'elseif')
    return `#${directive} needs its condition in parentheses, e.g. ${example ?? ''}.`;
  return example === undefined
    ? `#${directive} needs parentheses after it.`
    : `#${directive} needs parentheses, e.g. ${example}.`;
}

/**
 * Says in plain words what the parser choked on, for the mistakes people make most (a directive without its
 * parentheses, a `(` or `${` never closed, a string never ended, `#if()` with nothing in it), with a plain
 * fallback naming what was found and what could have come there instead.
 */
function describeParseError(template: string, hash: VelocityParseErrorHash): TemplateError {
  const offset = hash.offset ?? template.length;
  const at = (o: number, message: string): TemplateError => ({ message, ...lineColumnAt(template, o) });
  if (hash.token === null || hash.token === undefined) {
    // jison's lexical error: nothing matched at this point, typically a string that never ends.
    const c = template[offset];
    if (c === '"' || c === "'")
      return at(offset, `This string is never closed: add the closing ${c} (or remove the stray ${c}).`);
    const snippet = (template.slice(offset, offset + 20).split('\n')[0] ?? '').trim();
    return at(offset, `Velocity can't read “${snippet}” here: a stray character, or a string that never ends?`);
  }
  const expected = (hash.expected ?? []).map((t) => t.replace(/'/g, ''));
  const before = directiveBefore(template, offset);
  const directive = before?.name;
  const found = hash.token === 'EOF' ? 'the end of the template' : `“${hash.text ?? String(hash.token)}”`;

  if (expected.length === 1 && expected[0] === 'PARENTHESIS' && directive !== undefined)
    return at(offset, missingParentheses(directive));
  if (expected.includes('IN') && directive === 'foreach')
    return at(offset, `#foreach needs “in” between the variable and the list, e.g. ${EXAMPLES.foreach ?? ''}.`);
  if (expected.includes('VAR_END')) {
    const brace = Math.max(template.lastIndexOf('${', offset), template.lastIndexOf('$!{', offset));
    if (brace >= 0) {
      const opener = template.startsWith('$!{', brace) ? '$!{' : '${';
      return at(brace, `This ${opener} is never closed: add } after the name, e.g. ${opener}name}.`);
    }
  }
  if (expected.length === 1 && expected[0] === 'ID' && /\$!?\{\s*$/.test(template.slice(0, offset))) {
    const opener = /\$!\{\s*$/.test(template.slice(0, offset)) ? '$!{' : '${';
    return at(offset, `${opener} needs a reference name inside the braces, e.g. ${opener}name}.`);
  }
  if (expected.includes('CLOSE_PARENTHESIS') && hash.token !== 'CLOSE_PARENTHESIS') {
    const open = unclosedParenthesis(template, before?.index ?? 0, offset);
    if (open !== undefined) {
      const owner = /#\{?(if|elseif|foreach|set|define|macro)\}?\s*$/.exec(template.slice(0, open))?.[1];
      return at(
        open,
        owner === undefined
          ? 'This ( is never closed: add the missing ).'
          : `The ( after #${owner} is never closed: add ) after its ${owner === 'if' || owner === 'elseif' ? 'condition' : 'arguments'}.`,
      );
    }
  }
  if (hash.token === 'CLOSE_PARENTHESIS' && expected.includes('DOLLAR')) {
    if (directive === 'if' || directive === 'elseif')
      return at(offset, `#${directive} needs a condition inside the parentheses, e.g. ${EXAMPLES[directive] ?? ''}.`);
    if (directive === 'set') return at(offset, `#set needs a value after =, e.g. ${EXAMPLES.set ?? ''}.`);
    return at(offset, 'A value is missing before this ).');
  }
  // The plain fallback: what was found, and what could have come there instead.
  const words: string[] = [];
  for (const t of expected) {
    const word = OPERATORS.has(t) ? 'an operator' : TOKEN_WORDS[t];
    if (word !== undefined && !words.includes(word)) words.push(word);
  }
  const shown = words.length > 6 ? [...words.slice(0, 5), 'something else'] : words;
  return at(
    offset,
    shown.length > 0
      ? `Velocity can't read the template here: it found ${found} where it expected ${listInWords(shown)}.`
      : `Velocity can't read the template here: ${found} is not allowed at this point.`,
  );
}

function nodeLabel(node: VelocityNode): string {
  return node.type === 'macro_body' ? `#@${node.id ?? ''}` : `#${node.type}`;
}

function errorAt(node: VelocityNode, message: string): TemplateSyntaxError {
  // jison positions: 1-based line, 0-based column.
  return new TemplateSyntaxError(
    message,
    node.pos?.first_line,
    node.pos === undefined ? undefined : node.pos.first_column + 1,
  );
}

/**
 * Nests the flat statement list into blocks. velocityjs's own makeLevel silently drops everything after a
 * stray #end and duplicates statements of an unclosed block; Velocity (and so AWS) rejects both templates,
 * so we report them as errors instead.
 */
function level(nodes: RawVelocityNode[]): LeveledNode[] {
  const root: LeveledNode[] = [];
  const stack: { opener: VelocityNode; list: LeveledNode[] }[] = [];
  let current = root;
  for (const node of nodes) {
    if (typeof node === 'string') {
      current.push(node);
      continue;
    }
    if (node.type === 'end') {
      const closed = stack.pop();
      if (closed === undefined)
        throw errorAt(
          node,
          'This #end closes nothing: no #if, #foreach, #macro or #define is open here. Remove it, or add the block it should end.',
        );
      current = stack[stack.length - 1]?.list ?? root;
      continue;
    }
    if (node.type === 'else' || node.type === 'elseif') {
      const top = stack[stack.length - 1];
      if (top === undefined || top.opener.type !== 'if')
        throw errorAt(node, `#${node.type} must be inside an #if … #end block: there is no open #if here.`);
    }
    if (BLOCK_TYPES.has(node.type)) {
      const list: LeveledNode[] = [node];
      current.push(list);
      stack.push({ opener: node, list });
      current = list;
      continue;
    }
    current.push(node);
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined)
    throw errorAt(
      unclosed.opener,
      `This ${nodeLabel(unclosed.opener)} is never closed: add #end where its block should stop.`,
    );
  return root;
}

// Big templates are parsed in line-aligned chunks so that an edit re-parses only the chunk it touches
// (parsing is the slow part: ~1-2 s for 300 KB). Chunk results are cached by their text.
const CHUNKING_THRESHOLD = 16_384;
const CHUNK_TARGET = 4_096;
const chunkCache = new Map<string, RawVelocityNode[]>();
const shiftedCache = new Map<string, RawVelocityNode[]>();

/**
 * Splits at line breaks outside #* *# comments and #[[ ]]# raw blocks. A directive, string or reference
 * spanning a split leaves its chunk unfinished, which the parser rejects; the caller then parses the
 * whole template instead, so a bad split never changes the result.
 */
function splitChunks(template: string, from = 0, fromLine = 1): { text: string; firstLine: number; start: number }[] {
  const chunks: { text: string; firstLine: number; start: number }[] = [];
  let start = from;
  let line = fromLine;
  let startLine = fromLine;
  let i = from;
  while (i < template.length) {
    const c = template.charCodeAt(i);
    if (c === 35 /* # */ && (template.startsWith('#*', i) || template.startsWith('#[[', i))) {
      const close = template.startsWith('#*', i) ? '*#' : ']]#';
      const end = template.indexOf(close, i + 2);
      const stop = end === -1 ? template.length : end + close.length;
      for (let k = i; k < stop; k++) if (template.charCodeAt(k) === 10) line++;
      i = stop;
      continue;
    }
    if (c === 10) {
      line++;
      if (i + 1 - start >= CHUNK_TARGET) {
        chunks.push({ text: template.slice(start, i + 1), firstLine: startLine, start });
        start = i + 1;
        startLine = line;
      }
    }
    i++;
  }
  if (start < template.length) chunks.push({ text: template.slice(start), firstLine: startLine, start });
  return chunks;
}

/** Copies parsed nodes with every `pos` moved down by `lineOffset` lines (cached nodes stay untouched). */
function shiftLines<T>(value: T, lineOffset: number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => shiftLines(v, lineOffset)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'pos' && v !== null && typeof v === 'object') {
      const pos = v as { first_line?: number; last_line?: number };
      copy[key] = {
        ...pos,
        ...(typeof pos.first_line === 'number' ? { first_line: pos.first_line + lineOffset } : {}),
        ...(typeof pos.last_line === 'number' ? { last_line: pos.last_line + lineOffset } : {}),
      };
    } else {
      copy[key] = shiftLines(v, lineOffset);
    }
  }
  return copy as T;
}

function parseChunkCached(text: string): RawVelocityNode[] {
  let parsed = chunkCache.get(text);
  if (parsed === undefined) {
    parsed = parseVelocityTokens(text);
    if (chunkCache.size > 1000) chunkCache.clear();
    chunkCache.set(text, parsed);
  }
  return parsed;
}

// A chunk that fails alone usually holds a construct that continues in the next chunk (a multi-line
// #set map, a long #if condition): retry it joined with up to this many following chunks.
const MAX_CHUNK_JOINS = 3;

/** A parsed run of the template: one chunk, or several joined (see MAX_CHUNK_JOINS). */
interface ParsedUnit {
  start: number;
  end: number;
  firstLine: number;
  nodes: RawVelocityNode[];
}

// The previous chunked parse. Typing changes one place: the units before it are the same text at the same
// place (the same lines), so they are taken as they are, without even looking them up in the caches (hashing
// and comparing 300 KB of chunk texts per keystroke), and without splitting that part of the template again.
let lastChunked: { template: string; units: ParsedUnit[] } | undefined;

function parseInChunks(template: string): RawVelocityNode[] | undefined {
  const units = parseUnits(template);
  lastChunked = units === undefined ? undefined : { template, units };
  if (units === undefined) return undefined;
  const nodes: RawVelocityNode[] = [];
  for (const unit of units) for (const node of unit.nodes) nodes.push(node);
  return nodes;
}

/**
 * Length of the longest common prefix. Equal 8 KB slices compare natively in bulk; the last, differing block is
 * walked character by character. (A binary search with startsWith compared character by character in V8: ~2.6 ms
 * on a 300 KB template, most of a keystroke's parse.)
 */
function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const block = 8192;
  let i = 0;
  while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function parseUnits(template: string): ParsedUnit[] | undefined {
  const units: ParsedUnit[] = [];
  let from = 0;
  let fromLine = 1;
  const previous = lastChunked;
  if (previous !== undefined) {
    // Units run back to back from the start, so "unchanged" is one question: how long is the common prefix? Asking
    // it per unit (a slice and a comparison each) cost ~3 ms per keystroke on a 300 KB template.
    const same = commonPrefixLength(previous.template, template);
    for (const unit of previous.units) {
      // The unit's text and the character after it must be unchanged: splitting looks one character further.
      if (unit.end >= template.length || unit.end >= previous.template.length || unit.end + 1 > same) break;
      units.push(unit);
      from = unit.end;
    }
    const last = units[units.length - 1];
    if (last !== undefined) {
      fromLine = last.firstLine;
      for (let k = last.start; k < last.end; k++) if (template.charCodeAt(k) === 10) fromLine++;
    }
  }
  const chunks = splitChunks(template, from, fromLine);
  let i = 0;
  while (i < chunks.length) {
    const first = chunks[i];
    if (first === undefined) break;
    let text = first.text;
    let j = i;
    let parsed: RawVelocityNode[] | undefined;
    for (;;) {
      try {
        parsed = parseChunkCached(text);
        break;
      } catch {
        const next = chunks[j + 1];
        // Give up on chunking: a genuine error is then reported with exact whole-template positions.
        if (next === undefined || j - i >= MAX_CHUNK_JOINS) return undefined;
        j++;
        text += next.text;
      }
    }
    if (first.firstLine !== 1) {
      // Positions depend on where the chunk sits; an edit above it that adds no line keeps them valid.
      const key = `${first.firstLine}\u0000${text}`;
      let shifted = shiftedCache.get(key);
      if (shifted === undefined) {
        shifted = shiftLines(parsed, first.firstLine - 1);
        if (shiftedCache.size > 1000) shiftedCache.clear();
        shiftedCache.set(key, shifted);
      }
      parsed = shifted;
    }
    const lastJoined = chunks[j];
    units.push({
      start: first.start,
      end: lastJoined === undefined ? template.length : lastJoined.start + lastJoined.text.length,
      firstLine: first.firstLine,
      nodes: parsed,
    });
    i = j + 1;
  }
  return units;
}

/** `chunked: false` forces a single whole-template parse (tests compare the two). */
export function parseTemplate(template: string, options: { chunked?: boolean } = {}): ParseOutcome {
  let nodes: RawVelocityNode[];
  try {
    const useChunks = options.chunked !== false && template.length >= CHUNKING_THRESHOLD;
    nodes = (useChunks ? parseInChunks(template) : undefined) ?? parseVelocityTokens(template);
  } catch (e) {
    if (isErrorWithHash(e)) return { ok: false, error: describeParseError(template, e.hash) };
    return { ok: false, error: { message: e instanceof Error ? e.message : String(e) } };
  }
  // Velocity swallows the line break right after a directive line (#set, #if, #end, …); velocityjs's parse()
  // does the same with this rule, which we keep so output whitespace matches.
  for (let i = 0; i < nodes.length - 1; i++) {
    const node = nodes[i];
    const next = nodes[i + 1];
    if (typeof node === 'string' || node === undefined || node.type === 'references' || node.type === 'raw') continue;
    if (typeof next === 'string' && TRIM_AFTER_DIRECTIVE.test(next))
      nodes[i + 1] = next.replace(TRIM_AFTER_DIRECTIVE, '');
  }
  try {
    return { ok: true, asts: level(nodes) };
  } catch (e) {
    if (e instanceof TemplateSyntaxError)
      return { ok: false, error: { message: e.message, line: e.line, column: e.column } };
    throw e;
  }
}
