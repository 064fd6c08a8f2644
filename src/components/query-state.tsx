import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describeApiError } from '@/api/api-error';
import { Button } from './button';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" className="flex items-center gap-3 py-6 text-fg-muted">
      <span
        aria-hidden="true"
        className="inline-block size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
      />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-border-strong bg-surface-raised px-4 py-6">
      <p className="font-semibold text-fg">{title}</p>
      {children ? <div className="mt-1 text-sm text-fg-muted">{children}</div> : null}
    </div>
  );
}

/** The error in plain words (describeApiError) with a Retry button. */
export function ErrorState({
  error,
  onRetry,
  retrying = false,
  context,
}: {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  /** What was being loaded, e.g. "the list of APIs". */
  context?: string;
}) {
  const { title, detail } = describeApiError(error);
  return (
    <div role="alert" className="rounded-md border-l-4 border-danger bg-danger-soft px-4 py-3 text-fg">
      <p className="font-semibold">
        {context ? `Could not load ${context}: ` : ''}
        {title}
      </p>
      <p className="mt-1 text-sm break-words">{detail}</p>
      {onRetry ? (
        <Button variant="secondary" className="mt-3" onClick={onRetry} busy={retrying}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}

/**
 * Renders one query's loading, error (with Retry), empty and success states. `isEmpty` decides emptiness
 * so callers do not forget the empty state.
 */
export function QueryState<T>({
  query,
  loadingLabel,
  context,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  context?: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        context={context}
        retrying={query.isFetching}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  if (isEmpty?.(query.data) && empty !== undefined) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
