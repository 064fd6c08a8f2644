// The editor's warnings, repeated where the change is confirmed: what AWS accepts but may not be what was meant
// (overlapping or shadowed patterns, JavaScript regex syntax, quoted static values, …). Computed with the same rules
// from the draft's body and the method as it is stored now; nothing here blocks sending.
import { useQuery } from '@tanstack/react-query';
import { useConnection } from '@/api/connection-provider';
import { methodQueryOptions } from '@/api/queries';
import type { ResponseRef } from '@/api/refs';
import { Notice } from '@/components/notice';
import { isLambdaIntegration } from '@/rules/integration-kind';
import { responseHeaderName } from '@/rules/mapping-expression';
import { integrationResponseWarnings } from '@/rules/selection-pattern';
import type { IntegrationResponseInput } from '@/rules/types';

function fieldLabel(field: string): string {
  if (field === 'selectionPattern') return 'Selection pattern';
  if (field.startsWith('responseParameters.'))
    return `Header ${responseHeaderName(field.slice('responseParameters.'.length))}`;
  return field;
}

export function ReviewWarnings({ target, body }: { target: ResponseRef; body: IntegrationResponseInput }) {
  const { client, scope } = useConnection();
  const method = useQuery(methodQueryOptions(client, scope, target));
  const integration = method.data?.methodIntegration;
  if (!integration) return null;
  const warnings = integrationResponseWarnings({
    statusCode: target.statusCode,
    input: body,
    siblings: Object.values(integration.integrationResponses ?? {}),
    integrationType: integration.type,
    isLambda: isLambdaIntegration(integration),
  });
  if (warnings.length === 0) return null;
  return (
    <Notice
      tone="warning"
      title={`AWS accepts this, but ${warnings.length === 1 ? 'one thing' : `${warnings.length} things`} may not work as meant`}
    >
      <ul className="flex list-disc flex-col gap-1 pl-5" aria-label="Warnings">
        {warnings.map((w) => (
          <li key={`${w.field}\u0000${w.message}`}>
            <span className="font-semibold">{fieldLabel(w.field)}: </span>
            {w.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
