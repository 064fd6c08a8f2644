import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { restApiQueryOptions, resourcesQueryOptions } from '@/api/queries';
import { useConnection } from '@/api/connection-provider';
import type { MethodRef, ResourceRef, ResponseRef, RestApiRef } from '@/api/refs';
import { AppLink } from './app-link';
import { methodsPath, resourcesPath, statusCodesPath } from './app-paths';

/** What the user chose so far: the ref of the current step (each id is present once its step is done). */
export type WizardChoices = RestApiRef | ResourceRef | MethodRef | ResponseRef;

const linkClass = 'text-sm text-accent underline underline-offset-2 hover:text-accent-hover';

function Row({ label, value, change }: { label: string; value: ReactNode; change: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-b border-border py-2 last:border-b-0">
      <dt className="w-28 shrink-0 text-sm font-medium text-fg-muted">{label}</dt>
      <dd className="min-w-0 flex-1 text-sm break-words text-fg">{value}</dd>
      <dd className="shrink-0">{change}</dd>
    </div>
  );
}

function ChangeText({ what }: { what: string }) {
  return (
    <>
      Change<span className="sr-only"> {what}</span>
    </>
  );
}

/**
 * The summary of choices with Change links back to each step. Names come from cached queries when present;
 * ids are shown until they load so the summary never blocks the page. The links are `AppLink`s, not the router's,
 * so that an editor deep link can show its frame, this summary included, before the router's code has loaded
 * (route-preloads.ts). With `read` false it asks for nothing and shows the names the cache holds (an editor deep
 * link's frame starts those reads itself).
 */
export function ChoicesSummary({ choices, read = true }: { choices: WizardChoices; read?: boolean }) {
  const { client, scope } = useConnection();
  const { restApiId } = choices;
  const { resourceId, httpMethod, statusCode }: Partial<ResponseRef> = choices;
  const api = useQuery({ ...restApiQueryOptions(client, scope, choices), enabled: read });
  const resources = useQuery({
    ...resourcesQueryOptions(client, scope, choices),
    enabled: read && resourceId !== undefined,
  });
  const resourcePath = resources.data?.find((r) => r.id === resourceId)?.path;

  return (
    <section
      aria-labelledby="choices-summary-heading"
      className="rounded-md border border-border bg-surface-raised px-4 py-2"
    >
      <h2 id="choices-summary-heading" className="sr-only">
        Your choices so far
      </h2>
      <dl>
        <Row
          label="API"
          value={
            api.data ? (
              <>
                {api.data.name} <span className="font-mono text-xs text-fg-muted">({restApiId})</span>
              </>
            ) : (
              <span className="font-mono">{restApiId}</span>
            )
          }
          change={
            <AppLink href="/apis" className={linkClass}>
              <ChangeText what="API" />
            </AppLink>
          }
        />
        {resourceId !== undefined ? (
          <Row
            label="Resource"
            value={<span className="font-mono">{resourcePath ?? resourceId}</span>}
            change={
              <AppLink href={resourcesPath({ restApiId })} className={linkClass}>
                <ChangeText what="resource" />
              </AppLink>
            }
          />
        ) : null}
        {resourceId !== undefined && httpMethod !== undefined ? (
          <Row
            label="Method"
            value={<span className="font-mono">{httpMethod}</span>}
            change={
              <AppLink href={methodsPath({ restApiId, resourceId })} className={linkClass}>
                <ChangeText what="method" />
              </AppLink>
            }
          />
        ) : null}
        {resourceId !== undefined && httpMethod !== undefined && statusCode !== undefined ? (
          <Row
            label="Status code"
            value={<span className="font-mono">{statusCode}</span>}
            change={
              <AppLink href={statusCodesPath({ restApiId, resourceId, httpMethod })} className={linkClass}>
                <ChangeText what="status code" />
              </AppLink>
            }
          />
        ) : null}
      </dl>
    </section>
  );
}
