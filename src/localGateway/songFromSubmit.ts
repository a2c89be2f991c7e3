/**
 * The scripted task an accepted submit becomes, made from what was submitted: a song's title,
 * style, model and lyrics as sent; in description mode a title and lyrics "written" from the
 * description; for lyrics, a lyrics task with a title and lyrics on the prompt's theme; for a
 * continuation, clips that continue the given clip from the given second.
 */
import type { ScriptedTaskSpec } from './scriptedTask';
import type { ForwardedSubmit, SubmitAction } from './submitRequests';

/** The style of a described song that named none. */
const DESCRIBED_STYLE = 'pop, warm vocals';

/** The first few words of `text`, capitalised, as a title; `fallback` when it has no words. */
function titleFrom(text: string, fallback: string): string {
  const words = text.match(/[\p{L}\p{N}']+/gu) ?? [];
  const title = words
    .slice(0, 4)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
  return title === '' ? fallback : title.slice(0, 80);
}

/** Lyrics in Suno's sections, on the theme of `topic` (kept to one line of bounded length). */
function lyricsAbout(topic: string, title: string): string {
  const theme = topic.replace(/\s+/g, ' ').trim().slice(0, 120);
  return (
    `[Verse]\nI carry ${theme} with me\nLike a song I used to know\nEvery street remembers\nWhere the quiet rivers go\n\n` +
    `[Chorus]\n${title}, ${title}\nSing it soft and sing it slow\n${title}, ${title}\nI will never let it go`
  );
}

/** The spec of the task a submit of `action` with `forwarded` fields creates. */
export function songFromSubmit(action: SubmitAction, forwarded: ForwardedSubmit): ScriptedTaskSpec {
  const prompt = forwarded.prompt ?? '';
  if (action === 'lyrics') {
    const title = titleFrom(prompt, 'Untitled Lyrics');
    return { dialect: 'lyrics', title, lyrics: lyricsAbout(prompt, title) };
  }
  const description = forwarded.gpt_description_prompt?.trim() ?? '';
  const instrumental = forwarded.make_instrumental === true;
  const continuation =
    forwarded.continue_clip_id !== undefined && forwarded.continue_clip_id !== ''
      ? { continueClipId: forwarded.continue_clip_id, continueAt: forwarded.continue_at ?? 0 }
      : {};
  if (description !== '') {
    const title = titleFrom(description, 'Untitled Song');
    return {
      title,
      tags: forwarded.tags ?? DESCRIBED_STYLE,
      lyrics: instrumental ? '' : lyricsAbout(description, title),
      model: forwarded.mv,
      description,
      ...continuation,
    };
  }
  return {
    title: forwarded.title ?? '',
    tags: forwarded.tags ?? '',
    lyrics: instrumental ? '' : prompt,
    model: forwarded.mv,
    ...continuation,
  };
}
