/**
 * The name of the `<meta>` element whose content is the JSON of the panel's translated
 * sentences: written by the host (panel/panelHtml.ts), read by the page (webview-ui/l10n.ts).
 */
export const PANEL_TRANSLATIONS_ELEMENT_ID = 'panel-translations';
