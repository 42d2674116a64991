import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMailer } from './mailer.js';
import { parseMail, startSmtpServer, type SmtpSink } from '../../../test/helpers/smtp.js';

const message = { to: 'anna@example.com', subject: 'Dateline: сброс пароля', text: 'Анна, здравствуйте.\n\nhttps://news.example/admin/reset/abc' };

describe('mailer', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-mail-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes each message as an .eml file under DATA_DIR/mail when no SMTP server is configured', async () => {
    const mailer = createMailer({ from: 'Dateline <newsroom@localhost>', dataDir: dir });
    await mailer.send(message);
    await mailer.send({ ...message, to: 'rustam@example.com' });
    mailer.close();
    const files = fs.readdirSync(path.join(dir, 'mail')).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    const parsed = files.map((f) => parseMail(fs.readFileSync(path.join(dir, 'mail', f), 'utf8')));
    expect(parsed.map((p) => p.headers.get('to')).sort()).toEqual(['anna@example.com', 'rustam@example.com']);
    expect(parsed[0]!.headers.get('subject')).toBe(message.subject);
    expect(parsed[0]!.headers.get('from')).toBe('Dateline <newsroom@localhost>');
    expect(parsed[0]!.text.trim()).toBe(message.text);
  });

  describe('over SMTP', () => {
    let smtp: SmtpSink;
    beforeEach(async () => {
      smtp = await startSmtpServer();
    });
    afterEach(() => smtp.close());

    it('delivers to the SMTP server named by SMTP_URL, with the From of MAIL_FROM', async () => {
      const mailer = createMailer({ smtpUrl: smtp.url, from: 'Caspian Courier <desk@courier.example>', dataDir: dir });
      await mailer.send(message);
      mailer.close();
      expect(smtp.messages).toHaveLength(1);
      const [m] = smtp.messages;
      expect(m!.envelope).toEqual({ from: 'desk@courier.example', to: ['anna@example.com'] });
      expect(m!.to).toBe('anna@example.com');
      expect(m!.from).toBe('Caspian Courier <desk@courier.example>');
      expect(m!.subject).toBe(message.subject);
      expect(m!.text.trim()).toBe(message.text);
      expect(fs.existsSync(path.join(dir, 'mail'))).toBe(false);
    });
  });
});
