import type { ReactNode } from 'react';
import { AppLink } from './app-link';

export const backLinkClass =
  'inline-flex items-center gap-1 text-sm text-fg underline underline-offset-2 hover:text-accent';

/**
 * The back link of back-link.tsx as an `AppLink`: for a page frame drawn before the router's code has loaded (the
 * editor's deep link, route-preloads.ts), whose links cannot be the router's.
 */
export function BackAppLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <AppLink href={href} className={backLinkClass}>
      <span aria-hidden="true">‹</span>
      {children}
    </AppLink>
  );
}
