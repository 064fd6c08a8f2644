// The mapping overview's layout at real screen sizes, against the built app and the emulator: the table fits a
// 1440 px screen, scrolls sideways inside its own box below that with the path column pinned, and the flow picture
// shows whole header mappings at a readable size on a wide screen and on a phone.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { createIntegrationFixture, getRestApisViaHttp, putIntegrationResponseViaHttp } from './support/e2e-server';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator.toString()} has no box`);
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
}

async function openOverview(page: Page, restApiId: string): Promise<void> {
  await page.goto(`/apis/${restApiId}/overview`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mapping overview' })).toBeVisible();
  await expect(page.getByTestId('overview-summary')).toBeVisible({ timeout: 30_000 });
}

/** Scrolls the page (only vertically) so that the table's box starts at the top of the screen. */
async function scrollTableIntoView(page: Page): Promise<void> {
  await page.getByTestId('overview-scroll').evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top));
}

async function petStoreId(): Promise<string> {
  const api = (await getRestApisViaHttp()).find((a) => a.name === 'PetStore');
  if (!api) throw new Error('the demo PetStore API is not seeded');
  return api.id;
}

test('at 1440×900 the whole overview table, Problems included, is visible without scrolling sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openOverview(page, await petStoreId());
  const scroller = page.getByTestId('overview-scroll');
  const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth, 'the table needs no sideways scrolling').toBeLessThanOrEqual(clientWidth);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nor does the page').toBeLessThanOrEqual(
    1440,
  );

  await scrollTableIntoView(page);
  const frame = await box(scroller);
  const problems = await box(page.getByRole('columnheader', { name: /^Problems/ }));
  expect(problems.left).toBeGreaterThanOrEqual(frame.left);
  expect(problems.right).toBeLessThanOrEqual(Math.min(frame.right, 1440));
  // A row's problems are on screen too, not just the header.
  const firstProblems = page.getByTestId('row-problems').first();
  await expect(firstProblems).toBeInViewport();
  const cell = await box(firstProblems);
  expect(cell.right).toBeLessThanOrEqual(Math.min(frame.right, 1440));
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBe(0);
});

test('on a narrower screen the table scrolls inside its box and the path column stays pinned', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openOverview(page, await petStoreId());
  const scroller = page.getByTestId('overview-scroll');
  const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth, 'at 1024 px the table is wider than its box').toBeGreaterThan(clientWidth);
  await scrollTableIntoView(page);

  const pathHeader = page.getByRole('columnheader', { name: /^Path/ });
  const methodHeader = page.getByRole('columnheader', { name: /^Method/ });
  const firstPath = page.locator('[data-testid="overview-row"] td').first();
  const before = { header: await box(pathHeader), cell: await box(firstPath), method: await box(methodHeader) };

  await scroller.evaluate((el) => el.scrollTo({ left: 300 }));
  await expect.poll(async () => (await box(methodHeader)).left).toBeLessThan(before.method.left - 200);

  const after = { header: await box(pathHeader), cell: await box(firstPath) };
  expect(after.header.left).toBeCloseTo(before.header.left, 0);
  expect(after.cell.left).toBeCloseTo(before.cell.left, 0);
  // Pinned on top: what is under the path cell's link is the path cell, not the columns scrolled beneath it.
  const link = firstPath.getByRole('link');
  const linkBox = await box(link);
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('td')?.cellIndex ?? -1, {
    x: linkBox.left + 4,
    y: (linkBox.top + linkBox.bottom) / 2,
  });
  expect(onTop).toBe(0);
});

interface TextPiece {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The font size as drawn on screen: CSS font size times the SVG's scale, where there is one. */
  fontPx: number;
}

/** Every visible run of text in the picture (SVG <title> tooltips excluded), with its box and drawn size. */
function textPieces(picture: Locator): Promise<TextPiece[]> {
  return picture.evaluate((root) => {
    const out: TextPiece[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!el || text === '' || el.closest('title')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
      out.push({
        text,
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        fontPx: parseFloat(getComputedStyle(el).fontSize) * scale,
      });
    }
    return out;
  });
}

for (const screen of [
  { name: 'a 1440 px screen', width: 1440, height: 900 },
  { name: 'a phone (390 px)', width: 390, height: 844 },
]) {
  test(`the flow picture shows whole header mappings, inside the picture, readable on ${screen.name}`, async ({
    page,
  }) => {
    const header = 'X-Correlation-Identifier-For-Tracing';
    const source = 'integration.response.header.x-amzn-Correlation-Identifier';
    const fx = await createIntegrationFixture({
      statusCodes: ['200', '503'],
      headers: { [header]: false, 'Access-Control-Allow-Origin': false },
    });
    await putIntegrationResponseViaHttp(fx.api.id, fx.resource.id, 'GET', '200', {
      responseParameters: {
        [`method.response.header.${header}`]: source,
        'method.response.header.Access-Control-Allow-Origin': "'https://dashboard.example.com'",
      },
    });
    await putIntegrationResponseViaHttp(fx.api.id, fx.resource.id, 'GET', '503', {
      selectionPattern: '5\\d{2}',
      responseParameters: { [`method.response.header.${header}`]: source },
    });
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await openOverview(page, fx.api.id);
    await page.getByRole('button', { name: 'Show the flow picture' }).click();
    const picture = page.getByTestId('flow-diagram');
    await expect(picture).toBeVisible();

    const pieces = await textPieces(picture);
    const texts = pieces.map((p) => p.text);
    // Whole, not cut off with an ellipsis.
    expect(texts).toContain(`${header} ← ${source}`);
    expect(texts).toContain(`Access-Control-Allow-Origin ← 'https://dashboard.example.com'`);
    expect(texts.filter((t) => t.endsWith('…'))).toEqual([]);

    // Each piece of text lies inside the picture, and the picture inside the screen (or scrolls within itself).
    const frame = await box(picture);
    const [scrollWidth, clientWidth, overflowX] = await picture.evaluate((el) => [
      el.scrollWidth,
      el.clientWidth,
      getComputedStyle(el).overflowX,
    ]);
    const scrollsItself = scrollWidth > clientWidth && (overflowX === 'auto' || overflowX === 'scroll');
    if (!scrollsItself) {
      expect(frame.right).toBeLessThanOrEqual(screen.width);
      for (const p of pieces) {
        expect(p.left, p.text).toBeGreaterThanOrEqual(frame.left - 1);
        expect(p.right, p.text).toBeLessThanOrEqual(frame.right + 1);
        expect(p.top, p.text).toBeGreaterThanOrEqual(frame.top - 1);
        expect(p.bottom, p.text).toBeLessThanOrEqual(frame.bottom + 1);
      }
    }
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      'the page does not scroll sideways',
    ).toBeLessThanOrEqual(screen.width);
    // Readable: nothing drawn smaller than 12 px.
    expect(pieces.filter((p) => p.fontPx < 11.5).map((p) => `${p.text}: ${p.fontPx.toFixed(1)} px`)).toEqual([]);
  });
}
