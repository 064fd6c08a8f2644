// A small picture of one method's response mapping: backend outcome → selection patterns → status codes →
// response headers. Plain SVG drawn with the theme's colour utilities, so it follows light and dark.
// Every server string is an SVG text node (React escapes it); nothing is parsed as markup.
import { useId } from 'react';
import type { IntegrationResponse } from '@/api/models';
import { isLambdaIntegration, isProxyIntegrationType } from '@/rules/integration-kind';
import type { MethodMapping } from '@/api-mappings/rows';
import { compareStatusCodes } from '@/api-mappings/rows';

const laneHeight = 40;
const laneGap = 10;
const top = 28;
const col = { outcome: 8, pattern: 200, status: 440, headers: 548 } as const;
const width = { outcome: 160, pattern: 200, status: 76 } as const;
const viewWidth = 860;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

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

export function FlowDiagram({ mapping }: { mapping: MethodMapping }) {
  const titleId = useId();
  const lanes = flowLanes(mapping);
  const rows = Math.max(1, lanes.length);
  const height = top + rows * (laneHeight + laneGap) + 4;
  const outcomeY = top;
  const outcomeH = rows * (laneHeight + laneGap) - laneGap;
  const summary = describeFlow(mapping);
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${viewWidth} ${height}`}
      className="h-auto w-full max-w-4xl"
      data-testid="flow-diagram"
    >
      <title id={titleId}>{summary}</title>
      <g className="fill-fg-muted text-[11px]" aria-hidden="true">
        <text x={col.outcome} y={14}>
          Backend outcome
        </text>
        <text x={col.pattern} y={14}>
          Selection pattern
        </text>
        <text x={col.status} y={14}>
          Status
        </text>
        <text x={col.headers} y={14}>
          Response headers
        </text>
      </g>
      <rect
        x={col.outcome}
        y={outcomeY}
        width={width.outcome}
        height={outcomeH}
        rx={6}
        className="fill-surface-sunken stroke-border-strong"
      />
      <text
        x={col.outcome + width.outcome / 2}
        y={outcomeY + outcomeH / 2 + 4}
        textAnchor="middle"
        className="fill-fg text-[12px] font-medium"
      >
        {outcomeLabel(mapping)}
      </text>
      {lanes.length === 0 ? (
        <text x={col.pattern} y={outcomeY + 24} className="fill-fg-muted text-[12px]">
          No integration: nothing to map.
        </text>
      ) : null}
      {lanes.map((lane, i) => {
        const y = top + i * (laneHeight + laneGap);
        const mid = y + laneHeight / 2;
        const muted = lane.kind !== 'response';
        const statusClass = !lane.hasMethodResponse
          ? 'fill-danger-soft stroke-danger'
          : lane.kind === 'no-match'
            ? 'fill-warning-soft stroke-warning'
            : 'fill-accent-soft stroke-accent';
        const headerText = lane.headers.length ? lane.headers.join(', ') : 'no header mappings';
        return (
          <g key={`${lane.kind}-${lane.statusCode}-${i}`}>
            <line
              x1={col.outcome + width.outcome}
              y1={mid}
              x2={col.pattern - 4}
              y2={mid}
              className="stroke-border-strong"
              strokeDasharray={muted ? '4 3' : undefined}
            />
            <polygon
              points={`${col.pattern - 4},${mid - 4} ${col.pattern},${mid} ${col.pattern - 4},${mid + 4}`}
              className="fill-border-strong"
            />
            <rect
              x={col.pattern}
              y={y}
              width={width.pattern}
              height={laneHeight}
              rx={6}
              className={
                lane.patternIsDefault ? 'fill-success-soft stroke-success' : 'fill-surface-raised stroke-border-strong'
              }
              strokeDasharray={muted ? '4 3' : undefined}
            />
            <text
              x={col.pattern + 8}
              y={mid + 4}
              className={`fill-fg text-[12px] ${lane.kind === 'response' && !lane.patternIsDefault ? 'font-mono' : 'italic'}`}
            >
              <title>{lane.pattern}</title>
              {truncate(lane.pattern, 26)}
            </text>
            <line
              x1={col.pattern + width.pattern}
              y1={mid}
              x2={col.status - 4}
              y2={mid}
              className="stroke-border-strong"
            />
            <polygon
              points={`${col.status - 4},${mid - 4} ${col.status},${mid} ${col.status - 4},${mid + 4}`}
              className="fill-border-strong"
            />
            <rect
              x={col.status}
              y={y}
              width={width.status}
              height={laneHeight}
              rx={6}
              className={statusClass}
              strokeDasharray={lane.hasMethodResponse ? undefined : '4 3'}
            />
            <text
              x={col.status + width.status / 2}
              y={mid + (lane.hasMethodResponse ? 4 : -2)}
              textAnchor="middle"
              className="fill-fg text-[13px] font-semibold"
            >
              {lane.statusCode}
            </text>
            {!lane.hasMethodResponse ? (
              <text
                x={col.status + width.status / 2}
                y={mid + 12}
                textAnchor="middle"
                className="fill-danger text-[9px]"
              >
                no method resp.
              </text>
            ) : null}
            <line
              x1={col.status + width.status}
              y1={mid}
              x2={col.headers - 6}
              y2={mid}
              className="stroke-border-strong"
            />
            <text
              x={col.headers}
              y={mid + 4}
              className={`text-[12px] ${lane.headers.length ? 'fill-fg font-mono' : 'fill-fg-muted italic'}`}
            >
              <title>{headerText}</title>
              {truncate(headerText, 44)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
