/** Strings of the account pages, and the account errors in the site's language. */
import type { DomainError, ErrorCode } from '../../lib/errors.js';
import { PASSWORD_PROBLEMS, type PasswordProblem } from './rules.js';

const en = {
  signInTitle: 'Sign in',
  email: 'E-mail',
  password: 'Password',
  newPassword: 'New password (at least 10 characters)',
  signIn: 'Sign in',
  forgot: 'Forgot your password?',
  codeTitle: 'Two-factor code',
  codeHelp: 'Enter the six-digit code from your authenticator app.',
  code: 'Code',
  confirm: 'Confirm',
  forgotTitle: 'Reset your password',
  forgotHelp: 'We will send a link to choose a new password to this address, if it belongs to an account.',
  sendLink: 'Send the link',
  linkSent: 'If the address belongs to an account, a link is on its way. It works once, for an hour.',
  resetTitle: 'Choose a new password',
  savePassword: 'Save the password',
  passwordChanged: 'Your password is set. Sign in with it.',
  inviteTitle: 'Join the newsroom',
  inviteHelp: 'Choose a password for your account',
  linkInvalid: 'This link has expired or has already been used. Ask for a new one.',
  accountTitle: 'My account',
  twoFactor: 'Two-factor authentication',
  twoFactorOn: 'Two-factor authentication is on.',
  twoFactorRequired: 'The site owner requires two-factor authentication. Set it up to continue.',
  twoFactorSetup: 'Add this key to an authenticator app (or open the link on your phone), then enter the code it shows.',
  secret: 'Key',
  enable: 'Turn on',
  sessions: 'Sessions',
  signOutEverywhereHelp: 'Signs out every browser where you are signed in, this one included.',
  staffTitle: 'Staff',
  name: 'Name',
  role: 'Role',
  invite: 'Invite',
  inviteSent: 'The invitation is on its way.',
  invited: 'invited, not joined yet',
  roles: { owner: 'Owner', editor: 'Editor', author: 'Author', moderator: 'Moderator', reader: 'Reader' },
  signOutEverywhere: 'Sign out everywhere',
};
export type AccountText = typeof en;

const ru: AccountText = {
  signInTitle: 'Вход в редакцию',
  email: 'Электронная почта',
  password: 'Пароль',
  newPassword: 'Новый пароль (не короче 10 символов)',
  signIn: 'Войти',
  forgot: 'Забыли пароль?',
  codeTitle: 'Код подтверждения',
  codeHelp: 'Введите шестизначный код из приложения-аутентификатора.',
  code: 'Код',
  confirm: 'Подтвердить',
  forgotTitle: 'Сброс пароля',
  forgotHelp: 'Мы пришлём на этот адрес ссылку для нового пароля, если к нему привязана учётная запись.',
  sendLink: 'Прислать ссылку',
  linkSent: 'Если к адресу привязана учётная запись, письмо со ссылкой уже в пути. Ссылка работает один раз в течение часа.',
  resetTitle: 'Новый пароль',
  savePassword: 'Сохранить пароль',
  passwordChanged: 'Пароль задан. Войдите с ним.',
  inviteTitle: 'Присоединиться к редакции',
  inviteHelp: 'Задайте пароль для своей учётной записи',
  linkInvalid: 'Ссылка устарела или уже использована. Попросите новую.',
  accountTitle: 'Моя учётная запись',
  twoFactor: 'Двухфакторная аутентификация',
  twoFactorOn: 'Двухфакторная аутентификация включена.',
  twoFactorRequired: 'Владелец сайта требует двухфакторную аутентификацию. Включите её, чтобы продолжить.',
  twoFactorSetup: 'Добавьте этот ключ в приложение-аутентификатор (или откройте ссылку на телефоне) и введите код, который оно покажет.',
  secret: 'Ключ',
  enable: 'Включить',
  sessions: 'Сеансы',
  signOutEverywhereHelp: 'Завершает сеансы во всех браузерах, включая этот.',
  staffTitle: 'Сотрудники',
  name: 'Имя',
  role: 'Роль',
  invite: 'Пригласить',
  inviteSent: 'Приглашение отправлено.',
  invited: 'приглашён, ещё не вошёл',
  roles: { owner: 'Владелец', editor: 'Редактор', author: 'Автор', moderator: 'Модератор', reader: 'Читатель' },
  signOutEverywhere: 'Выйти на всех устройствах',
};

export const ACCOUNT_TEXT = { ru, en };

/** Errors the account pages show, by code; VALIDATION is told apart by the field its details name. */
interface ErrorTexts {
  codes: Partial<Record<ErrorCode, string>>;
  locked: (wait: string) => string;
  seconds: (n: number) => string;
  minutes: (n: number) => string;
  fields: Record<'email' | 'name' | 'role' | 'secret', string>;
  password: Record<PasswordProblem, string>;
  invalid: string;
  failed: string;
}

const ERRORS: { ru: ErrorTexts; en: ErrorTexts } = {
  ru: {
    codes: {
      SIGN_IN_FAILED: 'Неверный адрес электронной почты или пароль.',
      MFA_INVALID: 'Код неверный или уже устарел. Введите новый код из приложения.',
      LINK_INVALID: 'Ссылка устарела или уже использована. Попросите новую.',
      EMAIL_TAKEN: 'Учётная запись с этим адресом уже есть.',
      FORBIDDEN: 'Ваша роль не позволяет этого сделать.',
      NOT_FOUND: 'Такой учётной записи нет.',
    },
    locked: (wait) => `Слишком много неудачных попыток входа. Попробуйте снова через ${wait}.`,
    seconds: (n) => `${n} с`,
    minutes: (n) => `${n} мин`,
    fields: {
      email: 'Это не похоже на адрес электронной почты.',
      name: 'Укажите имя.',
      role: 'Такой роли нет.',
      secret: 'Ключ повреждён. Начните настройку заново.',
    },
    password: {
      short: 'Пароль должен быть не короче 10 символов.',
      long: 'Пароль должен быть не длиннее 256 символов.',
      blank: 'Пароль не может состоять из одних пробелов.',
    },
    invalid: 'Некоторые поля заполнены неверно.',
    failed: 'Не получилось. Попробуйте ещё раз.',
  },
  en: {
    codes: {
      SIGN_IN_FAILED: 'The e-mail or the password is wrong.',
      MFA_INVALID: 'The code is wrong or has expired. Enter a fresh code from your app.',
      LINK_INVALID: 'This link has expired or has already been used. Ask for a new one.',
      EMAIL_TAKEN: 'An account with this e-mail already exists.',
      FORBIDDEN: 'Your role does not allow this.',
      NOT_FOUND: 'There is no such account.',
    },
    locked: (wait) => `Too many failed attempts. Try again in ${wait}.`,
    seconds: (n) => `${n} s`,
    minutes: (n) => `${n} min`,
    fields: {
      email: 'This does not look like an e-mail address.',
      name: 'A name is required.',
      role: 'There is no such role.',
      secret: 'The key is malformed. Start the setup again.',
    },
    password: {
      short: `The password ${PASSWORD_PROBLEMS.short}.`,
      long: `The password ${PASSWORD_PROBLEMS.long}.`,
      blank: `The password ${PASSWORD_PROBLEMS.blank}.`,
    },
    invalid: 'Some of the fields are not valid.',
    failed: 'That did not work. Please try again.',
  },
};

/** Seconds the account must wait, from the `retryAfter: N` detail of an ACCOUNT_LOCKED error. */
export function retryAfterSeconds(error: DomainError): number | null {
  const detail = error.details?.find((d) => d.startsWith('retryAfter: '));
  const n = detail ? Number(detail.slice('retryAfter: '.length)) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The message an account page shows for a domain error, in the site's language. */
export function accountErrorText(lang: 'ru' | 'en', error: DomainError): string {
  const t = ERRORS[lang];
  if (error.code === 'ACCOUNT_LOCKED') {
    const seconds = retryAfterSeconds(error) ?? 60;
    return t.locked(seconds < 90 ? t.seconds(seconds) : t.minutes(Math.ceil(seconds / 60)));
  }
  if (error.code === 'VALIDATION') {
    for (const detail of error.details ?? []) {
      const colon = detail.indexOf(': ');
      const field = detail.slice(0, colon);
      const problem = detail.slice(colon + 2);
      if (field === 'password') {
        const key = (Object.keys(PASSWORD_PROBLEMS) as PasswordProblem[]).find((k) => PASSWORD_PROBLEMS[k] === problem);
        if (key) return t.password[key];
      }
      if (field in t.fields) return t.fields[field as keyof ErrorTexts['fields']];
    }
    return t.invalid;
  }
  return t.codes[error.code] ?? (lang === 'en' ? error.message : t.failed);
}
