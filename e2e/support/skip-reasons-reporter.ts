// The list reporter shows a skipped test as a dash and nothing more; a skip must say why (a missing AWS CLI or
// moto_server on this machine), so this prints each skipped test with the reason given to `test.skip`, and a
// count at the end.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations
      .filter((a) => a.type === 'skip')
      .map((a) => a.description ?? 'no reason given')
      .join('; ');
    this.skipped.push(`${test.titlePath().slice(1).join(' › ')}: ${reasons || 'no reason given'}`);
  }

  onEnd(): void {
    if (this.skipped.length === 0) return;
    console.log(`\n${this.skipped.length} skipped, and why:`);
    for (const line of this.skipped) console.log(`  - ${line}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
