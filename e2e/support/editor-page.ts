// Acting on step 5, the editor, the way a person does: after the page has settled.
import { expect, type Page } from '@playwright/test';

/**
 * Clicks "Continue to review" once Simulate has loaded and run. Simulate is the editor's longest panel, sits above
 * the button and arrives after the form (its code, then its worker's first result); on a busy machine it could land
 * between Playwright's aim at the button and its click, pushing the button down so that the click hit the panel.
 */
export async function clickContinueToReview(page: Page): Promise<void> {
  const simulate = page.getByTestId('simulate');
  await expect(simulate).toBeVisible();
  await expect(simulate.getByText('Simulating…')).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue to review' }).click();
}
