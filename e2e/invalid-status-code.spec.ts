// An editor or review address whose status code AWS would reject (`[1-5]\d\d`), against the built app: a page not
// found with the way back to the method's status codes, not a page for a response that cannot exist.
import { expect, test } from '@playwright/test';
import { createMethodFixture, editorUrl } from './support/e2e-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';
import { stepFourUrl } from './support/editor-page';

for (const [name, suffix] of [
  ['editor', ''],
  ['review', '/review'],
] as const) {
  test(`the ${name}'s address with status code "abc" is a page not found with a way back to step 4`, async ({
    page,
  }) => {
    const errors = trackConsoleErrors(page);
    const ids = await createMethodFixture({ statusCodes: ['200'], pathPart: 'pets' });
    await page.goto(`${editorUrl(ids, 'abc')}${suffix}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page).toHaveTitle(/Page not found/);
    await expect(page.getByText('Status code abc is not a valid HTTP status code')).toBeVisible();
    await expect(page.getByRole('heading', { name: /integration response for abc/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Choose a status code of GET /pets' }).click();
    await expect(page).toHaveURL(new RegExp(`${stepFourUrl(ids)}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a status code');
    expect(errors).toEqual([]);
  });
}
