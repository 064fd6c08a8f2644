import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './button';

interface State {
  error: unknown;
}

/**
 * Catches an error thrown while a page renders, so the app shows what went wrong and a way out instead of an empty
 * window. The routed pages have the router's error component; the router-free first page has this.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    const detail = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <div role="alert" className="rounded-md border-l-4 border-danger bg-danger-soft px-4 py-3 text-fg">
        <h1 className="font-semibold">This page could not be shown</h1>
        <p className="mt-1 text-sm break-words">{detail}</p>
        <Button variant="secondary" className="mt-3" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    );
  }
}
