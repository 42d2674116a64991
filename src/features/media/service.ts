/**
 * The media library: uploads are decoded and re-encoded by sharp (turned upright from EXIF, every bit of
 * metadata dropped), stored with WebP variants for srcset, and described once with a caption, credit
 * and alt text that the editor offers again. An image an article or an author still uses is not deleted.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'sharp';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ImagesTable } from '../../storage/schema.js';
import { DomainError } from '../../lib/errors.js';
import { TaskQueue } from '../../lib/task-queue.js';
import { can, type Actor } from '../accounts/policy.js';
import { bodyImageIds, type BodyDoc } from '../articles/body.js';
import {
  inputFormat,
  isAnimated,
  MAX_ANIMATION_PIXELS,
  MAX_PIXELS,
  mediaFolder,
  mediaUrl,
  normalizeImageText,
  originalFile,
  originalFormat,
  originalJpegOptions,
  parseVariants,
  srcsetOf,
  thumbnailOf,
  uploadProblem,
  variantFile,
  variantWidths,
  WEBP_QUALITY,
  isSafeMediaFile,
  type ImageText,
  type Variant,
} from './rules.js';
import * as store from './store.js';

type Db = Kysely<Database>;
type ImageRow = Selectable<ImagesTable>;
type Sharp = (typeof import('sharp'))['default'];

/** What an upload becomes before it is written: the original (re-encoded) and the WebP variants. */
interface Encoded {
  original: Buffer;
  ext: string;
  mime: string;
  width: number;
  height: number;
  variants: Array<{ width: number; data: Buffer }>;
}

export interface MediaItem {
  id: number;
  url: string;
  file: string;
  mime: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  createdAt: string;
  uploadedBy: number | null;
  variants: Variant[];
  srcset: string | undefined;
  /** A small variant for lists and pickers; the original when there are no variants (demo SVGs). */
  thumbnail: string;
}

export interface UploadInput {
  buffer: Buffer;
  /** The name the browser sent: informative only, never used to decide the type or to name the file. */
  filename?: string;
  caption?: string;
  credit?: string;
  alt?: string;
}

export interface MediaPage {
  items: MediaItem[];
  page: number;
  pages: number;
  total: number;
}

/** Where an image is used, so a refusal to delete it can say where. */
export interface ImageUsage {
  covers: Array<{ id: number; headline: string }>;
  bodies: Array<{ id: number; headline: string }>;
  authors: Array<{ id: number; name: string }>;
}

export interface MediaServiceOptions {
  db: Db;
  /** <DATA_DIR>: files go to <DATA_DIR>/media/yyyy/mm/. */
  dataDir: string;
  now: () => Date;
}

export const PAGE_SIZE = 48;


/**
 * How many uploads sharp decodes at once in this process. A 50-megapixel image is 150 MB of pixels once
 * decoded, and libvips holds more while it turns and re-encodes it; further uploads wait their turn.
 */
export const MAX_CONCURRENT_DECODES = 2;
const decodes = new TaskQueue(MAX_CONCURRENT_DECODES);

let sharpModule: Promise<Sharp> | undefined;
/** sharp and libvips are loaded on the first upload, not at start-up: readers never need them. */
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then(({ default: sharp }) => {
    // Every upload is decoded once: libvips's operation cache would only keep its pixels in memory longer.
    sharp.cache(false);
    return sharp;
  });
  return sharpModule;
}

const isPixelLimit = (error: unknown) => error instanceof Error && /pixel limit/i.test(error.message);

export function toMediaItem(row: ImageRow): MediaItem {
  const variants = parseVariants(row.variants);
  const thumb = thumbnailOf(variants);
  return {
    id: row.id,
    url: mediaUrl(row.file),
    file: row.file,
    mime: row.mime,
    width: row.width,
    height: row.height,
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    createdAt: row.created_at,
    uploadedBy: row.uploaded_by,
    variants,
    srcset: srcsetOf(row.variants),
    thumbnail: mediaUrl(thumb ? thumb.file : row.file),
  };
}

export class MediaService {
  constructor(private readonly o: MediaServiceOptions) {}

  private get db() {
    return this.o.db;
  }

  get mediaDir(): string {
    return path.resolve(this.o.dataDir, 'media');
  }

  private textOrThrow(input: Partial<Record<keyof ImageText, string | undefined>>): Partial<ImageText> {
    const { text, problems } = normalizeImageText(input);
    if (problems.length) throw new DomainError('VALIDATION', 'The caption, credit or alt text is too long.', problems);
    return text;
  }

  async get(id: number): Promise<MediaItem | null> {
    const row = await store.imageById(this.db, id);
    return row ? toMediaItem(row) : null;
  }

  /** Newest first. */
  async list(page = 1, perPage = PAGE_SIZE): Promise<MediaPage> {
    const total = await store.countImages(this.db);
    const pages = Math.max(1, Math.ceil(total / perPage));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
    const rows = await store.imagesNewestFirst(this.db, perPage, (current - 1) * perPage);
    return { items: rows.map(toMediaItem), page: current, pages, total };
  }

  /** Recent images whose caption, credit or alt text contains every word of `q` (any case), for the editor's picker. */
  async search(q: string, limit = 30): Promise<MediaItem[]> {
    const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 5);
    const rows = await store.searchImages(this.db, words, Math.min(Math.max(1, limit), 100));
    return rows.map(toMediaItem);
  }

  async upload(actor: Actor | null, input: UploadInput): Promise<MediaItem> {
    if (!can(actor, 'media.upload')) throw new DomainError('FORBIDDEN', 'Your role does not allow uploading images.');
    const text = this.textOrThrow({ caption: input.caption ?? '', credit: input.credit ?? '', alt: input.alt ?? '' });
    const { buffer } = input;
    const sharp = await loadSharp();

    let probe: Metadata | null = null;
    let overPixelLimit = false;
    if (buffer.length > 0) {
      try {
        // The pixel limit holds at the probe too: libvips refuses from the header alone, before any pixel is read.
        probe = await sharp(buffer, { limitInputPixels: MAX_PIXELS }).metadata();
      } catch (error) {
        overPixelLimit = isPixelLimit(error);
      }
    }
    const problem = uploadProblem(buffer.length, probe, overPixelLimit);
    if (problem) throw new DomainError('IMAGE_INVALID', problem.message, [problem.detail], problem.facts);
    const format = inputFormat(probe!)!;

    // Decoding can still fail past the header (a truncated or corrupt file): say so plainly.
    let encoded: Encoded;
    try {
      encoded = await decodes.run(() => (isAnimated(probe!) ? encodeAnimated(sharp, buffer, probe!) : encodeStill(sharp, buffer, probe!)));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('IMAGE_INVALID', `The ${format.toUpperCase()} image is damaged or incomplete and cannot be decoded.`, ['file: damaged'], { format: format.toUpperCase() });
    }

    const at = this.o.now();
    const folder = mediaFolder(at);
    const id = randomBytes(8).toString('hex');
    const file = originalFile(folder, id, encoded.ext);
    const files: Array<{ file: string; data: Buffer }> = [{ file, data: encoded.original }];
    const variants: Variant[] = [];
    for (const { width, data } of encoded.variants) {
      const name = variantFile(folder, id, width);
      files.push({ file: name, data });
      variants.push({ width, file: name, mime: 'image/webp' });
    }

    const dir = path.join(this.mediaDir, folder);
    await fs.mkdir(dir, { recursive: true });
    const written: string[] = [];
    try {
      for (const f of files) {
        const target = path.join(this.mediaDir, f.file);
        await fs.writeFile(target, f.data, { flag: 'wx' });
        written.push(target);
      }
      const row = await store.insertImage(this.db, {
        file,
        mime: encoded.mime,
        width: encoded.width,
        height: encoded.height,
        caption: text.caption ?? '',
        credit: text.credit ?? '',
        alt: text.alt ?? '',
        created_at: at.toISOString(),
        variants: JSON.stringify(variants),
        uploaded_by: actor!.id,
      });
      return toMediaItem(row);
    } catch (error) {
      await Promise.all(written.map((f) => fs.rm(f, { force: true })));
      throw error;
    }
  }

  async update(actor: Actor | null, id: number, patch: { caption?: string; credit?: string; alt?: string }): Promise<MediaItem> {
    if (!can(actor, 'media.upload')) throw new DomainError('FORBIDDEN', 'Your role does not allow editing images.');
    const text = this.textOrThrow(patch);
    if (Object.keys(text).length === 0) {
      const item = await this.get(id);
      if (!item) throw new DomainError('NOT_FOUND', `Image ${id} does not exist.`);
      return item;
    }
    const row = await store.updateImageText(this.db, id, text);
    if (!row) throw new DomainError('NOT_FOUND', `Image ${id} does not exist.`);
    return toMediaItem(row);
  }

  /** Articles (as cover or in the body, in any status) and author profiles that use the image. */
  async usage(id: number, db: Kysely<Database> = this.db): Promise<ImageUsage> {
    const [covers, authors, candidates] = await Promise.all([
      store.articlesWithCover(db, id),
      store.authorsWithPhoto(db, id),
      store.articlesMaybeShowingImage(db, id),
    ]);
    const bodies = candidates.filter((r) => bodyUsesImage(r.body_json, id)).map(({ id: articleId, headline }) => ({ id: articleId, headline }));
    return { covers, bodies, authors };
  }

  async delete(actor: Actor | null, id: number): Promise<void> {
    if (!can(actor, 'media.delete')) throw new DomainError('FORBIDDEN', 'Your role does not allow deleting images.');
    const row = await this.db.transaction().execute(async (trx) => {
      const image = await store.imageById(trx, id);
      if (!image) throw new DomainError('NOT_FOUND', `Image ${id} does not exist.`);
      const use = await this.usage(id, trx);
      const articles = new Map([...use.covers, ...use.bodies].map((a) => [a.id, a.headline]));
      if (articles.size > 0 || use.authors.length > 0) {
        const where = [
          ...[...articles.values()].map((h) => `the article “${h}”`),
          ...use.authors.map((a) => `the author profile of ${a.name}`),
        ];
        throw new DomainError(
          'IMAGE_IN_USE',
          `This image is used by ${where.slice(0, 3).join(', ')}${where.length > 3 ? ` and ${where.length - 3} more` : ''}, so it cannot be deleted.`,
          [...use.covers.map((a) => `cover of article ${a.id}`), ...use.bodies.map((a) => `body of article ${a.id}`), ...use.authors.map((a) => `photo of author ${a.id}`)],
          { articles: [...articles.values()], authors: use.authors.map((a) => a.name) },
        );
      }
      await store.deleteImage(trx, id);
      return image;
    });
    const files = [row.file, ...parseVariants(row.variants).map((v) => v.file)].filter(isSafeMediaFile);
    await Promise.all(files.map((f) => fs.rm(path.join(this.mediaDir, f), { force: true })));
  }
}

/** A still image: turned upright, metadata dropped, JPEG (or PNG when it is transparent), WebP variants. */
async function encodeStill(sharp: Sharp, buffer: Buffer, probe: Metadata): Promise<Encoded> {
  const decode = () => sharp(buffer, { limitInputPixels: MAX_PIXELS }).rotate();
  const transparent = probe.hasAlpha ? !(await decode().stats()).isOpaque : false;
  const { ext, mime } = originalFormat(transparent);
  const original =
    ext === 'png'
      ? await decode().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer({ resolveWithObject: true })
      : await decode().removeAlpha().jpeg(originalJpegOptions(probe.width! * probe.height!)).toBuffer({ resolveWithObject: true });
  // One decode for every variant: the largest one, kept as raw pixels and scaled down from there.
  const widths = variantWidths(original.info.width);
  const scaled = decode().resize({ width: widths[widths.length - 1], withoutEnlargement: true }).toColourspace('srgb');
  const master = await (transparent ? scaled.ensureAlpha() : scaled.removeAlpha()).raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const raw = { width: master.info.width, height: master.info.height, channels: master.info.channels as 3 | 4 };
  const variants = [];
  for (const width of widths) {
    const data = await sharp(master.data, { raw }).resize({ width, withoutEnlargement: true }).webp({ quality: WEBP_QUALITY, alphaQuality: 90, effort: 4 }).toBuffer();
    variants.push({ width, data });
  }
  return { original: original.data, ext, mime, width: original.info.width, height: original.info.height, variants };
}

/**
 * An animated GIF or WebP stays animated: every frame is re-encoded as animated WebP, for the original and for
 * each variant, with the frame timing and loop count kept. (GIF and WebP carry no EXIF orientation to apply.)
 */
async function encodeAnimated(sharp: Sharp, buffer: Buffer, probe: Metadata): Promise<Encoded> {
  const decode = () => sharp(buffer, { animated: true, limitInputPixels: MAX_ANIMATION_PIXELS });
  const timing = { loop: probe.loop ?? 0, ...(probe.delay ? { delay: probe.delay } : {}) };
  const original = await decode().webp({ quality: WEBP_QUALITY, effort: 4, ...timing }).toBuffer({ resolveWithObject: true });
  const height = original.info.pageHeight ?? original.info.height;
  const variants = [];
  for (const width of variantWidths(original.info.width)) {
    const data = await decode().resize({ width, withoutEnlargement: true }).webp({ quality: WEBP_QUALITY, effort: 4, ...timing }).toBuffer();
    variants.push({ width, data });
  }
  const { ext, mime } = originalFormat(false, true);
  return { original: original.data, ext, mime, width: original.info.width, height, variants };
}

/** True when an article body (stored JSON) has a figure showing image `id`. */
export function bodyUsesImage(bodyJson: string, id: number): boolean {
  try {
    return bodyImageIds(JSON.parse(bodyJson) as BodyDoc).includes(id);
  } catch {
    // Not JSON we can read: fall back to the text, erring on the side of keeping the image.
    return new RegExp(`"imageId"\\s*:\\s*${id}(?!\\d)`).test(bodyJson);
  }
}
