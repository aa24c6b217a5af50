import type { FullResult, Reporter, TestCase } from '@playwright/test/reporter';

/**
 * After the list reporter's lines (each names its project, i.e. the database the test ran on): per database, how
 * many tests passed, failed or were flaky, the time they took, and the slowest ones.
 */
export default class DatabaseSummary implements Reporter {
  readonly #tests = new Set<TestCase>();

  onTestEnd(test: TestCase): void {
    this.#tests.add(test);
  }

  onEnd(_result: FullResult): void {
    const byProject = new Map<string, TestCase[]>();
    for (const test of this.#tests) {
      // "postgres 07" in e2e/order.config.ts, where every test is a project of its own.
      const project = (test.parent.project()?.name ?? 'unknown').split(' ')[0]!;
      byProject.set(project, [...(byProject.get(project) ?? []), test]);
    }
    if (byProject.size === 0) return;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const time = (test: TestCase) => test.results.reduce((sum, r) => sum + r.duration, 0);
    console.log('\nBy database:');
    for (const [project, tests] of byProject) {
      const count = (outcome: ReturnType<TestCase['outcome']>) =>
        tests.filter((t) => t.outcome() === outcome).length;
      const total = tests.reduce((sum, t) => sum + time(t), 0);
      console.log(
        `  ${project}: ${tests.length} tests, ${count('expected')} passed, ${count('unexpected')} failed, ` +
          `${count('flaky')} flaky, ${count('skipped')} skipped; ${seconds(total)} in tests`,
      );
      const slowest = [...tests].sort((a, b) => time(b) - time(a)).slice(0, 5);
      for (const test of slowest) console.log(`    ${seconds(time(test)).padStart(7)}  ${test.title}`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
