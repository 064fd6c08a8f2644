// Simulate on the review page: before sending (the draft in place of the stored version) and after (the method as
// stored now). The panel itself is its own chunk, loaded when this section renders.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { ResponseRef } from '@/api/refs';
import { methodQueryOptions } from '@/api/queries';
import { defaultSimulation, type SimulationSamples } from '@/response/simulation-inputs';
import { isLambdaIntegration, isProxyIntegrationType } from '@/rules/integration-kind';
import type { IntegrationResponse } from '@/rules/types';

const SimulatePanel = lazy(() => import('@/simulate/simulate-panel'));

export function ReviewSimulate({
  responseRef,
  draft,
  samples,
  setSamples,
  intro,
}: {
  responseRef: ResponseRef;
  /** The integration response as it will be stored; absent after sending (the method as stored is simulated). */
  draft?: IntegrationResponse;
  samples: SimulationSamples | undefined;
  setSamples: Dispatch<SetStateAction<SimulationSamples | undefined>>;
  intro: ReactNode;
}) {
  const { client, scope } = useConnection();
  const { restApiId, resourceId, httpMethod, statusCode } = responseRef;
  const method = useQuery(methodQueryOptions(client, scope, { restApiId, resourceId, httpMethod }));
  const integration = method.data?.methodIntegration;
  const responses = useMemo(() => {
    const stored = Object.values(integration?.integrationResponses ?? {});
    return draft ? [...stored.filter((r) => r.statusCode !== draft.statusCode), draft] : stored;
  }, [integration, draft]);
  const methodRef = useMemo(() => ({ restApiId, resourceId, httpMethod }), [restApiId, resourceId, httpMethod]);
  if (!integration || isProxyIntegrationType(integration.type)) return null;
  const isLambda = isLambdaIntegration(integration);
  const current = samples ?? defaultSimulation(isLambda);
  return (
    <Suspense fallback={<p className="text-sm text-fg-muted">Loading Simulate…</p>}>
      <SimulatePanel
        methodRef={methodRef}
        integration={integration}
        integrationResponses={responses}
        {...(method.data?.methodResponses ? { methodResponses: method.data.methodResponses } : {})}
        editing={{ statusCode, label: draft ? 'as reviewed' : 'just sent' }}
        samples={current}
        onSamplesChange={(update) => setSamples((s) => update(s ?? defaultSimulation(isLambda)))}
        intro={intro}
      />
    </Suspense>
  );
}
