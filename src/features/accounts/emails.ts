/** The texts of account e-mails, in the site's language. */
import type { MailMessage } from '../mail/mailer.js';

const ROLE_NAMES = {
  ru: { owner: 'владелец', editor: 'редактор', author: 'автор', moderator: 'модератор', reader: 'читатель' },
  en: { owner: 'owner', editor: 'editor', author: 'author', moderator: 'moderator', reader: 'reader' },
} as const;

export function resetMail(lang: 'ru' | 'en', site: string, user: { email: string; name: string }, link: string): MailMessage {
  if (lang === 'ru') {
    return {
      to: user.email,
      subject: `${site}: сброс пароля`,
      text: `${user.name}, здравствуйте.\n\nКто-то (надеемся, вы) попросил сбросить пароль к вашей учётной записи на сайте «${site}».\nЧтобы задать новый пароль, откройте ссылку в течение часа:\n\n${link}\n\nСсылка работает один раз. Если вы не просили сброс, просто удалите это письмо.`,
    };
  }
  return {
    to: user.email,
    subject: `${site}: password reset`,
    text: `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your account at ${site}.\nTo choose a new password, open this link within an hour:\n\n${link}\n\nThe link works once. If you did not ask for this, simply delete this message.`,
  };
}

export function inviteMail(lang: 'ru' | 'en', site: string, user: { email: string; name: string }, inviter: string, role: keyof (typeof ROLE_NAMES)['en'], link: string): MailMessage {
  if (lang === 'ru') {
    return {
      to: user.email,
      subject: `${site}: приглашение в редакцию`,
      text: `${user.name}, здравствуйте.\n\n${inviter || 'Владелец сайта'} приглашает вас в редакцию «${site}» (роль: ${ROLE_NAMES.ru[role]}).\nЧтобы принять приглашение и задать пароль, откройте ссылку в течение семи дней:\n\n${link}`,
    };
  }
  return {
    to: user.email,
    subject: `${site}: an invitation to the newsroom`,
    text: `Hello ${user.name},\n\n${inviter || 'The site owner'} invites you to the ${site} newsroom (role: ${ROLE_NAMES.en[role]}).\nTo accept and choose a password, open this link within seven days:\n\n${link}`,
  };
}
