import path from 'node:path';
import { z } from 'zod';

const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number')
  .min(0)
  .max(65535, 'must be at most 65535');

const positiveInt = (max: number) => z.coerce.number({ message: 'must be a number' }).int().min(1).max(max);

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .pipe(z.url({ message: 'must be a valid URL' }))
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_POSTGRES_PORT: port.optional(),
  PUBLIC_URL: z.url({ message: 'must be a URL such as https://review.example.com' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_DAYS: positiveInt(365).default(30),
  INVITATION_TTL_DAYS: positiveInt(365).default(14),
  AUTH_RATE_LIMIT_PER_MINUTE: positiveInt(100000).default(20),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  MAX_UPLOAD_BYTES: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int()
    .positive()
    .default(20 * 1024 ** 3),
  MIN_FREE_DISK_BYTES: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int()
    .min(0)
    .default(2 * 1024 ** 3),
  FFMPEG_PATH: z.string().min(1).optional(),
  FFPROBE_PATH: z.string().min(1).optional(),
  MEDIA_WORKER: z.enum(['true', 'false']).default('true'),
  MEDIA_CONCURRENCY: positiveInt(16).default(1),
  MEDIA_JOB_LEASE_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(3)
    .max(3600)
    .default(30),
  DELETED_RETENTION_DAYS: positiveInt(3650).default(30),
  ROUND_REMINDER_HOURS_BEFORE: z.coerce
    .number({ message: 'must be a number of hours' })
    .min(0)
    .max(24 * 90)
    .default(24),
  ROUND_REMINDER_SWEEP_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(1)
    .max(3600)
    .default(60),
  MEDIA_PRESET: z
    .enum(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow'])
    .default('veryfast'),
  MEDIA_NICENESS: z.coerce
    .number({ message: 'must be a number from 0 to 19' })
    .int({ message: 'must be a whole number from 0 to 19' })
    .min(0)
    .max(19)
    .default(10),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587')
    .pipe(z.url({ message: 'must be a valid URL' }))
    .refine((url) => new URL(url).hostname !== '', "must name the mail server's host")
    .optional(),
  NOTIFY_EMAIL_BATCH_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(1)
    .max(86400)
    .default(300),
  SMTP_FROM: z
    .string()
    .regex(
      /^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
      'must be an address such as cutroom@example.com or "Cutroom <cutroom@example.com>"',
    )
    .default('Cutroom <cutroom@localhost>'),
  DRAIN_SECONDS: positiveInt(600).default(10),
  DRAIN_DELAY_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(600).default(0),
  LIVE_SESSION_GRACE_SECONDS: positiveInt(3600).default(15),
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters: it is the password of /api/metrics')
    .regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces')
    .optional(),
});

/** Variables whose value may hold a password: never echoed whole in an error. */
const SECRET_URLS = new Set(['DATABASE_URL', 'SMTP_URL']);
/** Variables that are a secret whole: never echoed at all. */
const SECRETS = new Set(['METRICS_TOKEN']);

/** Every variable Cutroom reads, for the documentation that must list them all. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

export interface AppConfig {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  /** Undefined means: start the embedded Postgres under `dataDir/postgres`. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPostgresPort: number | undefined;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlMs: number;
  /** An invitation to a project not accepted within this long is void. */
  invitationTtlMs: number;
  authRateLimitPerMinute: number;
  trustProxy: boolean;
  /** Cookies carry `Secure` when the public URL is https. */
  secureCookies: boolean;
  maxUploadBytes: number;
  /** An upload is refused (507) when it would leave less than this free on the media disk. */
  minFreeDiskBytes: number;
  ffmpegPath: string | undefined;
  ffprobePath: string | undefined;
  /** Run a media worker inside the api process (`npm start`); `npm run worker` runs one alone. */
  inProcessWorker: boolean;
  mediaConcurrency: number;
  /** A worker renews its job's lease this often ×3; a dead worker's job is taken over after it lapses. */
  mediaJobLeaseSeconds: number;
  /** x264 preset for renditions: slower presets give smaller files for the same quality. */
  /** A deleted cut stays restorable this many days; the worker's purge erases it after. */
  deletedRetentionDays: number;
  /** Pending approvers are reminded this long before a round's due date (0: only at the date). */
  roundReminderBeforeMs: number;
  /** How often due dates are checked for reminders to send. */
  roundReminderSweepMs: number;
  mediaPreset: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow';
  /**
   * ffmpeg runs at this lower CPU priority (Unix nice; 0: as the server), so that on a machine
   * shared with the api, requests and live notes go before transcoding.
   */
  mediaNiceness: number;
  /** E-mail notifications: off (undefined) unless SMTP_URL is set. Links in mails use `publicUrl`. */
  smtp: SmtpConfig | undefined;
  /** At most one activity e-mail per person this often: it lists everything since the last. */
  notifyEmailBatchMs: number;
  /** On SIGTERM, requests and upload chunks under way get this long to finish. */
  drainMs: number;
  /** On SIGTERM, how long the process keeps listening while readiness says "draining". */
  drainDelayMs: number;
  /** How long someone with no socket following a live session stays in it (reconnects keep the seat). */
  liveSessionGraceMs: number;
  /** /api/metrics answers only a bearer of this token; off (404) when unset. */
  metricsToken: string | undefined;
}

export interface SmtpConfig {
  /** smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), credentials in the URL. */
  url: string;
  /** The From header of every mail. */
  from: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment once; lists every bad variable in one error. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const withoutBlanks = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(withoutBlanks);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const given = SECRETS.has(name)
          ? '***'
          : SECRET_URLS.has(name)
            ? withoutPassword(env[name])
            : env[name];
        return `${name}: ${issue.message} (got ${JSON.stringify(given)})`;
      }),
    );
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    embeddedPostgresPort: e.EMBEDDED_POSTGRES_PORT,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
    invitationTtlMs: e.INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY === 'true',
    secureCookies: publicUrl.startsWith('https://'),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    minFreeDiskBytes: e.MIN_FREE_DISK_BYTES,
    ffmpegPath: e.FFMPEG_PATH,
    ffprobePath: e.FFPROBE_PATH,
    inProcessWorker: e.MEDIA_WORKER === 'true',
    mediaConcurrency: e.MEDIA_CONCURRENCY,
    mediaJobLeaseSeconds: e.MEDIA_JOB_LEASE_SECONDS,
    mediaPreset: e.MEDIA_PRESET,
    mediaNiceness: e.MEDIA_NICENESS,
    deletedRetentionDays: e.DELETED_RETENTION_DAYS,
    roundReminderBeforeMs: e.ROUND_REMINDER_HOURS_BEFORE * 3600_000,
    roundReminderSweepMs: e.ROUND_REMINDER_SWEEP_SECONDS * 1000,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
    notifyEmailBatchMs: e.NOTIFY_EMAIL_BATCH_SECONDS * 1000,
    drainMs: e.DRAIN_SECONDS * 1000,
    drainDelayMs: e.DRAIN_DELAY_SECONDS * 1000,
    liveSessionGraceMs: e.LIVE_SESSION_GRACE_SECONDS * 1000,
    metricsToken: e.METRICS_TOKEN,
  };
}

/** The value with any password in it masked, as far as it can be read as a URL. */
function withoutPassword(value: string | undefined): string | undefined {
  if (!value) return value;
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = '***';
    return url.toString();
  } catch {
    // Not a URL: still hide whatever sits between "://user:" and "@".
    return value.replace(/(:\/\/[^:/@\s]*:)[^@\s]*@/, '$1***@');
  }
}

/** For entry points: the validated config, or the list of bad variables on stderr and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}
