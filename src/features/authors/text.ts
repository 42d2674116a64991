/** Strings of the author-profile pages of the back office, and their errors in its language. */
import type { SliceErrorText } from '../../web/admin/error-text.js';

const fieldsEn: Record<string, string> = {
  name: 'the name (1 to 120 characters)',
  slug: 'the address (lowercase latin letters, digits and single hyphens, up to 80 characters)',
  roleTitle: 'the role (up to 120 characters)',
  bio: 'the biography (up to 2000 characters)',
  photoImageId: 'the photo',
  'en.name': 'the English name (up to 120 characters)',
  'en.roleTitle': 'the English role (up to 120 characters)',
  'en.bio': 'the English biography (up to 2000 characters)',
};

const en = {
  title: 'Authors',
  help: 'Author profiles are the bylines of articles and have their own page on the site. Staff accounts are linked to a profile on the Staff page.',
  newProfile: 'New profile',
  editTitle: (name: string) => `Profile: ${name}`,
  photo: 'Photo',
  name: 'Name',
  role: 'Default role',
  address: 'Address',
  articles: 'Articles',
  noAuthors: 'There are no author profiles yet.',
  inRussian: 'In Russian',
  inEnglish: 'In English',
  nameField: 'Name',
  roleField: 'Default role title (e.g. “Economics correspondent”)',
  bioField: 'Biography',
  slugField: 'Address of the author page',
  slugHelp: 'Lowercase latin letters, digits and hyphens. Leave empty to make it from the name. Links to an old address stop working when it changes.',
  photoField: 'Photo from the media library',
  noPhoto: '— no photo —',
  photoHelp: 'The newest images of the media library. Upload a portrait there first.',
  currentPhoto: 'Current photo',
  create: 'Create the profile',
  save: 'Save',
  saved: 'Saved.',
  created: 'The profile is created.',
  back: 'All authors',
  openOnSite: 'Open the author page',
};
export type AuthorText = typeof en;

const fieldsRu: Record<string, string> = {
  name: 'имя (от 1 до 120 символов)',
  slug: 'адрес (строчные латинские буквы, цифры и одиночные дефисы, до 80 символов)',
  roleTitle: 'должность (до 120 символов)',
  bio: 'биографию (до 2000 символов)',
  photoImageId: 'фотографию',
  'en.name': 'имя на английском (до 120 символов)',
  'en.roleTitle': 'должность на английском (до 120 символов)',
  'en.bio': 'биографию на английском (до 2000 символов)',
};

const ru: AuthorText = {
  title: 'Авторы',
  help: 'Профили авторов — это подписи под материалами; у каждого есть своя страница на сайте. Учётные записи сотрудников привязываются к профилю на странице «Сотрудники».',
  newProfile: 'Новый профиль',
  editTitle: (name: string) => `Профиль: ${name}`,
  photo: 'Фото',
  name: 'Имя',
  role: 'Должность',
  address: 'Адрес',
  articles: 'Материалы',
  noAuthors: 'Профилей авторов пока нет.',
  inRussian: 'На русском',
  inEnglish: 'На английском',
  nameField: 'Имя',
  roleField: 'Должность в подписи по умолчанию (например, «Экономический обозреватель»)',
  bioField: 'Биография',
  slugField: 'Адрес страницы автора',
  slugHelp: 'Строчные латинские буквы, цифры и дефисы. Оставьте пустым, чтобы адрес составился из имени. Если адрес изменить, ссылки на старый перестанут работать.',
  photoField: 'Фотография из медиатеки',
  noPhoto: '— без фотографии —',
  photoHelp: 'Самые новые изображения медиатеки. Сначала загрузите туда портрет.',
  currentPhoto: 'Текущая фотография',
  create: 'Создать профиль',
  save: 'Сохранить',
  saved: 'Сохранено.',
  created: 'Профиль создан.',
  back: 'Все авторы',
  openOnSite: 'Открыть страницу автора',
};

export const AUTHOR_TEXT = { ru, en };

/** Errors of the author-profile pages, by code and by detail (see web/admin/error-text.ts). */
export const AUTHOR_ERRORS: Record<'ru' | 'en', SliceErrorText> = {
  ru: {
    codes: {
      FORBIDDEN: 'Изменять профили авторов могут только редакторы и владелец сайта.',
      NOT_FOUND: 'Такого профиля нет.',
    },
    details: {
      'slug: taken': (f) => `Адрес «${f.slug}» уже у профиля «${f.by}». Выберите другой.`,
      'photoImageId: not in the media library': 'Выбранной фотографии больше нет в медиатеке. Выберите другую.',
    },
    fields: fieldsRu,
  },
  en: {
    codes: {
      FORBIDDEN: 'Only editors and the owner can edit author profiles.',
      NOT_FOUND: 'This profile does not exist.',
    },
    details: {
      'slug: taken': (f) => `The address “${f.slug}” belongs to the profile of ${f.by}. Choose another one.`,
      'photoImageId: not in the media library': 'The chosen photo is no longer in the media library. Choose another one.',
    },
    fields: fieldsEn,
  },
};
