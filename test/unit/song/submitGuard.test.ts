import * as assert from 'node:assert/strict';
import { sha256Hex } from '../../../src/core/store/sha256';
import {
  DUPLICATE_WINDOW_MS,
  failureMayHaveCharged,
  forgetSubmit,
  isRecentDuplicate,
  needsFirstSubmitConfirmation,
  readConfirmedGateways,
  readRecentSubmits,
  rememberSubmit,
  submitFingerprint,
  withConfirmedGateway,
} from '../../../src/core/song/submitGuard';
import type { SubmitRequest } from '../../../src/core/wire/submitBodies';

const GATEWAY = 'https://api.example.com';
const SONG: SubmitRequest = {
  action: 'music',
  body: { prompt: '[Verse]\nNeon rivers run', mv: 'chirp-auk', title: 'City Lights', tags: 'synthwave', make_instrumental: false },
};
const T0 = 1_767_225_600_000;

function fingerprint(request: SubmitRequest = SONG, baseUrl = GATEWAY): string {
  return submitFingerprint(baseUrl, request, sha256Hex);
}

describe('submit guard', () => {
  describe('submitFingerprint', () => {
    it('is the same for the same fields in another order, and a SHA-256 in hex', () => {
      const reordered: SubmitRequest = {
        action: 'music',
        body: { make_instrumental: false, tags: 'synthwave', title: 'City Lights', mv: 'chirp-auk', prompt: '[Verse]\nNeon rivers run' },
      };
      assert.equal(fingerprint(reordered), fingerprint());
      assert.match(fingerprint(), /^[0-9a-f]{64}$/);
    });

    it('differs for one changed character, another model, another gateway or another route', () => {
      const changedLine: SubmitRequest = { action: 'music', body: { ...SONG.body, prompt: '[Verse]\nNeon rivers ran' } };
      const otherModel: SubmitRequest = { action: 'music', body: { ...SONG.body, mv: 'chirp-v4' } };
      const lyrics: SubmitRequest = { action: 'lyrics', body: { prompt: '[Verse]\nNeon rivers run' } };
      const asMusic: SubmitRequest = { action: 'music', body: { gpt_description_prompt: '[Verse]\nNeon rivers run', mv: 'chirp-auk', make_instrumental: false } };
      const all = [fingerprint(), fingerprint(changedLine), fingerprint(otherModel), fingerprint(SONG, 'https://api.other.example'), fingerprint(lyrics), fingerprint(asMusic)];
      assert.equal(new Set(all).size, all.length);
    });

    it('keeps fields apart: moving text from one field to the next is another submit', () => {
      const a: SubmitRequest = { action: 'music', body: { ...SONG.body, title: 'ab', tags: 'c' } };
      const b: SubmitRequest = { action: 'music', body: { ...SONG.body, title: 'a', tags: 'bc' } };
      assert.notEqual(fingerprint(a), fingerprint(b));
    });
  });

  describe('recent submits', () => {
    it('counts a submit as a repeat for a minute, not after', () => {
      const recent = rememberSubmit({}, fingerprint(), T0);
      assert.equal(isRecentDuplicate(recent, fingerprint(), T0), true);
      assert.equal(isRecentDuplicate(recent, fingerprint(), T0 + DUPLICATE_WINDOW_MS - 1), true);
      assert.equal(isRecentDuplicate(recent, fingerprint(), T0 + DUPLICATE_WINDOW_MS), false);
      assert.equal(isRecentDuplicate(recent, fingerprint({ action: 'lyrics', body: { prompt: 'sea' } }), T0), false);
    });

    it('counts a time a little ahead (another window’s clock) but not one far in the future', () => {
      const ahead = { [fingerprint()]: T0 + 30_000 };
      assert.equal(isRecentDuplicate(readRecentSubmits(ahead, T0), fingerprint(), T0), true);
      const farAhead = { [fingerprint()]: T0 + 10 * DUPLICATE_WINDOW_MS };
      assert.equal(isRecentDuplicate(readRecentSubmits(farAhead, T0), fingerprint(), T0), false);
    });

    it('forgets a submit that was never taken', () => {
      const recent = forgetSubmit(rememberSubmit({}, fingerprint(), T0), fingerprint());
      assert.equal(isRecentDuplicate(recent, fingerprint(), T0), false);
    });

    it('reads what was stored, dropping old entries and anything that is no submit record', () => {
      const stored = { [fingerprint()]: T0 - 1000, ['a'.repeat(64)]: T0 - DUPLICATE_WINDOW_MS - 1 };
      assert.deepEqual(readRecentSubmits(stored, T0), { [fingerprint()]: T0 - 1000 });
      for (const junk of [undefined, null, 'text', [fingerprint()], { [fingerprint()]: 'yesterday' }, { 'not a hash': T0 }, { [fingerprint()]: -5 }]) {
        assert.deepEqual(readRecentSubmits(junk, T0), {}, JSON.stringify(junk));
      }
    });

    it('is not fooled by a record named like an Object property', () => {
      assert.equal(isRecentDuplicate({}, 'constructor', T0), false);
      assert.equal(isRecentDuplicate(readRecentSubmits({ __proto__: T0 }, T0), '__proto__', T0), false);
    });

    it('keeps at most 50 records, the newest', () => {
      let recent = {};
      for (let index = 0; index < 60; index++) recent = rememberSubmit(recent, sha256Hex(`song ${index}`), T0 + index);
      assert.equal(Object.keys(recent).length, 50);
      assert.equal(isRecentDuplicate(recent, sha256Hex('song 59'), T0 + 60), true);
      assert.equal(isRecentDuplicate(recent, sha256Hex('song 0'), T0 + 60), false);
    });
  });

  it('counts only a lost answer as possibly charged', () => {
    assert.equal(failureMayHaveCharged('outcome_unknown'), true);
    for (const kind of ['quota', 'invalid_input', 'auth', 'rate_limited', 'server', 'network', 'bad_response', 'timeout']) {
      assert.equal(failureMayHaveCharged(kind), false, kind);
    }
  });

  describe('first-submit confirmation', () => {
    const none = { confirmBeforeSubmit: true, confirmedGateways: [], confirmedThisSession: new Set<string>() };

    it('asks for a gateway nobody confirmed, per gateway', () => {
      assert.equal(needsFirstSubmitConfirmation(GATEWAY, none), true);
      assert.equal(needsFirstSubmitConfirmation(GATEWAY, { ...none, confirmedThisSession: new Set([GATEWAY]) }), false);
      assert.equal(needsFirstSubmitConfirmation(GATEWAY, { ...none, confirmedGateways: [GATEWAY] }), false);
      assert.equal(needsFirstSubmitConfirmation('https://api.other.example', { ...none, confirmedGateways: [GATEWAY] }), true);
    });

    it('never asks when the setting is off', () => {
      assert.equal(needsFirstSubmitConfirmation(GATEWAY, { ...none, confirmBeforeSubmit: false }), false);
    });

    it('remembers gateways once each, and reads only a list of strings back', () => {
      const confirmed = withConfirmedGateway(withConfirmedGateway([], GATEWAY), GATEWAY);
      assert.deepEqual(confirmed, [GATEWAY]);
      assert.deepEqual(readConfirmedGateways(confirmed), [GATEWAY]);
      for (const junk of [undefined, 'https://api.example.com', { 0: GATEWAY }, [GATEWAY, 5]]) {
        assert.deepEqual(readConfirmedGateways(junk), [], JSON.stringify(junk));
      }
    });
  });
});
