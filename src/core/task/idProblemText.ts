import { english, type Localize } from '../localize';
import { MAX_ID_LENGTH, idProblem, previewId } from './idRules';

/**
 * Why a text is not a task id (or clip id), in a sentence of the display language: for the Fetch
 * Task input box, the CLI and the client's refusals. Apart from `idRules.ts`, which the panel's
 * page bundles and which therefore holds no words.
 */

/** A sentence saying why `id` is not a task id (or clip id), or null when it is one. */
export function explainIdProblem(id: string, what: 'task id' | 'clip id' = 'task id', localize: Localize = english): string | null {
  const problem = idProblem(id);
  const shown = previewId(id);
  const isTask = what === 'task id';
  switch (problem) {
    case null:
      return null;
    case 'empty':
      return isTask ? localize('The task id is empty.') : localize('The clip id is empty.');
    case 'too_long':
      return isTask
        ? localize('{0} is too long to be a task id ({1} characters; at most {2}).', shown, id.length, MAX_ID_LENGTH)
        : localize('{0} is too long to be a clip id ({1} characters; at most {2}).', shown, id.length, MAX_ID_LENGTH);
    case 'characters':
      return isTask
        ? localize("{0} is not a task id: ids are letters, digits, '-', '_' and '.'.", shown)
        : localize("{0} is not a clip id: ids are letters, digits, '-', '_' and '.'.", shown);
    case 'dots':
      return isTask
        ? localize('{0} is not a task id: dots alone would be read as a path.', shown)
        : localize('{0} is not a clip id: dots alone would be read as a path.', shown);
  }
}
