// The editor's and the review's addresses name a status code. One AWS would reject can have no integration
// response: such an address is a page not found, whose code loads only when an address asks for it.
import { lazy, Suspense, type ReactNode } from 'react';
import type { ResponseRef } from '@/api/refs';
import { isValidStatusCode } from '@/rules/status-code';

const InvalidStatusCode = lazy(() => import('./invalid-status-code').then((m) => ({ default: m.InvalidStatusCode })));

/** `children` for a status code AWS accepts; the page-not-found otherwise. */
export function ValidStatusCodeOnly({ target, children }: { target: ResponseRef; children: ReactNode }) {
  if (isValidStatusCode(target.statusCode)) return children;
  return (
    <Suspense fallback={null}>
      <InvalidStatusCode target={target} />
    </Suspense>
  );
}
