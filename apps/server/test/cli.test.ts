import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_USAGE } from '../src/cli.js';
import { bin, runJixiao } from './cli-run.js';

/**
 * The `jixiao` command against a real server process on the embedded database: the server is the
 * binary as an operator starts it (a process of its own, holding the data dir); the other commands
 * run in-process through main(), which is what the binary runs.
 */
const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
const port = 3300 + Math.floor(Math.random() * 500);
const env = {
  ...process.env,
  JIXIAO_DATA_DIR: dir,
  PORT: String(port),
  JIXIAO_DEMO: '0',
  LOG_LEVEL: 'warn',
  DATABASE_URL: '',
};
const jixiao = (...args: string[]) => runJixiao(env, ...args);

describe.skipIf(!!process.env.TEST_DATABASE_URL)('jixiao CLI on the embedded database', () => {
  let server: ChildProcess;

  beforeAll(async () => {
    expect((await jixiao('create-admin', '--username', 'root', '--password', 'Root-pass-2026')).status).toBe(
      0,
    );
    server = spawn(process.execPath, [bin, 'start'], { env, stdio: 'pipe' });
    // Up to 100 s: the server opens a fresh embedded database while other test files run.
    for (let i = 0; i < 500; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('server did not start');
  });

  afterAll(async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process on the data dir the server holds', async () => {
    const r = await jixiao('migrate');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/in use by another Jixiao process/);
  });

  it('backs up while the server runs, through the server', async () => {
    const r = await jixiao('backup', join(dir, 'live.jsonl.gz'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Backup written .* \d+ tables, \d+ rows/);
  });

  it('verifies the audit trail', async () => {
    const r = await jixiao('audit', 'verify');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Audit trail intact: [1-9]\d* rows verified/);
  });

  it('the admin made by create-admin must change the password first', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: 'Root-pass-2026' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(
      true,
    );
  });

  it('fails with a clear message on a bad variable', async () => {
    const r = await runJixiao({ ...env, PORT: 'abc' }, 'migrate');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Invalid configuration:\n\s+PORT:/);
  });
});

/** `--help` anywhere prints usage and exits 0, without configuration or database (issue 8, point 12). */
describe('jixiao --help', () => {
  // A configuration that would fail to load: help must not read it.
  const run = (...args: string[]) => runJixiao({ ...env, PORT: 'not-a-port' }, ...args);

  it('jixiao --help and jixiao evaluate --help print usage and exit 0', async () => {
    const top = await run('--help');
    expect(top.status, top.stderr).toBe(0);
    expect(top.stdout).toMatch(/jixiao evaluate --plan FILE --data FILE/);
    expect(top.stdout).toMatch(/jixiao COMMAND --help/);
    const ev = await run('evaluate', '--help');
    expect(ev.status, ev.stderr).toBe(0);
    expect(ev.stdout).toMatch(/^jixiao evaluate --plan FILE --data FILE/);
    expect(ev.stderr).toBe('');
  });

  it('every command answers --help, -h and help COMMAND with its usage (exit 0)', async () => {
    const commands = Object.keys(COMMAND_USAGE);
    expect(commands).toEqual(
      expect.arrayContaining([
        'start',
        'migrate',
        'seed-demo',
        'create-admin',
        'audit',
        'backup',
        'restore',
        'evaluate',
      ]),
    );
    for (const cmd of commands)
      for (const args of [
        [cmd, '--help'],
        [cmd, '-h'],
        ['help', cmd],
        [cmd, 'x', '--help'],
      ]) {
        const r = await run(...args);
        expect(r.status, args.join(' ')).toBe(0);
        expect(r.stdout, args.join(' ')).toContain(`jixiao ${cmd}`);
      }
    expect((await run('audit', 'verify', '--help')).status).toBe(0);
    expect((await run('help')).status).toBe(0);
    const unknown = await run('nonsense', '--help');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "nonsense"/);
  });
});
