import { Notice } from '@/components/notice';
import { integrationKind, isProxyKind, type IntegrationShape } from '@/rules/integration-kind';

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
  if (isProxyKind(kind)) {
    return (
      <Notice tone="info" title="Integration responses do not apply to proxy integrations">
        <p>
          With a proxy integration the back end&apos;s response goes to the client unchanged: API Gateway does not map
          status codes, headers or bodies, so there is nothing to edit here.
        </p>
      </Notice>
    );
  }
  return null;
}
