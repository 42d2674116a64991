/**
 * A domain error in the back office's language: a sentence for its code, and for its details (`field: problem`)
 * the slice's sentence (or a general one, such as `totp: required`) or "Please check <field>". Each slice's
 * text.ts gives its own sentences; what it leaves out gets the general sentence for the code, so a Russian page
 * never shows the service's English message.
 */
import type { DomainError, ErrorFacts } from '../../lib/errors.js';
import type { CatalogueCode } from '../errors.js';

type Lang = 'ru' | 'en';
export type ErrorTexts = Record<Lang, SliceErrorText>;
export type Sentence = string | ((facts: ErrorFacts) => string);

export interface SliceErrorText {
  /** Sentences for codes, where the slice says it better than the general one. */
  codes?: Partial<Record<CatalogueCode, Sentence>>;
  /** Sentences for a whole detail (`field: problem`), or for any problem of a field (`field`). */
  details?: Record<string, Sentence>;
  /** Field names as they follow "Please check" (e.g. "the headline (up to 300 characters)"). */
  fields?: Record<string, string>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The slice's sentences for the errors of a back-office route that the app's error handler answers. */
    errorTexts?: ErrorTexts;
  }
}

/** For a route that has no sentences of its own: the general one for each code. */
export const GENERAL_ONLY: ErrorTexts = { ru: {}, en: {} };

const GENERAL: Record<Lang, { codes: Record<CatalogueCode, string>; details: Record<string, string>; check: (names: string[]) => string }> = {
  ru: {
    codes: {
      NOT_FOUND: 'Этого больше нет. Возможно, его удалили.',
      ARTICLE_NOT_FOUND: 'Такого материала нет.',
      VALIDATION: 'Некоторые поля заполнены неверно.',
      SLUG_TAKEN: 'Этот адрес уже занят.',
      INVALID_TRANSITION: 'Материал нельзя перевести в это состояние из нынешнего.',
      BAD_ORIGIN: 'Запрос должен прийти со страницы этого сайта.',
      RATE_LIMITED: 'Слишком много запросов. Подождите минуту и попробуйте снова.',
      UNAUTHENTICATED: 'Сеанс закончился. Войдите снова.',
      FORBIDDEN: 'Ваша роль не позволяет этого сделать.',
      CSRF: 'Форма устарела. Перезагрузите страницу и попробуйте снова.',
      SIGN_IN_FAILED: 'Неверный адрес электронной почты или пароль.',
      ACCOUNT_LOCKED: 'Слишком много неудачных попыток. Подождите и попробуйте снова.',
      MFA_INVALID: 'Код неверный или уже устарел.',
      LINK_INVALID: 'Ссылка устарела или уже использована.',
      EMAIL_TAKEN: 'Учётная запись с этим адресом уже есть.',
      IMAGE_INVALID: 'Этот файл не подходит: нужно изображение JPEG, PNG, WebP, GIF или AVIF до 15 МБ.',
      IMAGE_IN_USE: 'Изображение используется, поэтому его нельзя удалить.',
      RUBRIC_IN_USE: 'В рубрике есть материалы, поэтому её нельзя удалить.',
      CONFLICT: 'Кто-то изменил это, пока вы работали. Перезагрузите страницу и попробуйте снова.',
      SETTINGS_INVALID: 'У настройки недопустимое значение.',
      BAD_REQUEST: 'Запрос не удалось разобрать.',
      PAYLOAD_TOO_LARGE: 'Запрос слишком большой.',
      UNSUPPORTED_MEDIA_TYPE: 'Данные такого типа здесь не принимаются.',
      UNAVAILABLE: 'Сайт сейчас не может связаться с базой данных. Попробуйте через минуту.',
      INTERNAL: 'Что-то сломалось на нашей стороне. Ошибка записана в журнал.',
    },
    details: { 'totp: required': 'Владелец сайта требует двухфакторную аутентификацию. Включите её на странице «Моя учётная запись».' },
    check: (names) => `Проверьте ${names.join(', ')}.`,
  },
  en: {
    codes: {
      NOT_FOUND: 'This no longer exists. It may have been deleted.',
      ARTICLE_NOT_FOUND: 'There is no such article.',
      VALIDATION: 'Some of the fields are not valid.',
      SLUG_TAKEN: 'This address is already in use.',
      INVALID_TRANSITION: 'The article cannot move to that state from its current one.',
      BAD_ORIGIN: 'This request must come from a page of this site.',
      RATE_LIMITED: 'Too many requests. Please wait a minute and try again.',
      UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
      FORBIDDEN: 'Your role does not allow this.',
      CSRF: 'The form has expired. Reload the page and try again.',
      SIGN_IN_FAILED: 'The e-mail or the password is wrong.',
      ACCOUNT_LOCKED: 'Too many failed attempts. Wait a while and try again.',
      MFA_INVALID: 'The code is wrong or has expired.',
      LINK_INVALID: 'This link has expired or has already been used.',
      EMAIL_TAKEN: 'An account with this e-mail already exists.',
      IMAGE_INVALID: 'This file cannot be used: it must be a JPEG, PNG, WebP, GIF or AVIF image up to 15 MB.',
      IMAGE_IN_USE: 'This image is in use, so it cannot be deleted.',
      RUBRIC_IN_USE: 'Articles use this rubric, so it cannot be deleted.',
      CONFLICT: 'Someone else changed this in the meantime. Reload the page and try again.',
      SETTINGS_INVALID: 'A setting has a value it cannot take.',
      BAD_REQUEST: 'The request could not be understood.',
      PAYLOAD_TOO_LARGE: 'The request is too large.',
      UNSUPPORTED_MEDIA_TYPE: 'This content type is not accepted here.',
      UNAVAILABLE: 'The site cannot reach its database just now. Please try again in a minute.',
      INTERNAL: 'Something went wrong on our side. The error has been logged.',
    },
    details: { 'totp: required': 'The site owner requires two-factor authentication. Turn it on in “My account”.' },
    check: (names) => `Please check ${names.join(', ')}.`,
  },
};

const say = (sentence: Sentence, facts: ErrorFacts = {}) => (typeof sentence === 'string' ? sentence : sentence(facts));

/** The sentence for the error's code, and one for each of its details the slice knows (fields to check in one). */
export function describeError(lang: Lang, texts: ErrorTexts, error: DomainError): { summary: string; problems: string[] } {
  const t = texts[lang];
  const problems: string[] = [];
  const toCheck: string[] = [];
  for (const detail of error.details ?? []) {
    const colon = detail.indexOf(': ');
    const field = colon < 0 ? detail : detail.slice(0, colon);
    const sentence = t.details?.[detail] ?? t.details?.[field] ?? GENERAL[lang].details[detail];
    const name = t.fields?.[field];
    if (sentence !== undefined) problems.push(say(sentence, error.facts));
    else if (name !== undefined && !toCheck.includes(name)) toCheck.push(name);
  }
  if (toCheck.length) problems.push(GENERAL[lang].check(toCheck));
  return { summary: say(t.codes?.[error.code] ?? GENERAL[lang].codes[error.code], error.facts), problems: [...new Set(problems)] };
}

/** One line for a notice or a JSON answer: what is wrong with the fields, else what the code means. */
export function errorText(lang: Lang, texts: ErrorTexts, error: DomainError): string {
  const { summary, problems } = describeError(lang, texts, error);
  return problems.length ? problems.join(' ') : summary;
}

