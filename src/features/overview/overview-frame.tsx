// The overview's page frame (title, back link, the intro with the API's name, the loading state), free of the router
// and of the rows' code: an overview's page load shows it from the entry, before the router's, the page's and the
// rules' code have loaded (route-preloads.ts), and the routed page (overview-page.tsx) draws the same frame around
// its table.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, type ReactNode } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { LoadProgress } from '@/api-mappings/load-api-mappings';
import { restApiQueryOptions } from '@/api/queries';
import { startResourceListing } from '@/api/resource-listing-head-start';
import type { RestApiRef } from '@/api/refs';
import { afterFirstContentfulPaint } from '@/components/after-first-paint';
import { resourcesPath } from '@/components/app-paths';
import { BackAppLink } from '@/components/back-app-link';
import { PageLayout } from '@/components/page-layout';

export function OverviewFrame({
  target,
  hasError = false,
  children,
}: {
  target: RestApiRef;
  hasError?: boolean;
  children: ReactNode;
}) {
  const { client, scope } = useConnection();
  // Only for the API's name in the intro; the page works without it.
  const apiName = useQuery(restApiQueryOptions(client, scope, target)).data?.name;
  return (
    <PageLayout
      title="Mapping overview"
      hasError={hasError}
      back={<BackAppLink href={resourcesPath(target)}>Back to the resources of this API</BackAppLink>}
      intro={
        <>
          Every integration response of {apiName ? <strong className="font-semibold text-fg">{apiName}</strong> : 'API'}{' '}
          (<code className="font-mono text-fg">{target.restApiId}</code>), one row per method and status code, with the
          problems the editor would flag.
        </>
      }
    >
      {children}
    </PageLayout>
  );
}

export function LoadProgressView({ progress, compact = false }: { progress: LoadProgress | null; compact?: boolean }) {
  const labelId = useId();
  const label =
    progress === null || progress.phase === 'resources'
      ? `Listing resources… ${progress?.resourcesLoaded ?? 0} so far`
      : `Loaded ${progress.methodsLoaded} of ${progress.methodsTotal} methods`;
  return (
    <div className={`flex flex-col gap-2 ${compact ? '' : 'py-4'}`} data-testid="overview-progress">
      {/* Not a live region: a count changing hundreds of times would drown a screen reader; the bar has the value. */}
      <p id={labelId} className="text-sm text-fg">
        {compact ? 'Refreshing: ' : ''}
        {label}
      </p>
      {progress !== null && progress.phase === 'methods' ? (
        <progress
          aria-labelledby={labelId}
          className="h-2 w-full max-w-md accent-accent"
          max={Math.max(1, progress.methodsTotal)}
          value={progress.methodsLoaded}
        />
      ) : (
        // No total is known while listing, so the bar is indeterminate.
        <progress aria-labelledby={labelId} className="h-2 w-full max-w-md accent-accent" />
      )}
    </div>
  );
}

/**
 * An overview page load's page until the router takes over: the frame and the loading state where the table will
 * be, drawn from the entry in the app's first render (which waits briefly for the API's name, main.tsx). Once it is
 * on screen it starts the resource listing and calls `onShown`: the router's code and the page's are fetched from
 * then on, so neither they nor the listing compete with this page's first paint.
 */
export function DeepLinkOverviewFrame({ target, onShown }: { target: RestApiRef; onShown: () => void }) {
  const { client, scope } = useConnection();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = afterFirstContentfulPaint(() => {
      // Before the router's code is asked for, so that the page finds the listing under way when it mounts. The
      // router's code in a task of its own: signing the listing's request and asking for the schemas' chunk, then
      // the router's chunks (each import inserts a <link rel=modulepreload> per chunk it needs), were one task of
      // ~85 ms at 4× CPU slowdown.
      startResourceListing(client, scope, target.restApiId);
      timer = setTimeout(onShown, 0);
    });
    return () => {
      cancel();
      clearTimeout(timer);
    };
  }, [client, scope, target.restApiId, onShown]);
  return (
    <OverviewFrame target={target}>
      <LoadProgressView progress={null} />
    </OverviewFrame>
  );
}
