import { describe, expect, test } from 'vitest';
import type { ExportInput } from './exports';
import {
  awsCliCommand,
  cloudFormationYaml,
  createDeploymentCommand,
  curlCommand,
  hclString,
  hclTemplate,
  integrationResponseUrl,
  openApiResponseKey,
  openApiYaml,
  shellQuote,
  terraformHcl,
} from './exports';

const base: ExportInput = {
  restApiId: 'a1b2c3d4e5',
  resourceId: 'r00t01',
  httpMethod: 'GET',
  statusCode: '400',
  resourcePath: '/items',
  target: { kind: 'aws', endpointUrl: 'https://apigateway.eu-west-1.amazonaws.com', region: 'eu-west-1' },
  body: {
    selectionPattern: '4\\d{2}',
    responseTemplates: {
      'application/json': `{"msg": "it's $input.path('$.m')"}\n#set($x = "\\\\")`,
      'text/plain': null,
    },
    responseParameters: {
      'method.response.header.X-Static': "'a b'",
      'method.response.header.X-Id': 'integration.response.header.id',
    },
    contentHandling: 'CONVERT_TO_TEXT',
  },
};

describe('shellQuote', () => {
  test('leaves safe words alone and wraps everything else in single quotes, escaping quotes', () => {
    expect(shellQuote('GET')).toBe('GET');
    expect(shellQuote('http://127.0.0.1:5199')).toBe('http://127.0.0.1:5199');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellQuote('a\nb')).toBe(`'a\nb'`);
  });
});

describe('awsCliCommand', () => {
  test('names every field the PUT body carries and no endpoint for AWS itself', () => {
    const cmd = awsCliCommand(base);
    expect(cmd).toContain('aws apigateway put-integration-response');
    expect(cmd).toContain('--rest-api-id a1b2c3d4e5');
    expect(cmd).toContain('--status-code 400');
    expect(cmd).toContain(`--selection-pattern '4\\d{2}'`);
    expect(cmd).toContain('--content-handling CONVERT_TO_TEXT');
    expect(cmd).toContain('--region eu-west-1');
    expect(cmd).not.toContain('--endpoint-url');
    // The static value's quotes survive shell quoting as '\''.
    expect(cmd).toContain(`"method.response.header.X-Static":"'\\''a b'\\''"`);
    // An empty template goes as "" (botocore rejects null in a string map; AWS stores both as null).
    expect(cmd).toContain('"text/plain":""');
  });

  test('adds --endpoint-url for other targets and leaves out what the body leaves out', () => {
    const cmd = awsCliCommand({
      ...base,
      body: {},
      target: { kind: 'moto', endpointUrl: 'http://127.0.0.1:5000', region: 'us-east-1' },
    });
    expect(cmd).toContain('--endpoint-url http://127.0.0.1:5000');
    expect(cmd).not.toMatch(/--selection-pattern|--response-templates|--response-parameters|--content-handling/);
  });

  test("writes an explicit empty pattern as --selection-pattern '' and a leading dash with =", () => {
    expect(awsCliCommand({ ...base, body: { selectionPattern: '' } })).toContain("--selection-pattern ''");
    expect(awsCliCommand({ ...base, body: { selectionPattern: '-1.*' } })).toContain("--selection-pattern='-1.*'");
  });
});

describe('curlCommand', () => {
  test('sends the exact JSON body with Accept and SigV4 placeholders, never credentials', () => {
    const cmd = curlCommand({ ...base, withSessionToken: true });
    expect(cmd).toContain(
      `curl -X PUT https://apigateway.eu-west-1.amazonaws.com/restapis/a1b2c3d4e5/resources/r00t01/methods/GET/integration/responses/400`,
    );
    expect(cmd).toContain(`-H 'Accept: application/json'`);
    expect(cmd).toContain(`--aws-sigv4 aws:amz:eu-west-1:apigateway`);
    expect(cmd).toContain(`--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`);
    expect(cmd).toContain(`-H "X-Amz-Security-Token: $AWS_SESSION_TOKEN"`);
    const quoted = shellQuote(JSON.stringify(base.body));
    expect(cmd).toContain(`--data-binary ${quoted}`);
  });

  test('does not sign for the embedded emulator', () => {
    const cmd = curlCommand({
      ...base,
      target: { kind: 'embedded', endpointUrl: 'http://127.0.0.1:5199', region: 'us-east-1' },
    });
    expect(cmd).not.toContain('--aws-sigv4');
  });

  test('encodes path segments like the client', () => {
    expect(
      integrationResponseUrl({ ...base, resourceId: 'a b', target: { ...base.target, endpointUrl: 'http://h/' } }),
    ).toBe('http://h/restapis/a1b2c3d4e5/resources/a%20b/methods/GET/integration/responses/400');
  });
});

describe('CloudFormation and OpenAPI', () => {
  test('renders an IntegrationResponses entry with quoted scalars and a literal block for multi-line templates', () => {
    const yaml = cloudFormationYaml(base);
    expect(yaml).toContain('- StatusCode: "400"');
    expect(yaml).toContain('  SelectionPattern: "4\\\\d{2}"');
    expect(yaml).toContain('  ContentHandling: CONVERT_TO_TEXT');
    expect(yaml).toContain(`    method.response.header.X-Static: "'a b'"`);
    expect(yaml).toContain(
      `    application/json: |-\n      {"msg": "it's $input.path('$.m')"}\n      #set($x = "\\\\")`,
    );
    expect(yaml).toContain('    text/plain: ""');
  });

  test('keys the OpenAPI response by the selection pattern, or default', () => {
    expect(openApiResponseKey({})).toBe('default');
    expect(openApiResponseKey({ selectionPattern: '' })).toBe('default');
    expect(openApiResponseKey({ selectionPattern: '5\\d{2}' })).toBe('5\\d{2}');
    const yaml = openApiYaml(base);
    expect(yaml).toContain(
      '  /items:\n    get:\n      x-amazon-apigateway-integration:\n        responses:\n          "4\\\\d{2}":\n            statusCode: "400"',
    );
  });
});

describe('Terraform', () => {
  test('escapes HCL template sequences and JSON-only escapes', () => {
    expect(hclString('${a} %{b} \\ "q"')).toBe('"$${a} %%{b} \\\\ \\"q\\""');
    expect(hclString('\b')).toBe('"\\u0008"');
  });

  test('uses a heredoc only when it reproduces the text exactly', () => {
    expect(hclTemplate('a\nb\n')).toBe('<<EOT\na\nb\nEOT');
    expect(hclTemplate('a\nb')).toBe('chomp(<<EOT\na\nb\nEOT\n)');
    expect(hclTemplate('EOT\nb')).toBe('chomp(<<EOT1\nEOT\nb\nEOT1\n)');
    expect(hclTemplate('one line')).toBe('"one line"');
    expect(hclTemplate(null)).toBe('""');
  });

  test('renders an aws_api_gateway_integration_response resource', () => {
    const hcl = terraformHcl(base);
    expect(hcl).toContain('resource "aws_api_gateway_integration_response" "get_items_400" {');
    expect(hcl).toContain('  selection_pattern = "4\\\\d{2}"');
    expect(hcl).toContain(`    "method.response.header.X-Static" = "'a b'"`);
  });
});

describe('createDeploymentCommand', () => {
  test('names the api and a stage placeholder', () => {
    expect(
      createDeploymentCommand({
        restApiId: 'abc',
        target: { kind: 'embedded', endpointUrl: 'http://127.0.0.1:5199', region: 'us-east-1' },
      }),
    ).toBe(
      'aws apigateway create-deployment \\\n  --rest-api-id abc \\\n  --stage-name <stage> \\\n  --endpoint-url http://127.0.0.1:5199 \\\n  --region us-east-1',
    );
  });
});

describe('a staged method response change and a PATCH', () => {
  const staged: ExportInput = {
    ...base,
    body: { responseParameters: { 'method.response.header.X-Trace': "'t'" } },
    methodStep: {
      kind: 'UpdateMethodResponse',
      patchOperations: [{ op: 'add', path: '/responseParameters/method.response.header.X-Trace', value: 'false' }],
      headers: ['X-Trace'],
    },
    methodResponseAfter: {
      statusCode: '400',
      responseParameters: { 'method.response.header.X-Old': true, 'method.response.header.X-Trace': false },
    },
  };

  test('the CLI and curl declare the header first, and store the response only if that succeeded', () => {
    const cli = awsCliCommand(staged);
    expect(cli).toMatch(
      /^aws apigateway update-method-response [^&]*--patch-operations '\[\{"op":"add","path":"\/responseParameters\/method\.response\.header\.X-Trace","value":"false"\}\]'[^&]* &&\naws apigateway put-integration-response /,
    );
    const curl = curlCommand(staged);
    expect(curl.split(' &&\n')).toHaveLength(2);
    expect(curl).toMatch(/^curl -X PATCH '?https:\/\/[^ ]*\/responses\/400'? /);
    expect(curl).toContain('--fail-with-body');
    expect(curl.split(' &&\n')[1]).toMatch(/^curl -X PUT '?https:\/\/[^ ]*\/integration\/responses\/400'? /);
  });

  test('a missing method response is created with put-method-response', () => {
    const cli = awsCliCommand({
      ...staged,
      methodStep: {
        kind: 'PutMethodResponse',
        body: { responseParameters: { 'method.response.header.X-Trace': false } },
        headers: ['X-Trace'],
      },
    });
    expect(cli).toMatch(
      /^aws apigateway put-method-response [^&]*--response-parameters '\{"method\.response\.header\.X-Trace":false\}'/,
    );
  });

  test('CloudFormation, Terraform and OpenAPI describe the whole method response next to the integration response', () => {
    const cfn = cloudFormationYaml(staged);
    expect(cfn).toContain(
      'MethodResponses:\n  - StatusCode: "400"\n    ResponseParameters:\n      method.response.header.X-Old: true\n      method.response.header.X-Trace: false\nIntegration:\n  IntegrationResponses:\n    - StatusCode: "400"\n      ResponseParameters:\n        method.response.header.X-Trace: "\'t\'"\n',
    );
    const tf = terraformHcl(staged);
    expect(tf).toContain('resource "aws_api_gateway_method_response" "get_items_400" {');
    expect(tf).toContain('"method.response.header.X-Trace" = false');
    expect(tf).toContain('depends_on = [aws_api_gateway_method_response.get_items_400]');
    expect(tf.indexOf('aws_api_gateway_method_response"')).toBeLessThan(
      tf.indexOf('aws_api_gateway_integration_response'),
    );
    const openApi = openApiYaml(staged);
    expect(openApi).toContain(
      '    get:\n      responses:\n        "400":\n          description: "400 response"\n          headers:\n            X-Old:\n              required: true\n              schema:\n                type: string\n            X-Trace:\n              schema:\n                type: string\n      x-amazon-apigateway-integration:\n',
    );
  });

  test('a PATCH is update-integration-response with the operations as JSON, and curl -X PATCH', () => {
    const patch: ExportInput = {
      ...base,
      integrationStep: {
        kind: 'UpdateIntegrationResponse',
        patchOperations: [
          { op: 'replace', path: '/selectionPattern', value: '4\\d{2}' },
          { op: 'remove', path: '/responseTemplates/text~1plain' },
        ],
      },
    };
    const cli = awsCliCommand(patch);
    expect(cli).toMatch(/^aws apigateway update-integration-response /);
    expect(cli).toContain(
      `--patch-operations '[{"op":"replace","path":"/selectionPattern","value":"4\\\\d{2}"},{"op":"remove","path":"/responseTemplates/text~1plain"}]'`,
    );
    expect(cli).not.toContain('--response-templates');
    const curl = curlCommand(patch);
    expect(curl).toMatch(/^curl -X PATCH /);
    expect(curl).toContain(`--data-binary '{"patchOperations":[{"op":"replace"`);
    // Declarative formats state the whole response, which is what the PATCH leaves stored.
    expect(cloudFormationYaml(patch)).toBe(cloudFormationYaml(base));
  });
});
