import { isExtendable } from '../core/song/extendableClip';
import { PRELOADED_PLAYERS } from '../core/task/displayLimits';
import { formatDuration, formatStatus } from '../core/task/format';
import type { Clip, Task } from '../core/task/model';
import { mediaUrlForGateway } from '../core/safeUrl';
import { ClipVideoView } from './clipVideoView';
import { element, setAttributeIfChanged, setOptionalText } from './dom';
import { post } from './host';
import { localize, pageLanguage } from './l10n';
import { LyricsView } from './lyricsView';
import { setMediaSource } from './mediaSource';

/** The buttons of a clip's card, by the action each posts. */
type ClipAction = 'openLyrics' | 'copyLink' | 'download' | 'extendClip';

/** Numbers the clip views, so the ids inside each are unique in the page. */
let nextViewNumber = 1;

/** One clip's card: title, status, cover, player, facts, actions, lyrics and video. */
export class ClipView {
  readonly root: HTMLElement;
  private readonly title: HTMLHeadingElement;
  private readonly position: HTMLElement;
  private readonly status: HTMLElement;
  private readonly error: HTMLElement;
  private readonly cover: HTMLImageElement;
  private readonly audio: HTMLAudioElement;
  private readonly audioMissing: HTMLElement;
  private readonly mediaBox: HTMLElement;
  private readonly facts: Record<'tags' | 'model' | 'duration' | 'created', { row: HTMLElement; value: HTMLElement }>;
  private readonly buttons: Record<ClipAction, HTMLButtonElement>;
  private readonly lyrics: LyricsView;
  private readonly video: ClipVideoView;
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
    this.audioMissing.textContent = localize('No audio yet.');
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
      tags: fact('tags', localize('Tags')),
      model: fact('model', localize('Model')),
      duration: fact('duration', localize('Duration')),
      created: fact('created', localize('Created')),
    };

    const actions = element('div', 'actions clip-actions');
    const button = (action: ClipAction, text: string, secondary: boolean): HTMLButtonElement => {
      const created = element('button', secondary ? 'secondary' : undefined, { type: 'button' });
      created.dataset.action = action;
      created.dataset.clipId = clipId;
      created.textContent = text;
      actions.append(created);
      return created;
    };
    this.buttons = {
      openLyrics: button('openLyrics', localize('Open Lyrics'), false),
      copyLink: button('copyLink', localize('Copy Link'), true),
      download: button('download', localize('Download…'), true),
      extendClip: button('extendClip', localize('Extend…'), true),
    };

    const lyricsRoot = element('section', 'lyrics', { 'aria-label': localize('Lyrics') });
    this.lyrics = new LyricsView(lyricsRoot);

    this.video = new ClipVideoView(clipId, number);

    this.root.append(header, this.error, this.mediaBox, factList, actions, lyricsRoot, this.video.root);
  }

  update(clip: Clip, task: Task, index: number): void {
    const name = clip.title?.trim() || task.title?.trim() || localize('Untitled clip');
    const label = task.clips.length > 1 ? localize('{0} (clip {1})', name, index + 1) : name;
    setOptionalText(this.title, name);
    this.title.hidden = false;
    setOptionalText(this.position, task.clips.length > 1 ? localize('Clip {0} of {1}', index + 1, task.clips.length) : null);
    const status = formatStatus(clip.status, clip.rawStatus, localize);
    setOptionalText(this.status, clip.isStreaming ? `${status} · ${localize('streaming')}` : status);
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
      setAttributeIfChanged(this.cover, 'alt', localize('Cover of {0}', label));
      this.cover.hidden = this.reportedErrors.has(`image ${coverUrl}`);
    }

    // A live stream has no end, and a task with many clips must not fetch them all at once:
    // fetch nothing until the user presses play.
    setAttributeIfChanged(this.audio, 'preload', clip.isStreaming || index >= PRELOADED_PLAYERS ? 'none' : 'metadata');
    setAttributeIfChanged(this.audio, 'aria-label', localize('Audio player: {0}', label));
    setMediaSource(this.audio, audioUrl);
    this.audio.hidden = audioUrl === null;
    this.audioMissing.hidden = audioUrl !== null;

    this.video.update(allowed(clip.videoUrl), label);

    setOptionalText(this.facts.tags.value, clip.tags, this.facts.tags.row);
    setOptionalText(this.facts.model.value, clip.model, this.facts.model.row);
    setOptionalText(this.facts.duration.value, formatDuration(clip.durationSeconds), this.facts.duration.row);
    setOptionalText(this.facts.created.value, formatCreated(clip.createdAt), this.facts.created.row);

    const hasLyrics = (clip.lyrics?.trim() ?? '') !== '';
    this.buttons.openLyrics.disabled = !hasLyrics;
    this.buttons.copyLink.disabled = clip.audioUrl === null;
    setAttributeIfChanged(this.buttons.openLyrics, 'aria-label', localize('Open lyrics of {0}', label));
    setAttributeIfChanged(this.buttons.copyLink, 'aria-label', localize('Copy link to the audio of {0}', label));
    setAttributeIfChanged(this.buttons.download, 'aria-label', localize('Download {0}', label));
    this.buttons.extendClip.disabled = !isExtendable(task, clip);
    setAttributeIfChanged(this.buttons.extendClip, 'aria-label', localize('Extend {0}…', label));
    this.lyrics.update(hasLyrics ? clip.lyrics : null);
  }

  private reportError(media: 'audio' | 'image', url: string | null): void {
    if (url === null) return;
    const key = `${media} ${url}`;
    if (this.reportedErrors.has(key)) return;
    this.reportedErrors.add(key);
    if (media === 'image') this.cover.hidden = true;
    post({ type: 'mediaError', clipId: this.clipId, media });
  }
}

function formatCreated(iso: string | null): string | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return null;
  try {
    return new Date(time).toLocaleString(pageLanguage.locale);
  } catch {
    return new Date(time).toLocaleString();
  }
}
