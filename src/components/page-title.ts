import { useEffect } from 'react';

export const PRODUCT_NAME = 'Integration Response Studio';

/** Sets `<title>`; progress comes first so screen reader users hear it before the product name. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${PRODUCT_NAME}`;
  }, [title]);
}
