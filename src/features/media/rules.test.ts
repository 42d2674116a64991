import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatMegabytes,
  inputFormat,
  isAnimated,
  isSafeMediaFile,
  MAX_UPLOAD_BYTES,
  mediaFolder,
  normalizeImageText,
  originalFile,
  originalFormat,
  parseVariants,
  RESPONSIVE_WIDTHS,
  scaledHeight,
  srcsetOf,
  thumbnailOf,
  uploadProblem,
  variantFile,
  variantWidths,
  originalJpegOptions,
  OPTIMISED_JPEG_MAX_PIXELS,
} from './rules.js';

describe('accepted input', () => {
  it('takes JPEG, PNG, WebP, GIF and AVIF as sharp detects them, and nothing else', () => {
    expect(['jpeg', 'png', 'webp', 'gif'].map((format) => inputFormat({ format }))).toEqual(['jpeg', 'png', 'webp', 'gif']);
    expect(inputFormat({ format: 'heif', compression: 'av1' })).toBe('avif');
    expect(inputFormat({ format: 'heif', compression: 'hevc' })).toBeNull();
    for (const format of ['svg', 'tiff', 'pdf', 'raw', undefined]) expect(inputFormat({ format })).toBeNull();
  });

  const sentence = (...args: Parameters<typeof uploadProblem>) => uploadProblem(...args)?.message ?? null;

  it('explains each refusal in a sentence', () => {
    const jpeg = { format: 'jpeg', width: 4000, height: 3000 };
    expect(sentence(1000, jpeg)).toBeNull();
    expect(sentence(0, jpeg)).toBe('The file is empty.');
    expect(sentence(MAX_UPLOAD_BYTES + 1, jpeg)).toBe('The file is 15 MB; the limit is 15 MB.');
    expect(sentence(20 * 1024 * 1024, jpeg)).toBe('The file is 20 MB; the limit is 15 MB.');
    expect(sentence(100, null)).toBe('The file is not a JPEG, PNG, WebP, GIF or AVIF image.');
    expect(sentence(100, { format: 'svg', width: 10, height: 10 })).toBe('The file is not a JPEG, PNG, WebP, GIF or AVIF image (it is SVG).');
    expect(sentence(100, { format: 'heif', compression: 'hevc' })).toContain('(it is HEIC)');
    expect(sentence(100, { format: 'png', width: 12_001, height: 10 })).toBe('The image is 12001×10 px; a side may be at most 12000 px.');
    expect(sentence(100, { format: 'png', width: 10_000, height: 6_000 })).toBe('The image is 10000×6000 px; at most 50 megapixels are accepted.');
    expect(sentence(100, null, true)).toBe('The image has more than 50 megapixels; at most 50 are accepted. Make it smaller and try again.');
    expect(sentence(0, null, true)).toBe('The file is empty.');
    expect(sentence(100, { format: 'png', width: 0, height: 10 })).toBe('The image has no size.');
    expect(sentence(100, { format: 'gif', width: 100, height: 100, pages: 300 })).toBeNull();
    expect(sentence(100, { format: 'gif', width: 100, height: 100, pages: 301 })).toBe('The animation has 301 frames; at most 300 are accepted.');
    expect(uploadProblem(100, { format: 'gif', width: 100, height: 100, pages: 301 })).toMatchObject({ detail: 'file: too many frames', facts: { frames: 301, max: 300 } });
    expect(uploadProblem(100, { format: 'svg', width: 10, height: 10 })).toMatchObject({ detail: 'file: not an image', facts: { format: 'SVG' } });
    expect(sentence(100, { format: 'webp', width: 2000, height: 1000, pages: 100 })).toBe(
      'The animation is 2000×1000 px over 100 frames; make it smaller or shorter (at most 150 megapixels over all frames).',
    );
  });

  it('keeps GIF and WebP with more than one frame animated, and only those', () => {
    expect(isAnimated({ format: 'gif', pages: 2 })).toBe(true);
    expect(isAnimated({ format: 'webp', pages: 40 })).toBe(true);
    expect(isAnimated({ format: 'gif', pages: 1 })).toBe(false);
    expect(isAnimated({ format: 'gif' })).toBe(false);
    expect(isAnimated({ format: 'heif', compression: 'av1', pages: 3 })).toBe(false);
    expect(originalFormat(false, true)).toEqual({ ext: 'webp', mime: 'image/webp' });
  });

  it('formats sizes in megabytes', () => {
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatMegabytes(15 * 1024 * 1024)).toBe('15 MB');
  });
});

describe('responsive widths', () => {
  it('makes the standard widths below the original and never upscales', () => {
    expect(variantWidths(4000)).toEqual([320, 640, 1024, 1600]);
    expect(variantWidths(1600)).toEqual([320, 640, 1024, 1600]);
    expect(variantWidths(1200)).toEqual([320, 640, 1024, 1200]);
    expect(variantWidths(640)).toEqual([320, 640]);
    expect(variantWidths(200)).toEqual([200]);
    expect(variantWidths(1)).toEqual([1]);
  });

  it('always yields ascending widths, none wider than the image or the largest standard width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12_000 }), (width) => {
        const widths = variantWidths(width);
        expect(widths.length).toBeGreaterThan(0);
        expect([...widths].sort((a, b) => a - b)).toEqual(widths);
        expect(new Set(widths).size).toBe(widths.length);
        for (const w of widths) expect(w).toBeLessThanOrEqual(Math.min(width, RESPONSIVE_WIDTHS[RESPONSIVE_WIDTHS.length - 1]!));
      }),
    );
  });

  it('keeps the aspect ratio', () => {
    expect(scaledHeight({ width: 4000, height: 3000 }, 640)).toBe(480);
    expect(scaledHeight({ width: 3000, height: 1 }, 320)).toBe(1);
  });
});

describe('files', () => {
  it('names files by month, random id and width', () => {
    const folder = mediaFolder(new Date('2024-04-30T23:30:00Z'));
    expect(folder).toBe('2024/04');
    expect(originalFile(folder, 'a1b2c3', 'jpg')).toBe('2024/04/a1b2c3.jpg');
    expect(variantFile(folder, 'a1b2c3', 640)).toBe('2024/04/a1b2c3-640.webp');
  });

  it('keeps transparency only where there is some', () => {
    expect(originalFormat(false)).toEqual({ ext: 'jpg', mime: 'image/jpeg' });
    expect(originalFormat(true)).toEqual({ ext: 'png', mime: 'image/png' });
  });

  it('accepts only plain relative file names under the media folder', () => {
    expect(isSafeMediaFile('2024/04/a1b2c3-640.webp')).toBe(true);
    expect(isSafeMediaFile('demo/port.svg')).toBe(true);
    for (const bad of ['../secret.txt', '/etc/passwd', '2024/../../x.jpg', 'a b.jpg', '2024//x.jpg', 'x']) expect(isSafeMediaFile(bad)).toBe(false);
  });
});

describe('srcset', () => {
  const variants = JSON.stringify([
    { width: 640, file: '2024/04/abc-640.webp', mime: 'image/webp' },
    { width: 320, file: '2024/04/abc-320.webp', mime: 'image/webp' },
    { width: 1024, file: '2024/04/abc-1024.webp', mime: 'image/webp' },
  ]);

  it('lists the variants by width', () => {
    expect(srcsetOf(variants)).toBe('/media/2024/04/abc-320.webp 320w, /media/2024/04/abc-640.webp 640w, /media/2024/04/abc-1024.webp 1024w');
  });

  it('is absent without variants (the demo SVGs), and skips anything malformed', () => {
    expect(srcsetOf('[]')).toBeUndefined();
    expect(srcsetOf('')).toBeUndefined();
    expect(srcsetOf('not json')).toBeUndefined();
    expect(srcsetOf('{"width":320}')).toBeUndefined();
    expect(srcsetOf(JSON.stringify([{ width: 320, file: '../../etc/passwd' }, { width: -1, file: 'a.webp' }, { width: 640, file: 'ok-640.webp' }]))).toBe(
      '/media/ok-640.webp 640w',
    );
  });

  it('picks a thumbnail at least 320 px wide, or the largest there is', () => {
    expect(thumbnailOf(parseVariants(variants))?.width).toBe(320);
    expect(thumbnailOf(parseVariants(variants), 500)?.width).toBe(640);
    expect(thumbnailOf(parseVariants(JSON.stringify([{ width: 200, file: 'a-200.webp' }])))?.width).toBe(200);
    expect(thumbnailOf([])).toBeUndefined();
  });
});

describe('caption, credit and alt text', () => {
  it('trims and flattens the texts, and names what is too long', () => {
    expect(normalizeImageText({ caption: '  Паром\nу причала ', credit: 'Фото:\tDateline' })).toEqual({
      text: { caption: 'Паром у причала', credit: 'Фото: Dateline' },
      problems: [],
    });
    expect(normalizeImageText({ alt: 'x'.repeat(301) }).problems).toEqual(['alt: at most 300 characters']);
    expect(normalizeImageText({ caption: 'ё'.repeat(500) }).problems).toEqual([]);
  });
});

describe('originalJpegOptions', () => {
  it('keeps mozjpeg up to the optimised limit and streams a larger image in one pass', () => {
    expect(originalJpegOptions(12_000_000)).toEqual({ quality: 85, mozjpeg: true });
    expect(originalJpegOptions(OPTIMISED_JPEG_MAX_PIXELS)).toEqual({ quality: 85, mozjpeg: true });
    expect(originalJpegOptions(OPTIMISED_JPEG_MAX_PIXELS + 1)).toEqual({ quality: 85, optimiseCoding: false });
    expect(originalJpegOptions(50_000_000)).toEqual({ quality: 85, optimiseCoding: false });
  });
});
