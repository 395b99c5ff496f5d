import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../../config/config.js';

/** The SMTP connection every mail goes out through, with timeouts that never hold a request. */
export function createMailTransport(smtp: SmtpConfig): Transporter {
  return createTransport(
    { url: smtp.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: smtp.from },
  );
}
