// Copyable equivalents of what the review step sends (the staged method response request, if any, then the
// PutIntegrationResponse or UpdateIntegrationResponse): curl, the AWS CLI, CloudFormation, Terraform and OpenAPI. Pure string building (no React, no DOM, no fetch) so the same
// functions run in unit tests and in the Node test that executes the shell commands against the emulator.
import type { TargetKind } from '@/api/connection';
import type { IntegrationResponseStep, MethodResponseStep, PatchOperation } from '@/api/models';
import type { ResponseRef, RestApiRef } from '@/api/refs';
import { parseResponseHeaderKey } from '@/rules/mapping-expression';
import type { IntegrationResponseInput, MethodResponse } from '@/rules/types';

export interface ExportTarget {
  kind: TargetKind;
  /** Resolved base URL of the control plane, no trailing slash, e.g. `http://127.0.0.1:5199`. */
  endpointUrl: string;
  region: string;
}

export interface ExportInput extends ResponseRef {
  body: IntegrationResponseInput;
  target: ExportTarget;
  /** The resource path (`/items`), when known: only used for comments and the OpenAPI path key. */
  resourcePath?: string;
  /** Add the session-token header placeholder to curl (temporary credentials). */
  withSessionToken?: boolean;
  /** The method response request sent first (a header declared, or the method response created), if any. */
  methodStep?: MethodResponseStep | null;
  /** The whole method response once that request is applied: what the declarative formats describe. */
  methodResponseAfter?: MethodResponse;
  /** How the integration response is sent; a PUT of `body` when absent. The declarative formats always describe the
   * whole integration response (`body`), which is what a PATCH leaves stored too. */
  integrationStep?: IntegrationResponseStep;
}

// ---------------------------------------------------------------------------------------------------------
// Shell

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX shell quoting: single quotes, with each `'` written as `'\''`. Safe words stay unquoted. */
export function shellQuote(value: string): string {
  if (value !== '' && SHELL_SAFE.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The same URL the typed client builds (src/api/client.ts): RFC 3986-encoded path segments. */
export function integrationResponseUrl(
  input: Pick<ExportInput, 'restApiId' | 'resourceId' | 'httpMethod' | 'statusCode' | 'target'>,
): string {
  const base = input.target.endpointUrl.replace(/\/+$/, '');
  return `${base}/restapis/${rfc3986(input.restApiId)}/resources/${rfc3986(input.resourceId)}/methods/${rfc3986(input.httpMethod)}/integration/responses/${rfc3986(input.statusCode)}`;
}

/** The method response's URL, built like integrationResponseUrl. */
export function methodResponseUrl(
  input: Pick<ExportInput, 'restApiId' | 'resourceId' | 'httpMethod' | 'statusCode' | 'target'>,
): string {
  const base = input.target.endpointUrl.replace(/\/+$/, '');
  return `${base}/restapis/${rfc3986(input.restApiId)}/resources/${rfc3986(input.resourceId)}/methods/${rfc3986(input.httpMethod)}/responses/${rfc3986(input.statusCode)}`;
}

/** The JSON body exactly as the client sends it (JSON.stringify of the PUT body). */
export function requestBodyJson(body: IntegrationResponseInput): string {
  return JSON.stringify(body);
}

function needsSigning(target: ExportTarget): boolean {
  // The embedded emulator ignores signatures; moto, LocalStack and AWS route or authenticate by SigV4.
  return target.kind !== 'embedded';
}

function joinLines(parts: string[]): string {
  return parts.join(' \\\n  ');
}

function curlRequest(input: ExportInput, method: string, url: string, body: unknown): string {
  const parts = [
    `curl -X ${method} ${shellQuote(url)}`,
    `-H ${shellQuote('Accept: application/json')}`,
    `-H ${shellQuote('Content-Type: application/json')}`,
  ];
  if (needsSigning(input.target)) {
    // Placeholders only: the dashboard never puts credentials into copyable text.
    parts.push(`--aws-sigv4 ${shellQuote(`aws:amz:${input.target.region}:apigateway`)}`);
    parts.push(`--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`);
    if (input.withSessionToken) parts.push(`-H "X-Amz-Security-Token: $AWS_SESSION_TOKEN"`);
  }
  // --fail: a refused first request must stop the second (`&&`), as Send does.
  if (input.methodStep) parts.push('--fail-with-body');
  // --data-binary: sent byte for byte (plain --data would strip newlines and read a leading @ as a file name).
  parts.push(`--data-binary ${shellQuote(JSON.stringify(body))}`);
  return joinLines(parts);
}

/** Commands run in order, each only when the one before succeeded (Send stops at the first failure too). */
function inSequence(commands: string[]): string {
  return commands.join(' &&\n');
}

export function curlCommand(input: ExportInput): string {
  const commands: string[] = [];
  const m = input.methodStep;
  if (m) {
    commands.push(
      m.kind === 'PutMethodResponse'
        ? curlRequest(input, 'PUT', methodResponseUrl(input), m.body)
        : curlRequest(input, 'PATCH', methodResponseUrl(input), { patchOperations: m.patchOperations }),
    );
  }
  const step = input.integrationStep;
  commands.push(
    step?.kind === 'UpdateIntegrationResponse'
      ? curlRequest(input, 'PATCH', integrationResponseUrl(input), { patchOperations: step.patchOperations })
      : curlRequest(input, 'PUT', integrationResponseUrl(input), input.body),
  );
  return inSequence(commands);
}

/** Long option with its value; the `=` form when the value starts with `-`, which the CLI would read as an option. */
function cliOption(name: string, value: string): string {
  return value.startsWith('-') ? `${name}=${shellQuote(value)}` : `${name} ${shellQuote(value)}`;
}

function endpointOption(target: ExportTarget): string | undefined {
  return target.kind === 'aws' ? undefined : cliOption('--endpoint-url', target.endpointUrl);
}

function cliCall(input: ExportInput, operation: string, options: string[]): string {
  const parts = [
    `aws apigateway ${operation}`,
    cliOption('--rest-api-id', input.restApiId),
    cliOption('--resource-id', input.resourceId),
    cliOption('--http-method', input.httpMethod),
    cliOption('--status-code', input.statusCode),
    ...options,
  ];
  const endpoint = endpointOption(input.target);
  if (endpoint) parts.push(endpoint);
  parts.push(cliOption('--region', input.target.region));
  return joinLines(parts);
}

/** `--patch-operations` as JSON: the shorthand syntax cannot carry every character a value may hold. */
function patchOption(ops: PatchOperation[]): string {
  return cliOption('--patch-operations', JSON.stringify(ops));
}

function putIntegrationResponseCli(input: ExportInput): string {
  const { body } = input;
  const options: string[] = [];
  // Absent means absent: `--selection-pattern ''` would store an explicit "" (AWS echoes it), which is the
  // default response too, but not the same stored object as leaving the pattern out.
  if (body.selectionPattern !== undefined) options.push(cliOption('--selection-pattern', body.selectionPattern));
  if (body.responseTemplates !== undefined) {
    // botocore rejects null inside a string map; AWS stores "" as null too, so "" gives the same stored object.
    const templates = Object.fromEntries(Object.entries(body.responseTemplates).map(([k, v]) => [k, v ?? '']));
    options.push(cliOption('--response-templates', JSON.stringify(templates)));
  }
  if (body.responseParameters !== undefined)
    options.push(cliOption('--response-parameters', JSON.stringify(body.responseParameters)));
  if (body.contentHandling !== undefined) options.push(cliOption('--content-handling', body.contentHandling));
  return cliCall(input, 'put-integration-response', options);
}

export function awsCliCommand(input: ExportInput): string {
  const commands: string[] = [];
  const m = input.methodStep;
  if (m?.kind === 'PutMethodResponse') {
    const params = m.body.responseParameters;
    commands.push(
      cliCall(
        input,
        'put-method-response',
        params !== undefined ? [cliOption('--response-parameters', JSON.stringify(params))] : [],
      ),
    );
  } else if (m) commands.push(cliCall(input, 'update-method-response', [patchOption(m.patchOperations)]));
  const step = input.integrationStep;
  commands.push(
    step?.kind === 'UpdateIntegrationResponse'
      ? cliCall(input, 'update-integration-response', [patchOption(step.patchOperations)])
      : putIntegrationResponseCli(input),
  );
  return inSequence(commands);
}

/** The reminder after a change: nothing reaches clients until the API is deployed to a stage. */
export function createDeploymentCommand(input: RestApiRef & { target: ExportTarget }): string {
  const parts = [
    'aws apigateway create-deployment',
    cliOption('--rest-api-id', input.restApiId),
    '--stage-name <stage>',
  ];
  const endpoint = endpointOption(input.target);
  if (endpoint) parts.push(endpoint);
  parts.push(cliOption('--region', input.target.region));
  return joinLines(parts);
}

// ---------------------------------------------------------------------------------------------------------
// YAML (CloudFormation, OpenAPI)

/** Double-quoted YAML scalar. JSON's escapes are a subset of YAML's, so JSON.stringify is always valid YAML. */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

const YAML_PLAIN_KEY = /^[A-Za-z0-9/][A-Za-z0-9_./+-]*$/;

function yamlKey(key: string): string {
  // Plain only for keys that cannot be read as anything but a string (no booleans/numbers/nulls).
  return YAML_PLAIN_KEY.test(key) && !/^(?:true|false|yes|no|on|off|null|y|n|~|[0-9.+-]+)$/i.test(key)
    ? key
    : yamlString(key);
}

// Characters that a literal block cannot carry verbatim (control characters other than tab, CR, BOM).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const BLOCK_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f\ufeff\u2028\u2029]|\r/;

/**
 * A template as YAML: a literal block (`|` / `|-`) when it round-trips exactly, else a double-quoted string.
 * Blocks are refused for leading spaces on the first line (would need an indentation indicator), lines of only
 * whitespace (editors strip them) and more than one trailing newline.
 */
export function yamlTemplate(value: string | null, indent: string): string {
  const text = value ?? '';
  const endsWithNewline = text.endsWith('\n');
  const content = endsWithNewline ? text.slice(0, -1) : text;
  const lines = content.split('\n');
  const blockOk =
    text.includes('\n') &&
    !BLOCK_UNSAFE.test(text) &&
    !content.endsWith('\n') &&
    !/^[ \t]/.test(content) &&
    lines.every((line) => line === '' || line.trim() !== '') &&
    lines.every((line) => !/[ \t]$/.test(line));
  if (!blockOk) return yamlString(text);
  return `${endsWithNewline ? '|' : '|-'}\n${lines.map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`;
}

function yamlMap(map: Record<string, string | null>, indent: string, templates: boolean): string[] {
  return Object.entries(map).map(
    ([k, v]) => `${indent}${yamlKey(k)}: ${templates ? yamlTemplate(v, `${indent}  `) : yamlString(v ?? '')}`,
  );
}

function describeMethod(input: ExportInput): string {
  return `${input.httpMethod} ${input.resourcePath ?? `resource ${input.resourceId}`} of REST API ${input.restApiId}`;
}

function cloudFormationEntry(input: ExportInput): string[] {
  const { body } = input;
  const lines = [`- StatusCode: ${yamlString(input.statusCode)}`];
  if (body.selectionPattern !== undefined) lines.push(`  SelectionPattern: ${yamlString(body.selectionPattern)}`);
  if (body.contentHandling !== undefined) lines.push(`  ContentHandling: ${body.contentHandling}`);
  if (body.responseParameters !== undefined) {
    lines.push('  ResponseParameters:' + (Object.keys(body.responseParameters).length === 0 ? ' {}' : ''));
    lines.push(...yamlMap(body.responseParameters, '    ', false));
  }
  if (body.responseTemplates !== undefined) {
    lines.push('  ResponseTemplates:' + (Object.keys(body.responseTemplates).length === 0 ? ' {}' : ''));
    lines.push(...yamlMap(body.responseTemplates, '    ', true));
  }
  return lines;
}

/** Moves YAML lines right; empty lines (inside literal blocks) stay empty. */
function indentLines(lines: string[], by: string): string[] {
  return lines.flatMap((line) => line.split('\n')).map((line) => (line === '' ? '' : `${by}${line}`));
}

/** The method response as it will be stored, for the declarative formats (the staged headers included). */
function methodResponseAfter(input: ExportInput): MethodResponse | undefined {
  if (!input.methodStep) return undefined;
  if (input.methodResponseAfter) return input.methodResponseAfter;
  const m = input.methodStep;
  return m.kind === 'PutMethodResponse'
    ? { statusCode: input.statusCode, ...m.body }
    : {
        statusCode: input.statusCode,
        responseParameters: Object.fromEntries(m.headers.map((h) => [`method.response.header.${h}`, false])),
      };
}

export function cloudFormationYaml(input: ExportInput): string {
  const methodResponse = methodResponseAfter(input);
  if (!methodResponse) {
    const lines = [
      `# One entry of Integration.IntegrationResponses in the AWS::ApiGateway::Method for ${describeMethod(input)}.`,
      '# The list replaces all integration responses of the method: keep the other entries next to this one.',
      ...cloudFormationEntry(input),
    ];
    return lines.join('\n') + '\n';
  }
  const lines = [
    `# Properties of the AWS::ApiGateway::Method for ${describeMethod(input)}: the MethodResponses entry and the`,
    '# Integration.IntegrationResponses entry for this status code. Each list replaces all entries of the method:',
    '# keep the other entries next to these.',
    'MethodResponses:',
    `  - StatusCode: ${yamlString(input.statusCode)}`,
  ];
  const params = methodResponse.responseParameters ?? {};
  if (Object.keys(params).length > 0) {
    lines.push('    ResponseParameters:');
    for (const [k, v] of Object.entries(params)) lines.push(`      ${yamlKey(k)}: ${v ? 'true' : 'false'}`);
  }
  const models = methodResponse.responseModels ?? {};
  if (Object.keys(models).length > 0) {
    lines.push('    ResponseModels:');
    for (const [k, v] of Object.entries(models)) lines.push(`      ${yamlKey(k)}: ${yamlString(v)}`);
  }
  lines.push('Integration:', '  IntegrationResponses:', ...indentLines(cloudFormationEntry(input), '    '));
  return lines.join('\n') + '\n';
}

/** The `responses` key of `x-amazon-apigateway-integration`: the selection pattern, or `default`. */
export function openApiResponseKey(body: IntegrationResponseInput): string {
  return body.selectionPattern === undefined || body.selectionPattern === '' ? 'default' : body.selectionPattern;
}

/** The operation's `responses` entry for the status code, when this change creates or extends the method response. */
function openApiMethodResponse(input: ExportInput): string[] {
  const methodResponse = methodResponseAfter(input);
  if (!methodResponse) return [];
  const lines = [
    '      responses:',
    `        ${yamlString(input.statusCode)}:`,
    `          description: ${yamlString(`${input.statusCode} response`)}`,
  ];
  const headers = Object.entries(methodResponse.responseParameters ?? {}).flatMap(([key, required]) => {
    const name = parseResponseHeaderKey(key);
    return name === null ? [] : [[name, required] as const];
  });
  if (headers.length > 0) {
    lines.push('          headers:');
    for (const [name, required] of headers) {
      lines.push(`            ${yamlKey(name)}:`);
      if (required) lines.push('              required: true');
      lines.push('              schema:', '                type: string');
    }
  }
  return lines;
}

export function openApiYaml(input: ExportInput): string {
  const { body } = input;
  const path = input.resourcePath ?? '/<resource path>';
  const lines = [
    `# In the OpenAPI definition of REST API ${input.restApiId}; merge into your existing integration.`,
    'paths:',
    `  ${yamlKey(path)}:`,
    `    ${yamlKey(input.httpMethod.toLowerCase())}:`,
    ...openApiMethodResponse(input),
    '      x-amazon-apigateway-integration:',
    '        responses:',
    `          ${yamlString(openApiResponseKey(body))}:`,
    `            statusCode: ${yamlString(input.statusCode)}`,
  ];
  const indent = '              ';
  if (body.contentHandling !== undefined) lines.push(`            contentHandling: ${body.contentHandling}`);
  if (body.responseParameters !== undefined) {
    lines.push('            responseParameters:' + (Object.keys(body.responseParameters).length === 0 ? ' {}' : ''));
    lines.push(...yamlMap(body.responseParameters, indent, false));
  }
  if (body.responseTemplates !== undefined) {
    lines.push('            responseTemplates:' + (Object.keys(body.responseTemplates).length === 0 ? ' {}' : ''));
    lines.push(...yamlMap(body.responseTemplates, indent, true));
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------
// Terraform (HCL)

/** `${` and `%{` start template sequences in HCL strings and heredocs; `$${` / `%%{` are their escapes. */
function escapeHclTemplate(text: string): string {
  return text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
}

/** A quoted HCL string. HCL knows \n \r \t \" \\ \uNNNN but not JSON's \b and \f. */
export function hclString(value: string): string {
  const json = JSON.stringify(value).replaceAll('\\b', '\\u0008').replaceAll('\\f', '\\u000c');
  return escapeHclTemplate(json);
}

/** A heredoc when the template round-trips exactly (heredoc text always ends with a newline), else a quoted string. */
export function hclTemplate(value: string | null): string {
  const text = value ?? '';
  // eslint-disable-next-line no-control-regex -- control characters force the escaped string form
  if (!text.includes('\n') || /[\u0000-\u0008\u000b-\u001f\u007f]|\r/.test(text)) return hclString(text);
  let delimiter = 'EOT';
  for (let n = 1; text.split('\n').some((line) => line.trim() === delimiter); n++) delimiter = `EOT${n}`;
  if (text.endsWith('\n') && !text.endsWith('\n\n')) return `<<${delimiter}\n${escapeHclTemplate(text)}${delimiter}`;
  if (!text.endsWith('\n')) return `chomp(<<${delimiter}\n${escapeHclTemplate(text)}\n${delimiter}\n)`;
  return hclString(text);
}

function hclIdentifier(input: ExportInput): string {
  const raw =
    `${input.httpMethod}_${(input.resourcePath ?? input.resourceId).replace(/^\/+/, '')}_${input.statusCode}`.toLowerCase();
  const id = raw
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  return /^[a-z]/.test(id) ? id : `r_${id}`;
}

function terraformMethodResponse(input: ExportInput, methodResponse: MethodResponse): string[] {
  const lines = [
    `# Method response ${input.statusCode}: the resource manages all of it, so an existing one is imported first`,
    `# (terraform import aws_api_gateway_method_response.${hclIdentifier(input)} ${input.restApiId}/${input.resourceId}/${input.httpMethod}/${input.statusCode}).`,
    `resource "aws_api_gateway_method_response" ${hclString(hclIdentifier(input))} {`,
    `  rest_api_id = ${hclString(input.restApiId)}`,
    `  resource_id = ${hclString(input.resourceId)}`,
    `  http_method = ${hclString(input.httpMethod)}`,
    `  status_code = ${hclString(input.statusCode)}`,
  ];
  const params = Object.entries(methodResponse.responseParameters ?? {});
  if (params.length > 0) {
    lines.push('', '  response_parameters = {');
    for (const [k, v] of params) lines.push(`    ${hclString(k)} = ${v ? 'true' : 'false'}`);
    lines.push('  }');
  }
  const models = Object.entries(methodResponse.responseModels ?? {});
  if (models.length > 0) {
    lines.push('', '  response_models = {');
    for (const [k, v] of models) lines.push(`    ${hclString(k)} = ${hclString(v)}`);
    lines.push('  }');
  }
  lines.push('}', '');
  return lines;
}

export function terraformHcl(input: ExportInput): string {
  const { body } = input;
  const attrs: [string, string][] = [
    ['rest_api_id', hclString(input.restApiId)],
    ['resource_id', hclString(input.resourceId)],
    ['http_method', hclString(input.httpMethod)],
    ['status_code', hclString(input.statusCode)],
  ];
  if (body.selectionPattern !== undefined) attrs.push(['selection_pattern', hclString(body.selectionPattern)]);
  if (body.contentHandling !== undefined) attrs.push(['content_handling', hclString(body.contentHandling)]);
  const width = Math.max(...attrs.map(([k]) => k.length));
  const methodResponse = methodResponseAfter(input);
  const lines = methodResponse ? terraformMethodResponse(input, methodResponse) : [];
  lines.push(
    `# ${describeMethod(input)}`,
    `resource "aws_api_gateway_integration_response" ${hclString(hclIdentifier(input))} {`,
    ...attrs.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`),
  );
  if (methodResponse) lines.push('', `  depends_on = [aws_api_gateway_method_response.${hclIdentifier(input)}]`);
  if (body.responseParameters !== undefined) {
    lines.push('', '  response_parameters = {');
    for (const [k, v] of Object.entries(body.responseParameters)) lines.push(`    ${hclString(k)} = ${hclString(v)}`);
    lines.push('  }');
  }
  if (body.responseTemplates !== undefined) {
    lines.push('', '  response_templates = {');
    for (const [k, v] of Object.entries(body.responseTemplates)) lines.push(`    ${hclString(k)} = ${hclTemplate(v)}`);
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

export type ExportFormat = 'curl' | 'aws-cli' | 'cloudformation' | 'terraform' | 'openapi';

export const exportFormats: { id: ExportFormat; label: string; language: string }[] = [
  { id: 'aws-cli', label: 'AWS CLI', language: 'shell' },
  { id: 'curl', label: 'curl', language: 'shell' },
  { id: 'cloudformation', label: 'CloudFormation', language: 'yaml' },
  { id: 'terraform', label: 'Terraform', language: 'hcl' },
  { id: 'openapi', label: 'OpenAPI', language: 'yaml' },
];

export function renderExport(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'curl':
      return curlCommand(input);
    case 'aws-cli':
      return awsCliCommand(input);
    case 'cloudformation':
      return cloudFormationYaml(input);
    case 'terraform':
      return terraformHcl(input);
    case 'openapi':
      return openApiYaml(input);
  }
}
