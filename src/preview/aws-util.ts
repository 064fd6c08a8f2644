// $util functions as API Gateway implements them on the JVM.

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Apache Commons Lang StringEscapeUtils.escapeJavaScript: escapes `"`, `'`, `\`, `/`, control characters
 * and every non-ASCII UTF-16 unit as \uXXXX (upper-case hex). The `'` → `\'` is why AWS documents
 * `.replaceAll("\\'","'")` after it. UNVERIFIED: that AWS uses this Commons Lang escaping for non-ASCII
 * and `/` (the documented part is the `'` escaping).
 */
export function escapeJavaScript(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = typeof value === 'string' ? value : String(value);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const ch = s[i] ?? '';
    if (code > 0x7f) out += '\\u' + hex4(code);
    else if (code < 32) {
      switch (code) {
        case 8:
          out += '\\b';
          break;
        case 9:
          out += '\\t';
          break;
        case 10:
          out += '\\n';
          break;
        case 12:
          out += '\\f';
          break;
        case 13:
          out += '\\r';
          break;
        default:
          out += '\\u' + hex4(code);
      }
    } else if (ch === '"' || ch === "'" || ch === '\\' || ch === '/') out += '\\' + ch;
    else out += ch;
  }
  return out;
}

const URL_SAFE = /[A-Za-z0-9.\-*_]/;

/** java.net.URLEncoder.encode(s, "UTF-8"): form encoding, space → `+`, `*` kept, `~` encoded. */
export function urlEncode(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = String(value);
  let out = '';
  for (const ch of s) {
    if (ch === ' ') out += '+';
    else if (URL_SAFE.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** java.net.URLDecoder.decode(s, "UTF-8"): `+` → space, %XX sequences decoded as UTF-8. */
export function urlDecode(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = String(value);
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    if (ch === '+') {
      out += ' ';
      i++;
    } else if (ch === '%') {
      const bytes: number[] = [];
      while (s[i] === '%') {
        const pair = s.slice(i + 1, i + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(pair))
          throw new Error(`URLDecoder: Illegal hex characters in escape (%) pattern - "${pair}"`);
        bytes.push(parseInt(pair, 16));
        i += 3;
      }
      out += new TextDecoder().decode(new Uint8Array(bytes));
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

export function base64Encode(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const bytes = new TextEncoder().encode(String(value));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function base64Decode(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  let binary: string;
  try {
    binary = atob(String(value).replace(/\s+/g, ''));
  } catch {
    throw new Error(`base64Decode: input is not valid Base64`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
