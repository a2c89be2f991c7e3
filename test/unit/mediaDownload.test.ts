import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DownloadRefusedError, downloadMedia, formatBytes, type DownloadLimits } from '../../src/core/gateway/mediaDownload';
import { isTemporaryFileName, writeNewFile } from '../../src/storage/newFile';
import { clipWav } from '../../src/localGateway/media';
import { LocalGateway } from '../../src/localGateway/localGateway';
import { ManualClock } from './support/manualClock';

const LIMITS: DownloadLimits = { idleTimeoutMs: 30_000, maxBytes: 2_000_000, maxRedirects: 5 };
const CLIP = 'clip-one';

describe('downloadMedia and writeNewFile', () => {
  let gateway: LocalGateway;
  let folder: string;
  let clock: ManualClock;

  beforeEach(async () => {
    gateway = await LocalGateway.start();
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'suno-media-'));
    clock = new ManualClock();
  });

  afterEach(async () => {
    await gateway.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  /** Downloads `url` into `folder` as the command does; resolves to the file written. */
  async function save(url: string, options: { gatewayBaseUrl?: string; signal?: AbortSignal; limits?: DownloadLimits } = {}): Promise<string> {
    let file = '';
    await downloadMedia(
      url,
      { gatewayBaseUrl: options.gatewayBaseUrl ?? gateway.url, signal: options.signal ?? new AbortController().signal, limits: options.limits ?? LIMITS, clock },
      async (body) => {
        file = await writeNewFile(folder, 'Song', '.wav', async (handle) => {
          for await (const chunk of body.chunks) await handle.write(chunk);
        });
      },
    );
    return file;
  }

  /** Runs the manual clock forward until `promise` settles (real I/O happens between the steps). */
  async function driveClock<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => (settled = true));
    watched.catch(() => undefined);
    for (let step = 0; step < 200 && !settled; step++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await clock.advance(LIMITS.idleTimeoutMs / 3);
    }
    return watched;
  }

  it('writes the whole file under its final name and leaves no temporary file', async () => {
    const file = await save(`${gateway.url}/media/${CLIP}.wav`);
    assert.equal(path.basename(file), 'Song.wav');
    assert.ok((await fs.readFile(file)).equals(clipWav(CLIP)));
    assert.deepEqual(await fs.readdir(folder), ['Song.wav']);
  });

  it('never replaces an existing file: the complete download takes the next free name', async () => {
    await fs.writeFile(path.join(folder, 'Song.wav'), 'keep me');
    const file = await save(`${gateway.url}/media/${CLIP}.wav`);
    assert.equal(path.basename(file), 'Song (2).wav');
    assert.equal(await fs.readFile(path.join(folder, 'Song.wav'), 'utf8'), 'keep me');
    assert.deepEqual((await fs.readdir(folder)).sort(), ['Song (2).wav', 'Song.wav']);
  });

  it('gives up when no bytes arrive for the idle timeout, leaving nothing behind', async () => {
    gateway.setMediaFault({ kind: 'stall', afterBytes: 1000 });
    await assert.rejects(driveClock(save(`${gateway.url}/media/${CLIP}.wav`)), (error: unknown) => {
      assert.ok(error instanceof DownloadRefusedError, String(error));
      assert.match(error.message, /^no data arrived for 30 s; gave up \(http:\/\/127\.0\.0\.1:\d+\/media\/clip-one\.wav\)$/);
      return true;
    });
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('refuses a file whose announced size is over the cap, before writing anything', async () => {
    gateway.setMediaFault({ kind: 'oversized', announcedBytes: 5_000_000_000 });
    await assert.rejects(save(`${gateway.url}/media/${CLIP}.wav`), /^DownloadRefusedError: the file is 5 GB, more than the 2 MB a download may be/);
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('stops a body that goes past the cap without announcing its size, and removes the partial file', async () => {
    gateway.setMediaFault({ kind: 'endless' });
    await assert.rejects(save(`${gateway.url}/media/${CLIP}.wav`), /^DownloadRefusedError: the file is larger than the 2 MB a download may be; stopped/);
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('refuses media on this machine when the gateway is remote, without a request', async () => {
    await assert.rejects(
      save(`${gateway.url}/media/${CLIP}.wav`, { gatewayBaseUrl: 'https://api.gpt.ge' }),
      /refused http:\/\/127\.0\.0\.1:\d+\/media\/clip-one\.wav: the gateway https:\/\/api\.gpt\.ge may not point downloads at this machine or its local network/,
    );
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('checks every redirect and stops after a few', async () => {
    gateway.setMediaFault({ kind: 'redirect', location: `/media/${CLIP}.wav` });
    await assert.rejects(save(`${gateway.url}/media/${CLIP}.wav`), /^DownloadRefusedError: more than 5 redirects from/);
  });

  it('refuses a redirect from a public host into the local network, without following it', async () => {
    const original = globalThis.fetch;
    const asked: string[] = [];
    globalThis.fetch = async (input: string | URL | Request): Promise<Response> => {
      asked.push(String(input));
      return new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } });
    };
    try {
      await assert.rejects(
        save('https://cdn1.suno.ai/a.mp3', { gatewayBaseUrl: 'https://api.gpt.ge' }),
        /^DownloadRefusedError: refused http:\/\/169\.254\.169\.254\/latest\/meta-data: the gateway/,
      );
    } finally {
      globalThis.fetch = original;
    }
    assert.deepEqual(asked, ['https://cdn1.suno.ai/a.mp3']);
  });

  it('says plainly that a browser will not let it follow a redirect, instead of "HTTP 0"', async () => {
    const original = globalThis.fetch;
    // What a browser answers a `redirect: 'manual'` request that redirects: no status, no headers, no body.
    const opaqueRedirect = { type: 'opaqueredirect', status: 0, ok: false, redirected: false, url: '', headers: new Headers(), body: null };
    const asked: string[] = [];
    globalThis.fetch = async (input: string | URL | Request): Promise<Response> => {
      asked.push(String(input));
      return opaqueRedirect as unknown as Response;
    };
    try {
      await assert.rejects(
        save('https://cdn1.suno.ai/a.mp3', { gatewayBaseUrl: 'https://api.gpt.ge' }),
        /^DownloadRefusedError: https:\/\/cdn1\.suno\.ai\/a\.mp3 redirects elsewhere, which the browser does not let the extension follow$/,
      );
    } finally {
      globalThis.fetch = original;
    }
    assert.deepEqual(asked, ['https://cdn1.suno.ai/a.mp3'], 'nothing is asked where the redirect may lead');
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('a cancelled download removes its temporary file', async () => {
    gateway.setMediaFault({ kind: 'stall', afterBytes: 1000 });
    const controller = new AbortController();
    const download = save(`${gateway.url}/media/${CLIP}.wav`, { signal: controller.signal });
    // Wait until the temporary file exists, then cancel.
    for (let tries = 0; tries < 200 && (await fs.readdir(folder)).length === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    const [temporary] = await fs.readdir(folder);
    assert.ok(isTemporaryFileName(temporary), temporary);
    controller.abort();
    await assert.rejects(download);
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('a write that fails leaves no file, temporary or final', async () => {
    await assert.rejects(
      writeNewFile(folder, 'Song', '.txt', async (handle) => {
        await handle.writeFile('half');
        throw new Error('disk full');
      }),
      /disk full/,
    );
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('formats sizes the way file managers do', () => {
    assert.deepEqual([formatBytes(512), formatBytes(2_000_000), formatBytes(1_250_000), formatBytes(1_000_000_000)], ['512 bytes', '2 MB', '1.3 MB', '1 GB']);
  });
});
