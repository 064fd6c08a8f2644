// Acting on steps 4 and 5 (the status codes and the editor) the way a person does: after the page has settled.
import { expect, type Page } from '@playwright/test';
import type { MethodIds } from './e2e-server';

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

/** Adds a mapping template for `contentType` and types `text` into its code editor once that has loaded. */
export async function addTemplate(page: Page, contentType: string, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a template' }).click();
  // The new row is the last; until CodeMirror arrives its editor is a textarea with a label of its own.
  await page.getByLabel('Content type', { exact: true }).last().fill(contentType);
  const editor = page.getByRole('textbox', { name: `Mapping template for ${contentType}` });
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await editor.click();
  await page.keyboard.insertText(text);
}

/** Opens step 4, the method's status codes. */
export async function openStepFour(page: Page, ids: MethodIds): Promise<void> {
  await page.goto(stepFourUrl(ids));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a status code');
}

export function stepFourUrl(ids: MethodIds): string {
  return `/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/${ids.httpMethod}`;
}
