/**
 * Outgoing e-mail through nodemailer: SMTP when SMTP_URL is set, otherwise a file transport that writes
 * each message as an .eml file under <DATA_DIR>/mail, so the demo works offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(options: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  // nodemailer is loaded with the first message, not at start-up.
  let transport: Promise<Transporter> | undefined;
  const smtpUrl = options.smtpUrl;
  if (smtpUrl) {
    const smtp = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl)));
    return {
      send: async (m) => {
        await (await smtp()).sendMail({ from: options.from, to: m.to, subject: m.subject, text: m.text });
      },
      close: () => void transport?.then((t) => t.close()),
    };
  }
  const dir = path.resolve(options.dataDir, 'mail');
  const files = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })));
  let sequence = 0;
  return {
    send: async (m) => {
      const info = await (await files()).sendMail({ from: options.from, to: m.to, subject: m.subject, text: m.text });
      fs.mkdirSync(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++sequence}.eml`;
      fs.writeFileSync(path.join(dir, name), info.message as Buffer);
    },
    close: () => undefined,
  };
}
