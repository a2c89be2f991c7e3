/**
 * The few DOM helpers every view of the task panel uses. Text goes in with `textContent` and
 * attributes with `setAttribute`, never as markup; the "if changed" helpers leave a node alone
 * when nothing changed, so an update does not disturb what the user is doing with it.
 */

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== undefined) created.className = className;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}

/** The element of the panel's markup with this id; its absence is a bug in the markup. */
export function required<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The panel markup lacks #${id}.`);
  return found as T;
}

/** Sets text and hides the element (and its labelled row, if any) when there is none. */
export function setOptionalText(target: HTMLElement, text: string | null, row: HTMLElement = target): void {
  const value = text?.trim() ?? '';
  if (target.textContent !== value) target.textContent = value;
  row.hidden = value === '';
}

export function setAttributeIfChanged(target: Element, name: string, value: string): void {
  if (target.getAttribute(name) !== value) target.setAttribute(name, value);
}
