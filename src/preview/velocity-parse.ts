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

function describeParseError(template: string, hash: VelocityParseErrorHash, raw: string): TemplateError {
  const offset = hash.offset ?? template.length;
  const { line, column } = lineColumnAt(template, offset);
  if (hash.token === null || hash.token === undefined) {
    // jison's lexical error: nothing matched at this point (typically an unterminated string literal).
    const snippet = template.slice(offset, offset + 20).split('\n')[0] ?? '';
    return { message: `Unrecognized text near \`${snippet}\` (unterminated string or stray character?)`, line, column };
  }
  const got = hash.token === 'EOF' ? 'end of template' : `\`${hash.text ?? String(hash.token)}\``;
  const expected = (hash.expected ?? []).map((t) => t.replace(/'/g, '')).filter((t) => t !== 'EOF');
  const hint =
    expected.length > 0 ? `; expected ${expected.slice(0, 6).join(', ')}${expected.length > 6 ? ', …' : ''}` : '';
  return { message: raw.startsWith('Parse error') ? `Unexpected ${got}${hint}` : raw, line, column };
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
      if (closed === undefined) throw errorAt(node, '#end without a matching #if, #foreach, #macro or #define');
      current = stack[stack.length - 1]?.list ?? root;
      continue;
    }
    if (node.type === 'else' || node.type === 'elseif') {
      const top = stack[stack.length - 1];
      if (top === undefined || top.opener.type !== 'if') throw errorAt(node, `#${node.type} outside an #if block`);
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
  if (unclosed !== undefined) throw errorAt(unclosed.opener, `${nodeLabel(unclosed.opener)} has no matching #end`);
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
    if (isErrorWithHash(e)) return { ok: false, error: describeParseError(template, e.hash, e.message) };
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
