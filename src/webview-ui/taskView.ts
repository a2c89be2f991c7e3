import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { MAX_CLIPS_SHOWN, firstItems, moreClipsNotShown } from '../core/task/displayLimits';
import { formatProgress, formatStatus } from '../core/task/format';
import type { Task } from '../core/task/model';
import { StatusAnnouncements } from '../core/task/statusAnnouncement';
import { untitledTaskName } from '../core/task/taskLabel';
import { ClipView } from './clipView';
import { required, setAttributeIfChanged, setOptionalText } from './dom';
import { localize, pageLanguage } from './l10n';
import { LyricsView } from './lyricsView';

/**
 * The whole panel: the task's heading, status, progress, failure and actions, a lyrics task's
 * text, and the list of clip views, patched in place on every update.
 */
export class TaskView {
  private readonly title = required<HTMLHeadingElement>('task-title');
  private readonly status = required<HTMLElement>('task-status');
  private readonly progress = required<HTMLElement>('task-progress');
  private readonly progressFill = required<HTMLElement>('task-progress-fill');
  private readonly progressLabel = required<HTMLElement>('task-progress-label');
  private readonly failure = required<HTMLElement>('task-failure');
  private readonly announcer = required<HTMLElement>('task-announcer');
  private readonly openLyrics = required<HTMLButtonElement>('task-open-lyrics');
  private readonly download = required<HTMLButtonElement>('task-download');
  private readonly editAsNewSong = required<HTMLButtonElement>('task-edit-as-new-song');
  private readonly openSource = required<HTMLButtonElement>('task-open-source');
  private readonly taskLyrics = new LyricsView(required<HTMLElement>('task-lyrics-text'));
  private readonly taskLyricsSection = required<HTMLElement>('task-lyrics');
  private readonly clipList = required<HTMLElement>('clips');
  private readonly clipsMore = required<HTMLElement>('clips-more');
  private readonly clips = new Map<string, ClipView>();
  private readonly announcements = new StatusAnnouncements(localize);
  private updates = 0;

  /** `sourceDocument`: the name of the song document the task was generated from, if any. */
  update(task: Task, sourceDocument: string | undefined): void {
    document.body.dataset.taskId = task.id;
    const name = task.title?.trim() || untitledTaskName(task.id, localize);
    setOptionalText(this.title, name);
    this.title.hidden = false;

    setOptionalText(this.status, formatStatus(task.status, task.rawStatus, localize));
    setAttributeIfChanged(this.status, 'data-status', task.status);
    // A status change or a new quarter of progress, never every poll (see statusAnnouncement.ts);
    // the name is cut and freed of invisible characters, since it is heard rather than seen.
    const announcement = this.announcements.next(task, inertText(name, INERT_LABEL_MAX_LENGTH));
    if (announcement !== null) this.announcer.textContent = announcement;

    this.updateProgress(task);
    setOptionalText(this.failure, task.status === 'failed' ? task.failReason ?? localize('The task failed without a reason.') : null);

    const anyLyrics = (task.lyrics?.trim() ?? '') !== '' || task.clips.some((clip) => (clip.lyrics?.trim() ?? '') !== '');
    this.openLyrics.disabled = !anyLyrics;
    this.download.disabled = false;
    setAttributeIfChanged(this.openLyrics, 'aria-label', localize('Open lyrics of {0}', name));
    setAttributeIfChanged(this.download, 'aria-label', localize('Download {0}…', name));
    // The same rule as the tree's menu: a song to edit needs clips or a lyrics task's text.
    this.editAsNewSong.disabled = task.clips.length === 0 && (task.lyrics?.trim() ?? '') === '';
    setAttributeIfChanged(this.editAsNewSong, 'aria-label', localize('Edit as New Song: {0}', name));
    // The host sends the name only for a task generated from a document; it opens what it recorded.
    this.openSource.hidden = sourceDocument === undefined;
    if (sourceDocument !== undefined) setAttributeIfChanged(this.openSource, 'aria-label', localize('Open the song document {0}', sourceDocument));
    if (sourceDocument !== undefined) setAttributeIfChanged(this.openSource, 'title', sourceDocument);

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
    setOptionalText(this.clipsMore, notShown > 0 ? moreClipsNotShown(notShown, pageLanguage) : null);
  }
}
