/**
 * Points a player at `url` without disturbing it when nothing changed. Setting `src` restarts the
 * media element (and pauses it), so when a playing stream turns into the final file the position
 * and the playing state are carried over once the new file's metadata is known.
 */
export function setMediaSource(media: HTMLMediaElement, url: string | null): void {
  const current = media.getAttribute('src');
  if (current === url) return;
  if (url === null) {
    media.removeAttribute('src');
    media.load();
    return;
  }
  const wasPlaying = current !== null && !media.paused && !media.ended;
  const position = current !== null ? media.currentTime : 0;
  media.setAttribute('src', url);
  if (!wasPlaying && position === 0) return;
  media.addEventListener(
    'loadedmetadata',
    () => {
      const fits = !Number.isFinite(media.duration) || position < media.duration;
      if (position > 0 && fits) media.currentTime = position;
      if (wasPlaying) media.play().catch(() => undefined);
    },
    { once: true },
  );
}
