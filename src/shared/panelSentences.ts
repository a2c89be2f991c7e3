/**
 * Every sentence the panel's page shows, in English: the host translates these with
 * `vscode.l10n.t` and writes them into the panel's HTML (panel/panelTranslations.ts), since the
 * page cannot reach VS Code's l10n itself. They are the page's own `localize('…')` calls
 * (src/webview-ui) and those of the core modules it bundles (statuses, limits, announcements,
 * the untitled task's name); `test/unit/translations.test.ts` keeps this list in step with them.
 *
 * Not imported by the page: its bundle carries only the sentences it uses.
 */
export const PANEL_SENTENCES: readonly string[] = [
  // src/webview-ui
  'Audio player: {0}',
  'Clip {0} of {1}',
  'Copy Link',
  'Copy link to the audio of {0}',
  'Cover of {0}',
  'Created',
  'Download {0}',
  'Download {0}…',
  'Download…',
  'Edit as New Song: {0}',
  'Extend {0}…',
  'Extend…',
  'Duration',
  'Hide Video',
  'Hide video of {0}',
  'Lyrics',
  'Model',
  'No audio yet.',
  'Open Lyrics',
  'Open in Browser',
  'Open in browser: the video of {0}',
  'Open the song document {0}',
  'Open lyrics of {0}',
  'Show Video',
  'Show video of {0}',
  'Tags',
  'The task failed without a reason.',
  'Untitled clip',
  'Video not available.',
  'Video player: {0}',
  '{0} (clip {1})',
  // core/task/format.ts
  'pending',
  'running',
  'succeeded',
  'failed',
  'unknown',
  'streaming',
  // core/task/displayLimits.ts
  '1 more clip not shown',
  '{0} more clips not shown',
  '… 1 more character not shown',
  '… {0} more characters not shown',
  // core/task/statusAnnouncement.ts
  '{0}: {1}.',
  '{0}: {1}, {2} percent.',
  '{0}: {1} percent.',
  // core/task/taskLabel.ts
  'Suno task {0}',
];
