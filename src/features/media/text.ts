/** Admin strings of the media library, and its errors in the back office's language. */
import type { ErrorFacts } from '../../lib/errors.js';
import type { SliceErrorText } from '../../web/admin/error-text.js';
import { TEXT_LIMITS } from './rules.js';

const en = {
  title: 'Media library',
  uploadTitle: 'Upload an image',
  uploadHelp: 'JPEG, PNG, WebP, GIF or AVIF, up to 15 MB and 12,000 px a side. The image is re-encoded: camera data and location are removed, and smaller WebP copies are made for phones.',
  file: 'Image file',
  caption: 'Caption',
  credit: 'Credit',
  creditHint: 'e.g. Photo: Anna Morozova / Dateline',
  alt: 'Alt text',
  altHint: 'What the image shows, for people who cannot see it.',
  upload: 'Upload',
  save: 'Save',
  delete: 'Delete',
  deleteConfirm: 'Delete image',
  uploaded: 'The image is uploaded.',
  saved: 'Saved.',
  deleted: 'The image is deleted.',
  empty: 'No images yet. Upload the first one above.',
  library: 'Images',
  size: 'Size',
  noAlt: 'no alt text',
  page: 'Page',
  previous: 'Newer',
  next: 'Older',
  pagination: 'Pages of the media library',
  tooLarge: 'The file is larger than 15 MB. Make it smaller and try again.',
  noFile: 'Choose an image file to upload.',
  malformed: 'The upload arrived cut off or damaged and could not be read. Choose the file and send it again.',
  imageLabel: (id: number) => `Image ${id}`,
};
export type MediaText = typeof en;

const ru: MediaText = {
  title: 'Медиатека',
  uploadTitle: 'Загрузить изображение',
  uploadHelp: 'JPEG, PNG, WebP, GIF или AVIF, до 15 МБ и до 12 000 пикселей по стороне. Изображение перекодируется: данные камеры и место съёмки удаляются, для телефонов создаются уменьшенные копии в WebP.',
  file: 'Файл изображения',
  caption: 'Подпись',
  credit: 'Автор снимка',
  creditHint: 'например: Фото: Анна Морозова / Dateline',
  alt: 'Альтернативный текст',
  altHint: 'Что изображено — для тех, кто не видит картинку.',
  upload: 'Загрузить',
  save: 'Сохранить',
  delete: 'Удалить',
  deleteConfirm: 'Удалить изображение',
  uploaded: 'Изображение загружено.',
  saved: 'Сохранено.',
  deleted: 'Изображение удалено.',
  empty: 'Изображений пока нет. Загрузите первое с помощью формы выше.',
  library: 'Изображения',
  size: 'Размер',
  noAlt: 'нет альтернативного текста',
  page: 'Страница',
  previous: 'Новее',
  next: 'Старше',
  pagination: 'Страницы медиатеки',
  tooLarge: 'Файл больше 15 МБ. Уменьшите его и попробуйте снова.',
  noFile: 'Выберите файл изображения для загрузки.',
  malformed: 'Загрузка пришла оборванной или повреждённой, и её не удалось прочитать. Выберите файл и отправьте его ещё раз.',
  imageLabel: (id: number) => `Изображение ${id}`,
};

export const MEDIA_TEXT = { ru, en };

const list = (facts: ErrorFacts, key: string) => (Array.isArray(facts[key]) ? (facts[key] as readonly string[]) : []);

/** "A, B, C and 2 more": at most three of the things that use an image. */
function firstThree(items: string[], more: (n: number) => string): string {
  return `${items.slice(0, 3).join(', ')}${items.length > 3 ? more(items.length - 3) : ''}`;
}

/** The media library's errors, by code and by the detail of a refused upload (see web/admin/error-text.ts). */
export const MEDIA_ERRORS: Record<'ru' | 'en', SliceErrorText> = {
  ru: {
    codes: {
      FORBIDDEN: 'Ваша роль не позволяет работать с этими изображениями.',
      PAYLOAD_TOO_LARGE: ru.tooLarge,
      BAD_REQUEST: ru.malformed,
      NOT_FOUND: 'Такого изображения нет. Возможно, его удалили.',
      IMAGE_IN_USE: (f) =>
        `Изображение нельзя удалить: его использует ${firstThree([...list(f, 'articles').map((h) => `материал «${h}»`), ...list(f, 'authors').map((a) => `профиль автора «${a}»`)], (n) => ` и ещё ${n}`)}.`,
    },
    details: {
      'file: required': ru.noFile,
      'file: empty': 'Файл пустой.',
      'file: too large': (f) => `Файл весит ${f.size}, а можно не больше ${f.limit}.`,
      'file: too many pixels': (f) => `В изображении больше ${f.megapixels} мегапикселей, а можно не больше ${f.megapixels}. Уменьшите его и попробуйте снова.`,
      'file: not an image': (f) => `Это не изображение JPEG, PNG, WebP, GIF или AVIF${f.format ? ` (это ${f.format})` : ''}.`,
      'file: no size': 'У изображения нет размера.',
      'file: side too long': (f) => `Изображение ${f.width}×${f.height} пикселей, а сторона может быть не больше ${f.max}.`,
      'file: too many frames': (f) => `Кадров в анимации: ${f.frames}, а можно не больше ${f.max}.`,
      'file: animation too large': (f) => `Анимация слишком велика: уменьшите её или сократите (не больше ${f.max} мегапикселей во всех кадрах вместе).`,
      'file: damaged': (f) => `Изображение ${f.format} повреждено или загружено не целиком, его не удаётся прочитать.`,
    },
    fields: {
      caption: `подпись (до ${TEXT_LIMITS.caption} символов)`,
      credit: `автора снимка (до ${TEXT_LIMITS.credit} символов)`,
      alt: `альтернативный текст (до ${TEXT_LIMITS.alt} символов)`,
    },
  },
  en: {
    codes: {
      FORBIDDEN: 'Your role does not allow working with these images.',
      PAYLOAD_TOO_LARGE: en.tooLarge,
      BAD_REQUEST: en.malformed,
      NOT_FOUND: 'There is no such image. It may have been deleted.',
      IMAGE_IN_USE: (f) =>
        `This image is used by ${firstThree([...list(f, 'articles').map((h) => `the article “${h}”`), ...list(f, 'authors').map((a) => `the author profile of ${a}`)], (n) => ` and ${n} more`)}, so it cannot be deleted.`,
    },
    details: {
      'file: required': en.noFile,
      'file: empty': 'The file is empty.',
      'file: too large': (f) => `The file is ${f.size}; the limit is ${f.limit}.`,
      'file: too many pixels': (f) => `The image has more than ${f.megapixels} megapixels; at most ${f.megapixels} are accepted. Make it smaller and try again.`,
      'file: not an image': (f) => `The file is not a JPEG, PNG, WebP, GIF or AVIF image${f.format ? ` (it is ${f.format})` : ''}.`,
      'file: no size': 'The image has no size.',
      'file: side too long': (f) => `The image is ${f.width}×${f.height} px; a side may be at most ${f.max} px.`,
      'file: too many frames': (f) => `The animation has ${f.frames} frames; at most ${f.max} are accepted.`,
      'file: animation too large': (f) => `The animation is too large: make it smaller or shorter (at most ${f.max} megapixels over all frames).`,
      'file: damaged': (f) => `The ${f.format} image is damaged or incomplete and cannot be decoded.`,
    },
    fields: {
      caption: `the caption (up to ${TEXT_LIMITS.caption} characters)`,
      credit: `the credit (up to ${TEXT_LIMITS.credit} characters)`,
      alt: `the alt text (up to ${TEXT_LIMITS.alt} characters)`,
    },
  },
};
