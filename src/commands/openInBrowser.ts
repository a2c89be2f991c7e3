import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { inertText } from '../core/inertText';
import type { Clip } from '../core/task/model';
import type { ExtensionServices } from '../extensionServices';
import { clipLabel } from '../tracker/clipTreeItem';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

interface MediaPick extends vscode.QuickPickItem {
  readonly url: string;
}

/**
 * Suno: Open in Browser — the audio or video of a clip (or of all the task's clips) in the
 * system browser; a quick pick when there is more than one.
 */
export function openInBrowserHandler(services: ExtensionServices): CommandHandler<typeof Commands.openInBrowser> {
  return async (argument?: unknown) => {
    const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Open which task in the browser?'));
    if (!resolved) return;
    const clips = resolved.clip ? [resolved.clip] : [...resolved.task.clips];
    const picks = mediaPicks(clips, resolved.task.clips);
    if (picks.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This Suno task has no audio or video yet.'));
      return;
    }
    const picked = picks.length === 1 ? picks[0] : await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Open which file?') });
    if (!picked) return;
    await openExternalUrl(picked.url);
  };
}

function mediaPicks(clips: readonly Clip[], allClips: readonly Clip[]): MediaPick[] {
  const picks: MediaPick[] = [];
  for (const clip of clips) {
    const name = clipLabel(clip, allClips.indexOf(clip));
    if (clip.audioUrl) picks.push({ label: `$(play) ${vscode.l10n.t('Audio')}`, description: name, detail: inertText(clip.audioUrl), url: clip.audioUrl });
    if (clip.videoUrl) picks.push({ label: `$(device-camera-video) ${vscode.l10n.t('Video')}`, description: name, detail: inertText(clip.videoUrl), url: clip.videoUrl });
  }
  return picks;
}

/** Opens only absolute http(s) URLs: the parser guarantees it, and this checks again. */
export async function openExternalUrl(url: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'https' && uri.scheme !== 'http') return false;
  return vscode.env.openExternal(uri);
}
