import * as Tabs from '@radix-ui/react-tabs';
import { useQuery } from '@tanstack/react-query';
import { useConnection } from '@/api/connection-provider';
import type { IntegrationResponseStep, MethodResponseStep } from '@/api/models';
import type { ResponseRef } from '@/api/refs';
import { ErrorState, LoadingState } from '@/components/query-state';
import { CodeBlock } from './code-block';
import type { ExportFormat, ExportInput } from './exports';
import { exportFormats, renderExport } from './exports';

/** One exact request the Send button makes, as the typed client describes it (Authorization redacted). */
export function RequestPanel({
  ids,
  step,
  testIdPrefix = 'request',
  name = 'Request',
}: {
  ids: ResponseRef;
  step: MethodResponseStep | IntegrationResponseStep;
  testIdPrefix?: string;
  /** Names the code blocks for assistive technology when a page shows more than one request. */
  name?: string;
}) {
  const { client, scope } = useConnection();
  const stepJson = JSON.stringify(step);
  const request = useQuery({
    // Local to this page (not an API Gateway read), so it lives outside the ['apigateway', scope] keys.
    queryKey: ['review-request', scope, ids.restApiId, ids.resourceId, ids.httpMethod, ids.statusCode, stepJson],
    queryFn: () => client.describeStep(ids, step),
    staleTime: Infinity,
    gcTime: 0,
  });
  if (request.isPending) return <LoadingState label="Preparing the request…" />;
  if (request.isError) return <ErrorState error={request.error} context="the request" />;
  const { method, url, headers, body: sentBody } = request.data;
  const headerText = Object.entries(headers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return (
    <div className="flex flex-col gap-3">
      <p className="font-mono text-sm break-all text-fg" data-testid={`${testIdPrefix}-line`}>
        <span className="font-semibold">{method}</span> {url}
      </p>
      <div>
        <h3 className="text-sm font-medium text-fg">Headers</h3>
        <p className="text-sm text-fg-muted">
          The signature and access key id are hidden; the browser adds its own headers too.
        </p>
        <pre
          tabIndex={0}
          aria-label={`${name} headers`}
          className="mt-1 overflow-auto rounded-md border border-border bg-surface-sunken p-3 font-mono text-sm whitespace-pre text-fg"
          data-testid={`${testIdPrefix}-headers`}
        >
          {headerText}
        </pre>
      </div>
      <div>
        <h3 className="text-sm font-medium text-fg">JSON body</h3>
        <pre
          tabIndex={0}
          aria-label={`${name} body`}
          className="mt-1 overflow-auto rounded-md border border-border bg-surface-sunken p-3 font-mono text-sm break-all whitespace-pre-wrap text-fg"
          data-testid={`${testIdPrefix}-body`}
        >
          {sentBody}
        </pre>
      </div>
    </div>
  );
}

/** The same change as copyable commands and infrastructure code. */
export function ExportTabs({ input }: { input: ExportInput }) {
  return (
    <Tabs.Root defaultValue="aws-cli" className="flex flex-col gap-3">
      <Tabs.List aria-label="Formats" className="flex flex-wrap gap-1 border-b border-border">
        {exportFormats.map((f) => (
          <Tabs.Trigger
            key={f.id}
            value={f.id}
            className="-mb-px rounded-t-md border border-transparent px-3 py-2 text-sm font-medium text-fg-muted hover:text-fg data-[state=active]:border-border data-[state=active]:border-b-surface-raised data-[state=active]:bg-surface-raised data-[state=active]:text-fg"
          >
            {f.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {exportFormats.map((f) => (
        <Tabs.Content key={f.id} value={f.id} className="flex flex-col gap-2">
          <p className="text-sm text-fg-muted">{exportHint(f.id, input)}</p>
          <CodeBlock
            code={renderExport(f.id, input)}
            label={`${f.label} ${f.id === 'aws-cli' || f.id === 'curl' ? 'command' : 'snippet'}`}
            testId={`export-${f.id}`}
          />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

function exportHint(format: ExportFormat, input: ExportInput): string {
  const declarative =
    input.integrationStep?.kind === 'UpdateIntegrationResponse'
      ? ' It describes the whole integration response as it will be after the update.'
      : '';
  return formatHint(format, input) + (format === 'aws-cli' || format === 'curl' ? '' : declarative);
}

function formatHint(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'aws-cli':
      return 'Uses the credentials and profile of your shell. AWS CLI v1 and v2 accept it alike.';
    case 'curl':
      return (
        (input.target.kind === 'embedded'
          ? 'The embedded emulator needs no signature.'
          : 'Needs curl 7.75 or later for --aws-sigv4; reads the keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.') +
        (input.methodStep
          ? ' The second request runs only if the first succeeds (--fail-with-body: curl 7.76 or later).'
          : '')
      );
    case 'cloudformation':
      return input.methodStep
        ? 'Add the entries to the MethodResponses list and the IntegrationResponses list of the method’s Integration.'
        : 'Add it to the IntegrationResponses list of the method’s Integration.';
    case 'terraform':
      return input.methodStep
        ? 'aws_api_gateway_method_response and aws_api_gateway_integration_response resources; reference your own resources instead of the ids if you manage them in Terraform.'
        : 'An aws_api_gateway_integration_response resource; reference your own resources instead of the ids if you manage them in Terraform.';
    case 'openapi':
      return input.methodStep
        ? 'For APIs imported from OpenAPI: the operation’s response for this status code and the entry under its x-amazon-apigateway-integration.'
        : 'For APIs imported from OpenAPI: the entry under the operation’s x-amazon-apigateway-integration.';
  }
}
