// The patterns by which VS Code's workbench finds markup in plain strings, as its own source
// writes them (code-server 4.139 / VS Code 1.139): a test that finds no match here shows that the
// workbench renders no link and no icon.

/** `parseLinkedText`: links in notification messages and quick-input prompts. */
export const LINKED_TEXT_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/** `renderLabelWithIcons`: `$(name)` and `$(name~modifier)` in labels and the status bar. */
export const LABEL_ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;

export function rendersLink(text: string): boolean {
  return new RegExp(LINKED_TEXT_LINK.source, LINKED_TEXT_LINK.flags).test(text);
}

export function rendersIcon(text: string): boolean {
  return new RegExp(LABEL_ICON.source, LABEL_ICON.flags).test(text);
}

/** What a person reads: the text without the invisible word joiners the helper adds. */
export function visible(text: string): string {
  return text.replace(/\u2060/g, '');
}
