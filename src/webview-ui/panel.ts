/**
 * The task panel's page script (bundled to media/dist/panel.js).
 *
 * It never reloads its HTML: every `update` message from the host is patched into the DOM in
 * place, keyed by clip id, so a clip that is playing keeps playing while its task moves on. A media
 * element is only touched when its URL really changed; a clip whose stream became a final file
 * switches to the file and, if it was playing, continues from the same time.
 *
 * Gateway text is only ever set with `textContent`, and URLs with `setAttribute` after the shared
 * schema accepted them as http(s). No `innerHTML`, no inline styles or handlers (the CSP forbids
 * them); the progress bar's width is set through the CSSOM, which the CSP allows.
 *
 * Stable hooks for UI tests (keep them when changing the markup):
 * - `body[data-task-id]`, `body[data-updates]` (how many updates were applied; starts at 0)
 * - `#task-title` (h1), `#task-status` (`data-status` = pending|running|succeeded|failed|unknown),
 *   `#task-progress` (role=progressbar, `aria-valuenow` and `data-progress` when known),
 *   `#task-failure` (hidden unless failed), `#task-announcer` (aria-live="polite")
 * - `#task-actions button[data-action]` (openLyrics, download) for the whole task
 * - `#task-lyrics` with `.lyrics-section` children for a lyrics task
 * - `#clips > article.clip[data-clip-id]`, one per clip, in task order; inside each:
 *   `h2.clip-title`, `[data-field="status"|"tags"|"model"|"duration"|"created"|"error"]`,
 *   `img.clip-cover[data-clip-id]`, `audio[data-clip-id]`,
 *   `button[data-action="openLyrics"|"copyLink"|"download"][data-clip-id]`,
 *   `.lyrics .lyrics-section[data-tag] h3` for each tagged section and `.lyrics-lines` for its text
 * - the video, after the lyrics and collapsed by default: `button[data-action="toggleVideo"]
 *   [data-clip-id]` (shown only with a video URL; `aria-expanded` says whether it is open),
 *   `video[data-clip-id]` (in the document only while open), and in its place when the video
 *   does not load, `.clip-video-unavailable[data-clip-id]` with
 *   `button[data-action="openVideo"][data-clip-id]` (Open in Browser)
 * - `article.clip[data-streaming="true"]` while the clip's audio is a live stream
 * - past the display limits (core/displayLimits.ts): `#clips-more` ("3 more clips not shown",
 *   hidden otherwise) after the shown clips, and `.lyrics-more` after lyrics that were cut
 *
 * Only the first few players load their metadata at once (`preload="metadata"`); the others and
 * every live stream say `preload="none"`, and covers past the first few load lazily. Media URLs
 * on this machine or its network are dropped for a gateway farther away (core/hostReach.ts); the
 * CSP (panelHtml.ts) allows loopback origins only for a loopback gateway, in step.
 */
import {
  MAX_CLIPS_SHOWN,
  MAX_LYRICS_CHARACTERS_SHOWN,
  PRELOADED_PLAYERS,
  firstCharacters,
  firstItems,
  moreCharactersNotShown,
  moreClipsNotShown,
} from '../core/displayLimits';
import { formatDuration, formatProgress, formatStatus } from '../core/format';
import { splitLyricsSections } from '../core/lyricsSections';
import type { Clip, Task } from '../core/model';
import { mediaUrlForGateway } from '../core/safeUrl';
import { parseHostMessage } from '../shared/hostMessages';
import type { PageMessage } from '../shared/panelMessages';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: { taskId: string }): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function post(message: PageMessage): void {
  vscode.postMessage(message);
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== undefined) created.className = className;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}

function required<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The panel markup lacks #${id}.`);
  return found as T;
}

/** Sets text and hides the element (and its labelled row, if any) when there is none. */
function setOptionalText(target: HTMLElement, text: string | null, row: HTMLElement = target): void {
  const value = text?.trim() ?? '';
  if (target.textContent !== value) target.textContent = value;
  row.hidden = value === '';
}

function setAttributeIfChanged(target: Element, name: string, value: string): void {
  if (target.getAttribute(name) !== value) target.setAttribute(name, value);
}

function formatCreated(iso: string | null): string | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Date(time).toLocaleString() : null;
}

// ---- lyrics ------------------------------------------------------------------------------------

/** Renders lyrics with their section tags as headings; does nothing when the text is unchanged. */
class LyricsView {
  private text: string | null | undefined;

  constructor(readonly root: HTMLElement) {}

  update(text: string | null): void {
    if (text === this.text) return;
    this.text = text;
    const capped = text === null ? null : firstCharacters(text, MAX_LYRICS_CHARACTERS_SHOWN);
    const sections = capped === null ? [] : splitLyricsSections(capped.text);
    const nodes = sections.map((section) => {
      const container = element('div', 'lyrics-section');
      if (section.tag !== null) {
        container.dataset.tag = section.tag;
        const heading = element('h3');
        heading.textContent = section.tag;
        container.append(heading);
      }
      if (section.lines.length > 0) {
        const lines = element('p', 'lyrics-lines');
        lines.textContent = section.lines.join('\n');
        container.append(lines);
      }
      return container;
    });
    if (capped !== null && capped.notShownCharacters > 0) {
      const more = element('p', 'lyrics-more');
      more.textContent = moreCharactersNotShown(capped.notShownCharacters);
      nodes.push(more);
    }
    this.root.replaceChildren(...nodes);
    this.root.hidden = nodes.length === 0;
  }
}

// ---- media -------------------------------------------------------------------------------------

/**
 * Points a player at `url` without disturbing it when nothing changed. Setting `src` restarts the
 * media element (and pauses it), so when a playing stream turns into the final file the position
 * and the playing state are carried over once the new file's metadata is known.
 */
function setMediaSource(media: HTMLMediaElement, url: string | null): void {
  const current = media.getAttribute('src');
  if (current === url) return;
  if (url === null) {
    media.removeAttribute('src');
    media.load();
    return;
  }
  const wasPlaying = current !== null && !media.paused && !media.ended;
  const position = current !== null ? media.currentTime : 0;
  media.setAttribute('src', url);
  if (!wasPlaying && position === 0) return;
  media.addEventListener(
    'loadedmetadata',
    () => {
      const fits = !Number.isFinite(media.duration) || position < media.duration;
      if (position > 0 && fits) media.currentTime = position;
      if (wasPlaying) media.play().catch(() => undefined);
    },
    { once: true },
  );
}

// ---- clips -------------------------------------------------------------------------------------

let nextViewNumber = 1;

class ClipView {
  readonly root: HTMLElement;
  private readonly title: HTMLHeadingElement;
  private readonly position: HTMLElement;
  private readonly status: HTMLElement;
  private readonly error: HTMLElement;
  private readonly cover: HTMLImageElement;
  private readonly audio: HTMLAudioElement;
  private readonly audioMissing: HTMLElement;
  private readonly mediaBox: HTMLElement;
  private readonly videoToggle: HTMLButtonElement;
  private readonly videoArea: HTMLElement;
  private readonly videoUnavailable: HTMLElement;
  private video: HTMLVideoElement | null = null;
  /** Whether the user asked to see the video; the last update's clip decides what shows. */
  private videoExpanded = false;
  private lastClip: Clip | null = null;
  private lastLabel = '';
  private readonly facts: Record<'tags' | 'model' | 'duration' | 'created', { row: HTMLElement; value: HTMLElement }>;
  private readonly buttons: Record<'openLyrics' | 'copyLink' | 'download', HTMLButtonElement>;
  private readonly lyrics: LyricsView;
  private readonly reportedErrors = new Set<string>();

  constructor(private readonly clipId: string) {
    const number = nextViewNumber++;
    const titleId = `clip-title-${number}`;
    this.root = element('article', 'clip', { 'aria-labelledby': titleId });
    this.root.dataset.clipId = clipId;

    const header = element('header', 'clip-header');
    this.title = element('h2', 'clip-title', { id: titleId });
    this.position = element('span', 'clip-position');
    this.status = element('span', 'clip-status');
    this.status.dataset.field = 'status';
    header.append(this.title, this.position, this.status);

    this.error = element('p', 'clip-error', { role: 'alert' });
    this.error.dataset.field = 'error';
    this.error.hidden = true;

    this.mediaBox = element('div', 'clip-media');
    this.cover = element('img', 'clip-cover', { alt: '' });
    this.cover.dataset.clipId = clipId;
    this.cover.hidden = true;
    this.cover.addEventListener('error', () => this.reportError('image', this.cover.getAttribute('src')));
    const players = element('div', 'clip-players');
    this.audio = element('audio', 'clip-audio', { controls: '', preload: 'metadata' });
    this.audio.dataset.clipId = clipId;
    this.audio.addEventListener('error', () => this.reportError('audio', this.audio.getAttribute('src')));
    this.audioMissing = element('p', 'clip-audio-missing');
    this.audioMissing.textContent = 'No audio yet.';
    players.append(this.audio, this.audioMissing);
    this.mediaBox.append(this.cover, players);

    const factList = element('dl', 'clip-facts');
    const fact = (name: 'tags' | 'model' | 'duration' | 'created', label: string): { row: HTMLElement; value: HTMLElement } => {
      const row = element('div', 'clip-fact');
      const term = element('dt');
      term.textContent = label;
      const value = element('dd');
      value.dataset.field = name;
      row.append(term, value);
      factList.append(row);
      return { row, value };
    };
    this.facts = {
      tags: fact('tags', 'Tags'),
      model: fact('model', 'Model'),
      duration: fact('duration', 'Duration'),
      created: fact('created', 'Created'),
    };

    const actions = element('div', 'actions clip-actions');
    const button = (action: 'openLyrics' | 'copyLink' | 'download', text: string, secondary: boolean): HTMLButtonElement => {
      const created = element('button', secondary ? 'secondary' : undefined, { type: 'button' });
      created.dataset.action = action;
      created.dataset.clipId = clipId;
      created.textContent = text;
      actions.append(created);
      return created;
    };
    this.buttons = {
      openLyrics: button('openLyrics', 'Open Lyrics', false),
      copyLink: button('copyLink', 'Copy Link', true),
      download: button('download', 'Download…', true),
    };

    const lyricsRoot = element('section', 'lyrics', { 'aria-label': 'Lyrics' });
    this.lyrics = new LyricsView(lyricsRoot);

    // The video comes last and only on request: a gateway's video is the cover with the audio
    // under it, so showing it by default repeats the cover and pushes the lyrics out of view.
    const videoBox = element('div', 'clip-video-box');
    const videoAreaId = `clip-video-${number}`;
    this.videoToggle = element('button', 'secondary clip-video-toggle', {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': videoAreaId,
    });
    this.videoToggle.dataset.action = 'toggleVideo';
    this.videoToggle.dataset.clipId = clipId;
    this.videoToggle.textContent = 'Show Video';
    this.videoToggle.hidden = true;
    this.videoToggle.addEventListener('click', () => this.toggleVideo());
    this.videoArea = element('div', 'clip-video-area', { id: videoAreaId });
    this.videoArea.hidden = true;
    this.videoUnavailable = element('p', 'clip-video-unavailable', { role: 'status' });
    this.videoUnavailable.dataset.clipId = clipId;
    const unavailableText = element('span');
    unavailableText.textContent = 'Video not available. ';
    const openVideo = element('button', 'link-button', { type: 'button' });
    openVideo.dataset.action = 'openVideo';
    openVideo.dataset.clipId = clipId;
    openVideo.textContent = 'Open in Browser';
    this.videoUnavailable.append(unavailableText, openVideo);
    this.videoUnavailable.hidden = true;
    this.videoArea.append(this.videoUnavailable);
    videoBox.append(this.videoToggle, this.videoArea);

    this.root.append(header, this.error, this.mediaBox, factList, actions, lyricsRoot, videoBox);
  }

  update(clip: Clip, task: Task, index: number): void {
    const name = clip.title?.trim() || task.title?.trim() || 'Untitled clip';
    const label = task.clips.length > 1 ? `${name} (clip ${index + 1})` : name;
    setOptionalText(this.title, name);
    this.title.hidden = false;
    setOptionalText(this.position, task.clips.length > 1 ? `Clip ${index + 1} of ${task.clips.length}` : null);
    setOptionalText(this.status, clip.isStreaming ? `${formatStatus(clip.status, clip.rawStatus)} · streaming` : formatStatus(clip.status, clip.rawStatus));
    setAttributeIfChanged(this.status, 'data-status', clip.status);
    setAttributeIfChanged(this.root, 'data-streaming', String(clip.isStreaming));
    setOptionalText(this.error, clip.errorMessage);

    // Media on this machine or its network only for a gateway that is there too.
    const allowed = (url: string | null): string | null => mediaUrlForGateway(url, task.baseUrl);
    const audioUrl = allowed(clip.audioUrl);
    const coverUrl = allowed(clip.imageLargeUrl ?? clip.imageUrl);
    // Covers past the first players wait until they scroll into view.
    setAttributeIfChanged(this.cover, 'loading', index < PRELOADED_PLAYERS ? 'eager' : 'lazy');
    if (coverUrl === null) {
      this.cover.hidden = true;
      this.cover.removeAttribute('src');
    } else {
      setAttributeIfChanged(this.cover, 'src', coverUrl);
      setAttributeIfChanged(this.cover, 'alt', `Cover art for ${label}`);
      this.cover.hidden = this.reportedErrors.has(`image ${coverUrl}`);
    }

    // A live stream has no end, and a task with many clips must not fetch them all at once:
    // fetch nothing until the user presses play.
    setAttributeIfChanged(this.audio, 'preload', clip.isStreaming || index >= PRELOADED_PLAYERS ? 'none' : 'metadata');
    setAttributeIfChanged(this.audio, 'aria-label', `Play ${label}`);
    setMediaSource(this.audio, audioUrl);
    this.audio.hidden = audioUrl === null;
    this.audioMissing.hidden = audioUrl !== null;

    const shownClip = { ...clip, videoUrl: allowed(clip.videoUrl) };
    this.lastClip = shownClip;
    this.lastLabel = label;
    this.updateVideo(shownClip, label);

    setOptionalText(this.facts.tags.value, clip.tags, this.facts.tags.row);
    setOptionalText(this.facts.model.value, clip.model, this.facts.model.row);
    setOptionalText(this.facts.duration.value, formatDuration(clip.durationSeconds), this.facts.duration.row);
    setOptionalText(this.facts.created.value, formatCreated(clip.createdAt), this.facts.created.row);

    const hasLyrics = (clip.lyrics?.trim() ?? '') !== '';
    this.buttons.openLyrics.disabled = !hasLyrics;
    this.buttons.copyLink.disabled = clip.audioUrl === null;
    setAttributeIfChanged(this.buttons.openLyrics, 'aria-label', `Open lyrics of ${label}`);
    setAttributeIfChanged(this.buttons.copyLink, 'aria-label', `Copy audio link of ${label}`);
    setAttributeIfChanged(this.buttons.download, 'aria-label', `Download ${label}`);
    this.lyrics.update(hasLyrics ? clip.lyrics : null);
  }

  private toggleVideo(): void {
    this.videoExpanded = !this.videoExpanded;
    if (this.lastClip !== null) this.updateVideo(this.lastClip, this.lastLabel);
  }

  /**
   * Shows the toggle while the clip has a video URL, and while it is open the player or, when
   * that URL did not load, a note with a way to open it in the browser instead.
   */
  private updateVideo(clip: Clip, label: string): void {
    const url = clip.videoUrl;
    // Keep a video that is playing; a URL that vanished mid-task is a gateway hiccup.
    if (url === null && this.video !== null && !this.video.paused) return;
    const failed = url !== null && this.reportedErrors.has(`video ${url}`);
    const open = url !== null && this.videoExpanded;

    this.videoToggle.hidden = url === null;
    setAttributeIfChanged(this.videoToggle, 'aria-expanded', String(open));
    const toggleText = open ? 'Hide Video' : 'Show Video';
    if (this.videoToggle.textContent !== toggleText) this.videoToggle.textContent = toggleText;
    setAttributeIfChanged(this.videoToggle, 'aria-label', `${open ? 'Hide' : 'Show'} video of ${label}`);
    this.videoArea.hidden = !open;
    this.videoUnavailable.hidden = !(open && failed);

    if (!open || failed) {
      this.removeVideo();
      return;
    }
    if (this.video === null) {
      // Asked for by the user, so its metadata (length, first frame) may load at once.
      const video = element('video', 'clip-video', { controls: '', preload: 'metadata' });
      video.dataset.clipId = this.clipId;
      video.addEventListener('error', () => this.reportError('video', video.getAttribute('src')));
      this.video = video;
      this.videoArea.append(video);
    }
    setAttributeIfChanged(this.video, 'aria-label', `Video of ${label}`);
    setMediaSource(this.video, url);
  }

  private removeVideo(): void {
    if (this.video === null) return;
    // Focus inside a removed player would fall back to the page: move it somewhere useful.
    const hadFocus = this.video === document.activeElement;
    this.video.remove();
    this.video = null;
    if (!hadFocus) return;
    const openVideo = this.videoUnavailable.querySelector('button');
    if (!this.videoUnavailable.hidden && openVideo !== null) openVideo.focus();
    else this.videoToggle.focus();
  }

  private reportError(media: 'audio' | 'video' | 'image', url: string | null): void {
    if (url === null) return;
    const key = `${media} ${url}`;
    if (this.reportedErrors.has(key)) return;
    this.reportedErrors.add(key);
    if (media === 'image') this.cover.hidden = true;
    if (media === 'video' && this.lastClip !== null) this.updateVideo(this.lastClip, this.lastLabel);
    post({ type: 'mediaError', clipId: this.clipId, media });
  }
}

// ---- the task ----------------------------------------------------------------------------------

class TaskView {
  private readonly title = required<HTMLHeadingElement>('task-title');
  private readonly status = required<HTMLElement>('task-status');
  private readonly progress = required<HTMLElement>('task-progress');
  private readonly progressFill = required<HTMLElement>('task-progress-fill');
  private readonly progressLabel = required<HTMLElement>('task-progress-label');
  private readonly failure = required<HTMLElement>('task-failure');
  private readonly announcer = required<HTMLElement>('task-announcer');
  private readonly openLyrics = required<HTMLButtonElement>('task-open-lyrics');
  private readonly download = required<HTMLButtonElement>('task-download');
  private readonly taskLyrics = new LyricsView(required<HTMLElement>('task-lyrics-text'));
  private readonly taskLyricsSection = required<HTMLElement>('task-lyrics');
  private readonly clipList = required<HTMLElement>('clips');
  private readonly clipsMore = required<HTMLElement>('clips-more');
  private readonly clips = new Map<string, ClipView>();
  private lastStatus: string | undefined;
  private updates = 0;

  update(task: Task): void {
    document.body.dataset.taskId = task.id;
    setOptionalText(this.title, task.title?.trim() || `Suno task ${task.id.slice(0, 8)}`);
    this.title.hidden = false;

    const statusText = formatStatus(task.status, task.rawStatus);
    setOptionalText(this.status, statusText);
    setAttributeIfChanged(this.status, 'data-status', task.status);
    // Announce changes, not the first render: the heading already says what the panel shows.
    if (this.lastStatus !== undefined && this.lastStatus !== statusText) {
      this.announcer.textContent = `Status: ${statusText}`;
    }
    this.lastStatus = statusText;

    this.updateProgress(task);
    setOptionalText(this.failure, task.status === 'failed' ? task.failReason ?? 'The task failed without a reason.' : null);

    const anyLyrics = (task.lyrics?.trim() ?? '') !== '' || task.clips.some((clip) => (clip.lyrics?.trim() ?? '') !== '');
    this.openLyrics.disabled = !anyLyrics;
    this.download.disabled = false;

    // A lyrics task has its text on the task itself and no clips.
    const lyricsText = task.clips.length === 0 && (task.lyrics?.trim() ?? '') !== '' ? task.lyrics : null;
    this.taskLyrics.update(lyricsText);
    this.taskLyricsSection.hidden = lyricsText === null;

    this.updateClips(task);
    this.updates += 1;
    document.body.dataset.updates = String(this.updates);
  }

  private updateProgress(task: Task): void {
    const known = task.progress !== null ? task.progress : task.status === 'succeeded' ? 100 : null;
    if (known === null) {
      this.progress.removeAttribute('aria-valuenow');
      this.progress.removeAttribute('data-progress');
      this.progress.classList.toggle('indeterminate', task.status === 'running' || task.status === 'pending');
      this.progressFill.style.width = '0%';
      setOptionalText(this.progressLabel, null);
      return;
    }
    const value = Math.round(Math.min(100, Math.max(0, known)));
    this.progress.classList.remove('indeterminate');
    setAttributeIfChanged(this.progress, 'aria-valuenow', String(value));
    setAttributeIfChanged(this.progress, 'data-progress', String(value));
    this.progressFill.style.width = `${value}%`;
    setOptionalText(this.progressLabel, formatProgress(value));
  }

  private updateClips(task: Task): void {
    const { shown, notShown } = firstItems(task.clips, MAX_CLIPS_SHOWN);
    const present = new Set(shown.map((clip) => clip.id));
    for (const [id, view] of this.clips) {
      if (present.has(id)) continue;
      view.root.remove();
      this.clips.delete(id);
    }
    shown.forEach((clip, index) => {
      let view = this.clips.get(clip.id);
      if (view === undefined) {
        view = new ClipView(clip.id);
        this.clips.set(clip.id, view);
      }
      view.update(clip, task, index);
      // Move a node only when it is out of place: taking a media element out of the document
      // pauses it.
      const here = this.clipList.children.item(index);
      if (here !== view.root) this.clipList.insertBefore(view.root, here);
    });
    this.clipList.hidden = shown.length === 0;
    setOptionalText(this.clipsMore, notShown > 0 ? moreClipsNotShown(notShown) : null);
  }
}

// ---- wiring ------------------------------------------------------------------------------------

const view = new TaskView();

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    console.warn(`Suno task panel: ignored a message from the extension (${parsed.reason}).`);
    return;
  }
  switch (parsed.message.type) {
    case 'update':
      view.update(parsed.message.task);
      vscode.setState({ taskId: parsed.message.task.id });
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
    case 'copyLink':
      if (clipId !== undefined) post({ type: 'copyLink', clipId });
      break;
    case 'openVideo':
      if (clipId !== undefined) post({ type: 'openVideo', clipId });
      break;
    // toggleVideo is handled by its clip's view, which owns the player.
  }
});

document.body.dataset.updates = '0';
post({ type: 'ready' });
