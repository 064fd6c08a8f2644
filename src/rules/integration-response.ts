// PutIntegrationResponse rules. Pipeline (emulator and SPA alike): validateIntegrationResponseRequest (stage
// 'request', before any existence check) → api/resource/method/integration lookups → validateIntegrationResponseAgainstMethod
// (stage 'method'); awsVerdict turns a stage's violations into the single error AWS returns.

import * as z from 'zod/mini';
import { invalidContentTypeMessage, isValidContentType } from './content-type';
import { parseMappingSource, parseResponseHeaderKey } from './mapping-expression';
import { bodyAsObject, coralTypeError, isPlainObject, serializationViolation } from './serialization';
import { statusCodeViolation } from './status-code';
import type {
  AwsErrorType,
  ContentHandling,
  IntegrationResponseInput,
  MethodResponse,
  RuleViolation,
  RuleViolationCode,
} from './types';
import { combineValidationErrors } from './validation-message';

export const contentHandlingValues = [
  'CONVERT_TO_BINARY',
  'CONVERT_TO_TEXT',
] as const satisfies readonly ContentHandling[];

/** The PutIntegrationResponse body (botocore model). Unknown members are ignored, as AWS's deserializer does. */
export const integrationResponseInputSchema = z.object({
  selectionPattern: z.optional(z.string()),
  responseParameters: z.optional(z.record(z.string(), z.string())),
  responseTemplates: z.optional(z.record(z.string(), z.nullable(z.string()))),
  contentHandling: z.optional(z.enum(contentHandlingValues)),
});

// The schema's output must stay assignable to the shared type (a compile error here means they drifted apart).
type AssignableTo<T extends IntegrationResponseInput> = T;
export type IntegrationResponseFormValue = AssignableTo<z.infer<typeof integrationResponseInputSchema>>;

/** 300 KB quota ("Maximum mapping template size", docs/aws/integration-responses.md), taken as KiB of UTF-8 like AWS's other byte quotas. */
export const MAX_TEMPLATE_BYTES = 300 * 1024;

const MAPPING_PREFIX = 'Invalid mapping expression specified: Validation Result: warnings : [], errors : ';

function badRequest(code: RuleViolationCode, message: string, field: string): RuleViolation {
  return { code, type: 'BadRequestException', stage: 'method', field, message };
}

function isContentHandling(s: string): s is ContentHandling {
  return (contentHandlingValues as readonly string[]).includes(s);
}

/**
 * Request-stage checks of PutIntegrationResponse: what AWS rejects before looking up the api/resource/method.
 * Members are visited in the body's own order, as AWS's streaming deserializer meets them, so the first
 * SerializationException is the one AWS reports.
 */
export function validateIntegrationResponseRequest(
  statusCode: string,
  body: unknown,
): { value?: IntegrationResponseInput; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const validation: RuleViolation[] = [];
  const sc = statusCodeViolation(statusCode);
  if (sc) validation.push(sc);

  const parsed = bodyAsObject(body);
  if ('violation' in parsed) return { violations: [parsed.violation, ...validation] };

  const value: IntegrationResponseInput = {};
  for (const [member, raw] of Object.entries(parsed.obj)) {
    if (raw === null || raw === undefined) continue;
    switch (member) {
      case 'selectionPattern': {
        const err = coralTypeError(raw, 'String');
        if (err) violations.push(serializationViolation(err, member));
        else value.selectionPattern = raw as string;
        break;
      }
      case 'contentHandling': {
        const err = coralTypeError(raw, 'String');
        if (err) violations.push(serializationViolation(err, member));
        else if (!isContentHandling(raw as string)) {
          // UNVERIFIED text (docs/aws/integration-responses.md, contentHandling): modeled on the captured `putIntegrationInput.type` enum error, with the
          // values in model order; AWS's order inside the brackets can't be predicted.
          validation.push({
            code: 'invalid-content-handling',
            type: 'ValidationException',
            stage: 'request',
            field: member,
            message: `Value '${raw as string}' at 'putIntegrationResponseInput.contentHandling' failed to satisfy constraint: Member must satisfy enum value set: [CONVERT_TO_BINARY, CONVERT_TO_TEXT]`,
          });
        } else value.contentHandling = raw as ContentHandling;
        break;
      }
      case 'responseTemplates': {
        const err = coralTypeError(raw, 'Map');
        if (err || !isPlainObject(raw)) {
          violations.push(serializationViolation(err ?? 'Unexpected value type in payload', member));
          break;
        }
        const templates: Record<string, string | null> = {};
        for (const [ct, tpl] of Object.entries(raw)) {
          const tplErr = coralTypeError(tpl, 'String');
          if (tplErr) violations.push(serializationViolation(tplErr, `${member}.${ct}`));
          // AWS stores (and returns) "" and null templates as null (docs/aws/integration-responses.md).
          else templates[ct] = typeof tpl === 'string' && tpl !== '' ? tpl : null;
        }
        value.responseTemplates = templates;
        break;
      }
      case 'responseParameters': {
        const err = coralTypeError(raw, 'Map');
        if (err || !isPlainObject(raw)) {
          violations.push(serializationViolation(err ?? 'Unexpected value type in payload', member));
          break;
        }
        const params: Record<string, string> = {};
        for (const [key, expr] of Object.entries(raw)) {
          const exprErr = coralTypeError(expr, 'String');
          if (exprErr) violations.push(serializationViolation(exprErr, `${member}.${key}`));
          // UNVERIFIED: a null mapping value has no capture; we treat it like an absent key rather than invent an error.
          else if (typeof expr === 'string') params[key] = expr;
        }
        value.responseParameters = params;
        break;
      }
      default:
        break;
    }
  }
  const all = [...violations, ...validation];
  return all.length === 0 ? { value, violations: all } : { violations: all };
}

const NON_ASCII = /[\u0080-\uffff]/;

// The editor checks its 300 KB templates on every keystroke: a regex finds the first non-ASCII character (most
// templates have none), and charCodeAt beats iterating the string by code point several times over.
function utf8Length(s: string): number {
  const first = NON_ASCII.exec(s);
  if (first === null) return s.length;
  let bytes = s.length;
  for (let i = first.index; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
      continue;
    }
    // A surrogate pair is one code point of 4 bytes (2 counted already); a lone surrogate counts 3, as before.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2;
        i++;
        continue;
      }
    }
    bytes += 2;
  }
  return bytes;
}

/**
 * Checks that need the method response (reported after the existence checks). Order, UNVERIFIED: responseParameters
 * before responseTemplates (model member order); within parameters, each entry's key then value, then the method
 * response checks, which only make sense for well-formed keys.
 */
export function validateIntegrationResponseAgainstMethod(
  input: IntegrationResponseInput,
  methodResponse: MethodResponse | undefined,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const params = Object.entries(input.responseParameters ?? {});
  const wellFormedKeys: string[] = [];
  for (const [key, expr] of params) {
    const field = `responseParameters.${key}`;
    if (parseResponseHeaderKey(key) === null) {
      // UNVERIFIED for integration responses: the text AWS gave for malformed mapping keys in importer captures
      // (aws-apigateway-importer#101/#104, 2015).
      out.push(badRequest('invalid-header-key', `${MAPPING_PREFIX}[Invalid mapping identifier specified]`, field));
    } else wellFormedKeys.push(key);
    if (parseMappingSource(expr) === null) {
      // AWS prints the value verbatim: `[... specified: *]` for `*`, `[... specified: "*"]` for `"*"` (issues
      // serverless-graphql#67, awsdocs/amazon-api-gateway-developer-guide#7).
      out.push(
        badRequest('invalid-mapping-source', `${MAPPING_PREFIX}[Invalid mapping expression specified: ${expr}]`, field),
      );
    }
  }
  if (params.length > 0 && methodResponse === undefined) {
    out.push(
      badRequest(
        'missing-method-response',
        `${MAPPING_PREFIX}[No method response exists for method.]`,
        'responseParameters',
      ),
    );
  } else if (methodResponse !== undefined) {
    const declared = methodResponse.responseParameters ?? {};
    for (const key of wellFormedKeys) {
      if (!Object.hasOwn(declared, key)) {
        out.push(
          badRequest(
            'undeclared-header',
            `${MAPPING_PREFIX}[Invalid mapping expression parameter specified: ${key}]`,
            `responseParameters.${key}`,
          ),
        );
      }
    }
  }

  for (const [ct, tpl] of Object.entries(input.responseTemplates ?? {})) {
    const field = `responseTemplates.${ct}`;
    if (!isValidContentType(ct)) out.push(badRequest('invalid-content-type', invalidContentTypeMessage(ct), field));
    if (tpl !== null && utf8Length(tpl) > MAX_TEMPLATE_BYTES) {
      // UNVERIFIED text: the quota is documented, the error for exceeding it was never captured.
      out.push(
        badRequest(
          'template-too-large',
          `Validation Result: warnings : [], errors : [Mapping template for content type ${ct} exceeds the maximum size of 300 KB]`,
          field,
        ),
      );
    }
  }
  return out;
}

/** The one error AWS returns for a set of violations (deserialization, then constraints, then business rules). */
export function awsVerdict(violations: RuleViolation[]): { type: AwsErrorType; message: string } | null {
  const serialization = violations.find((v) => v.type === 'SerializationException');
  if (serialization) return { type: serialization.type, message: serialization.message };
  const validation = violations.filter((v) => v.type === 'ValidationException');
  if (validation.length > 0) {
    return { type: 'ValidationException', message: combineValidationErrors(validation.map((v) => v.message)) };
  }
  const first = violations[0];
  return first ? { type: first.type, message: first.message } : null;
}

/**
 * PutMethodResponse body checks. Key format and value types follow the model; the messages are UNVERIFIED for this
 * operation (docs/aws/control-plane.md, PutMethodResponse) and borrow the integration-response texts. Model names are not checked (needs the API's models).
 */
export function validatePutMethodResponse(
  statusCode: string,
  body: unknown,
): {
  value?: { responseParameters?: Record<string, boolean>; responseModels?: Record<string, string> };
  violations: RuleViolation[];
} {
  const serialization: RuleViolation[] = [];
  const validation: RuleViolation[] = [];
  const business: RuleViolation[] = [];
  const sc = statusCodeViolation(statusCode);
  if (sc) validation.push(sc);
  const parsed = bodyAsObject(body);
  if ('violation' in parsed) return { violations: [parsed.violation, ...validation] };

  const value: { responseParameters?: Record<string, boolean>; responseModels?: Record<string, string> } = {};
  for (const [member, raw] of Object.entries(parsed.obj)) {
    if (raw === null || raw === undefined) continue;
    if (member !== 'responseParameters' && member !== 'responseModels') continue;
    const err = coralTypeError(raw, 'Map');
    if (err || !isPlainObject(raw)) {
      serialization.push(serializationViolation(err ?? 'Unexpected value type in payload', member));
      continue;
    }
    if (member === 'responseParameters') {
      const params: Record<string, boolean> = {};
      for (const [key, required] of Object.entries(raw)) {
        const field = `${member}.${key}`;
        const typeErr = coralTypeError(required, 'Boolean');
        if (typeErr) serialization.push(serializationViolation(typeErr, field));
        else if (typeof required === 'boolean') params[key] = required;
        if (parseResponseHeaderKey(key) === null)
          business.push(
            badRequest('invalid-header-key', `${MAPPING_PREFIX}[Invalid mapping identifier specified]`, field),
          );
      }
      value.responseParameters = params;
    } else {
      const models: Record<string, string> = {};
      for (const [ct, model] of Object.entries(raw)) {
        const field = `${member}.${ct}`;
        const typeErr = coralTypeError(model, 'String');
        if (typeErr) serialization.push(serializationViolation(typeErr, field));
        else if (typeof model === 'string') models[ct] = model;
        // Evidence: `application-json` as a responseModels key was rejected with "Invalid content type specified"
        // (terraform-provider-aws#36388).
        if (!isValidContentType(ct))
          business.push(badRequest('invalid-content-type', invalidContentTypeMessage(ct), field));
      }
      value.responseModels = models;
    }
  }
  const all = [...serialization, ...validation, ...business];
  return all.length === 0 ? { value, violations: all } : { violations: all };
}
