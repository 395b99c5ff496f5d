import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives working defaults for a fresh machine', () => {
    const config = loadConfig({}, '/srv/cutroom');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('/srv/cutroom/.data'));
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
    expect(config.smtp).toBeUndefined();
  });

  it('lists every bad variable with what was given', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('"abc"');
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('postgres://');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL:'))).toBeDefined();
  });

  it('uses secure cookies behind an https public URL and trims its slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://review.example.com/', PORT: '8080' });
    expect(config.publicUrl).toBe('https://review.example.com');
    expect(config.secureCookies).toBe(true);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('keeps /api/metrics off without METRICS_TOKEN, and never echoes a bad token', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'scrape-me-please-123' }).metricsToken).toBe('scrape-me-please-123');
    let message = '';
    try {
      loadConfig({ METRICS_TOKEN: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/METRICS_TOKEN: must be at least 16 characters/);
    expect(message).not.toContain('short-secret');
  });

  it('turns e-mail on with SMTP_URL, from a default sender unless SMTP_FROM names one', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://mailer:secret@mail.example.com:587' }).smtp).toEqual({
      url: 'smtp://mailer:secret@mail.example.com:587',
      from: 'Cutroom <cutroom@localhost>',
    });
    expect(
      loadConfig({ SMTP_URL: 'smtps://mail.example.com', SMTP_FROM: 'Review <review@example.com>' }).smtp,
    ).toEqual({ url: 'smtps://mail.example.com', from: 'Review <review@example.com>' });
    expect(loadConfig({ SMTP_URL: 'smtp://mail', SMTP_FROM: 'review@example.com' }).smtp?.from).toBe(
      'review@example.com',
    );
    // A sender alone does not turn mail on.
    expect(loadConfig({ SMTP_FROM: 'review@example.com' }).smtp).toBeUndefined();
  });

  it('refuses a mail server that is not an smtp URL, and a sender that is not an address', () => {
    for (const SMTP_URL of ['mail.example.com:587', 'http://mail.example.com', 'smtp://']) {
      expect(() => loadConfig({ SMTP_URL })).toThrow(/SMTP_URL: must/);
    }
    for (const SMTP_FROM of ['Cutroom', 'Cutroom <cutroom>', 'a@b\nBcc: c@d', 'x <a@b> <c@d>']) {
      expect(() => loadConfig({ SMTP_URL: 'smtp://mail', SMTP_FROM })).toThrow(
        /SMTP_FROM: must be an address/,
      );
    }
  });

  it('never repeats a password from a bad URL', () => {
    let caught: unknown;
    try {
      loadConfig({ SMTP_URL: 'ftp://mailer:hunter2@mail.example.com', DATABASE_URL: 'mysql://u:hunter3@db' });
    } catch (error) {
      caught = error;
    }
    const message = (caught as ConfigError).message;
    expect(message).toContain('SMTP_URL: must be an smtp:// or smtps:// URL');
    expect(message).toContain('ftp://mailer:***@mail.example.com');
    expect(message).not.toMatch(/hunter/);
  });
});

describe('.env.example', () => {
  const text = readFileSync(path.join(__dirname, '../../../../.env.example'), 'utf8');
  const lines = text.split('\n').map((line) => /^#?\s*([A-Z][A-Z0-9_]+)=(.*)$/.exec(line.trim()));

  it('names every variable Cutroom reads (NODE_ENV aside, which tools set)', () => {
    const named = new Set(lines.flatMap((m) => (m ? [m[1]] : [])));
    expect([...named].sort()).toEqual(CONFIG_VARIABLES.filter((v) => v !== 'NODE_ENV').sort());
  });

  it('holds values start-up accepts, commented-out examples included', () => {
    const env = Object.fromEntries(lines.flatMap((m) => (m ? [[m[1], m[2]]] : [])));
    expect(() => loadConfig(env, '/srv/cutroom')).not.toThrow();
  });
});
