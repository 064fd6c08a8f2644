import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { backLinkClass } from './back-app-link';

const BackAnchor = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(function BackAnchor(
  { children, className = '', ...rest },
  ref,
) {
  return (
    <a ref={ref} className={`${backLinkClass} ${className}`} {...rest}>
      <span aria-hidden="true">‹</span>
      {children}
    </a>
  );
});

/** The GOV.UK-style back link; typed like the router's Link (`to`, `params`). */
export const BackLink = createLink(BackAnchor);
