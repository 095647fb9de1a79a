import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from './config.js';
import { backup, restore } from './db/backup.js';
import type { Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';
import { openConfigured, startServer } from './main.js';
import { verifyAudit } from './modules/audit/audit.service.js';
import { EVALUATE_USAGE, runEvaluate } from './modules/results/evaluate-cli.js';
import { createAccount } from './modules/users/accounts.js';
import { type Deps, makeDeps, systemCtx } from './platform/context.js';
import { type ControlRequest, sendControl } from './platform/control.js';
import { lockHolder } from './platform/lock.js';

const USAGE = `jixiao — 绩效管理信息系统 command line

  jixiao start                      start API + web UI (seeds demo data when JIXIAO_DEMO is on)
  jixiao migrate                    bring the database schema up to date
  jixiao seed-demo                  add the demo city (idempotent)
  jixiao create-admin --username U --password P [--name N]
                                    create a system administrator (must change password on first sign-in)
  jixiao audit verify               check the audit trail's HMAC-SM3 chain; exit 1 on the first bad row
  jixiao backup FILE                write a consistent backup (works while the server runs)
  jixiao restore FILE               replace all data with a backup (server must be stopped)
  jixiao evaluate --plan FILE --data FILE [--period P] [--trace UNIT] [--lang en] [--json]
                                    score a plan file on a data file (CSV/.xlsx/JSON); no database
  jixiao COMMAND --help             the usage of one command (also: jixiao help COMMAND)

Configuration comes from environment variables; see README.md.`;

/** Usage of each command, printed by `jixiao CMD --help` (or `-h`, or `jixiao help CMD`) with exit 0. */
export const COMMAND_USAGE: Record<string, string> = {
  start: `jixiao start
  Start the API and the web UI on $PORT (default 3000); with JIXIAO_DEMO on, seed the demo city first.
  Runs until SIGINT / SIGTERM. The database is $DATABASE_URL, or the embedded one in $JIXIAO_DATA_DIR.`,
  migrate: `jixiao migrate
  Bring the database schema up to date (also done at every start); a database newer than the code is refused.`,
  'seed-demo': `jixiao seed-demo
  Add the demo city, its plans, accounts and data (idempotent).`,
  'create-admin': `jixiao create-admin --username U --password P [--name N]
  Create a system administrator, who must change the password at the first sign-in.`,
  audit: `jixiao audit verify
  Check the audit trail's HMAC-SM3 chain; exit 1 at the first bad row (asks the running server, if any).`,
  backup: `jixiao backup FILE
  Write a consistent backup (gzipped JSON lines) to FILE; works while the server runs.`,
  restore: `jixiao restore FILE
  Replace all data with the backup in FILE; the server must be stopped.`,
  evaluate: EVALUATE_USAGE,
  help: `jixiao help [COMMAND]
  Print the list of commands, or the usage of one command.`,
};

const wantsHelp = (args: string[]) => args.some((a) => a === '--help' || a === '-h');

/** Open the database for a one-off command; with the embedded engine this fails while a server holds it. */
async function withDatabase<T>(config: Config, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const { database, release } = await openConfigured(config);
  try {
    await migrate(database);
    return await fn(makeDeps(database, config));
  } finally {
    await database.close();
    release();
  }
}

/** For read-only commands on the embedded engine: ask the running server, else open the dir ourselves. */
const serverHolds = (config: Config) => !config.databaseUrl && lockHolder(config.dataDir) !== null;

/** A read-only command: sent to the running server that holds the data dir, else run here on the database. */
const readOnly = async <T>(config: Config, req: ControlRequest, here: (deps: Deps) => Promise<T>) =>
  (serverHolds(config) ? await sendControl(config.dataDir, req) : await withDatabase(config, here)) as T;

/** A command given the wrong words: say how it is used; exit code 2. */
const misused = (io: CliIo, usage: string) => {
  io.err(usage);
  return 2;
};

/** Where a command writes and which environment it reads: the process's, or a test's. */
export interface CliIo {
  out: (s: string) => void | Promise<void>;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Large outputs must be flushed before the CLI exits, or a pipe reader gets them cut short. */
const processIo: CliIo = {
  out: (s) =>
    new Promise<void>((done, fail) => process.stdout.write(`${s}\n`, (e) => (e ? fail(e) : done()))),
  err: (s) => console.error(s),
  env: process.env,
};

/** The `jixiao` command: runs `argv` and answers the exit code; an error becomes a message and 1. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (err) {
    io.err(err instanceof ConfigError ? err.message : `jixiao: ${(err as Error).message}`);
    return 1;
  }
}

async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || (cmd === 'help' && !rest[0])) {
    await io.out(USAGE);
    return cmd ? 0 : 1;
  }
  // Help never loads the configuration, opens the database or starts anything.
  const helpOn = cmd === 'help' ? (wantsHelp(rest) ? 'help' : rest[0]!) : wantsHelp(rest) ? cmd : null;
  if (helpOn !== null) {
    const usage = COMMAND_USAGE[helpOn];
    if (!usage) return misused(io, `Unknown command "${helpOn}".\n\n${USAGE}`);
    await io.out(usage);
    return 0;
  }
  // Works on files alone: no configuration, no database.
  if (cmd === 'evaluate') return runEvaluate(rest, io);
  const config = loadConfig(io.env, { defaultDemo: false });
  switch (cmd) {
    case 'start': {
      const running = await startServer(config);
      printBanner(config, running.url, running.accounts);
      const stop = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return new Promise<number>(() => {}); // runs until a signal
    }
    case 'migrate':
      return withDatabase(config, async ({ database }) => {
        await io.out(`Schema is up to date (${database.engine}).`);
        return 0;
      });
    case 'seed-demo':
      return withDatabase(config, async (deps) => {
        const { accounts } = await seedDemo(deps);
        await io.out(`Demo city ready; ${accounts.length} demo accounts.`);
        return 0;
      });
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      });
      if (!values.username || !values.password)
        return misused(io, 'create-admin needs --username and --password');
      return withDatabase(config, async (deps) => {
        await deps.database.db.transaction((tx) =>
          createAccount(deps, tx, systemCtx, {
            username: values.username!,
            displayName: values.name ?? values.username!,
            password: values.password!,
            grants: [{ role: 'system_admin', scopeType: 'global' }],
            mustChangePassword: true,
            source: 'cli',
          }),
        );
        await io.out(
          `Created system administrator ${values.username}; the password must be changed at first sign-in.`,
        );
        return 0;
      });
    }
    case 'audit': {
      if (rest[0] !== 'verify') return misused(io, 'usage: jixiao audit verify');
      const result = await readOnly(config, { cmd: 'verify-audit' }, verifyAudit);
      if (result.problem) {
        io.err(
          `Audit trail BROKEN at row ${result.problem.id} (${result.problem.problem}): ${result.problem.message}`,
        );
        return 1;
      }
      await io.out(`Audit trail intact: ${result.checked} rows verified.`);
      return 0;
    }
    case 'backup': {
      const file = rest[0];
      if (!file) return misused(io, 'usage: jixiao backup FILE');
      const r = await readOnly(config, { cmd: 'backup', file: resolve(file) }, ({ database }) =>
        backup(database, file),
      );
      await io.out(`Backup written to ${file}: ${r.tables} tables, ${r.rows} rows.`);
      return 0;
    }
    case 'restore': {
      const file = rest[0];
      if (!file) return misused(io, 'usage: jixiao restore FILE');
      return withDatabase(config, async ({ database }: { database: Database }) => {
        const r = await restore(database, file);
        await io.out(`Restored ${r.rows} rows into ${r.tables} tables from ${file}.`);
        return 0;
      });
    }
    default:
      return misused(io, `Unknown command "${cmd}".\n\n${USAGE}`);
  }
}

function printBanner(
  config: Config,
  url: string,
  accounts: { username: string; password: string; role: string; note: string }[],
) {
  const db = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(
    `\n  Jixiao 绩效管理信息系统 is running at ${url}\n  database: ${db}\n  API docs: ${url}/api/docs`,
  );
  if (accounts.length) {
    console.log('\n  Demo accounts (demo mode):');
    for (const a of accounts)
      console.log(`    ${a.username.padEnd(10)} ${a.password.padEnd(16)} ${a.role.padEnd(13)} ${a.note}`);
  }
  console.log('');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
