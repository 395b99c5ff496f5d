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
  MEDIA_PRESET: z
    .enum(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow'])
    .default('veryfast'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587')
    .pipe(z.url({ message: 'must be a valid URL' }))
    .refine((url) => new URL(url).hostname !== '', "must name the mail server's host")
    .optional(),
  SMTP_FROM: z
    .string()
    .regex(
      /^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
      'must be an address such as cutroom@example.com or "Cutroom <cutroom@example.com>"',
    )
    .default('Cutroom <cutroom@localhost>'),
});

/** Variables whose value may hold a password: never echoed whole in an error. */
const SECRET_URLS = new Set(['DATABASE_URL', 'SMTP_URL']);

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
  mediaPreset: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow';
  /** E-mail notifications: off (undefined) unless SMTP_URL is set. Links in mails use `publicUrl`. */
  smtp: SmtpConfig | undefined;
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
        const given = SECRET_URLS.has(name) ? withoutPassword(env[name]) : env[name];
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
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
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
