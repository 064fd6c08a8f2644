import { Notice } from '@/components/notice';
import { integrationKind, isLambdaProxy, isProxyKind, type IntegrationShape } from '@/rules/integration-kind';

/**
 * Why this method can have no integration responses (it has no integration, or a proxy one), for step 3, step 4
 * and the editor alike; null when it can have them.
 */
export function NoIntegrationResponses({
  integration,
  httpMethod,
  path,
}: {
  integration: IntegrationShape | undefined;
  httpMethod: string;
  /** The resource path, where the page does not show it already. */
  path?: string;
}) {
  const kind = integrationKind(integration);
  if (kind === 'none') {
    return (
      <Notice tone="warning" title="This method has no integration yet">
        <p>
          An integration response belongs to an integration. Set up an integration for {httpMethod}
          {path ? ` ${path}` : ''} (PutIntegration, or “Integration request” in the AWS console) first, then come back.
        </p>
      </Notice>
    );
  }
  if (isLambdaProxy(integration)) {
    // What AWS requires of the function's answer (docs/aws/integration-responses.md, "Lambda proxy integrations").
    return (
      <Notice tone="info" title="Integration responses do not apply to Lambda proxy integrations">
        <p>
          API Gateway builds the client&apos;s response from the object the function returns, with no integration
          response or mapping, so there is nothing to edit here. The function must return JSON with these members:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <code className="font-mono">statusCode</code>: the HTTP status code the client gets, a number;
          </li>
          <li>
            <code className="font-mono">headers</code>: response headers, one value each (optional);
          </li>
          <li>
            <code className="font-mono">multiValueHeaders</code>: response headers with a list of values each (optional;
            where both name the same header, these values are used);
          </li>
          <li>
            <code className="font-mono">body</code>: the response body, a string (serialise JSON yourself);
          </li>
          <li>
            <code className="font-mono">isBase64Encoded</code>: true when <code className="font-mono">body</code> is
            base64-encoded binary (optional).
          </li>
        </ul>
        <p>
          Anything else makes API Gateway answer 502 Bad Gateway, and the execution log says{' '}
          <q>Execution failed due to configuration error: Malformed Lambda proxy response</q>.
        </p>
      </Notice>
    );
  }
  if (isProxyKind(kind)) {
    return (
      <Notice tone="info" title="Integration responses do not apply to proxy integrations">
        <p>
          With a proxy integration API Gateway passes the back end&apos;s status code, headers and body on to the
          client: it does not map them, so there is nothing to edit here.
        </p>
      </Notice>
    );
  }
  return null;
}
