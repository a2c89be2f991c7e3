// Mocha's spec reporter, plus a JSON summary for scripts/test.sh when SUNO_TEST_SUMMARY names a
// file: {"passed":N,"failed":N,"pending":N,"failures":["full title: message", ...]}. Works in
// plain Node and inside the VS Code extension host (which runs on this machine's file system).
import { writeFileSync } from 'node:fs';
import * as Mocha from 'mocha';

interface FailureEntry {
  readonly title: string;
  readonly message: string;
}

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failures: FailureEntry[] = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
      // One line for the summary; mocha's own report above has the whole message and stack.
      const message = String(error?.message ?? error)
        // eslint-disable-next-line no-control-regex -- terminal colour codes (Playwright's call log)
        .replace(/\u001b\[[0-9;]*m/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      failures.push({ title: test.fullTitle(), message: message.length > 300 ? `${message.slice(0, 300)}…` : message });
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.SUNO_TEST_SUMMARY;
      if (!file) return;
      const stats = runner.stats ?? { passes: 0, failures: failures.length, pending: 0 };
      const summary = {
        passed: stats.passes,
        failed: stats.failures,
        pending: stats.pending,
        failures: failures.map((failure) => `${failure.title}: ${failure.message}`),
      };
      writeFileSync(file, `${JSON.stringify(summary)}\n`);
    });
  }
}

// Mocha loads a reporter given by path as the module itself, so this file exports the class as
// the module (the one place the project does so).
export = SummaryReporter;
