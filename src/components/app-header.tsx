import type { ReactNode } from 'react';
import { describeTarget } from '@/api/connection';
import { useConnection } from '@/api/connection-provider';
import { AppLink } from './app-link';
import { PRODUCT_NAME } from './page-title';
import { ThrottleStatus } from './throttle-status';

const navLink =
  'rounded px-2 py-1 text-sm font-medium text-fg hover:bg-surface-sunken data-[status=active]:text-accent data-[status=active]:underline data-[status=active]:underline-offset-4';

function AppHeader() {
  const { settings } = useConnection();
  return (
    <header className="border-b border-border bg-surface-raised">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-6 py-3">
        <AppLink href="/apis" className="text-base font-bold text-fg hover:text-accent">
          {PRODUCT_NAME}
        </AppLink>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-2">
          <AppLink href="/apis" className={navLink}>
            APIs
          </AppLink>
          <AppLink href="/search" className={navLink}>
            Search
          </AppLink>
          <AppLink href="/connection" className={navLink}>
            Connection
          </AppLink>
          <AppLink
            href="/connection"
            className="ml-2 inline-flex items-center gap-2 rounded-full border border-border bg-surface px-3 py-1 text-xs text-fg hover:border-accent"
            data-testid="current-target"
          >
            <span className="text-fg-muted">Target:</span>
            <span className="font-medium">{describeTarget(settings)}</span>
            <span className="sr-only">(change connection)</span>
          </AppLink>
        </nav>
      </div>
    </header>
  );
}

/** What every page shows around its content: the skip link, the header and the main landmark. */
export function AppFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <AppHeader />
      <main id="main" className="mx-auto w-full max-w-6xl px-6 py-8">
        <ThrottleStatus />
        {children}
      </main>
    </>
  );
}

function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface-raised focus:px-3 focus:py-2 focus:text-fg"
    >
      Skip to main content
    </a>
  );
}
