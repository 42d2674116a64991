import { describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors.js';
import { ACCOUNT_TEXT, accountErrorText } from './text.js';

describe('account texts', () => {
  it('has every string in both languages', () => {
    expect(Object.keys(ACCOUNT_TEXT.ru).sort()).toEqual(Object.keys(ACCOUNT_TEXT.en).sort());
  });

  it('tells account errors in the site’s language, by code', () => {
    const failed = new DomainError('SIGN_IN_FAILED', 'The e-mail or the password is wrong.');
    expect(accountErrorText('ru', failed)).toBe('Неверный адрес электронной почты или пароль.');
    expect(accountErrorText('en', failed)).toBe('The e-mail or the password is wrong.');
    expect(accountErrorText('ru', new DomainError('MFA_INVALID', 'x'))).toMatch(/^Код неверный/);
    expect(accountErrorText('ru', new DomainError('LINK_INVALID', 'x'))).toMatch(/^Ссылка устарела/);
    expect(accountErrorText('ru', new DomainError('EMAIL_TAKEN', 'x'))).toBe('Учётная запись с этим адресом уже есть.');
  });

  it('says how long a locked account waits, in seconds or minutes', () => {
    const locked = (s: number) => new DomainError('ACCOUNT_LOCKED', `Try again in ${s} s.`, [`retryAfter: ${s}`]);
    expect(accountErrorText('ru', locked(4))).toBe('Слишком много неудачных попыток входа. Попробуйте снова через 4 с.');
    expect(accountErrorText('ru', locked(900))).toBe('Слишком много неудачных попыток входа. Попробуйте снова через 15 мин.');
    expect(accountErrorText('en', locked(61))).toBe('Too many failed attempts. Try again in 61 s.');
    expect(accountErrorText('en', locked(899))).toBe('Too many failed attempts. Try again in 15 min.');
  });

  it('tells validation errors apart by the field they name', () => {
    const v = (detail: string) => new DomainError('VALIDATION', 'x', [detail]);
    expect(accountErrorText('ru', v('password: must be at least 10 characters long'))).toBe('Пароль должен быть не короче 10 символов.');
    expect(accountErrorText('ru', v('password: must not be only spaces'))).toBe('Пароль не может состоять из одних пробелов.');
    expect(accountErrorText('en', v('password: must be at most 256 characters long'))).toBe('The password must be at most 256 characters long.');
    expect(accountErrorText('ru', v('email: not an e-mail address'))).toBe('Это не похоже на адрес электронной почты.');
    expect(accountErrorText('ru', v('role: unknown'))).toBe('Такой роли нет.');
    expect(accountErrorText('ru', v('something: else'))).toBe('Некоторые поля заполнены неверно.');
    expect(accountErrorText('ru', new DomainError('CONFLICT', 'x'))).toBe('Не получилось. Попробуйте ещё раз.');
  });
});
