// A small picture of one method's response mapping: backend outcome → selection patterns → status codes →
// response headers. Boxes and arrows in HTML rather than a scaled SVG, so that text keeps its size and wraps: full
// header mappings on a wide screen, and on a phone each status code's lane stacks vertically instead of shrinking.
// Every server string is a text node (React escapes it); nothing is parsed as markup.
import type { IntegrationResponse } from '@/api/models';
import { isLambdaIntegration, isProxyIntegrationType } from '@/rules/integration-kind';
import type { MethodMapping } from '@/api-mappings/rows';
import { compareStatusCodes } from '@/api-mappings/rows';

export function outcomeLabel(m: MethodMapping): string {
  const integration = m.method.methodIntegration;
  if (!integration) return 'No integration';
  switch (integration.type) {
    case 'AWS':
      return isLambdaIntegration(integration) ? 'Lambda errorMessage' : 'AWS service status';
    case 'HTTP':
      return 'Backend HTTP status';
    case 'MOCK':
      return 'Mock status code';
    default:
      return 'Backend response';
  }
}

interface Lane {
  pattern: string;
  patternIsDefault: boolean;
  statusCode: string;
  hasMethodResponse: boolean;
  headers: string[];
  kind: 'response' | 'no-match' | 'passthrough';
}

/** Non-default patterns first (by status code), then the default, then what happens when nothing matches. */
export function flowLanes(m: MethodMapping): Lane[] {
  const integration = m.method.methodIntegration;
  if (!integration) return [];
  if (isProxyIntegrationType(integration.type)) {
    return [
      {
        pattern: 'any outcome',
        patternIsDefault: false,
        statusCode: 'as sent',
        hasMethodResponse: true,
        headers: ['backend headers pass through'],
        kind: 'passthrough',
      },
    ];
  }
  const responses: IntegrationResponse[] = Object.values(integration.integrationResponses ?? {});
  const isDefault = (r: IntegrationResponse): boolean => (r.selectionPattern ?? '') === '';
  const ordered = [
    ...responses.filter((r) => !isDefault(r)).sort((a, b) => compareStatusCodes(a.statusCode, b.statusCode)),
    ...responses.filter(isDefault).sort((a, b) => compareStatusCodes(a.statusCode, b.statusCode)),
  ];
  const lanes: Lane[] = ordered.map((r) => ({
    pattern: isDefault(r) ? 'default' : (r.selectionPattern ?? ''),
    patternIsDefault: isDefault(r),
    statusCode: r.statusCode,
    hasMethodResponse: m.method.methodResponses?.[r.statusCode] !== undefined,
    headers: Object.entries(r.responseParameters ?? {}).map(
      ([key, source]) => `${key.replace(/^method\.response\.header\./, '')} ← ${source}`,
    ),
    kind: 'response',
  }));
  // API Gateway answers 500 "Internal server error" when no pattern matches and there is no default.
  if (!ordered.some(isDefault)) {
    lanes.push({
      pattern: 'nothing matches',
      patternIsDefault: false,
      statusCode: '500',
      hasMethodResponse: true,
      headers: ['configuration error'],
      kind: 'no-match',
    });
  }
  return lanes;
}

export function describeFlow(m: MethodMapping): string {
  const head = `${m.httpMethod} ${m.path}: ${outcomeLabel(m)}`;
  const integration = m.method.methodIntegration;
  if (!integration) return `${head}. No integration, so no response mapping.`;
  if (isProxyIntegrationType(integration.type))
    return `${head}. Proxy integration: the backend response is passed through unchanged.`;
  const parts = flowLanes(m).map((l) => {
    if (l.kind === 'no-match') return 'when nothing matches, API Gateway answers 500 Internal server error';
    const headers = l.headers.length ? ` with headers ${l.headers.join(', ')}` : '';
    const mr = l.hasMethodResponse ? '' : ' (no method response)';
    return `${l.patternIsDefault ? 'default' : `pattern ${l.pattern}`} → ${l.statusCode}${mr}${headers}`;
  });
  return `${head}. ${parts.join('; ')}.`;
}

/** → between two boxes; `className` places it (hidden on a phone where that step is implied by the layout). */
function Arrow({ className = '' }: { className?: string }) {
  return (
    <span aria-hidden="true" className={`self-center justify-self-center text-fg-muted ${className}`}>
      →
    </span>
  );
}

const box = 'rounded-md border px-2 py-1.5 min-w-0 wrap-anywhere';

export function FlowDiagram({ mapping }: { mapping: MethodMapping }) {
  const lanes = flowLanes(mapping);
  return (
    // One accessible image named by the same text alternative as before: the boxes repeat it visually.
    <div
      role="img"
      aria-label={describeFlow(mapping)}
      data-testid="flow-diagram"
      className="flex flex-col gap-3 text-sm text-fg sm:grid sm:grid-cols-[9rem_1.5rem_minmax(7rem,16rem)_1.5rem_6rem_1.5rem_minmax(0,1fr)] sm:gap-x-0 sm:gap-y-2"
    >
      <div className="contents text-xs text-fg-muted max-sm:hidden">
        <span>Backend outcome</span>
        <span />
        <span>Selection pattern</span>
        <span />
        <span>Status</span>
        <span />
        <span>Response headers</span>
      </div>
      <div
        className={`${box} flex flex-col justify-center border-border-strong bg-surface-sunken font-medium sm:text-center`}
        style={{ gridRow: `2 / span ${Math.max(1, lanes.length)}` }}
      >
        <span className="text-xs font-normal text-fg-muted sm:hidden">Backend outcome</span>
        {outcomeLabel(mapping)}
      </div>
      {lanes.length === 0 ? <p className="text-fg-muted sm:col-span-6">No integration: nothing to map.</p> : null}
      {lanes.map((lane, i) => {
        const muted = lane.kind !== 'response';
        const statusClass = !lane.hasMethodResponse
          ? 'border-danger bg-danger-soft border-dashed'
          : lane.kind === 'no-match'
            ? 'border-warning bg-warning-soft'
            : 'border-accent bg-accent-soft';
        return (
          <div
            key={`${lane.kind}-${lane.statusCode}-${i}`}
            // On a phone, one card per lane: pattern → status on a line, the headers below.
            className="grid grid-cols-[minmax(0,1fr)_auto_5rem] gap-x-2 gap-y-1 rounded-md border border-border p-2 sm:contents"
          >
            <Arrow className="max-sm:hidden" />
            <div
              className={`${box} flex flex-col justify-center ${lane.patternIsDefault ? 'border-success bg-success-soft' : 'border-border-strong bg-surface-raised'} ${muted ? 'border-dashed' : ''}`}
            >
              <span className="text-xs text-fg-muted sm:hidden">Selection pattern</span>
              <span className={lane.kind === 'response' && !lane.patternIsDefault ? 'font-mono' : 'italic'}>
                {lane.pattern}
              </span>
            </div>
            <Arrow />
            <div className={`${box} flex flex-col items-center justify-center text-center ${statusClass}`}>
              <span className="text-base font-semibold">{lane.statusCode}</span>
              {!lane.hasMethodResponse ? <span className="text-xs text-danger">no method response</span> : null}
            </div>
            <Arrow className="max-sm:hidden" />
            <div className={`${box} flex flex-col justify-center border-transparent max-sm:col-span-3 max-sm:px-0`}>
              <span className="text-xs text-fg-muted sm:hidden">Response headers</span>
              {lane.headers.length > 0 ? (
                <ul className="flex flex-col gap-0.5 font-mono text-xs">
                  {lane.headers.map((h) => (
                    <li key={h}>{h}</li>
                  ))}
                </ul>
              ) : (
                <span className="text-fg-muted italic">no header mappings</span>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
