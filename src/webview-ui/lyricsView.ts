import { MAX_LYRICS_CHARACTERS_SHOWN, firstCharacters, moreCharactersNotShown } from '../core/task/displayLimits';
import { splitLyricsSections } from '../core/task/lyricsSections';
import { element } from './dom';
import { pageLanguage } from './l10n';

/** Renders lyrics with their section tags as headings; does nothing when the text is unchanged. */
export class LyricsView {
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
      more.textContent = moreCharactersNotShown(capped.notShownCharacters, pageLanguage);
      nodes.push(more);
    }
    this.root.replaceChildren(...nodes);
    this.root.hidden = nodes.length === 0;
  }
}
