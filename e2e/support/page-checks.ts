// Page-level checks every spec can reuse: accessibility (axe) and "no console errors".
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export interface AxeOptions {
  /** CSS selectors to scan instead of the whole page (e.g. an open dialog). */
  include?: string[];
  /** CSS selectors to leave out; say why at the call site. */
  exclude?: string[];
  /** Rule ids to disable; say why at the call site. */
  disableRules?: string[];
}

/** Fails with a readable list (rule, impact, help, offending nodes) when axe finds WCAG 2.1 A/AA violations. */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const sel of options.include ?? []) builder = builder.include(sel);
  for (const sel of options.exclude ?? []) builder = builder.exclude(sel);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const report = results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`);
    return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes.join('\n')}`;
  });
  expect(report, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Starts recording console errors and uncaught page errors; call before `page.goto`. Check with
 * `expect(errors).toEqual([])` at the end of the test.
 */
export function trackConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}
