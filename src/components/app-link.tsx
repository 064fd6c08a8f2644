import { createContext, useContext } from 'react';
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

/**
 * How a link moves inside the app. The first page renders before the router's code has loaded (see main.tsx), so
 * the links it shares with the routed pages (header, API list) cannot be router `<Link>`s; they ask this instead:
 * the router once it runs (routes/__root.tsx), the first page's boot before that (first-page.tsx).
 */
export type AppNavigation = {
  /** The current path, for marking the link to the current section. */
  pathname: string;
  navigate(href: string): void;
};

export const AppNavigationContext = createContext<AppNavigation | null>(null);

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string };

function isPlainLeftClick(e: MouseEvent<HTMLAnchorElement>): boolean {
  return (
    !e.defaultPrevented &&
    e.button === 0 &&
    !e.metaKey &&
    !e.altKey &&
    !e.ctrlKey &&
    !e.shiftKey &&
    !e.currentTarget.target
  );
}

/**
 * An in-app link that behaves like the router's `<Link>`: a plain left click navigates without a page load, any
 * other (new tab, copy link) uses the real href, and the link to the current section carries `aria-current="page"`
 * and `data-status="active"` (the router's markers, which the header's styles use). Without a navigation in context
 * it is an ordinary link, which still works: the server answers every app path with the app.
 */
export function AppLink({ href, onClick, ...rest }: AppLinkProps) {
  const nav = useContext(AppNavigationContext);
  const active = nav !== null && (nav.pathname === href || nav.pathname.startsWith(`${href}/`));
  return (
    <a
      {...rest}
      href={href}
      aria-current={active ? 'page' : undefined}
      data-status={active ? 'active' : undefined}
      onClick={(e) => {
        onClick?.(e);
        if (!nav || !isPlainLeftClick(e)) return;
        e.preventDefault();
        nav.navigate(href);
      }}
    />
  );
}
