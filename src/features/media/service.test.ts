import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, type Newsroom } from '../../../test/helpers/newsroom.js';
import type { Actor } from '../accounts/policy.js';
import { MAX_CONCURRENT_DECODES, MediaService } from './service.js';

/**
 * Counts the sharp calls that decode pixels (toBuffer, stats) while they run, by wrapping them on sharp's
 * prototype: every pipeline the service builds goes through them. metadata() reads the header only.
 */
const decoding = { now: 0, peak: 0, total: 0 };
const proto = sharp.prototype as unknown as Record<'toBuffer' | 'stats', (...args: unknown[]) => Promise<unknown>>;
const originals = { toBuffer: proto.toBuffer, stats: proto.stats };

beforeAll(() => {
  for (const name of ['toBuffer', 'stats'] as const) {
    proto[name] = function (this: unknown, ...args: unknown[]) {
      decoding.now++;
      decoding.total++;
      decoding.peak = Math.max(decoding.peak, decoding.now);
      return originals[name].apply(this, args).finally(() => decoding.now--);
    };
  }
});
afterAll(() => Object.assign(proto, originals));

forEachDialect('media service: decoding', (dialect) => {
  let n: Newsroom;
  let dataDir: string;
  let media: MediaService;
  let editor: Actor;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-media-service-'));
    n = await createNewsroom(dialect, { env: { DATA_DIR: dataDir } });
    media = new MediaService({ db: n.db.kysely, dataDir, now: () => n.clock.now });
    const id = await n.services.accounts.createUser({ email: 'editor@example.com', name: 'Editor', role: 'editor', password: 'caspian-ferry-2024', authorId: null });
    editor = { id, role: 'editor' };
  });
  // The images a test makes go through the counting sharp too: count from here on.
  const resetCounts = () => Object.assign(decoding, { now: 0, peak: 0, total: 0 });
  afterEach(async () => {
    await n.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`decodes at most ${MAX_CONCURRENT_DECODES} uploads at once while more are in flight, and finishes every one`, async () => {
    const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
    const uploads = 6;
    resetCounts();
    const items = await Promise.all(Array.from({ length: uploads }, (_, i) => media.upload(editor, { buffer: photo, caption: `Photo ${i}` })));
    expect(items.map((item) => item.caption)).toEqual(Array.from({ length: uploads }, (_, i) => `Photo ${i}`));
    expect(items.every((item) => item.width === 1800 && item.variants.length === 4)).toBe(true);
    expect(decoding.peak).toBe(MAX_CONCURRENT_DECODES);
    expect(decoding.now).toBe(0);
    const rows = await n.db.kysely.selectFrom('images').select('id').where('uploaded_by', '=', editor.id).execute();
    expect(rows).toHaveLength(uploads);
  });

  it('refuses an image over the pixel limit at the probe, before decoding it, with a readable message', async () => {
    // 8000 × 6300 = 50.4 megapixels, one row of 8000 px over the 50-megapixel limit.
    const huge = await sharp({ create: { width: 8000, height: 6300, channels: 3, background: '#888' } }).png({ compressionLevel: 1 }).toBuffer();
    resetCounts();
    await expect(media.upload(editor, { buffer: huge })).rejects.toMatchObject({
      code: 'IMAGE_INVALID',
      message: 'The image has more than 50 megapixels; at most 50 are accepted. Make it smaller and try again.',
    });
    expect(decoding.total).toBe(0);
    expect(await n.db.kysely.selectFrom('images').select('id').where('uploaded_by', '=', editor.id).execute()).toEqual([]);
  });
});
