/**
 * Outgoing e-mail through nodemailer: SMTP when SMTP_URL is set, otherwise a file transport that writes
 * each message as an .eml file under <DATA_DIR>/mail, so the demo works offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

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
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      send: async (m) => {
        await transport.sendMail({ from: options.from, to: m.to, subject: m.subject, text: m.text });
      },
      close: () => transport.close(),
    };
  }
  const dir = path.resolve(options.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let sequence = 0;
  return {
    send: async (m) => {
      const info = await transport.sendMail({ from: options.from, to: m.to, subject: m.subject, text: m.text });
      fs.mkdirSync(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++sequence}.eml`;
      fs.writeFileSync(path.join(dir, name), info.message as Buffer);
    },
    close: () => undefined,
  };
}
