/**
 * A one-line account of an HTTP answer, for error messages about answers that were not what we
 * asked for. A user who pointed the extension at the wrong URL sees at once what came back
 * (an HTML login page, another API's JSON, a proxy error) instead of "unexpected token <".
 */

/** How much of the body an error message quotes. */
const BODY_PREVIEW_CHARACTERS = 200;

export function describeResponse(httpStatus: number, contentType: string | null, body: string): string {
  const type = contentType === null || contentType.trim() === '' ? 'no content type' : `content type ${contentType.trim()}`;
  return `HTTP ${httpStatus}, ${type}, ${quoteBody(body)}`;
}

function quoteBody(body: string): string {
  if (body.length === 0) return 'empty body';
  if (!/\S/.test(body)) return `a body of ${body.length} blank characters`;
  // Split by code points so a cut never leaves half a surrogate pair (emoji, rare CJK). Only the
  // head is split: a body may be megabytes of HTML.
  const preview = Array.from(body.slice(0, BODY_PREVIEW_CHARACTERS * 2))
    .slice(0, BODY_PREVIEW_CHARACTERS)
    .join('');
  const cut = body.length > preview.length;
  // JSON.stringify escapes new lines and control characters: the message stays on one line and
  // nothing in the body can forge extra log lines.
  return cut
    ? `body starts ${JSON.stringify(preview)}… (${body.length} characters)`
    : `body ${JSON.stringify(preview)}`;
}
