/**
 * The gateway check's report as a Markdown document: one section per check with its outcome, the
 * finding, the gateway's words and what to do. Everything that came from outside (the gateway's
 * text, the base URL, the request lines) is set in code spans, where Markdown makes no link, no
 * HTML and no emphasis of it, and where a preview's link detection does not look; the extension's
 * own words are escaped. The source reads as plain text too. The report's frame (titles,
 * outcomes, summary) is worded by a `Localize`, as the verdicts word the findings and advice.
 *
 * No Node imports: this runs in a browser worker as well.
 */

import { ENGLISH, type DisplayLanguage, type Localize } from '../localize';
import { formatDateTime, formatNumber } from '../task/format';
import type { CheckId, CheckOutcome, GatewayCheckReport } from './gatewayCheck';

/** The name of each check, as the report and the adapters show it. */
function checkTitle(id: CheckId, localize: Localize): string {
  switch (id) {
    case 'base_url':
      return localize('Base URL');
    case 'reachable':
      return localize('Reachable');
    case 'json':
      return localize('Answers JSON');
    case 'api_key':
      return localize('API key');
    case 'balance':
      return localize('Balance');
    case 'batch_route':
      return localize('Batch route');
    case 'submit_route':
      return localize('Submit routes');
    case 'cross_origin':
      return localize('Cross-origin requests');
    case 'request_id':
      return localize('Request ids');
  }
}

function outcomeLabel(outcome: CheckOutcome, localize: Localize): string {
  switch (outcome) {
    case 'ok':
      return localize('OK');
    case 'warning':
      return localize('Warning');
    case 'failed':
      return localize('Failed');
    case 'skipped':
      return localize('Skipped');
  }
}

/** The report as Markdown, in the words, date and number format of the display language. */
export function renderGatewayCheckMarkdown(report: GatewayCheckReport, language: DisplayLanguage = ENGLISH): string {
  const { localize, locale } = language;
  const lines: string[] = [`# ${escapeMarkdown(localize('Suno gateway check'))}`, ''];
  lines.push(`${escapeMarkdown(localize('Gateway:'))} ${codeSpan(report.baseUrl ?? report.configuredBaseUrl)}`, '');
  const checked = localize('Checked {0}, in {1} ms.', formatDateTime(report.checkedAt, locale), formatNumber(report.durationMs, locale));
  lines.push(escapeMarkdown(`${checked} ${summary(report, localize)}`), '');
  for (const check of report.checks) {
    lines.push(`## ${escapeMarkdown(`${checkTitle(check.id, localize)}: ${outcomeLabel(check.outcome, localize)}`)}`, '');
    lines.push(escapeMarkdown(check.finding), '');
    if (check.quote !== null) lines.push(`> ${codeSpan(check.quote)}`, '');
    if (check.advice !== null) lines.push(`**${escapeMarkdown(localize('What to do:'))}** ${escapeMarkdown(check.advice)}`, '');
    if (check.request !== null) lines.push(`${escapeMarkdown(localize('Request:'))} ${codeSpan(check.request)}`, '');
  }
  lines.push(escapeMarkdown(localize('Run "Suno: Check Gateway" again after changing the base URL or the key. "Suno: Show Logs" lists every request.')), '');
  return lines.join('\n');
}

/** The problems first, named, so that the top of the document says what is wrong. */
function summary(report: GatewayCheckReport, localize: Localize): string {
  const named = (outcome: CheckOutcome): string[] =>
    report.checks.filter((check) => check.outcome === outcome).map((check) => checkTitle(check.id, localize));
  const failed = named('failed');
  const warnings = named('warning');
  if (failed.length === 0 && warnings.length === 0) return localize('No problem found.');
  const parts = [
    failed.length > 0 ? localize('{0} failed ({1})', failed.length, failed.join(', ')) : null,
    warnings.length === 1 ? localize('1 warning ({0})', warnings.join(', ')) : null,
    warnings.length > 1 ? localize('{0} warnings ({1})', warnings.length, warnings.join(', ')) : null,
  ];
  return localize('{0}: see below.', parts.filter((part) => part !== null).join(', '));
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
