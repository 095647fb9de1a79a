import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Debian's fonts-noto-cjk: the CJK font the scorecard PDFs embed (its Simplified Chinese face). */
export const DEFAULT_PDF_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  JIXIAO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  JIXIAO_DEMO: bool.optional(),
  JIXIAO_CLOCK_OFFSET_DAYS: z.coerce.number().int().min(0).max(3650).optional(),
  JIXIAO_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  JIXIAO_TRUST_PROXY: bool.default(false),
  JIXIAO_SECURE_COOKIE: bool.optional(),
  JIXIAO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  JIXIAO_MAIL_FROM: z.string().email('must be an e-mail address').default('jixiao@localhost'),
  JIXIAO_PDF_FONT: z.string().min(1).default(DEFAULT_PDF_FONT),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Seed the demo city on first start and skip forced password changes. */
  demo: boolean;
  /** Key material for the audit HMAC (and later field encryption). Never stored in the database. */
  secret: string;
  trustProxy: boolean;
  /** Mark cookies Secure; defaults to on when a proxy with TLS is trusted. */
  secureCookie: boolean;
  logLevel: string;
  /** SMTP server for e-mail notifications; unset = in-app notifications only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** CJK font file for PDFs (.ttc/.ttf/.otf); when missing, PDF routes answer 503 pdf.font_missing. */
  pdfFont: string;
  /**
   * Demo only: the server's clock runs this many days ahead, so a walk through a cycle can pass a
   * deadline (a publicity's last day) without waiting for it. Refused outside demo mode.
   */
  clockOffsetDays: number;
}

export class ConfigError extends Error {}

/** Parse the environment, failing with one message that names every bad variable. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  opts: { defaultDemo?: boolean } = {},
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo = e.JIXIAO_DEMO ?? opts.defaultDemo ?? false;
  if (e.JIXIAO_CLOCK_OFFSET_DAYS && !demo)
    throw new ConfigError(
      'Invalid configuration:\n  JIXIAO_CLOCK_OFFSET_DAYS: only in demo mode (JIXIAO_DEMO=1)',
    );
  const dataDir = resolve(e.JIXIAO_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    demo,
    secret: e.JIXIAO_SECRET ?? loadOrCreateSecret(dataDir),
    trustProxy: e.JIXIAO_TRUST_PROXY,
    secureCookie: e.JIXIAO_SECURE_COOKIE ?? e.JIXIAO_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.JIXIAO_SMTP_URL,
    mailFrom: e.JIXIAO_MAIL_FROM,
    pdfFont: e.JIXIAO_PDF_FONT,
    clockOffsetDays: e.JIXIAO_CLOCK_OFFSET_DAYS ?? 0,
  };
}

/** Without JIXIAO_SECRET a random key is made once in the data dir (mode 0600) and reused. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
