import { element, setAttributeIfChanged } from './dom';
import { post } from './host';
import { localize } from './l10n';
import { setMediaSource } from './mediaSource';

/** What the video part of a clip shows: the (already allowed) URL and the clip's label. */
interface ShownVideo {
  readonly url: string | null;
  readonly label: string;
}

/**
 * A clip's video, last in its card and collapsed until the user asks: a gateway's video is the
 * cover with the audio under it, so showing it by default repeats the cover and pushes the lyrics
 * out of view. While open it shows the player or, when that URL did not load, a note with a way
 * to open it in the browser instead.
 */
export class ClipVideoView {
  readonly root: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly area: HTMLElement;
  private readonly unavailable: HTMLElement;
  private readonly openVideo: HTMLButtonElement;
  private video: HTMLVideoElement | null = null;
  /** Whether the user asked to see the video; the last update decides what shows. */
  private expanded = false;
  private shown: ShownVideo | null = null;
  private readonly failedUrls = new Set<string>();

  /** `viewNumber` makes the ids of this clip's elements unique in the page. */
  constructor(private readonly clipId: string, viewNumber: number) {
    this.root = element('div', 'clip-video-box');
    const areaId = `clip-video-${viewNumber}`;
    this.toggle = element('button', 'secondary clip-video-toggle', {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': areaId,
    });
    this.toggle.dataset.action = 'toggleVideo';
    this.toggle.dataset.clipId = clipId;
    this.toggle.textContent = localize('Show Video');
    this.toggle.hidden = true;
    this.toggle.addEventListener('click', () => this.toggleExpanded());
    this.area = element('div', 'clip-video-area', { id: areaId });
    this.area.hidden = true;
    this.unavailable = element('p', 'clip-video-unavailable', { role: 'status' });
    this.unavailable.dataset.clipId = clipId;
    const unavailableText = element('span');
    unavailableText.textContent = `${localize('Video not available.')} `;
    this.openVideo = element('button', 'link-button', { type: 'button' });
    this.openVideo.dataset.action = 'openVideo';
    this.openVideo.dataset.clipId = clipId;
    this.openVideo.textContent = localize('Open in Browser');
    this.unavailable.append(unavailableText, this.openVideo);
    this.unavailable.hidden = true;
    this.area.append(this.unavailable);
    this.root.append(this.toggle, this.area);
  }

  /** Shows the toggle while the clip has a video URL, and what is open below it. */
  update(url: string | null, label: string): void {
    this.shown = { url, label };
    this.render();
  }

  private toggleExpanded(): void {
    this.expanded = !this.expanded;
    this.render();
  }

  private render(): void {
    if (this.shown === null) return;
    const { url, label } = this.shown;
    // Keep a video that is playing; a URL that vanished mid-task is a gateway hiccup.
    if (url === null && this.video !== null && !this.video.paused) return;
    const failed = url !== null && this.failedUrls.has(url);
    const open = url !== null && this.expanded;

    this.toggle.hidden = url === null;
    setAttributeIfChanged(this.toggle, 'aria-expanded', String(open));
    const toggleText = open ? localize('Hide Video') : localize('Show Video');
    if (this.toggle.textContent !== toggleText) this.toggle.textContent = toggleText;
    setAttributeIfChanged(this.toggle, 'aria-label', open ? localize('Hide video of {0}', label) : localize('Show video of {0}', label));
    setAttributeIfChanged(this.openVideo, 'aria-label', localize('Open in browser: the video of {0}', label));
    this.area.hidden = !open;
    this.unavailable.hidden = !(open && failed);

    if (!open || failed) {
      this.removeVideo();
      return;
    }
    if (this.video === null) {
      // Asked for by the user, so its metadata (length, first frame) may load at once.
      const video = element('video', 'clip-video', { controls: '', preload: 'metadata' });
      video.dataset.clipId = this.clipId;
      video.addEventListener('error', () => this.reportError(video.getAttribute('src')));
      this.video = video;
      this.area.append(video);
    }
    setAttributeIfChanged(this.video, 'aria-label', localize('Video player: {0}', label));
    setMediaSource(this.video, url);
  }

  private removeVideo(): void {
    if (this.video === null) return;
    // Focus inside a removed player would fall back to the page: move it somewhere useful.
    const hadFocus = this.video === document.activeElement;
    this.video.remove();
    this.video = null;
    if (!hadFocus) return;
    if (!this.unavailable.hidden) this.openVideo.focus();
    else this.toggle.focus();
  }

  private reportError(url: string | null): void {
    if (url === null || this.failedUrls.has(url)) return;
    this.failedUrls.add(url);
    this.render();
    post({ type: 'mediaError', clipId: this.clipId, media: 'video' });
  }
}
