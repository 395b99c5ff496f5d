import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SignedIn } from './http-client.js';
import { waitFor } from './socket-client.js';

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  headers: Map<string, string>;
  /** The whole message with quoted-printable undone, to look for what a reader would see. */
  decoded: string;
}

/** Whether the server accepts a recipient: yes, "try again later" (4xx), or "never" (5xx). */
export type Verdict = 'accept' | 'try-later' | 'refuse';

export interface MailServer {
  url: string;
  received: ReceivedMail[];
  /** Every RCPT TO the server was asked, accepted or not: how often a node tried. */
  attempts: string[];
  connections: number;
  verdicts: Verdict[];
  close(): Promise<void>;
}

/** A real SMTP server on a random port, requiring the given login, recording what it gets. */
export async function startMailServer(login = { user: 'cutroom', pass: 'mail-secret' }): Promise<MailServer> {
  const received: ReceivedMail[] = [];
  const attempts: string[] = [];
  const verdicts: Verdict[] = [];
  let connections = 0;
  const smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.pass)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      attempts.push(address.address);
      const verdict = verdicts.shift() ?? 'accept';
      if (verdict === 'accept') return callback();
      const refused = verdict === 'refuse';
      callback(
        Object.assign(new Error(refused ? 'No such mailbox' : 'Try again later'), {
          responseCode: refused ? 550 : 451,
        }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          headers: headersOf(raw),
          decoded: decodeQuotedPrintable(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://${login.user}:${login.pass}@127.0.0.1:${port}`,
    received,
    attempts,
    verdicts,
    get connections() {
      return connections;
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

function headersOf(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export async function mailsTo(mailServer: MailServer, person: SignedIn, count = 1): Promise<ReceivedMail[]> {
  await waitFor(() => mailsFor(mailServer, person).length >= count, 30_000);
  return mailsFor(mailServer, person);
}

/** The first mail to `person` whose text holds `text`, once it has come (other mails may come first). */
export function mailContaining(
  mailServer: MailServer,
  person: SignedIn,
  text: string,
): Promise<ReceivedMail> {
  return waitFor(() => mailsFor(mailServer, person).find((mail) => mail.decoded.includes(text)), 30_000);
}

export function mailsFor(mailServer: MailServer, person: SignedIn): ReceivedMail[] {
  return mailServer.received.filter((mail) => mail.envelopeTo.includes(person.user.email));
}
