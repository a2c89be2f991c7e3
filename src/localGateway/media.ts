/**
 * Media the local gateway serves in place of Suno's CDN: a short generated melody as a PCM WAV
 * file and a gradient cover image as a PNG. Both are derived from the clip id alone, so the same
 * URL always gives the same bytes (and a clip's advertised duration matches its audio).
 */
import { deflateSync } from 'node:zlib';

export const SAMPLE_RATE = 22_050;

/** FNV-1a: a stable 32-bit hash of the clip id, the seed of everything generated for it. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: a tiny seeded PRNG, good enough for picking notes (and the soak's choices). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 8 to 20 seconds in half-second steps; the WAV has exactly this many seconds of samples. */
export function clipDurationSeconds(clipId: string): number {
  return 8 + (hashString(clipId) % 25) * 0.5;
}

/** Small least-recently-used cache: generated files are reused, but never pile up. */
class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  getOrCreate(key: string, create: () => V): V {
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, existing);
      return existing;
    }
    const value = create();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}

const wavCache = new LruCache<Buffer>(24);
const pngCache = new LruCache<Buffer>(48);

function midiToHz(note: number): number {
  return 440 * Math.pow(2, (note - 69) / 12);
}

/** A mono 16-bit PCM WAV: a pentatonic melody over a soft bass line, with fades at both ends. */
export function clipWav(clipId: string): Buffer {
  return wavCache.getOrCreate(clipId, () => generateWav(clipId));
}

function generateWav(clipId: string): Buffer {
  const random = seededRandom(hashString(clipId));
  const seconds = clipDurationSeconds(clipId);
  const sampleCount = Math.round(seconds * SAMPLE_RATE);
  const samples = new Float32Array(sampleCount);
  const pentatonic = [0, 2, 4, 7, 9, 12, 14, 16];
  const root = 57 + Math.floor(random() * 8); // A3 … E4
  const beat = 0.26 + random() * 0.12; // seconds per note
  let degree = Math.floor(random() * 4);

  for (let noteIndex = 0; noteIndex * beat < seconds; noteIndex++) {
    // A gentle random walk over the scale, with an occasional rest to let it breathe.
    degree = Math.max(0, Math.min(pentatonic.length - 1, degree + Math.floor(random() * 5) - 2));
    const rest = noteIndex % 8 === 7 && random() < 0.5;
    const start = Math.floor(noteIndex * beat * SAMPLE_RATE);
    const length = Math.floor(beat * 1.6 * SAMPLE_RATE);
    if (!rest) addNote(samples, start, length, midiToHz(root + pentatonic[degree]), 0.32);
    if (noteIndex % 4 === 0) {
      const bassNote = root - 12 + (noteIndex % 8 === 0 ? 0 : 7);
      addNote(samples, start, Math.floor(beat * 4 * SAMPLE_RATE), midiToHz(bassNote), 0.2);
    }
  }

  const fadeIn = Math.floor(0.05 * SAMPLE_RATE);
  const fadeOut = Math.floor(0.6 * SAMPLE_RATE);
  const wav = Buffer.alloc(44 + sampleCount * 2);
  writeWavHeader(wav, sampleCount);
  for (let index = 0; index < sampleCount; index++) {
    let gain = 1;
    if (index < fadeIn) gain = index / fadeIn;
    if (index > sampleCount - fadeOut) gain = Math.min(gain, (sampleCount - index) / fadeOut);
    const value = Math.max(-1, Math.min(1, samples[index] * gain));
    wav.writeInt16LE(Math.round(value * 32_000), 44 + index * 2);
  }
  return wav;
}

/** A plucked-sounding note: fundamental plus two soft harmonics, fast attack, exponential decay. */
function addNote(samples: Float32Array, start: number, length: number, hz: number, level: number): void {
  const attack = Math.floor(0.01 * SAMPLE_RATE);
  const end = Math.min(samples.length, start + length);
  for (let index = start; index < end; index++) {
    const t = (index - start) / SAMPLE_RATE;
    const envelope = (index - start < attack ? (index - start) / attack : 1) * Math.exp(-3.2 * t);
    const phase = 2 * Math.PI * hz * t;
    samples[index] += level * envelope * (Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.12 * Math.sin(3 * phase));
  }
}

function writeWavHeader(wav: Buffer, sampleCount: number): void {
  const dataBytes = sampleCount * 2;
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const h = (((hue % 360) + 360) % 360) / 60;
  const x = chroma * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] =
    h < 1 ? [chroma, x, 0] : h < 2 ? [x, chroma, 0] : h < 3 ? [0, chroma, x] : h < 4 ? [0, x, chroma] : h < 5 ? [x, 0, chroma] : [chroma, 0, x];
  const m = lightness - chroma / 2;
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/** A square RGB PNG cover: a diagonal two-hue gradient with a record-like disc in the middle. */
export function clipCoverPng(clipId: string, size: number): Buffer {
  return pngCache.getOrCreate(`${clipId}@${size}`, () => generatePng(clipId, size));
}

function generatePng(clipId: string, size: number): Buffer {
  const hash = hashString(clipId);
  const hueA = hash % 360;
  const hueB = hueA + 40 + ((hash >>> 9) % 80);
  const from = hslToRgb(hueA, 0.65, 0.55);
  const to = hslToRgb(hueB, 0.7, 0.35);
  const label = hslToRgb(hueB + 180, 0.6, 0.7);
  const rowBytes = 1 + size * 3;
  const raw = Buffer.alloc(rowBytes * size);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    raw[y * rowBytes] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * (size - 1));
      let rgb = [0, 1, 2].map((channel) => from[channel] + (to[channel] - from[channel]) * t);
      const radius = Math.hypot(x - centre, y - centre) / size;
      if (radius < 0.09) {
        rgb = [...label];
      } else if (radius < 0.34) {
        const groove = 0.78 + 0.06 * Math.sin(radius * 260);
        rgb = rgb.map((value) => value * 0.35 * groove + 12);
      }
      const offset = y * rowBytes + 1 + x * 3;
      raw[offset] = Math.max(0, Math.min(255, Math.round(rgb[0])));
      raw[offset + 1] = Math.max(0, Math.min(255, Math.round(rgb[1])));
      raw[offset + 2] = Math.max(0, Math.min(255, Math.round(rgb[2])));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

type RangeResult = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Reads a `Range: bytes=…` header for a body of `size` bytes. Only single ranges are honoured;
 * anything else is answered in full, which HTTP allows. `end` is inclusive.
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (header === undefined) return { kind: 'full' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'full' };
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}
