import * as vscode from 'vscode';
import type { Settings } from '../configuration/settings';
import { songSettings } from '../configuration/songSettings';
import { Commands } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { songField } from '../core/song/songDocument';
import { lookUpModel } from '../core/song/songModels';
import { songOf } from '../songs/songDocuments';
import { hostOf } from './submitService';

/**
 * The lenses at the top of every song document: "Generate on api.example.com with v4.5
 * (chirp-auk)" says where the credits go and which model is paid for before anything is sent,
 * and "Change Model" picks another. The model comes from the document and may be anything:
 * it is made inert, so that a `$(icon)` in it stays text.
 */
export class SongCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changeEmitter = this.disposables.add(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(private readonly settings: Settings) {
    this.disposables.add(
      settings.onDidChange((event) => {
        if (event.affects('baseUrl') || event.affects('defaultModel') || event.affects('models')) this.changeEmitter.fire();
      }),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const { models, defaultModel } = songSettings(this.settings);
    const modelId = songField(songOf(document), 'model')?.value || defaultModel;
    const lookup = lookUpModel(models, modelId);
    const model = inertText(lookup.kind === 'listed' ? lookup.model.label : modelId, INERT_LABEL_MAX_LENGTH);
    const baseUrl = this.settings.tryBaseUrl();
    const generate = baseUrl === undefined
      ? { title: `$(play) ${vscode.l10n.t('Generate (the suno.baseUrl setting is not a usable address)')}`, tooltip: vscode.l10n.t('Fix the suno.baseUrl setting first') }
      : { title: `$(play) ${vscode.l10n.t('Generate on {0} with {1}', inertText(hostOf(baseUrl)), model)}`, tooltip: vscode.l10n.t('Suno: Generate Song at {0}', baseUrl) };
    return [
      new vscode.CodeLens(top, { ...generate, command: Commands.generateSong, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('Change Model'), tooltip: vscode.l10n.t('Pick the model this song is generated with'), command: Commands.changeSongModel, arguments: [document.uri] }),
    ];
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
