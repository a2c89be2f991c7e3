/**
 * The gateway check's report as a Markdown document: one section per check with its outcome, the
 * finding, the gateway's words and what to do. Everything that came from outside (the gateway's
 * text, the base URL, the request lines) is set in code spans, where Markdown makes no link, no
 * HTML and no emphasis of it, and where a preview's link detection does not look; the extension's
 * own words are escaped. The source reads as plain text too.
 *
 * No Node imports: this runs in a browser worker as well.
 */

import type { CheckId, CheckOutcome, GatewayCheckReport } from './gatewayCheck';

/** The name of each check, as the report and the adapters show it. */
const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  base_url: 'Base URL',
  reachable: 'Reachable',
  json: 'Answers JSON',
  api_key: 'API key',
  balance: 'Balance',
  batch_route: 'Batch route',
  submit_route: 'Submit routes',
  cross_origin: 'Cross-origin requests',
  request_id: 'Request ids',
};

const OUTCOME_LABELS: Readonly<Record<CheckOutcome, string>> = {
  ok: 'OK',
  warning: 'Warning',
  failed: 'Failed',
  skipped: 'Skipped',
};

export function renderGatewayCheckMarkdown(report: GatewayCheckReport): string {
  const lines: string[] = ['# Suno gateway check', ''];
  lines.push(`Gateway: ${codeSpan(report.baseUrl ?? report.configuredBaseUrl)}`, '');
  lines.push(escapeMarkdown(`Checked ${report.checkedAt}, in ${report.durationMs} ms. ${summary(report)}`), '');
  for (const check of report.checks) {
    lines.push(`## ${escapeMarkdown(CHECK_TITLES[check.id])}: ${OUTCOME_LABELS[check.outcome]}`, '');
    lines.push(escapeMarkdown(check.finding), '');
    if (check.quote !== null) lines.push(`> ${codeSpan(check.quote)}`, '');
    if (check.advice !== null) lines.push(`**What to do:** ${escapeMarkdown(check.advice)}`, '');
    if (check.request !== null) lines.push(`Request: ${codeSpan(check.request)}`, '');
  }
  lines.push(escapeMarkdown('Run "Suno: Check Gateway" again after changing the base URL or the key. "Suno: Show Logs" lists every request.'), '');
  return lines.join('\n');
}

/** The problems first, named, so that the top of the document says what is wrong. */
function summary(report: GatewayCheckReport): string {
  const named = (outcome: CheckOutcome): string[] => report.checks.filter((check) => check.outcome === outcome).map((check) => CHECK_TITLES[check.id]);
  const failed = named('failed');
  const warnings = named('warning');
  if (failed.length === 0 && warnings.length === 0) return 'No problem found.';
  const parts = [
    failed.length > 0 ? `${failed.length} failed (${failed.join(', ')})` : null,
    warnings.length > 0 ? `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'} (${warnings.join(', ')})` : null,
  ];
  return `${parts.filter((part) => part !== null).join(', ')}: see below.`;
}

/** The extension's own words, with every character that starts Markdown or HTML escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~#!]/g, (character) => `\\${character}`);
}

/**
 * Text shown literally: a code span whose fence is longer than any run of backticks inside, with
 * spaces so that a backtick at either end stays content. Line breaks become spaces, since a code
 * span cannot hold a blank line.
 */
function codeSpan(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine === '' ? ` ${oneLine} ` : oneLine;
  return `${fence}${padded}${fence}`;
}
