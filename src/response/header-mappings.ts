// Header mappings of an integration response (`responseParameters`): what each mapping expression yields for one
// back-end response. Shared by the dashboard's previews and the emulator's TestInvokeMethod.
import { resolveBodyMapping } from '@/preview/json-path';
import type { PreviewContext } from '@/preview/preview-context';
import { parseMappingSource, parseResponseHeaderKey, type MappingSource } from '@/rules/mapping-expression';

/** What a mapping can read: the back end's answer, the stage's variables and the request context. */
export interface MappingInputs {
  /** Header names as the back end sent them; a repeated header keeps every value in order. */
  headers: Record<string, string[]>;
  body: string;
  /** Absent when they are not known (the editor's preview before a deployment). */
  stageVariables?: Record<string, string>;
  context?: PreviewContext;
}

export type MappingValue = { value: string } | { missing: string };

function headerValues(headers: Record<string, string[]>, name: string): string[] | undefined {
  // UNVERIFIED whether AWS matches integration.response.header.X case-sensitively (LocalStack does); the
  // dashboard has always matched case-insensitively, which never hides a header a client would get.
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const [key, list] of Object.entries(headers)) if (key.toLowerCase() === lower) values.push(...list);
  return values.length > 0 ? values : undefined;
}

function contextValue(context: PreviewContext, name: string): string | undefined {
  let node: unknown = context;
  for (const part of name.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part))
      return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (node === undefined || node === null || typeof node === 'object') return undefined;
  return String(node);
}

/** The value one mapping source yields, or why the header is not sent. */
export function resolveMappingSource(source: MappingSource, inputs: MappingInputs): MappingValue {
  switch (source.kind) {
    case 'static':
      return { value: source.value };
    case 'header': {
      const values = headerValues(inputs.headers, source.name);
      // For a repeated header API Gateway uses the last value (UNVERIFIED; the docs only say multivalue reads all).
      return values ? { value: values[values.length - 1] ?? '' } : { missing: 'the back end sent no such header' };
    }
    case 'multivalueheader': {
      const values = headerValues(inputs.headers, source.name);
      return values ? { value: values.join(',') } : { missing: 'the back end sent no such header' };
    }
    case 'body': {
      try {
        const value = resolveBodyMapping(inputs.body, source.path);
        return value === undefined ? { missing: 'nothing at this path in the body' } : { value };
      } catch (error) {
        return {
          missing: `not a JSONPath this engine understands (${error instanceof Error ? error.message : String(error)})`,
        };
      }
    }
    case 'stageVariable': {
      if (inputs.stageVariables === undefined) return { missing: 'set per stage: known only when deployed' };
      const value = Object.prototype.hasOwnProperty.call(inputs.stageVariables, source.name)
        ? inputs.stageVariables[source.name]
        : undefined;
      return value === undefined ? { missing: 'the stage has no such variable' } : { value };
    }
    case 'context': {
      if (inputs.context === undefined) return { missing: 'set per request: known only at run time' };
      const value = contextValue(inputs.context, source.name);
      return value === undefined ? { missing: 'no such context variable' } : { value };
    }
  }
}

export interface MappedHeader {
  /** The method response header, as named in `method.response.header.<name>`. */
  name: string;
  expression: string;
  result: MappingValue;
}

/**
 * Every mapping of `responseParameters`, in their stored order. A mapping that yields nothing or an empty string
 * sends no header (API Gateway drops empty mapped headers, as LocalStack's AWS-validated parameter mapping does).
 */
export function mapResponseHeaders(
  responseParameters: Record<string, string> | undefined,
  inputs: MappingInputs,
): MappedHeader[] {
  const out: MappedHeader[] = [];
  for (const [key, expression] of Object.entries(responseParameters ?? {})) {
    const name = parseResponseHeaderKey(key);
    if (name === null) continue;
    const source = parseMappingSource(expression);
    const result: MappingValue =
      source === null
        ? { missing: 'not a mapping expression API Gateway accepts' }
        : resolveMappingSource(source, inputs);
    out.push({
      name,
      expression,
      result: 'value' in result && result.value === '' ? { missing: 'the mapped value is empty' } : result,
    });
  }
  return out;
}
