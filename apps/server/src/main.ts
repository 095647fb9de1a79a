import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { backup } from './db/backup.js';
import { type Database, openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';
import { verifyAudit } from './modules/audit/audit.service.js';
import { penaliseAllOverdue } from './modules/inquiries/penalties.service.js';
import { pumpMail } from './modules/notifications/notifications.service.js';
import { notifyUpcomingDeadlines } from './modules/periods/periods.service.js';
import { remindOverdue } from './modules/rectification/rectification.service.js';
import { type Deps, makeDeps } from './platform/context.js';
import { listenControl } from './platform/control.js';
import { acquireLock } from './platform/lock.js';
import { pdfWarning } from './platform/pdf.js';

export const webDist = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Open the configured database. For the embedded engine the data dir lock is taken first, so a
 * second process fails with a clear message instead of corrupting data.
 */
export async function openConfigured(config: Config): Promise<{ database: Database; release: () => void }> {
  if (config.databaseUrl)
    return { database: await openDatabase({ url: config.databaseUrl }), release: () => {} };
  mkdirSync(config.dataDir, { recursive: true });
  const release = acquireLock(config.dataDir);
  try {
    return { database: await openDatabase({ dir: config.dataDir }), release };
  } catch (e) {
    release();
    throw e;
  }
}

export interface Running {
  app: FastifyInstance;
  url: string;
  accounts: { username: string; password: string; role: string; note: string }[];
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<Running> {
  const { database, release } = await openConfigured(config);
  try {
    await migrate(database);
    const offset = config.clockOffsetDays * 86_400_000;
    const now = offset ? () => new Date(Date.now() + offset) : undefined;
    const deps: Deps = makeDeps(database, config, { now });
    const accounts = config.demo ? (await seedDemo(deps)).accounts : [];
    const app = await buildApp({ database, config, webDist, now });
    const control = config.databaseUrl
      ? null
      : await listenControl(config.dataDir, async (req) => {
          if (req.cmd === 'backup') return backup(database, resolve(req.file));
          if (req.cmd === 'verify-audit') return verifyAudit(deps);
          throw new Error('unknown command');
        });
    await app.listen({ port: config.port, host: config.host });
    // Said once at start: without the CJK font there are no PDF scorecards (.xlsx still works).
    const pdf = pdfWarning(config);
    if (pdf) app.log.warn(pdf);
    // E-mail for notifications leaves after the change that caused it has committed.
    const mailPump = config.smtpUrl
      ? setInterval(() => pumpMail(deps).catch((err) => app.log.warn({ err }, 'mail pump failed')), 15_000)
      : null;
    // Deadline reminders (3 days ahead, once per period), overdue rectification tasks (once per
    // task) and the points of inquiries left unanswered (once each), hourly; unref'd so it never
    // holds the process open.
    setInterval(() => {
      const now = new Date();
      void notifyUpcomingDeadlines(deps, now)
        .catch((err) => app.log.warn({ err }, 'deadline reminders failed'))
        .then(() => remindOverdue(deps, now))
        .catch((err) => app.log.warn({ err }, 'overdue rectification reminders failed'))
        .then(() => penaliseAllOverdue(deps, now))
        .catch((err) => app.log.warn({ err }, 'unanswered inquiry penalties failed'));
    }, 3_600_000).unref();
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    let stopped = false;
    return {
      app,
      url,
      accounts,
      async stop() {
        if (stopped) return;
        stopped = true;
        control?.close();
        if (mailPump) clearInterval(mailPump);
        await app.close();
        await database.close();
        release();
      },
    };
  } catch (e) {
    await database.close().catch(() => {});
    release();
    throw e;
  }
}

export const dataPath = (config: Config, ...parts: string[]) => join(config.dataDir, ...parts);
