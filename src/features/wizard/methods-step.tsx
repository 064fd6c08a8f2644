import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { Resource } from '@/api/models';
import { resourceRefOf, restApiRefOf, type MethodRef, type ResourceRef } from '@/api/refs';
import { methodQueryOptions, resourcesQueryOptions } from '@/api/queries';
import { BackLink } from '@/components/back-link';
import { Badge } from '@/components/badge';
import { ButtonLink } from '@/components/button-link';
import { ChoicesSummary } from '@/components/choices-summary';
import { PageLayout } from '@/components/page-layout';
import { EmptyState, ErrorState, LoadingState, QueryState } from '@/components/query-state';
import { LiveActions, StageComparePanel, UndeployedMethodMarkPanel, type StageReport } from '@/deployment/lazy-panels';
import { NoIntegrationResponses } from '@/integration-response/no-integration-responses';
import { integrationKind, isProxyKind } from '@/rules/integration-kind';
import { integrationKindLabel } from './integration-kind-label';

export function MethodsStep({ target }: { target: ResourceRef }) {
  const { resourceId } = target;
  const { client, scope } = useConnection();
  const query = useQuery(resourcesQueryOptions(client, scope, target));
  return (
    <PageLayout
      step={3}
      title="Choose a method"
      intro="Integration responses belong to a method's integration. Methods with a proxy integration or without an integration cannot have them."
      back={
        <BackLink to="/apis/$restApiId" params={restApiRefOf(target)}>
          Back to resources
        </BackLink>
      }
      summary={<ChoicesSummary choices={target} />}
    >
      <QueryState query={query} context="the resource" loadingLabel="Loading methods…">
        {(resources) => {
          const resource = resources.find((r) => r.id === resourceId);
          if (!resource) {
            return (
              <EmptyState title="This resource does not exist in this API">
                It may have been deleted. Go back and choose another resource.
              </EmptyState>
            );
          }
          return <MethodList target={target} resource={resource} resources={resources} />;
        }}
      </QueryState>
    </PageLayout>
  );
}

function MethodList({
  target,
  resource,
  resources,
}: {
  target: ResourceRef;
  resource: Resource;
  resources: Resource[];
}) {
  const [report, setReport] = useState<StageReport | null>(null);
  const methods = Object.keys(resource.resourceMethods ?? {}).sort();
  if (methods.length === 0) {
    return (
      <EmptyState title={`${resource.path} has no methods`}>
        Add a method (PutMethod) and an integration (PutIntegration) first, then come back.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <ul className="flex flex-col gap-3" aria-label={`Methods of ${resource.path}`}>
        {methods.map((m) => (
          <MethodCard
            key={m}
            target={{ ...resourceRefOf(target), httpMethod: m }}
            path={resource.path}
            report={report}
          />
        ))}
      </ul>
      <StageComparePanel target={restApiRefOf(target)} resources={resources} onReport={setReport} />
      <LiveActions target={restApiRefOf(target)} />
    </div>
  );
}

function MethodCard({ target, path, report }: { target: MethodRef; path: string; report: StageReport | null }) {
  const { httpMethod } = target;
  const undeployed = report?.methodOf(path, httpMethod);
  const { client, scope } = useConnection();
  const query = useQuery(methodQueryOptions(client, scope, target));
  const headingId = `method-${httpMethod}`;
  return (
    <li aria-labelledby={headingId} className="rounded-md border border-border bg-surface-raised p-4">
      <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
        <Badge tone="accent">{httpMethod}</Badge>
        <span className="font-mono text-base">{path}</span>
      </h2>
      {undeployed && report ? (
        <div className="mt-2">
          <UndeployedMethodMarkPanel diff={undeployed} stageName={report.stageName} />
        </div>
      ) : null}
      {query.isPending ? (
        <LoadingState label={`Loading ${httpMethod}…`} />
      ) : query.isError ? (
        <div className="mt-3">
          <ErrorState
            error={query.error}
            context={`the ${httpMethod} method`}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        </div>
      ) : (
        (() => {
          const integration = query.data.methodIntegration;
          const kind = integrationKind(integration);
          const responseCount = Object.keys(integration?.integrationResponses ?? {}).length;
          return (
            <div className="mt-3 flex flex-col gap-3">
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-fg-muted">Integration</dt>
                <dd>{integrationKindLabel[kind]}</dd>
                {integration?.uri ? (
                  <>
                    <dt className="text-fg-muted">Integration URI</dt>
                    <dd className="font-mono text-xs break-all">{integration.uri}</dd>
                  </>
                ) : null}
                {integration ? (
                  <>
                    <dt className="text-fg-muted">Integration responses</dt>
                    <dd>{responseCount}</dd>
                  </>
                ) : null}
              </dl>
              {kind === 'none' || isProxyKind(kind) ? (
                <NoIntegrationResponses integration={integration} httpMethod={httpMethod} path={path} />
              ) : (
                <div>
                  <ButtonLink to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod" params={target}>
                    Continue with {httpMethod}
                  </ButtonLink>
                </div>
              )}
            </div>
          );
        })()
      )}
    </li>
  );
}
