/**
 * The ids `package.json` contributes and the code refers to: commands, context keys of `when`
 * clauses, views, the walkthrough, the panel's view type and the lyrics scheme. Written once here so that a typo
 * is a compile error, not a command that silently does nothing; the activation test checks this
 * list against the manifest in both directions.
 */

/** Every command the extension contributes. */
export const Commands = {
  fetchTask: 'suno.fetchTask',
  setApiKey: 'suno.setApiKey',
  clearApiKey: 'suno.clearApiKey',
  refresh: 'suno.refresh',
  copyTaskId: 'suno.copyTaskId',
  copyAudioUrl: 'suno.copyAudioUrl',
  openInBrowser: 'suno.openInBrowser',
  removeTask: 'suno.removeTask',
  clearFinished: 'suno.clearFinished',
  showLogs: 'suno.showLogs',
  openTask: 'suno.openTask',
  openLyrics: 'suno.openLyrics',
  copyLyricsToEditor: 'suno.copyLyricsToEditor',
  download: 'suno.download',
  checkGateway: 'suno.checkGateway',
  newSong: 'suno.newSong',
  switchGateway: 'suno.switchGateway',
  editAsNewSong: 'suno.editAsNewSong',
  generateLyrics: 'suno.generateLyrics',
  extendClip: 'suno.extendClip',
  generateSong: 'suno.generateSong',
  generateFromDescription: 'suno.generateFromDescription',
  changeSongModel: 'suno.changeSongModel',
  openSourceDocument: 'suno.openSourceDocument',
  openWalkthrough: 'suno.openWalkthrough',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** The context keys the extension sets for the `when` clauses of its menus and welcome views and for the walkthrough. */
export const ContextKeys = {
  hasApiKey: 'suno.hasApiKey',
  hasTasks: 'suno.hasTasks',
  /** Lyrics were opened as a document in this session: a completion event of the walkthrough. */
  hasOpenedLyrics: 'suno.hasOpenedLyrics',
  /** Generate Song tracked a new task in this session: a completion event of the walkthrough. */
  hasGeneratedSong: 'suno.hasGeneratedSong',
} as const;

export type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];

/** The views the extension contributes. */
export const Views = {
  tasks: 'suno.tasks',
} as const;

/** The "Get started with Suno Tasks" walkthrough, as `contributes.walkthroughs` names it. */
export const WALKTHROUGH_ID = 'getStarted';

/** VS Code makes a `<view id>.focus` command for every view; this one reveals the Tasks view. */
export const FOCUS_TASKS_VIEW_COMMAND = `${Views.tasks}.focus` as const;

/** The view type of the task panel webviews, named by the `onWebviewPanel:` activation event. */
export const TASK_PANEL_VIEW_TYPE = 'suno.taskPanel';

/** The scheme of read-only lyrics documents, named by `resourceScheme ==` clauses. */
export const LYRICS_SCHEME = 'suno-lyrics';

/** The scheme of the read-only gateway check reports. */
export const GATEWAY_CHECK_SCHEME = 'suno-gateway-check';

/** The "Suno Lyrics" language the manifest contributes with its grammar. */
export const LYRICS_LANGUAGE_ID = 'suno-lyrics';

/** The "Suno Song" language of song documents (`*.suno` files and untitled songs). */
export const SONG_LANGUAGE_ID = 'suno-song';
