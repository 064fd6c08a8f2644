// Kept apart from button.tsx so that the router-free first page, which uses Button, does not pull in the router.
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { buttonClassName, type ButtonVariant } from './button';

type StyledAnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant };

const StyledAnchor = forwardRef<HTMLAnchorElement, StyledAnchorProps>(function StyledAnchor(
  { variant = 'primary', className = '', ...rest },
  ref,
) {
  return <a ref={ref} className={buttonClassName(variant, className)} {...rest} />;
});

/** A router link that looks like a button (for "Continue" actions that are navigations). */
export const ButtonLink = createLink(StyledAnchor);
