/**
 * Media library rules: which uploads we take, how large, which responsive widths we make, how files are
 * named, and how a stored image becomes a `srcset`. Pure: no I/O; the caller passes what it read.
 */
import type { ErrorFacts } from '../../lib/errors.js';

/** Upload limit, checked by the multipart parser (413) and again by the service. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** The largest side we decode, and the largest image area (50 megapixels). */
export const MAX_SIDE = 12_000;
export const MAX_PIXELS = 50_000_000;
/** Animated GIF and WebP: how many frames, and how many pixels over all frames, we decode. */
export const MAX_FRAMES = 300;
export const MAX_ANIMATION_PIXELS = 150_000_000;
/** Widths of the WebP variants; an image narrower than the largest gets one at its own width instead. */
export const RESPONSIVE_WIDTHS = [320, 640, 1024, 1600] as const;
export const WEBP_QUALITY = 80;
export const JPEG_QUALITY = 85;
/**
 * Up to this many pixels the original JPEG gets mozjpeg's smallest encoding. Its optimised Huffman tables and
 * progressive scans keep every DCT coefficient of the image in memory, about 6 bytes a pixel (300 MB for 50
 * megapixels), so a larger image is written in one streaming pass instead: a file about a quarter larger, in
 * a tenth of the memory. The WebP variants that pages show are the same either way.
 */
export const OPTIMISED_JPEG_MAX_PIXELS = 16_000_000;

/** sharp's JPEG options for the stored original of an image `pixels` large. */
export function originalJpegOptions(pixels: number): { quality: number; mozjpeg: true } | { quality: number; optimiseCoding: false } {
  return pixels <= OPTIMISED_JPEG_MAX_PIXELS ? { quality: JPEG_QUALITY, mozjpeg: true } : { quality: JPEG_QUALITY, optimiseCoding: false };
}

/** Formats sharp reports for the inputs we accept (AVIF is reported as `heif` with `av1` compression). */
export type InputFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';
export const ACCEPTED_MIME: Record<InputFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};
/** For `<input type="file" accept=…>`: a hint to the browser, never trusted by the server. */
export const ACCEPT_ATTRIBUTE = Object.values(ACCEPTED_MIME).join(',');

/** What sharp's metadata() told us about an upload; the fields we need. */
export interface ProbedImage {
  format?: string;
  compression?: string;
  width?: number;
  /** The height of one frame (sharp reports the first page unless asked for all). */
  height?: number;
  /** Frames of an animated GIF or WebP; 1 or absent for a still image. */
  pages?: number;
}

/** An animated GIF or WebP, kept animated (as animated WebP). */
export function isAnimated(probe: ProbedImage): boolean {
  return (probe.format === 'gif' || probe.format === 'webp') && (probe.pages ?? 1) > 1;
}

/** Maps what sharp detected from the bytes to an accepted format, or null (SVG, TIFF, HEIC, PDF, …). */
export function inputFormat(probe: ProbedImage): InputFormat | null {
  switch (probe.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return probe.format;
    case 'heif':
      return probe.compression === 'av1' ? 'avif' : null;
    default:
      return null;
  }
}

/**
 * Why an upload is refused: the IMAGE_INVALID detail (`file: <problem>`), the facts a translated sentence needs,
 * and the English sentence for the API and the logs; null when it is fine. `overPixelLimit`: the probe itself
 * refused the image for having more than MAX_PIXELS, so its size is not known.
 */
export interface UploadProblem {
  detail: `file: ${string}`;
  facts: ErrorFacts;
  message: string;
}

export function uploadProblem(size: number, probe: ProbedImage | null, overPixelLimit = false): UploadProblem | null {
  const problem = (name: string, message: string, facts: ErrorFacts = {}): UploadProblem => ({ detail: `file: ${name}`, facts, message });
  const megapixels = MAX_PIXELS / 1_000_000;
  if (size === 0) return problem('empty', 'The file is empty.');
  if (size > MAX_UPLOAD_BYTES) {
    const facts = { size: formatMegabytes(size), limit: formatMegabytes(MAX_UPLOAD_BYTES) };
    return problem('too large', `The file is ${facts.size}; the limit is ${facts.limit}.`, facts);
  }
  if (overPixelLimit) return problem('too many pixels', `The image has more than ${megapixels} megapixels; at most ${megapixels} are accepted. Make it smaller and try again.`, { megapixels });
  if (!probe || !inputFormat(probe)) {
    const format = probe?.format ? (probe.format === 'heif' ? 'HEIC' : probe.format.toUpperCase()) : '';
    return problem('not an image', `The file is not a JPEG, PNG, WebP, GIF or AVIF image${format ? ` (it is ${format})` : ''}.`, { format });
  }
  const { width = 0, height = 0 } = probe;
  if (width < 1 || height < 1) return problem('no size', 'The image has no size.');
  if (width > MAX_SIDE || height > MAX_SIDE) return problem('side too long', `The image is ${width}×${height} px; a side may be at most ${MAX_SIDE} px.`, { width, height, max: MAX_SIDE });
  if (width * height > MAX_PIXELS) return problem('too many pixels', `The image is ${width}×${height} px; at most ${megapixels} megapixels are accepted.`, { megapixels });
  if (isAnimated(probe)) {
    const frames = probe.pages!;
    if (frames > MAX_FRAMES) return problem('too many frames', `The animation has ${frames} frames; at most ${MAX_FRAMES} are accepted.`, { frames, max: MAX_FRAMES });
    if (width * height * frames > MAX_ANIMATION_PIXELS) {
      const max = MAX_ANIMATION_PIXELS / 1_000_000;
      return problem('animation too large', `The animation is ${width}×${height} px over ${frames} frames; make it smaller or shorter (at most ${max} megapixels over all frames).`, { max });
    }
  }
  return null;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** Widths to make for an image `width` px wide: the standard ones below it, plus its own width if smaller than the largest. Never upscaled. */
export function variantWidths(width: number): number[] {
  const largest = RESPONSIVE_WIDTHS[RESPONSIVE_WIDTHS.length - 1]!;
  const widths: number[] = RESPONSIVE_WIDTHS.filter((w) => w < width);
  widths.push(Math.min(Math.max(1, Math.floor(width)), largest));
  return [...new Set(widths)].sort((a, b) => a - b);
}

/** Height of a variant `width` px wide, keeping the aspect ratio the way sharp rounds it. */
export function scaledHeight(original: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((original.height * width) / original.width));
}

/** The stored original: JPEG when the image is opaque, PNG when it keeps transparency. */
/** The stored original: animated WebP for an animation, PNG when transparent, JPEG otherwise. */
export function originalFormat(transparent: boolean, animated = false): { ext: 'jpg' | 'png' | 'webp'; mime: string } {
  if (animated) return { ext: 'webp', mime: 'image/webp' };
  return transparent ? { ext: 'png', mime: 'image/png' } : { ext: 'jpg', mime: 'image/jpeg' };
}

/** `yyyy/mm` of an instant in UTC: the folder under <DATA_DIR>/media where the upload lives. */
export function mediaFolder(at: Date): string {
  return `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** File names relative to <DATA_DIR>/media: `2024/04/<id>.jpg` and `2024/04/<id>-640.webp`. */
export function originalFile(folder: string, id: string, ext: string): string {
  return `${folder}/${id}.${ext}`;
}
export function variantFile(folder: string, id: string, width: number): string {
  return `${folder}/${id}-${width}.webp`;
}

/** A stored file name is safe to join to the media directory: relative, no `..`, plain characters. */
export function isSafeMediaFile(file: string): boolean {
  return /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.[a-z0-9]+$/.test(file);
}

export const mediaUrl = (file: string) => `/media/${file}`;

export interface Variant {
  width: number;
  file: string;
  mime: string;
}

/** Reads images.variants; anything malformed is skipped rather than trusted. */
export function parseVariants(json: string | null | undefined): Variant[] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const out: Variant[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object') continue;
    const { width, file, mime } = v as Record<string, unknown>;
    if (typeof width === 'number' && Number.isInteger(width) && width > 0 && typeof file === 'string' && isSafeMediaFile(file)) {
      out.push({ width, file, mime: typeof mime === 'string' ? mime : 'image/webp' });
    }
  }
  return out.sort((a, b) => a.width - b.width);
}

/** `srcset` from images.variants: "/media/…-320.webp 320w, /media/…-640.webp 640w"; undefined when there are none. */
export function srcsetOf(variantsJson: string | null | undefined): string | undefined {
  const variants = parseVariants(variantsJson);
  const seen = new Set<number>();
  const parts: string[] = [];
  for (const v of variants) {
    if (seen.has(v.width)) continue;
    seen.add(v.width);
    parts.push(`${mediaUrl(v.file)} ${v.width}w`);
  }
  return parts.length ? parts.join(', ') : undefined;
}

/** The smallest variant at least `minWidth` wide (or the largest there is): a thumbnail for the back office. */
export function thumbnailOf(variants: readonly Variant[], minWidth = 320): Variant | undefined {
  return variants.find((v) => v.width >= minWidth) ?? variants[variants.length - 1];
}

/**
 * `sizes` for the places images appear, matching site.css: the main column is at most 48rem wide and
 * fills the screen below 800px; cards in a list show a 11rem thumbnail that fills the width below 560px.
 */
export const SIZES = {
  column: '(max-width: 800px) 100vw, 48rem',
  listThumbnail: '(max-width: 560px) 100vw, 11rem',
  adminThumbnail: '12rem',
} as const;

/** Caption, credit and alt text: stored with the image and offered again wherever it is placed. */
export const TEXT_LIMITS = { caption: 500, credit: 200, alt: 300 } as const;
export type ImageTextField = keyof typeof TEXT_LIMITS;
export type ImageText = Record<ImageTextField, string>;

/** Trims the texts, folds line breaks and control characters to spaces, and lists what is too long. */
export function normalizeImageText(input: Partial<Record<ImageTextField, string | undefined>>): { text: Partial<ImageText>; problems: string[] } {
  const text: Partial<ImageText> = {};
  const problems: string[] = [];
  for (const key of Object.keys(TEXT_LIMITS) as ImageTextField[]) {
    const raw = input[key];
    if (raw === undefined) continue;
    // eslint-disable-next-line no-control-regex
    const value = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
    if ([...value].length > TEXT_LIMITS[key]) problems.push(`${key}: at most ${TEXT_LIMITS[key]} characters`);
    text[key] = value;
  }
  return { text, problems };
}
