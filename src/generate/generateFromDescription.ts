import * as vscode from 'vscode';
import { songSettings } from '../configuration/songSettings';
import { errorText } from '../core/errorText';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { DESCRIPTION_LIMIT, descriptionSongBody } from '../core/song/songRequest';
import type { SongSettings } from '../core/song/songModels';
import type { Task } from '../core/task/model';
import { showGatewayError } from '../commands/gatewayErrorMessage';
import type { ExtensionServices } from '../extensionServices';
import type { SubmitService } from './submitService';

/** Asked when shown: `vscode.l10n.t` words it in the display language. */
const title = (step: number): string => vscode.l10n.t('Generate from Description ({0}/3)', step);

/**
 * Suno: Generate from Description…: the description (checked as it is typed), vocals or
 * instrumental, and the model (the default first), then the submit service. Takes no
 * arguments: a command any link can run must not choose what is paid for.
 */
export async function generateFromDescription(services: ExtensionServices, submits: SubmitService): Promise<Task | undefined> {
  const settings = songSettings(services.settings);
  const description = await vscode.window.showInputBox({
    title: title(1),
    prompt: vscode.l10n.t('Describe the song: its subject, mood and style. The model writes the lyrics. At most {0} characters.', DESCRIPTION_LIMIT),
    placeHolder: vscode.l10n.t('e.g. a nostalgic synthwave song about driving through a city at night'),
    ignoreFocusOut: true,
    validateInput: (value) => checkDescription(value, settings),
  });
  if (description === undefined) return undefined;

  const vocals = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('With vocals'), description: vscode.l10n.t('the model writes and sings the lyrics'), instrumental: false },
      { label: vscode.l10n.t('Instrumental'), description: vscode.l10n.t('no vocals'), instrumental: true },
    ],
    { title: title(2), placeHolder: vscode.l10n.t('Vocals or instrumental?'), ignoreFocusOut: true },
  );
  if (vocals === undefined) return undefined;

  const model = await pickModel(settings);
  if (model === undefined) return undefined;

  const built = descriptionSongBody({ description, instrumental: vocals.instrumental, model }, settings, vscode.l10n.t);
  if (!built.ok) {
    void vscode.window.showErrorMessage(inertText(built.reason));
    return undefined;
  }
  let baseUrl: string;
  try {
    baseUrl = services.settings.baseUrl();
  } catch (error) {
    services.log.warn(`Generate from Description: ${errorText(error)}`);
    void showGatewayError(error, { prefix: vscode.l10n.t('Cannot generate the song:'), showLogs: false });
    return undefined;
  }
  return submits.submitAndTrack({ request: { action: 'music', body: built.body }, baseUrl, action: 'generateFromDescription', what: vscode.l10n.t('a song from your description') });
}

/** Live validation: the reason it cannot be sent, or how much room is left. */
function checkDescription(value: string, settings: SongSettings): string | vscode.InputBoxValidationMessage | undefined {
  const built = descriptionSongBody({ description: value, instrumental: false }, settings, vscode.l10n.t);
  if (!built.ok) return built.reason;
  return { message: vscode.l10n.t('{0} of {1} characters', value.trim().length, DESCRIPTION_LIMIT), severity: vscode.InputBoxValidationSeverity.Info };
}

/** The models of `suno.models`, the default first; resolves to the id, or undefined when cancelled. */
async function pickModel(settings: SongSettings): Promise<string | undefined> {
  const listed = settings.models.map((model) => ({ label: inertText(model.label, INERT_LABEL_MAX_LENGTH), id: model.id }));
  const defaultItem = listed.find((item) => item.id === settings.defaultModel) ?? { label: inertText(settings.defaultModel, INERT_LABEL_MAX_LENGTH), id: settings.defaultModel };
  const items = [{ ...defaultItem, description: vscode.l10n.t('default (suno.defaultModel)') }, ...listed.filter((item) => item.id !== defaultItem.id)];
  const picked = await vscode.window.showQuickPick(items, { title: title(3), placeHolder: vscode.l10n.t('The model'), ignoreFocusOut: true });
  return picked?.id;
}
