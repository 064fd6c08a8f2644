// Zod schemas at the wire boundary. Tolerant of the ways real servers differ (moto sends `null` for unset
// fields, omits defaults, always sends `responseTemplates: {}`), strict about shape: a value of the wrong
// type is reported by the client as an 'unparseable' ApiError naming the field path.
// zod/mini (same zod 4 package, tree-shakable functional API) rather than classic `zod`: classic zod's
// method-chaining prototype keeps the whole library (~15 kB gzip more) in every chunk that uses it. This module is
// loaded by the client with the first answer that needs a schema (client.ts), not in the entry.
import * as z from 'zod/mini';
import type { IntegrationResponseInput, IntegrationType } from '@/rules/types';

// Before the first object schema below is built (see zod-config.ts; boot.ts has already run it in the browser).
import './zod-config';

/** `null` on the wire means "unset": AWS omits the key, moto sends null. Both become `undefined`. */
function opt<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(
    z.nullish(schema),
    z.transform((v) => (v === null ? undefined : v)),
  ) as unknown as z.ZodMiniOptional<T>;
}

/** Runs `fn` on the raw value before validating with `schema` (classic zod's `z.preprocess`). */
function preprocess<T extends z.ZodMiniType>(fn: (v: unknown) => unknown, schema: T) {
  return z.pipe(z.transform(fn), schema);
}

function stringRecord<T extends z.ZodMiniType>(value: T) {
  return z.record(z.string(), value);
}

/**
 * Builds a schema on first use. Building zod schemas is work (measured ~25 ms for this module's set on the bench
 * machine's cold load), and the first page parses only the list of RestApis: each schema is built when a response
 * first needs it.
 */
function onFirstUse<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}

const integrationTypes = [
  'HTTP',
  'HTTP_PROXY',
  'AWS',
  'AWS_PROXY',
  'MOCK',
] as const satisfies readonly IntegrationType[];

export const integrationResponseSchema = onFirstUse(() =>
  z.object({
    statusCode: z.string(),
    selectionPattern: opt(z.string()),
    responseParameters: opt(stringRecord(z.string())),
    responseTemplates: opt(stringRecord(z.nullable(z.string()))),
    // Kept as a plain string on read: moto stores values outside the enum, and a read must not fail on them.
    contentHandling: opt(z.string()),
  }),
);

export const methodResponseSchema = onFirstUse(() =>
  z.object({
    statusCode: z.string(),
    responseParameters: opt(stringRecord(z.boolean())),
    responseModels: opt(stringRecord(z.string())),
  }),
);

export const integrationSchema = onFirstUse(() =>
  z.object({
    // moto answers GetIntegration with `{}` when none exists and stores any type string; unknown → undefined is
    // not an option (the type is required by the app), so an unknown string is passed through as-is.
    type: z.string(),
    httpMethod: opt(z.string()),
    uri: opt(z.string()),
    // These three, the method's requestParameters and the API's version are read only to write the API's OpenAPI
    // document in the browser (src/import-export/api-export.ts), which must say what GetExport says.
    credentials: opt(z.string()),
    requestParameters: opt(stringRecord(z.string())),
    contentHandling: opt(z.string()),
    passthroughBehavior: opt(z.string()),
    // A MOCK integration's request template picks the status code: the simulation needs it.
    requestTemplates: opt(stringRecord(z.nullable(z.string()))),
    timeoutInMillis: opt(z.number()),
    cacheNamespace: opt(z.string()),
    integrationResponses: opt(stringRecord(integrationResponseSchema())),
  }),
);

export const methodSchema = onFirstUse(() =>
  z.object({
    httpMethod: z.string(),
    authorizationType: opt(z.string()),
    apiKeyRequired: opt(z.boolean()),
    requestParameters: opt(stringRecord(z.boolean())),
    methodResponses: opt(stringRecord(methodResponseSchema())),
    // moto answers `{}`-like integrations inside methods as null; a `{}` without type is treated as absent.
    methodIntegration: opt(
      preprocess(
        (v) => (v !== null && typeof v === 'object' && !('type' in v) ? undefined : v),
        z.optional(integrationSchema()),
      ),
    ),
  }),
);

export const restApiSchema = onFirstUse(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    description: opt(z.string()),
    version: opt(z.string()),
    createdDate: opt(z.number()),
    endpointConfiguration: opt(z.object({ types: opt(z.array(z.string())) })),
    rootResourceId: opt(z.string()),
    // Content handling decides from these whether a payload is binary.
    binaryMediaTypes: opt(z.array(z.string())),
  }),
);

export const resourceSchema = onFirstUse(() =>
  z.object({
    id: z.string(),
    parentId: opt(z.string()),
    pathPart: opt(z.string()),
    path: z.string(),
    // Without embed=methods AWS sends `{"GET": {}}`; those empty stubs are turned into `{httpMethod}`.
    resourceMethods: opt(
      preprocess((v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
        return Object.fromEntries(
          Object.entries(v).map(([verb, m]) => [
            verb,
            m !== null && typeof m === 'object' && !('httpMethod' in m) ? { ...m, httpMethod: verb } : m,
          ]),
        );
      }, stringRecord(methodSchema())),
    ),
  }),
);

/** Collections: the wire key is `item` (AWS and moto); `items` (SDK-style) is accepted too. */
function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.object({ item: opt(z.array(item)), items: opt(z.array(item)), position: opt(z.string()) }),
    z.transform((p) => ({ items: p.item ?? p.items ?? [], position: p.position })),
  );
}

export const deploymentSchema = onFirstUse(() =>
  z.object({ id: z.string(), description: opt(z.string()), createdDate: opt(z.number()) }),
);

export const stageSchema = onFirstUse(() =>
  z.object({
    stageName: z.string(),
    deploymentId: opt(z.string()),
    description: opt(z.string()),
    variables: opt(stringRecord(z.string())),
    createdDate: opt(z.number()),
    lastUpdatedDate: opt(z.number()),
  }),
);

/** GetStages is not paged: `{item: [...]}` (moto and SDK-style `items` too). */
export const stagesSchema = onFirstUse(() => pageSchema(stageSchema()));

export const testInvokeSchema = onFirstUse(() =>
  z.object({
    status: z.number(),
    body: opt(z.string()),
    headers: opt(stringRecord(z.string())),
    multiValueHeaders: opt(stringRecord(z.array(z.string()))),
    log: opt(z.string()),
    latency: opt(z.number()),
  }),
);

const EXPORT_VERBS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * The operations of one exported path, keyed by upper-case verb (ANY for `x-amazon-apigateway-any-method`). OpenAPI
 * path items also hold `parameters`, `summary`, ...: those are dropped. moto writes the verbs in upper case.
 */
function exportedOperations(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [key, op] of Object.entries(v)) {
    const k = key.toLowerCase();
    if (k === 'x-amazon-apigateway-any-method') out.ANY = op;
    else if (EXPORT_VERBS.has(k)) out[k.toUpperCase()] = op;
  }
  return out;
}

/**
 * The part of a stage's GetExport (OpenAPI with the API Gateway extensions) that says what the stage serves: each
 * operation's integration responses, keyed by selection pattern (`default` for none) as AWS writes them.
 */
export const stageExportSchema = onFirstUse(() =>
  z.object({
    paths: opt(
      stringRecord(
        preprocess(
          exportedOperations,
          stringRecord(
            z.object({
              'x-amazon-apigateway-integration': opt(
                z.object({
                  type: opt(z.string()),
                  responses: opt(
                    stringRecord(
                      z.object({
                        statusCode: z.string(),
                        responseParameters: opt(stringRecord(z.string())),
                        responseTemplates: opt(stringRecord(z.nullable(z.string()))),
                        contentHandling: opt(z.string()),
                      }),
                    ),
                  ),
                }),
              ),
            }),
          ),
        ),
      ),
    ),
  }),
);

/** ImportRestApi's answer: the new RestApi, with what the import left out as `warnings`. */
export const importedRestApiSchema = onFirstUse(() =>
  z.object({ ...restApiSchema().shape, warnings: opt(z.array(z.string())) }),
);

/** GetExport's file, as text: JSON or YAML as asked for. */
export const exportFileSchema = onFirstUse(() => z.string());

export const restApiPageSchema = onFirstUse(() => pageSchema(restApiSchema()));
export const resourcePageSchema = onFirstUse(() => pageSchema(resourceSchema()));

// The app's types are what the schemas accept, so the two cannot drift apart.
export type RestApi = z.output<ReturnType<typeof restApiSchema>>;
export type Resource = z.output<ReturnType<typeof resourceSchema>>;
export type Method = z.output<ReturnType<typeof methodSchema>>;
export type Integration = z.output<ReturnType<typeof integrationSchema>>;
export type IntegrationResponse = z.output<ReturnType<typeof integrationResponseSchema>>;
export type MethodResponse = z.output<ReturnType<typeof methodResponseSchema>>;
export type Deployment = z.output<ReturnType<typeof deploymentSchema>>;
export type Stage = z.output<ReturnType<typeof stageSchema>>;
export type TestInvokeResult = z.output<ReturnType<typeof testInvokeSchema>>;
export type StageExport = z.output<ReturnType<typeof stageExportSchema>>;
export type ImportedRestApi = z.output<ReturnType<typeof importedRestApiSchema>>;
/** GetExport's choices: the OpenAPI version (`exportType`), the file format (Accept) and API Gateway's extensions. */
export type ExportType = 'oas30' | 'swagger';
export type ExportExtensions = 'none' | 'integrations' | 'apigateway';
export type ExportFormat = 'json' | 'yaml';
/** The TestInvokeMethod body (what the app sends; not read back). */
export type TestInvokeRequest = {
  pathWithQueryString?: string;
  body?: string;
  headers?: Record<string, string>;
  stageVariables?: Record<string, string>;
};
/** The CreateDeployment body. */
export type DeploymentInput = {
  stageName?: string;
  stageDescription?: string;
  description?: string;
  variables?: Record<string, string>;
};

/** The PutMethodResponse body. */
export type MethodResponseInput = Omit<MethodResponse, 'statusCode'>;

export type PatchOperation = {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: string;
  from?: string;
};

/** The method response request of a send: create it, or declare headers on the existing one. */
export type MethodResponseStep =
  | { kind: 'PutMethodResponse'; body: MethodResponseInput; headers: string[] }
  | { kind: 'UpdateMethodResponse'; patchOperations: PatchOperation[]; headers: string[] };

/** The integration response request of a send: the whole object, or only the changed fields. */
export type IntegrationResponseStep =
  | { kind: 'PutIntegrationResponse'; body: IntegrationResponseInput }
  | { kind: 'UpdateIntegrationResponse'; patchOperations: PatchOperation[] };

export type { IntegrationResponseInput, IntegrationType, ContentHandling } from '@/rules/types';
export { integrationTypes };
