import { type Config, DEFAULT_PDF_FONT } from '../src/config.js';

/** The configuration every test app starts from (and the demo templates are seeded with). */
export function testConfig(over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    demo: false,
    secret: 'test-secret-0123456789abcdef0123456789abcdef',
    trustProxy: false,
    secureCookie: false,
    logLevel: 'silent',
    smtpUrl: undefined,
    mailFrom: 'jixiao@localhost',
    pdfFont: DEFAULT_PDF_FONT,
    clockOffsetDays: 0,
    ...over,
  };
}
