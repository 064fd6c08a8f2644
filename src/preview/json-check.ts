// Checks rendered output against strict JSON (RFC 8259) and reports where it breaks. A hand-written
// scanner rather than JSON.parse because engines word (and position) their errors differently.

export type JsonCheckResult = { valid: true } | { valid: false; message: string; line: number; column: number };

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'end of output';
  if (ch === '\n') return 'a line break';
  return `\`${ch}\``;
}

function scan(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (what: string): never => {
    throw new JsonError(`Expected ${what} but found ${describe(text[i])}`, i);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a JSON value');
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length) {
      const ch = text[i] ?? '';
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const esc = text[i + 1] ?? '';
        if ('"\\/bfnrt'.includes(esc) && esc !== '') i += 2;
        else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else
          throw new JsonError(
            `Invalid escape \`\\${esc}\` in string (JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`,
            i,
          );
        continue;
      }
      if (ch.charCodeAt(0) < 32)
        throw new JsonError('Unescaped control character (such as a line break) inside a string', i);
      i++;
    }
    throw new JsonError('Unterminated string', start);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null || m[0] === '' || m[0] === '-') fail('a JSON value');
    else i += m[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('`:`');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail('another property after `,` (trailing commas are not allowed)');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('`,` or `}`');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('another value after `,` (trailing commas are not allowed)');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('`,` or `]`');
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail('a JSON value');
  };
  value();
  ws();
  if (i < text.length) throw new JsonError(`Unexpected ${describe(text[i])} after the end of the JSON value`, i);
}

export function checkJsonOutput(output: string): JsonCheckResult {
  try {
    scan(output.charCodeAt(0) === 0xfeff ? output.slice(1) : output);
    return { valid: true };
  } catch (e) {
    if (!(e instanceof JsonError)) throw e;
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < e.offset; k++) {
      if (output[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    const message = output.trim() === '' ? 'The output is empty, which is not valid JSON' : e.message;
    return { valid: false, message, line, column: e.offset - lineStart + 1 };
  }
}

/** True for `application/json` and any `*\/*+json` media type (parameters such as charset ignored). */
export function contentTypeExpectsJson(ct: string): boolean {
  const mediaType = (ct.split(';')[0] ?? '').trim().toLowerCase();
  return mediaType === 'application/json' || /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(mediaType);
}
