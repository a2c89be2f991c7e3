// Playwright helpers for a task panel's audio players: what a player is doing, and pressing play
// the way a person would.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { waitUntil } from './workbenchUi';

export interface PlayerState {
  readonly src: string | null;
  readonly paused: boolean;
  readonly currentTime: number;
  readonly marker: unknown;
}

/** What the callbacks use of an <audio> element (the project compiles without the DOM library). */
export interface HTMLMediaElementLike {
  getAttribute(name: string): string | null;
  readonly paused: boolean;
  readonly currentTime: number;
  journeyMarker?: unknown;
  play(): Promise<void>;
}

/** The clip's audio player's state; `marker` is a property the test put on the element itself. */
export async function playerState(frame: Frame, clipId: string): Promise<PlayerState> {
  return frame.locator(`audio[data-clip-id="${clipId}"]`).evaluate((audio: HTMLMediaElementLike) => ({
    src: audio.getAttribute('src'),
    paused: audio.paused,
    currentTime: audio.currentTime,
    marker: audio.journeyMarker,
  }));
}

/**
 * Presses the player's play button like a person would (a click on the left end of the native
 * controls) and waits until the audio is really advancing.
 */
export async function play(frame: Frame, clipId: string): Promise<PlayerState> {
  const audio = frame.locator(`audio[data-clip-id="${clipId}"]`);
  await audio.scrollIntoViewIfNeeded();
  const box = await audio.boundingBox();
  assert.ok(box, 'the audio player is not visible');
  await audio.click({ position: { x: 22, y: box.height / 2 } });
  const started = await playerState(frame, clipId);
  if (started.paused) {
    // The native controls are drawn by Chromium; if its layout moved the play button, start
    // playback the way the button does.
    await audio.evaluate((element: HTMLMediaElementLike) => element.play());
  }
  return waitUntil('the audio to play', async () => {
    const state = await playerState(frame, clipId);
    return !state.paused && state.currentTime > 0.3 ? state : false;
  });
}
