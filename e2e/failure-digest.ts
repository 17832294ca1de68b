/**
 * A reporter that ends the run with one short entry per failed test: where it
 * is, its title, and the first lines of its error. The list reporter prints
 * each failure in full (code frame, attachments) well above its summary; a CI
 * log read by its tail then shows only the attachments. This digest is the
 * run's last words, so the tail names what failed and why.
 */
import { stripVTControlCharacters } from 'node:util';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Lines of an error kept in the digest: the message, not the stack or the code frame. */
const ERROR_LINES = 4;

export default class FailureDigest implements Reporter {
  private readonly failures: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === test.expectedStatus) return;
    const where = `${test.location.file.replace(/^.*\/e2e\//, 'e2e/')}:${test.location.line}`;
    // Playwright colours its messages; the digest is read as plain text.
    const said = stripVTControlCharacters(result.error?.message ?? `ended as ${result.status}`)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .slice(0, ERROR_LINES);
    const attempt = result.retry > 0 ? ` (retry ${result.retry})` : '';
    this.failures.push(`✘ ${where} › ${test.title}${attempt}\n${said.map((line) => `    ${line}`).join('\n')}`);
  }

  onEnd(): void {
    if (this.failures.length === 0) return;
    console.log(`\nFailed, in brief (${this.failures.length}):\n${this.failures.join('\n')}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
