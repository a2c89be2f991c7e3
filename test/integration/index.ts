// Runs inside the VS Code extension host: VS Code loads the extension under development, then
// calls run(), which runs every compiled test file under out/test/integration/ with mocha.
//
// To add an integration test, create test/integration/<name>.test.ts with mocha's describe/it and
// node:assert/strict; it is found automatically (helpers such as useExtensionWithGateway live
// in support/, where no file ends in .test.ts). Tests may `import * as vscode from 'vscode'`
// and see the environment of the code-server process, which the runner sets:
//   SUNO_TEST_MODE=1         the extension runs in test mode
//   SUNO_TEST_WORKSPACE      absolute path of the (empty, fresh) folder open in the window
// Run only these tests: `npm run test:integration`; only some: SUNO_TEST_GREP='<title part>'.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { hostReportMarker } from '../harness/hostReportMarker';
import SummaryReporter from '../harness/summaryReporter';

function findTestFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

/**
 * The host's console reaches the runner as one string per call with the arguments joined by
 * commas, mixed with the workbench's own log. Formatting each call here and marking it lets the
 * runner print exactly the report and the tests' own output.
 */
function routeConsoleToRunner(): () => void {
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, base: Mocha.reporters.Base.consoleLog };
  const marked = (write: (...args: unknown[]) => void) => (...args: unknown[]): void => write(`${hostReportMarker}${format(...args)}`);
  console.log = marked(original.log);
  console.info = marked(original.info);
  console.warn = marked(original.warn);
  console.error = marked(original.error);
  Mocha.reporters.Base.consoleLog = marked(original.log);
  return () => {
    Object.assign(console, { log: original.log, info: original.info, warn: original.warn, error: original.error });
    Mocha.reporters.Base.consoleLog = original.base;
  };
}

export async function run(): Promise<void> {
  // Only the code-server runner reads the marked lines; under @vscode/test-electron the host's
  // console is a plain terminal.
  const restoreConsole = process.env.SUNO_TEST_MARK_REPORT === '1' ? routeConsoleToRunner() : () => undefined;
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, reporter: SummaryReporter });
  const grep = process.env.SUNO_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findTestFiles(__dirname)) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve)).finally(restoreConsole);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
