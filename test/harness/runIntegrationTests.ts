// Runs the integration tests (test/integration/**/*.test.ts, compiled to out/) inside a real VS
// Code extension host: code-server serves VS Code, headless Chromium opens the workbench with the
// extension-development and extension-tests payload, and the host's console (mocha's report)
// and exit code come back through the smoke-test driver hooks.
//
//   npm run test:integration        build, compile, run
//   node out/test/harness/runIntegrationTests.js   run what is already built
//
// To add a test, see test/integration/index.ts. Environment:
//   SUNO_INTEGRATION_TIMEOUT_MS   kill VS Code and fail after this long (default 600000 = 10 min)
//   SUNO_TEST_GREP                run only tests whose title contains this
//   SUNO_VERBOSE=1                echo code-server's own log
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import { hostReportMarker } from './hostReportMarker';
import { startCodeServer, type CodeServer } from './codeServer';
import { launchChromium } from './workbench';
import { createRunDir, projectRoot, testResultsDir } from './vscodeTools';
import type { Browser } from 'playwright-core';

async function main(): Promise<number> {
  const timeoutMs = Number(process.env.SUNO_INTEGRATION_TIMEOUT_MS ?? 600_000);
  const verbose = Boolean(process.env.SUNO_VERBOSE);
  const started = Date.now();
  const step = (what: string): void => {
    if (verbose) console.error(`[integration] ${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const runDir = createRunDir('integration');
  const workspace = path.join(runDir, 'workspace');
  const testsIndex = path.join(projectRoot, 'out', 'test', 'integration', 'index.js');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      runDir,
      workspace,
      // The extension-tests payload and the codeAutomationLog/Exit hooks need the driver.
      smokeTestDriver: true,
      env: { SUNO_TEST_MODE: '1', SUNO_TEST_WORKSPACE: workspace, SUNO_TEST_MARK_REPORT: '1' },
    });
    step('code-server started');
    browser = await launchChromium();
    step('Chromium started');
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();

    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    const workbenchLog = path.join(runDir, 'workbench.log');
    await page.exposeFunction('codeAutomationLog', (level: string, message: string) => {
      const text = String(message);
      const marker = text.indexOf(hostReportMarker);
      if (marker >= 0) {
        process.stdout.write(`${text.slice(marker + hostReportMarker.length)}\n`);
      } else {
        // The workbench's own chatter (offline gallery, GitHub sign-in): kept for diagnosis.
        appendFileSync(workbenchLog, `[${level}] ${text}\n`);
        if (verbose) process.stderr.write(`[workbench ${level}] ${text}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('crash', () => {
      console.error('The workbench page crashed.');
      finish(1);
    });

    await page.goto(server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: projectRoot, extensionTestsPath: testsIndex }));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const serverExit = server.exited.then(() => 'server-exit' as const);
    const outcome = await Promise.race([finished, timedOut, serverExit]);
    clearTimeout(timer);
    step(`tests ended (${String(outcome)})`);
    if (outcome === 'server-exit') {
      console.error(`code-server exited during the run:\n${server.output().split('\n').slice(-30).join('\n')}`);
      return 1;
    }
    if (outcome === 'timeout') {
      const screenshot = path.join(testResultsDir(), 'integration-timeout.png');
      await page.screenshot({ path: screenshot }).catch(() => undefined);
      console.error(`Integration tests did not finish within ${timeoutMs / 1000} s: stopped VS Code. Screenshot: ${path.relative(projectRoot, screenshot)}`);
      console.error(`code-server log (last lines):\n${server.output().split('\n').slice(-30).join('\n')}`);
      return 1;
    }
    return outcome;
  } catch (error) {
    console.error(`Integration test run failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    if (server) console.error(`code-server log (last lines):\n${server.output().split('\n').slice(-30).join('\n')}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    step('stopped');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
