import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { htmlProblems } from '../../../test/helpers/html.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, paragraph, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';
import { csrfFrom, postForm, staffSession, type StaffSession } from '../../../test/helpers/admin.js';
import { MediaService } from './service.js';

type Part = { name: string; value: string } | { name: string; filename: string; data: Buffer; type?: string };

/** A multipart/form-data body, parts in the order given (as a browser sends a form's fields). */
function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----dateline${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('filename' in p) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`),
        p.data,
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A camera-like JPEG: 2400×1600 pixels stored sideways (EXIF orientation 6), with a copyright, a camera, a GPS position and a Display P3 profile. */
function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a6f97' } })
    .composite([{ input: { create: { width: 400, height: 400, channels: 3, background: '#f4a261' } }, left: 0, top: 0 }])
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Copyright: 'x', Make: 'Dateline Camera', Model: 'DC-1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 0/1' },
      },
    })
    .withIccProfile('p3')
    .jpeg({ quality: 90 })
    .toBuffer();
}

forEachDialect('media library', (dialect) => {
  let n: Newsroom;
  let dataDir: string;
  let mediaDir: string;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-media-'));
    mediaDir = path.join(dataDir, 'media');
    fs.mkdirSync(mediaDir, { recursive: true });
    n = await createNewsroom(dialect, { env: { DATA_DIR: dataDir } });
  });
  afterEach(async () => {
    await n.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const filesOnDisk = () => (fs.readdirSync(mediaDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(mediaDir, f)).isFile()).sort();

  /** The editor's upload: multipart with the CSRF token in a header. */
  function apiUpload(s: StaffSession, parts: Part[], headers: Record<string, string> = { 'x-csrf-token': s.csrf }) {
    const { payload, contentType } = multipart(parts);
    return n.app.inject({ method: 'POST', url: '/admin/api/media', headers: { ...s.headers, ...headers, 'content-type': contentType }, payload });
  }

  /** The back-office form: multipart with `_csrf` as the first field. */
  function formUpload(s: StaffSession, parts: Part[]) {
    const { payload, contentType } = multipart([{ name: '_csrf', value: s.csrf }, ...parts]);
    return n.app.inject({ method: 'POST', url: '/admin/media/upload', headers: { ...s.headers, 'content-type': contentType }, payload });
  }

  async function uploadJpeg(s: StaffSession, fields: Record<string, string> = {}) {
    const res = await apiUpload(s, [
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      { name: 'file', filename: 'IMG_0001.JPG', data: await cameraJpeg(), type: 'image/jpeg' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; url: string; width: number; height: number; srcset: string; caption: string; credit: string; alt: string };
  }

  it('re-encodes an upload without its metadata, turned upright, with WebP variants on disk', async () => {
    const input = await sharp(await cameraJpeg()).metadata();
    expect(input).toMatchObject({ orientation: 6, width: 2400, height: 1600 });
    expect(input.exif?.includes('Dateline Camera')).toBe(true);
    expect(input.icc).toBeDefined();

    const s = await staffSession(n, 'editor');
    const image = await uploadJpeg(s, { caption: 'Паром у причала', credit: 'Фото: Анна Морозова', alt: 'Белый паром у пирса' });

    // Turned upright from EXIF orientation 6: 2400×1600 stored sideways is 1600×2400.
    expect(image).toMatchObject({ width: 1600, height: 2400, caption: 'Паром у причала', credit: 'Фото: Анна Морозова', alt: 'Белый паром у пирса' });
    expect(image.url).toMatch(/^\/media\/2024\/04\/[0-9a-f]{16}\.jpg$/);

    const original = await sharp(path.join(mediaDir, image.url.slice('/media/'.length))).metadata();
    expect(original).toMatchObject({ format: 'jpeg', width: 1600, height: 2400 });
    expect(original.exif).toBeUndefined();
    expect(original.orientation).toBeUndefined();
    expect(original.icc).toBeUndefined();
    expect(original.xmp).toBeUndefined();
    expect(fs.readFileSync(path.join(mediaDir, image.url.slice('/media/'.length))).includes('Dateline Camera')).toBe(false);

    const stem = image.url.slice('/media/'.length).replace(/\.jpg$/, '');
    expect(filesOnDisk()).toEqual([`${stem}-1024.webp`, `${stem}-1600.webp`, `${stem}-320.webp`, `${stem}-640.webp`, `${stem}.jpg`].sort());
    for (const width of [320, 640, 1024, 1600]) {
      const meta = await sharp(path.join(mediaDir, `${stem}-${width}.webp`)).metadata();
      expect(meta).toMatchObject({ format: 'webp', width, height: width * 1.5 });
      expect(meta.exif).toBeUndefined();
    }
    expect(image.srcset).toBe([320, 640, 1024, 1600].map((w) => `/media/${stem}-${w}.webp ${w}w`).join(', '));

    const row = await n.db.kysely.selectFrom('images').selectAll().where('id', '=', image.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ file: `${stem}.jpg`, mime: 'image/jpeg', width: 1600, height: 2400, uploaded_by: s.userId });
    expect(JSON.parse(row.variants)).toEqual([320, 640, 1024, 1600].map((width) => ({ width, file: `${stem}-${width}.webp`, mime: 'image/webp' })));

    const served = await n.app.inject(`/media/${stem}-320.webp`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
  });

  it('keeps transparency as PNG, takes GIF and AVIF, and never upscales a small image', async () => {
    const s = await staffSession(n, 'author');
    const png = await sharp({ create: { width: 500, height: 250, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0.4 } } }).png().toBuffer();
    const res = await apiUpload(s, [{ name: 'file', filename: 'logo.png', data: png, type: 'image/png' }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().url).toMatch(/\.png$/);
    const stored = await sharp(path.join(mediaDir, res.json().url.slice('/media/'.length))).metadata();
    expect(stored).toMatchObject({ format: 'png', hasAlpha: true, width: 500 });
    expect(res.json().srcset).toMatch(/-320\.webp 320w, \/media\/\S+-500\.webp 500w$/);

    const gif = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888' } }).gif().toBuffer();
    const gifRes = await apiUpload(s, [{ name: 'file', filename: 'anim.gif', data: gif, type: 'image/gif' }]);
    expect(gifRes.statusCode, gifRes.body).toBe(201);
    expect(gifRes.json()).toMatchObject({ width: 300, height: 200 });
    expect(gifRes.json().url).toMatch(/\.jpg$/);
    expect(gifRes.json().srcset).toMatch(/^\/media\/\S+-300\.webp 300w$/);

    const avif = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#123456' } }).avif().toBuffer();
    const avifRes = await apiUpload(s, [{ name: 'file', filename: 'photo.avif', data: avif, type: 'image/avif' }]);
    expect(avifRes.statusCode, avifRes.body).toBe(201);
    expect(avifRes.json()).toMatchObject({ width: 64, height: 48 });
  });

  it('keeps an animated GIF animated, as animated WebP with the same frames and timing, variants included', async () => {
    const s = await staffSession(n, 'author');
    const frames = await Promise.all(['#c33', '#3c3', '#33c'].map((c) => sharp({ create: { width: 480, height: 270, channels: 3, background: c } }).png().toBuffer()));
    const gif = await sharp(frames, { join: { animated: true } }).gif({ delay: [120, 80, 200], loop: 0 }).toBuffer();
    const res = await apiUpload(s, [{ name: 'file', filename: 'ferry.gif', data: gif, type: 'image/gif' }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ width: 480, height: 270 });
    expect(res.json().url).toMatch(/\.webp$/);
    const original = await sharp(path.join(mediaDir, res.json().url.slice('/media/'.length))).metadata();
    expect(original).toMatchObject({ format: 'webp', pages: 3, width: 480, height: 270, delay: [120, 80, 200], loop: 0 });
    const smallest = /^\/media\/(\S+-320\.webp) 320w/.exec(res.json().srcset)![1]!;
    expect(await sharp(path.join(mediaDir, smallest)).metadata()).toMatchObject({ format: 'webp', pages: 3, width: 320, height: 180 });
    const row = await n.db.kysely.selectFrom('images').select(['mime', 'width', 'height']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ mime: 'image/webp', width: 480, height: 270 });
  });

  it('refuses an animation with too many frames, saying how many are allowed', async () => {
    const s = await staffSession(n, 'author');
    // Frames that differ, so the encoder cannot fold them together.
    const frames = await Promise.all(Array.from({ length: 301 }, (_, i) => sharp({ create: { width: 8, height: 8, channels: 3, background: { r: i % 256, g: i >> 8, b: 0 } } }).png().toBuffer()));
    const webp = await sharp(frames, { join: { animated: true } }).webp({ lossless: true }).toBuffer();
    expect((await sharp(webp).metadata()).pages).toBe(301);
    const res = await apiUpload(s, [{ name: 'file', filename: 'long.webp', data: webp, type: 'image/webp' }]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'IMAGE_INVALID', message: 'Кадров в анимации: 301, а можно не больше 300.', details: ['file: too many frames'] });
  });

  it('decides the type by content: a text file named .jpg is refused with 415 and leaves nothing behind', async () => {
    const s = await staffSession(n, 'editor');
    const res = await apiUpload(s, [{ name: 'file', filename: 'photo.jpg', data: Buffer.from('This is a text file, not a photograph.\n'), type: 'image/jpeg' }]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'IMAGE_INVALID', message: 'Это не изображение JPEG, PNG, WebP, GIF или AVIF.' });

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const svgRes = await apiUpload(s, [{ name: 'file', filename: 'chart.png', data: svg, type: 'image/png' }]);
    expect(svgRes.statusCode).toBe(415);
    expect(svgRes.json().error.message).toBe('Это не изображение JPEG, PNG, WebP, GIF или AVIF (это SVG).');

    const jpeg = await cameraJpeg();
    const truncated = await apiUpload(s, [{ name: 'file', filename: 'cut.jpg', data: jpeg.subarray(0, Math.floor(jpeg.length * 0.6)) }]);
    expect(truncated.statusCode).toBe(415);
    expect(truncated.json().error.message).toBe('Изображение JPEG повреждено или загружено не целиком, его не удаётся прочитать.');

    const form = await formUpload(s, [{ name: 'file', filename: 'photo.jpg', data: Buffer.from('plain text'), type: 'image/jpeg' }]);
    expect(form.statusCode).toBe(415);
    expect(form.body).toContain('Это не изображение JPEG, PNG, WebP, GIF или AVIF.');

    expect(filesOnDisk()).toEqual([]);
    const count = await n.db.kysely.selectFrom('images').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1); // the fixture image only
  });

  it('says why an upload is refused in English in an English back office, to the page and to the API', async () => {
    await n.services.settings.set('locale', 'en');
    const s = await staffSession(n, 'editor');
    const res = await apiUpload(s, [{ name: 'file', filename: 'photo.jpg', data: Buffer.from('plain text'), type: 'image/jpeg' }]);
    expect(res.json().error).toMatchObject({ code: 'IMAGE_INVALID', message: 'The file is not a JPEG, PNG, WebP, GIF or AVIF image.', details: ['file: not an image'] });
    const form = await formUpload(s, [{ name: 'file', filename: 'photo.jpg', data: Buffer.from('plain text'), type: 'image/jpeg' }]);
    expect(form.body).toContain('The file is not a JPEG, PNG, WebP, GIF or AVIF image.');
  });

  it('refuses a file over 15 MB with 413', async () => {
    const s = await staffSession(n, 'editor');
    const big = Buffer.alloc(15 * 1024 * 1024 + 1, 0xff);
    const res = await apiUpload(s, [{ name: 'file', filename: 'huge.jpg', data: big, type: 'image/jpeg' }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().error.message).toBe('Файл больше 15 МБ. Уменьшите его и попробуйте снова.');

    const form = await formUpload(s, [{ name: 'file', filename: 'huge.jpg', data: big, type: 'image/jpeg' }]);
    expect(form.statusCode).toBe(413);
    expect(form.body).toContain('Файл больше 15 МБ');
    expect(filesOnDisk()).toEqual([]);
  });

  describe('a malformed multipart body answers 400 with a readable message', () => {
    const boundary = 'dateline-malformed';
    const disposition = 'Content-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg';
    const malformed = {
      api: 'Загрузка пришла оборванной или повреждённой, и её не удалось прочитать. Выберите файл и отправьте его ещё раз.',
      form: 'Загрузка пришла оборванной или повреждённой, и её не удалось прочитать. Выберите файл и отправьте его ещё раз.',
    };
    // A part the parser reads but cannot name (no headers) is skipped, so the upload simply has no file.
    const noFile = { api: 'Выберите файл изображения для загрузки.', form: 'Выберите файл изображения для загрузки.' };
    const cases: Array<{ name: string; body: string; contentType?: string; api?: string; form?: string }> = [
      { name: 'a closing boundary cut short', body: `--${boundary}\r\n${disposition}\r\n\r\nabc\r\n--${boundary.slice(0, 6)}` },
      { name: 'no closing boundary', body: `--${boundary}\r\n${disposition}\r\n\r\nabcdef` },
      { name: 'a body cut off inside the part headers', body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filen` },
      { name: 'a part without headers, cut off', body: `--${boundary}\r\n\r\nabcdef` },
      { name: 'a part without headers', body: `--${boundary}\r\n\r\nabc\r\n--${boundary}--\r\n`, ...noFile },
      { name: 'a body that uses another boundary', body: `--other\r\n${disposition}\r\n\r\nabc\r\n--other--\r\n` },
      { name: 'a body of the token alone, cut off', body: '', api: noFile.api },
      { name: 'a content type without a boundary', body: `--${boundary}\r\n${disposition}\r\n\r\nabc\r\n--${boundary}--\r\n`, contentType: 'multipart/form-data' },
      { name: 'an empty boundary', body: 'abc', contentType: 'multipart/form-data; boundary=' },
    ];
    const send = (s: StaffSession, url: string, prefix: string, c: (typeof cases)[number], headers: Record<string, string> = {}) =>
      n.app.inject({
        method: 'POST',
        url,
        headers: { ...s.headers, ...headers, 'content-type': c.contentType ?? `multipart/form-data; boundary=${boundary}` },
        payload: prefix + c.body,
      });

    it.each(cases)('$name, to the API and to the form', async (c) => {
      const s = await staffSession(n, 'editor');
      const api = await send(s, '/admin/api/media', '', c, { 'x-csrf-token': s.csrf });
      expect(api.statusCode, api.body).toBe(400);
      expect(api.headers['content-type']).toMatch(/^application\/json/);
      expect(api.json().error.message).toBe(c.api ?? malformed.api);

      // The form sends its token first, as a browser does; the rest of the body is broken.
      const token = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${s.csrf}\r\n`;
      const form = await send(s, '/admin/media/upload', token, c);
      expect(form.statusCode, form.body).toBe(400);
      expect(form.headers['content-type']).toMatch(/^text\/html/);
      expect(form.body).toContain(c.form ?? malformed.form);
      expect(await htmlProblems(form.body)).toEqual([]);
      expect(filesOnDisk()).toEqual([]);
    });
  });

  it('lets an author upload through the form but not delete', async () => {
    const s = await staffSession(n, 'author');
    const res = await formUpload(s, [
      { name: 'caption', value: 'Порт Актау' },
      { name: 'file', filename: 'port.jpg', data: await cameraJpeg(), type: 'image/jpeg' },
      { name: 'credit', value: 'Фото: Dateline' },
    ]);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/admin/media/?ok=uploaded');
    const row = await n.db.kysely.selectFrom('images').selectAll().where('uploaded_by', '=', s.userId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ caption: 'Порт Актау', credit: 'Фото: Dateline' });

    const page = await n.app.inject({ url: '/admin/media/?ok=uploaded', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Изображение загружено.');
    expect(page.body).toContain(`id="image-${row.id}"`);
    expect(page.body).not.toContain(`/admin/media/${row.id}/delete`);

    const del = await postForm(n, s, `/admin/media/${row.id}/delete`, {});
    expect(del.statusCode).toBe(403);
    await expect(new MediaService({ db: n.db.kysely, dataDir, now: () => n.clock.now }).delete({ id: s.userId, role: 'author' }, row.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await n.db.kysely.selectFrom('images').select('id').where('id', '=', row.id).executeTakeFirst()).toBeTruthy();
    expect(filesOnDisk()).toHaveLength(5);
  });

  it('does not delete an image an article body uses (409), and deletes an unused one with its files', async () => {
    const s = await staffSession(n, 'editor');
    const used = await uploadJpeg(s);
    const unused = await uploadJpeg(s);
    await publishArticle(n, '2024-04-11T07:00:00Z', {
      slug: 'paromy',
      body: { type: 'doc', content: [paragraph('Текст.'), { type: 'figure', attrs: { imageId: used.id, caption: 'Паром', alt: 'Паром' } }] },
    });

    const refused = await postForm(n, s, `/admin/media/${used.id}/delete`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Изображение нельзя удалить: его использует материал «Паромы вернулись к графику».');
    const media = new MediaService({ db: n.db.kysely, dataDir, now: () => n.clock.now });
    await expect(media.delete({ id: s.userId, role: 'editor' }, used.id)).rejects.toMatchObject({ code: 'IMAGE_IN_USE', details: [expect.stringMatching(/^body of article \d+$/)] });
    expect(await media.get(used.id)).not.toBeNull();

    const before = filesOnDisk();
    const stem = unused.url.slice('/media/'.length).replace(/\.jpg$/, '');
    expect(before.filter((f) => f.startsWith(stem))).toHaveLength(5);
    const deleted = await postForm(n, s, `/admin/media/${unused.id}/delete`, {});
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/admin/media/?ok=deleted');
    expect(await media.get(unused.id)).toBeNull();
    expect(filesOnDisk()).toEqual(before.filter((f) => !f.startsWith(stem)));
  });

  it('tells image 1 from image 12 in article bodies, and counts covers and author photos as uses', async () => {
    const k = n.db.kysely;
    const ids: number[] = [];
    for (let i = 0; i < 11; i++) {
      const row = await k
        .insertInto('images')
        .values({ file: `test/filler-${i}.jpg`, mime: 'image/jpeg', width: 10, height: 10, caption: '', credit: '', alt: '', created_at: n.clock.now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    const twelve = ids[ids.length - 1]!;
    expect(String(twelve).startsWith(String(n.ids.image))).toBe(true);
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'dvenadtsat', body: { type: 'doc', content: [{ type: 'figure', attrs: { imageId: twelve } }] } });
    await publishArticle(n, '2024-04-11T07:10:00Z', { slug: 'oblozhka', coverImageId: ids[0]! });
    await k.updateTable('authors').set({ photo_image_id: ids[1]! }).where('id', '=', n.ids.author).execute();

    const s = await staffSession(n, 'editor');
    expect((await postForm(n, s, `/admin/media/${twelve}/delete`, {})).statusCode).toBe(409);
    const cover = await postForm(n, s, `/admin/media/${ids[0]}/delete`, {});
    expect(cover.statusCode).toBe(409);
    const photo = await postForm(n, s, `/admin/media/${ids[1]}/delete`, {});
    expect(photo.statusCode).toBe(409);
    expect(photo.body).toContain('Изображение нельзя удалить: его использует профиль автора «Анна Морозова».');
    // Image 1 only looks like a prefix of 12 in the body JSON: it is free to go.
    expect((await postForm(n, s, `/admin/media/${n.ids.image}/delete`, {})).statusCode).toBe(303);
    expect(await k.selectFrom('images').select('id').where('id', '=', n.ids.image).executeTakeFirst()).toBeUndefined();
  });

  it('refuses uploads and changes without a CSRF token, and a token sent after the file', async () => {
    const s = await staffSession(n, 'editor');
    const jpeg = await cameraJpeg();
    const noToken = await apiUpload(s, [{ name: 'file', filename: 'a.jpg', data: jpeg }], {});
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
    const forged = await apiUpload(s, [{ name: 'file', filename: 'a.jpg', data: jpeg }], { 'x-csrf-token': 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF');
    const crossSite = await apiUpload(s, [{ name: 'file', filename: 'a.jpg', data: jpeg }], { 'x-csrf-token': s.csrf, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('BAD_ORIGIN');

    const { payload, contentType } = multipart([{ name: 'file', filename: 'a.jpg', data: jpeg }, { name: '_csrf', value: s.csrf }]);
    const late = await n.app.inject({ method: 'POST', url: '/admin/media/upload', headers: { ...s.headers, 'content-type': contentType }, payload });
    expect(late.statusCode).toBe(403);
    expect(late.json().error.code).toBe('CSRF');

    const edit = await postForm(n, { ...s, csrf: 'forged' }, `/admin/media/${n.ids.image}`, { caption: 'x', credit: '', alt: '' });
    expect(edit.statusCode).toBe(403);
    const del = await postForm(n, { ...s, csrf: 'forged' }, `/admin/media/${n.ids.image}/delete`, {});
    expect(del.statusCode).toBe(403);
    expect(filesOnDisk()).toEqual([]);
    expect(await n.db.kysely.selectFrom('images').select('id').where('id', '=', n.ids.image).executeTakeFirst()).toBeTruthy();
  });

  it('sends anonymous visitors to sign in, and answers the JSON API with 401', async () => {
    const page = await n.app.inject('/admin/media/');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/admin/sign-in?next=%2Fadmin%2Fmedia%2F');
    const api = await n.app.inject('/admin/api/media');
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('UNAUTHENTICATED');
    const { payload, contentType } = multipart([{ name: 'file', filename: 'a.jpg', data: Buffer.from('x') }]);
    const upload = await n.app.inject({ method: 'POST', url: '/admin/api/media', headers: { 'content-type': contentType }, payload });
    expect(upload.statusCode).toBe(401);
    const moderator = await staffSession(n, 'moderator');
    expect((await n.app.inject({ url: '/admin/media/', headers: { cookie: moderator.cookie } })).statusCode).toBe(403);
  });

  it('refuses the JSON API to staff without two-factor authentication when the owner requires it, and keeps no answer', async () => {
    const s = await staffSession(n, 'editor');
    await n.services.settings.set('staffTotpRequired', true);
    const totp = { code: 'FORBIDDEN', message: 'Владелец сайта требует двухфакторную аутентификацию. Включите её на странице «Моя учётная запись».' };
    const list = await n.app.inject({ url: '/admin/api/media', headers: { cookie: s.cookie } });
    expect(list.statusCode).toBe(403);
    expect(list.json().error).toMatchObject(totp);
    expect(list.headers['cache-control']).toBe('no-store');
    const upload = await apiUpload(s, [{ name: 'file', filename: 'a.jpg', data: await cameraJpeg(), type: 'image/jpeg' }]);
    expect(upload.statusCode).toBe(403);
    expect(upload.json().error).toMatchObject(totp);
    expect(filesOnDisk()).toEqual([]);
  });

  it('edits the caption, credit and alt text, and finds images by them for the picker', async () => {
    const s = await staffSession(n, 'author');
    const image = await uploadJpeg(s);
    const res = await postForm(n, s, `/admin/media/${image.id}`, { caption: '  Паром  у причала ', credit: 'Фото: Dateline', alt: 'Белый паром', page: '1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/media/?ok=saved#image-${image.id}`);
    const tooLong = await postForm(n, s, `/admin/media/${image.id}`, { caption: 'x'.repeat(501), credit: '', alt: '' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Проверьте подпись (до 500 символов).');

    const found = await n.app.inject({ url: `/admin/api/media?q=${encodeURIComponent('у причала')}`, headers: { cookie: s.cookie } });
    expect(found.json().items.map((i: { id: number }) => i.id)).toEqual([image.id]);
    const anyCase = await n.app.inject({ url: `/admin/api/media?q=${encodeURIComponent('БЕЛЫЙ')}`, headers: { cookie: s.cookie } });
    expect(anyCase.json().items.map((i: { id: number }) => i.id)).toEqual([image.id]);
    const byCredit = await n.app.inject({ url: '/admin/api/media?q=dateline', headers: { cookie: s.cookie } });
    expect(byCredit.statusCode).toBe(200);
    expect(byCredit.headers['cache-control']).toBe('no-store');
    // The fixture image is credited "Dateline" too; the newest comes first.
    expect(byCredit.json().items.map((i: { id: number }) => i.id)).toEqual([image.id, n.ids.image]);
    expect(byCredit.json().items[0]).toMatchObject({ id: image.id, caption: 'Паром у причала', credit: 'Фото: Dateline', alt: 'Белый паром', width: 1600, height: 2400, srcset: image.srcset });
    expect(byCredit.json().items[1]).toMatchObject({ id: n.ids.image, srcset: null, url: '/media/test/port.svg' });
    const percent = await n.app.inject({ url: '/admin/api/media?q=%25', headers: { cookie: s.cookie } });
    expect(percent.json().items).toEqual([]);
    const recent = await n.app.inject({ url: '/admin/api/media', headers: { cookie: s.cookie } });
    expect(recent.json().items).toHaveLength(2);
  });

  it('renders the library page as valid HTML with an upload form whose first field is the CSRF token', async () => {
    const s = await staffSession(n, 'editor');
    await uploadJpeg(s, { caption: 'Паром', alt: 'Паром' });
    const res = await n.app.inject({ url: '/admin/media/', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<form method="post" action="\/admin\/media\/upload" enctype="multipart\/form-data" class="stack"><input type="hidden" name="_csrf" value="[^"]+">/);
    expect(csrfFrom(res.body)).toBe(s.csrf);
    expect(res.body).toMatch(/<img class="media-thumb" src="\/media\/2024\/04\/[0-9a-f]{16}-320\.webp" width="320" height="480" alt="Паром"/);
    expect(await htmlProblems(res.body)).toEqual([]);
  });

  it('puts srcset on the public article page and on article cards', async () => {
    const s = await staffSession(n, 'editor');
    const image = await uploadJpeg(s, { caption: 'Паром у причала', credit: 'Фото: Dateline', alt: 'Белый паром' });
    await publishArticle(n, '2024-04-11T07:00:00Z', {
      slug: 'paromy',
      coverImageId: image.id,
      body: { type: 'doc', content: [paragraph('Текст.'), { type: 'figure', attrs: { imageId: image.id } }] },
    });
    const page = await n.app.inject('/news/paromy');
    expect(page.statusCode).toBe(200);
    // The figure sets no texts of its own, so those stored with the image are used.
    expect(page.body).toContain(
      `<figure class="photo"><img src="${image.url}" srcset="${image.srcset}" sizes="(max-width: 800px) 100vw, 48rem" width="1600" height="2400" alt="Белый паром" loading="lazy" decoding="async"><figcaption><span class="caption">Паром у причала</span> <span class="credit">Фото: Dateline</span></figcaption></figure>`,
    );
    const home = await n.app.inject('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`<img class="card-image" src="${image.url}" srcset="${image.srcset}" sizes="`);
  });
});
