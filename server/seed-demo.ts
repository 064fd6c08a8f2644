// Demo data, created through the emulator's own HTTP operations so the seed can only contain what a real
// client could have created (and exercises the same validation). Runs only on an empty store.
import type { Hono } from 'hono';
import { responseHeaderKey } from '../src/rules/mapping-expression';

const LAMBDA = (fn: string) =>
  `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`;
const PETSTORE_HTTP = 'http://petstore-demo-endpoint.execute-api.com/petstore';

type Json = Record<string, unknown>;

interface MethodSpec {
  integration: Json;
  /** status code → declared headers (name → required). */
  methodResponses?: Record<string, Record<string, boolean>>;
  /** status code → PutIntegrationResponse body. */
  integrationResponses?: Record<string, Json>;
  requestParameters?: Record<string, boolean>;
}

const hdr = responseHeaderKey;

/** Lambda error mapping shared by the Lambda-backed methods: error regexes plus a default 200. */
function lambdaResponses(okTemplate: string): Pick<MethodSpec, 'methodResponses' | 'integrationResponses'> {
  return {
    methodResponses: {
      '200': { 'Access-Control-Allow-Origin': true, 'X-Request-Id': false, 'Cache-Control': false },
      '400': { 'Access-Control-Allow-Origin': true },
      '404': { 'Access-Control-Allow-Origin': true },
      '500': { 'Access-Control-Allow-Origin': true, 'Retry-After': false },
    },
    integrationResponses: {
      '200': {
        selectionPattern: '',
        responseParameters: {
          [hdr('Access-Control-Allow-Origin')]: "'*'",
          [hdr('X-Request-Id')]: 'integration.response.header.x-amzn-RequestId',
          [hdr('Cache-Control')]: "'max-age=60'",
        },
        responseTemplates: { 'application/json': okTemplate },
      },
      '400': {
        selectionPattern: '.*Invalid.*',
        responseParameters: { [hdr('Access-Control-Allow-Origin')]: "'*'" },
        responseTemplates: {
          'application/json': '{"error": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}',
        },
      },
      '404': {
        selectionPattern: '.*Not Found.*',
        responseParameters: { [hdr('Access-Control-Allow-Origin')]: "'*'" },
        responseTemplates: {
          'application/json':
            '{"error": "not_found", "message": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}',
          'text/plain': 'Not found',
        },
      },
      '500': {
        selectionPattern: '(?s).*Error.*',
        responseParameters: { [hdr('Access-Control-Allow-Origin')]: "'*'", [hdr('Retry-After')]: "'30'" },
        responseTemplates: { 'application/json': '{"error": "internal", "requestId": "$context.requestId"}' },
      },
    },
  };
}

const PET_LIST_XML = `<pets>
#foreach($pet in $input.path('$'))
  <pet id="$pet.id"><type>$pet.type</type><price>$pet.price</price></pet>
#end
</pets>`;

const LANDING_HTML = `<html><head><title>Pet Store</title></head><body><h1>Welcome to the Pet Store API</h1></body></html>`;

export interface SeedResult {
  petStoreApiId: string;
  notificationsApiId: string;
}

export async function seedDemo(app: Hono): Promise<SeedResult> {
  async function call<T = Json>(verb: string, path: string, body: Json | undefined, expected: number): Promise<T> {
    const res = await app.request(path, {
      method: verb,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status !== expected) throw new Error(`seed: ${verb} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async function api(name: string, description: string): Promise<{ id: string; root: string }> {
    const a = await call<{ id: string; rootResourceId: string }>('POST', '/restapis', { name, description }, 201);
    return { id: a.id, root: a.rootResourceId };
  }
  async function resource(apiId: string, parent: string, pathPart: string): Promise<string> {
    const r = await call<{ id: string }>('POST', `/restapis/${apiId}/resources/${parent}`, { pathPart }, 201);
    return r.id;
  }
  async function method(apiId: string, res: string, verb: string, spec: MethodSpec): Promise<void> {
    const base = `/restapis/${apiId}/resources/${res}/methods/${verb}`;
    await call(
      'PUT',
      base,
      { authorizationType: 'NONE', ...(spec.requestParameters ? { requestParameters: spec.requestParameters } : {}) },
      201,
    );
    for (const [sc, headers] of Object.entries(spec.methodResponses ?? {})) {
      const responseParameters = Object.fromEntries(Object.entries(headers).map(([h, req]) => [hdr(h), req]));
      await call(
        'PUT',
        `${base}/responses/${sc}`,
        { responseParameters, responseModels: { 'application/json': 'Empty' } },
        201,
      );
    }
    await call('PUT', `${base}/integration`, spec.integration, 201);
    for (const [sc, body] of Object.entries(spec.integrationResponses ?? {})) {
      await call('PUT', `${base}/integration/responses/${sc}`, body, 201);
    }
  }

  // ---- Pet Store -----------------------------------------------------------------------------------------
  const pet = await api(
    'PetStore',
    'Your first API with Amazon API Gateway. This is a sample API that integrates via HTTP with our demo Pet Store endpoints',
  );
  const pets = await resource(pet.id, pet.root, 'pets');
  const petId = await resource(pet.id, pets, '{petId}');
  const photos = await resource(pet.id, petId, 'photos');
  const owners = await resource(pet.id, pet.root, 'owners');
  const ownerId = await resource(pet.id, owners, '{ownerId}');
  const ownerPets = await resource(pet.id, ownerId, 'pets');
  const orders = await resource(pet.id, pet.root, 'orders');
  const orderId = await resource(pet.id, orders, '{orderId}');
  const storeRes = await resource(pet.id, pet.root, 'store');
  const inventory = await resource(pet.id, storeRes, 'inventory');
  const health = await resource(pet.id, pet.root, 'health');
  const healthCheck = await resource(pet.id, health, '{check}');
  const search = await resource(pet.id, pet.root, 'search');
  const legacy = await resource(pet.id, pet.root, 'legacy');
  const proxy = await resource(pet.id, legacy, '{proxy+}');

  await method(pet.id, pet.root, 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': { 'Content-Type': true } },
    integrationResponses: {
      '200': {
        selectionPattern: '',
        responseParameters: { [hdr('Content-Type')]: "'text/html'" },
        responseTemplates: { 'text/html': LANDING_HTML },
      },
    },
  });

  await method(pet.id, pets, 'GET', {
    requestParameters: { 'method.request.querystring.type': false, 'method.request.querystring.page': false },
    integration: {
      type: 'HTTP',
      httpMethod: 'GET',
      uri: `${PETSTORE_HTTP}/pets`,
      requestParameters: {
        'integration.request.querystring.type': 'method.request.querystring.type',
        'integration.request.querystring.page': 'method.request.querystring.page',
      },
    },
    methodResponses: {
      '200': { 'Access-Control-Allow-Origin': true, 'X-Total-Count': false, ETag: false },
      '500': { 'Access-Control-Allow-Origin': true },
    },
    integrationResponses: {
      '200': {
        selectionPattern: '2\\d{2}',
        responseParameters: {
          [hdr('Access-Control-Allow-Origin')]: "'*'",
          [hdr('ETag')]: 'integration.response.header.ETag',
          [hdr('X-Total-Count')]: 'integration.response.body.total',
        },
        responseTemplates: { 'application/json': "$input.json('$')", 'application/xml': PET_LIST_XML },
      },
      '500': {
        selectionPattern: '5\\d{2}',
        responseParameters: { [hdr('Access-Control-Allow-Origin')]: "'*'" },
        responseTemplates: { 'application/json': '{"error": "The pet store is unavailable"}' },
      },
    },
  });

  await method(pet.id, pets, 'POST', {
    integration: {
      type: 'AWS',
      httpMethod: 'POST',
      uri: LAMBDA('CreatePet'),
      requestTemplates: { 'application/json': "$input.json('$')" },
    },
    ...lambdaResponses('{"pet": $input.json(\'$.pet\'), "message": "created"}'),
  });

  for (const verb of ['GET', 'PUT', 'DELETE']) {
    await method(pet.id, petId, verb, {
      requestParameters: { 'method.request.path.petId': true },
      integration: {
        type: 'AWS',
        httpMethod: 'POST',
        uri: LAMBDA(`${verb === 'GET' ? 'Get' : verb === 'PUT' ? 'Update' : 'Delete'}Pet`),
        requestTemplates: { 'application/json': '{"petId": "$input.params(\'petId\')", "body": $input.json(\'$\')}' },
        passthroughBehavior: 'WHEN_NO_TEMPLATES',
      },
      ...lambdaResponses(verb === 'DELETE' ? '' : "$input.json('$')"),
    });
  }

  await method(pet.id, photos, 'GET', {
    integration: {
      type: 'HTTP',
      httpMethod: 'GET',
      uri: `${PETSTORE_HTTP}/pets/{petId}/photos`,
      contentHandling: 'CONVERT_TO_BINARY',
      requestParameters: { 'integration.request.path.petId': 'method.request.path.petId' },
    },
    requestParameters: { 'method.request.path.petId': true },
    methodResponses: { '200': { 'Content-Type': true, 'Content-Length': false } },
    integrationResponses: {
      '200': {
        selectionPattern: '200',
        contentHandling: 'CONVERT_TO_BINARY',
        responseParameters: {
          [hdr('Content-Type')]: 'integration.response.header.Content-Type',
          [hdr('Content-Length')]: 'integration.response.header.Content-Length',
        },
      },
    },
  });

  await method(pet.id, photos, 'POST', {
    integration: { type: 'AWS', httpMethod: 'POST', uri: LAMBDA('UploadPetPhoto'), contentHandling: 'CONVERT_TO_TEXT' },
    methodResponses: { '201': { Location: true }, '400': {} },
    integrationResponses: {
      '201': {
        selectionPattern: '',
        contentHandling: 'CONVERT_TO_TEXT',
        responseParameters: { [hdr('Location')]: 'integration.response.body.location' },
        responseTemplates: { 'application/json': '{"photoId": "$input.path(\'$.id\')"}' },
      },
      '400': { selectionPattern: '.*Invalid.*', responseTemplates: { 'text/plain': 'The photo could not be read' } },
    },
  });

  await method(pet.id, owners, 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': { 'Access-Control-Allow-Origin': true } },
    integrationResponses: {
      '200': {
        responseParameters: { [hdr('Access-Control-Allow-Origin')]: "'*'" },
        responseTemplates: { 'application/json': '[{"id": 1, "name": "Alice"}, {"id": 2, "name": "Bob"}]' },
      },
    },
  });

  await method(pet.id, ownerId, 'GET', {
    integration: { type: 'AWS', httpMethod: 'POST', uri: LAMBDA('GetOwner') },
    ...lambdaResponses("$input.json('$')"),
  });

  await method(pet.id, ownerPets, 'GET', {
    integration: {
      type: 'HTTP',
      httpMethod: 'GET',
      uri: `${PETSTORE_HTTP}/owners/{ownerId}/pets`,
      requestParameters: { 'integration.request.path.ownerId': 'method.request.path.ownerId' },
    },
    requestParameters: { 'method.request.path.ownerId': true },
    methodResponses: { '200': {}, '404': {} },
    integrationResponses: {
      '200': { selectionPattern: '' },
      '404': { selectionPattern: '404', responseTemplates: { 'application/json': '{"error": "owner not found"}' } },
    },
  });

  await method(pet.id, orders, 'POST', {
    integration: { type: 'AWS', httpMethod: 'POST', uri: LAMBDA('PlaceOrder') },
    ...lambdaResponses('{"orderId": "$input.path(\'$.orderId\')", "status": "placed"}'),
  });

  await method(pet.id, orderId, 'GET', {
    integration: { type: 'AWS', httpMethod: 'POST', uri: LAMBDA('GetOrder') },
    ...lambdaResponses("$input.json('$')"),
  });

  await method(pet.id, orderId, 'DELETE', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 204}' } },
    methodResponses: { '204': {} },
    integrationResponses: { '204': { selectionPattern: '' } },
  });

  await method(pet.id, inventory, 'GET', {
    integration: { type: 'HTTP', httpMethod: 'GET', uri: `${PETSTORE_HTTP}/store/inventory`, timeoutInMillis: 5000 },
    methodResponses: { '200': { 'Cache-Control': false } },
    integrationResponses: {
      '200': {
        selectionPattern: '',
        responseParameters: { [hdr('Cache-Control')]: "'no-store'" },
        responseTemplates: {
          'application/json': "$input.json('$')",
          'text/csv': '#foreach($k in $input.path(\'$\').keySet())$k,$input.path("$.$k")\n#end',
        },
      },
    },
  });

  await method(pet.id, health, 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': {} },
    integrationResponses: {
      '200': { responseTemplates: { 'application/json': '{"status": "ok"}', 'text/plain': 'ok' } },
    },
  });

  // A MOCK method that exercises the whole response side without a back end (TestInvokeMethod runs it end to end):
  // the request template picks the status from the path, selection maps 5xx to 503, a header mapping and
  // $context.responseOverride set headers.
  await method(pet.id, healthCheck, 'GET', {
    requestParameters: { 'method.request.path.check': true },
    integration: {
      type: 'MOCK',
      requestTemplates: {
        'application/json': `{"statusCode": #if($input.params('check') == "db" || $input.params('check') == "cache")200#{else}503#end}`,
      },
    },
    methodResponses: { '200': { 'Cache-Control': false }, '503': { 'Retry-After': false } },
    integrationResponses: {
      '200': {
        selectionPattern: '',
        responseParameters: { [hdr('Cache-Control')]: "'no-store'" },
        responseTemplates: { 'application/json': `{"check": "$input.params('check')", "status": "ok"}` },
      },
      '503': {
        selectionPattern: '5\\d{2}',
        responseParameters: { [hdr('Retry-After')]: "'30'" },
        responseTemplates: {
          'application/json': `#set($context.responseOverride.header.X-Unknown-Check = $input.params('check'))
{"check": "$input.params('check')", "status": "unknown check"}`,
        },
      },
    },
  });

  // Deliberately broken at run time: the 404 mapping has no 404 method response, and there is no default
  // response, so a successful Lambda result matches nothing and API Gateway answers 500.
  await method(pet.id, search, 'GET', {
    integration: { type: 'AWS', httpMethod: 'POST', uri: LAMBDA('SearchPets') },
    methodResponses: { '200': {} },
    integrationResponses: {
      '200': {
        selectionPattern: '.*"results".*',
        responseTemplates: { 'application/json': "$input.json('$.results')" },
      },
      '404': {
        selectionPattern: '.*Not Found.*',
        responseTemplates: { 'application/json': '{"error": "no pets match"}' },
      },
    },
  });

  await method(pet.id, proxy, 'ANY', {
    requestParameters: { 'method.request.path.proxy': true },
    integration: { type: 'AWS_PROXY', httpMethod: 'POST', uri: LAMBDA('LegacyPetStore') },
  });

  // ---- Notifications (a second, smaller API) -------------------------------------------------------------
  const notif = await api('Notifications', 'Sends and lists customer notifications');
  const messages = await resource(notif.id, notif.root, 'messages');
  const messageId = await resource(notif.id, messages, '{messageId}');
  await method(notif.id, messages, 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': { 'Access-Control-Allow-Origin': true } },
    integrationResponses: {
      '200': {
        selectionPattern: '',
        responseParameters: { [hdr('Access-Control-Allow-Origin')]: "'http://localhost:3000'" },
        responseTemplates: { 'application/json': '{"messages": []}' },
      },
    },
  });
  await method(notif.id, messages, 'POST', {
    integration: { type: 'HTTP', httpMethod: 'POST', uri: 'https://notifications.example.com/v1/messages' },
    methodResponses: { '202': { Location: false }, '400': {} },
    integrationResponses: {
      '202': {
        selectionPattern: '2\\d{2}',
        responseParameters: { [hdr('Location')]: 'integration.response.header.Location' },
      },
      '400': { selectionPattern: '4\\d{2}', responseTemplates: { 'application/json': "$input.json('$')" } },
    },
  });
  await method(notif.id, messageId, 'GET', {
    integration: {
      type: 'HTTP_PROXY',
      httpMethod: 'GET',
      uri: 'https://notifications.example.com/v1/messages/{messageId}',
      requestParameters: { 'integration.request.path.messageId': 'method.request.path.messageId' },
    },
    requestParameters: { 'method.request.path.messageId': true },
  });

  return { petStoreApiId: pet.id, notificationsApiId: notif.id };
}
