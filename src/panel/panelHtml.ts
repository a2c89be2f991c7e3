/**
 * The task panel's HTML: a static skeleton with no gateway data in it. The page script fills it
 * in from `update` messages, so this markup is written once per panel and never reloaded.
 *
 * Kept free of `vscode` so the CSP can be unit-tested. Its own words come in the display
 * language (`language`); the page's sentences are written in translated (`translations`), as JSON in
 * a `<meta>` element the page reads (webview-ui/l10n.ts).
 */
import { urlReach } from '../core/hostReach';
import { ENGLISH, type DisplayLanguage } from '../core/localize';
import { PANEL_TRANSLATIONS_ELEMENT_ID } from '../shared/panelTranslationsId';

interface PanelHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** `asWebviewUri` of media/dist/panel.js. */
  readonly scriptUri: string;
  /** `asWebviewUri` of media/panel.css. */
  readonly styleUri: string;
  /** A fresh random nonce for this document; see `createNonce`. */
  readonly nonce: string;
  /**
   * The task's gateway origin. Media from https hosts are allowed anyway; media on this machine
   * (127.0.0.1/localhost, any port) only for a gateway on this machine; a gateway on plain http
   * elsewhere (a LAN box) serves its media from its own origin, which is added here.
   */
  readonly gatewayOrigin?: string;
  /** The words of the skeleton and the page's `<html lang>`; English by default. */
  readonly language?: DisplayLanguage;
  /** The page's sentences in the display language, keyed by the English sentence. */
  readonly translations?: Readonly<Record<string, string>>;
}

/**
 * 128 random bits, base64: unguessable, so only our script tag can run. Web Crypto, which Node's
 * extension host and a browser's web worker both have.
 */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Local gateways serve media on their own port; CSP allows `:*` as a port wildcard. */
const LOCAL_ORIGINS = 'http://127.0.0.1:* http://localhost:*';

/**
 * The origin to add to the media and image sources for a gateway, or null when the defaults
 * already cover it (https, local) or the URL is unusable.
 */
export function extraMediaOrigin(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:') return null;
  if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return null;
  // A CSP source cannot carry characters outside a host name; refuse anything odd.
  return /^http:\/\/[a-z0-9.-]+(:\d+)?$/i.test(url.origin) ? url.origin : null;
}

/**
 * In step with `mediaUrlForGateway` (core/safeUrl.ts), which the page applies to every URL: a
 * remote gateway's task cannot make the panel load from this machine. (`https:` still matches an
 * https URL on a private address; the page's filter drops those.)
 */
export function contentSecurityPolicy(options: Pick<PanelHtmlOptions, 'cspSource' | 'nonce' | 'gatewayOrigin'>): string {
  const extra = options.gatewayOrigin === undefined ? null : extraMediaOrigin(options.gatewayOrigin);
  const local = options.gatewayOrigin !== undefined && urlReach(options.gatewayOrigin) === 'loopback';
  const media = ['https:', ...(local ? [LOCAL_ORIGINS] : []), ...(extra === null ? [] : [extra])].join(' ');
  return [
    "default-src 'none'",
    `img-src ${options.cspSource} ${media}`,
    `media-src ${media}`,
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${options.cspSource}`,
  ].join('; ');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function panelHtml(options: PanelHtmlOptions): string {
  const csp = escapeAttribute(contentSecurityPolicy(options));
  const nonce = escapeAttribute(options.nonce);
  const { localize, locale } = options.language ?? ENGLISH;
  // An attribute, not an inline script: the page runs one script, its own.
  const translations = escapeAttribute(JSON.stringify(options.translations ?? {}));
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(locale)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>${escapeAttribute(localize('Suno Task'))}</title>
<meta name="${PANEL_TRANSLATIONS_ELEMENT_ID}" content="${translations}">
</head>
<body>
<main id="task" aria-labelledby="task-title">
  <header class="task-header">
    <h1 id="task-title">${escapeAttribute(localize('Loading task…'))}</h1>
    <p class="task-meta">
      <span class="visually-hidden">${escapeAttribute(localize('Status:'))}</span>
      <span id="task-status" class="status-badge"></span>
      <span id="task-progress-label" class="task-progress-label" hidden></span>
    </p>
    <div id="task-progress" class="progress" role="progressbar" aria-label="${escapeAttribute(localize('Task progress'))}" aria-valuemin="0" aria-valuemax="100">
      <div id="task-progress-fill" class="progress-fill"></div>
    </div>
    <p id="task-failure" class="failure" role="alert" hidden></p>
    <div id="task-actions" class="actions">
      <button type="button" id="task-open-lyrics" data-action="openLyrics" disabled>${escapeAttribute(localize('Open Lyrics'))}</button>
      <button type="button" id="task-download" class="secondary" data-action="download" disabled>${escapeAttribute(localize('Download…'))}</button>
      <button type="button" id="task-edit-as-new-song" class="secondary" data-action="editAsNewSong" disabled>${escapeAttribute(localize('Edit as New Song'))}</button>
      <button type="button" id="task-open-source" class="secondary" data-action="openSourceDocument" hidden>${escapeAttribute(localize('Open the Song Document'))}</button>
    </div>
  </header>
  <div id="task-announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
  <section id="task-lyrics" class="task-lyrics" aria-labelledby="task-lyrics-heading" hidden>
    <h2 id="task-lyrics-heading">${escapeAttribute(localize('Lyrics'))}</h2>
    <div id="task-lyrics-text" class="lyrics"></div>
  </section>
  <section id="clips" class="clips" aria-label="${escapeAttribute(localize('Clips'))}" hidden></section>
  <p id="clips-more" class="clips-more" hidden></p>
</main>
<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
