/**
 * The task panel's page script (bundled to media/dist/panel.js): it wires the host's messages
 * to the views (taskView.ts, clipView.ts, clipVideoView.ts, lyricsView.ts) and the user's clicks
 * to messages for the host.
 *
 * It never reloads its HTML: every `update` message from the host is patched into the DOM in
 * place, keyed by clip id, so a clip that is playing keeps playing while its task moves on. A media
 * element is only touched when its URL really changed; a clip whose stream became a final file
 * switches to the file and, if it was playing, continues from the same time.
 *
 * Gateway text is only ever set with `textContent`, and URLs with `setAttribute` after the host
 * checked the task with the shared schema and the page's own `mediaUrlForGateway` accepted them.
 * The page checks only the envelope of what the host sends (shared/hostMessageEnvelope.ts says
 * why). No `innerHTML`, no inline styles or handlers (the CSP forbids
 * them); the progress bar's width is set through the CSSOM, which the CSP allows.
 *
 * Stable hooks for UI tests (keep them when changing the markup):
 * - `body[data-task-id]`, `body[data-updates]` (how many updates were applied; starts at 0)
 * - `#task-title` (h1), `#task-status` (`data-status` = pending|running|succeeded|failed|unknown),
 *   `#task-progress` (role=progressbar, `aria-valuenow` and `data-progress` when known),
 *   `#task-failure` (hidden unless failed), `#task-announcer` (aria-live="polite")
 * - `#task-actions button[data-action]` (openLyrics, download, editAsNewSong, openSourceDocument: shown only for
 *   a task generated from a song document) for the whole task
 * - `#task-lyrics` with `.lyrics-section` children for a lyrics task
 * - `#clips > article.clip[data-clip-id]`, one per clip, in task order; inside each:
 *   `h2.clip-title`, `[data-field="status"|"tags"|"model"|"duration"|"created"|"error"]`,
 *   `img.clip-cover[data-clip-id]`, `audio[data-clip-id]`,
 *   `button[data-action="openLyrics"|"copyLink"|"download"|"extendClip"][data-clip-id]`,
 *   `.lyrics .lyrics-section[data-tag] h3` for each tagged section and `.lyrics-lines` for its text
 * - the video, after the lyrics and collapsed by default: `button[data-action="toggleVideo"]
 *   [data-clip-id]` (shown only with a video URL; `aria-expanded` says whether it is open),
 *   `video[data-clip-id]` (in the document only while open), and in its place when the video
 *   does not load, `.clip-video-unavailable[data-clip-id]` with
 *   `button[data-action="openVideo"][data-clip-id]` (Open in Browser)
 * - `article.clip[data-streaming="true"]` while the clip's audio is a live stream
 * - past the display limits (core/task/displayLimits.ts): `#clips-more` ("3 more clips not shown",
 *   hidden otherwise) after the shown clips, and `.lyrics-more` after lyrics that were cut
 *
 * Only the first few players load their metadata at once (`preload="metadata"`); the others and
 * every live stream say `preload="none"`, and covers past the first few load lazily. Media URLs
 * on this machine or its network are dropped for a gateway farther away (core/hostReach.ts); the
 * CSP (panelHtml.ts) allows loopback origins only for a loopback gateway, in step.
 */
import { readHostMessage } from '../shared/hostMessageEnvelope';
import { post, saveState } from './host';
import { TaskView } from './taskView';

const view = new TaskView();

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = readHostMessage(event.data);
  if (!parsed.ok) {
    console.warn(`Suno task panel: ignored a message from the extension (${parsed.reason}).`);
    return;
  }
  switch (parsed.message.type) {
    case 'update':
      view.update(parsed.message.task, typeof parsed.message.sourceDocument === 'string' ? parsed.message.sourceDocument : undefined);
      saveState({ taskId: parsed.message.task.id });
      break;
  }
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!(target instanceof HTMLButtonElement) || target.disabled) return;
  const clipId = target.dataset.clipId;
  switch (target.dataset.action) {
    case 'openLyrics':
      post(clipId === undefined ? { type: 'openLyrics' } : { type: 'openLyrics', clipId });
      break;
    case 'download':
      post(clipId === undefined ? { type: 'download' } : { type: 'download', clipId });
      break;
    case 'editAsNewSong':
      post({ type: 'editAsNewSong' });
      break;
    case 'extendClip':
      if (clipId !== undefined) post({ type: 'extendClip', clipId });
      break;
    case 'copyLink':
      if (clipId !== undefined) post({ type: 'copyLink', clipId });
      break;
    case 'openVideo':
      if (clipId !== undefined) post({ type: 'openVideo', clipId });
      break;
    case 'openSourceDocument':
      post({ type: 'openSourceDocument' });
      break;
    // toggleVideo is handled by its clip's view, which owns the player.
  }
});

document.body.dataset.updates = '0';
post({ type: 'ready' });
