import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { backup, restore } from '../src/db/backup.js';
import type { Queryable } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { verifyAudit } from '../src/modules/audit/audit.service.js';
import { acquireLock, DataDirLockedError } from '../src/platform/lock.js';
import { freshDatabase, signIn } from './helpers.js';
import { officeCookie } from './org-fixture.js';
import { useTestApp } from './use-app.js';

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-ops-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every table's rows as JSON text, for exact comparison. */
async function snapshot(q: Queryable) {
  const tables = await q.query<{ t: string }>(
    `select tablename as t from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, string[]> = {};
  for (const { t } of tables)
    out[t] = (await q.query<{ r: string }>(`select row_to_json(x)::text as r from "${t}" x`))
      .map((r) => r.r)
      .sort();
  return out;
}

describe('backup and restore', () => {
  const env = useTestApp();
  beforeAll(async () => {
    const cookie = await officeCookie(env);
    const post = async (url: string, payload: object) =>
      (await env.app.inject({ method: 'POST', url, headers: { cookie }, payload })).json();
    const city = await post('/api/org-nodes', {
      parentId: null,
      kind: 'region',
      code: 'city',
      name: '示范市',
    });
    const unit = await post('/api/org-nodes', {
      parentId: city.id,
      kind: 'department',
      code: 'u1',
      name: '一号局',
    });
    const sec = await post('/api/org-nodes', {
      parentId: unit.id,
      kind: 'section',
      code: 'u1-s',
      name: '办公室',
    });
    // Move the section up so that a child's id is smaller than a later parent's: restore must still order parents first.
    const late = await post('/api/org-nodes', {
      parentId: city.id,
      kind: 'department',
      code: 'u2',
      name: '二号局',
    });
    await env.app.inject({
      method: 'PATCH',
      url: `/api/org-nodes/${sec.id}`,
      headers: { cookie },
      payload: { parentId: late.id, version: 1 },
    });
    await post('/api/staff', { orgNodeId: unit.id, employeeNo: 'E1', name: '张三', title: '科员' });
  });

  it('a round trip restores every table exactly, into a fresh database', async () => {
    const file = join(tmp, 'b1.jsonl.gz');
    const before = await snapshot(env.database);
    const r = await backup(env.database, file);
    expect(r.rows).toBeGreaterThan(10);

    const other = await freshDatabase();
    try {
      await restore(other, file);
      expect(await snapshot(other)).toEqual(before);
      // Identity sequences continue after the restored ids.
      const [{ id }] = (await other.query<{ id: number }>(
        `insert into org_node (kind, code, name) values ('region', 'new', '新') returning id`,
      )) as [{ id: number }];
      expect(id).toBeGreaterThan(Math.max(...before.org_node!.map((j) => JSON.parse(j).id)));
      expect((await verifyAudit({ ...env.deps, database: other })).problem).toBeNull();
    } finally {
      await other.drop();
    }
  });

  it('restore replaces later changes and leaves nothing of them', async () => {
    const file = join(tmp, 'b2.jsonl.gz');
    await backup(env.database, file);
    const before = await snapshot(env.database);
    const cookie = await signIn(env, 'office');
    await env.app.inject({
      method: 'POST',
      url: '/api/org-nodes',
      headers: { cookie },
      payload: { parentId: null, kind: 'region', code: 'later', name: '后来' },
    });
    await restore(env.database, file);
    expect(await snapshot(env.database)).toEqual(before);
  });

  it('a corrupt file is refused and nothing changes', async () => {
    const file = join(tmp, 'bad.gz');
    writeFileSync(file, 'not a backup');
    const before = await snapshot(env.database);
    await expect(restore(env.database, file)).rejects.toThrow(/cannot be read/);
    expect(await snapshot(env.database)).toEqual(before);
  });
});

describe('schema versions', () => {
  it('a database migrated by newer code is refused with a clear message', async () => {
    const db = await freshDatabase();
    try {
      await db.exec(
        `insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', 4102444800000)`,
      );
      await expect(migrate(db)).rejects.toThrow(/newer than this version of Jixiao/);
    } finally {
      await db.drop();
    }
  });
});

describe('configuration', () => {
  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JIXIAO_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*JIXIAO_SECRET/,
    );
  });

  it('moves the clock ahead only in demo mode', () => {
    const dir = join(tmp, 'cfg-clock');
    expect(() => loadConfig({ JIXIAO_DATA_DIR: dir, JIXIAO_CLOCK_OFFSET_DAYS: '10' })).toThrow(
      /only in demo mode/,
    );
    expect(
      loadConfig({ JIXIAO_DATA_DIR: dir, JIXIAO_CLOCK_OFFSET_DAYS: '10', JIXIAO_DEMO: '1' }).clockOffsetDays,
    ).toBe(10);
    expect(loadConfig({ JIXIAO_DATA_DIR: dir }).clockOffsetDays).toBe(0);
  });

  it('defaults, and a secret generated once into the data dir', () => {
    const dir = join(tmp, 'cfg');
    const a = loadConfig({ JIXIAO_DATA_DIR: dir });
    expect(a).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: dir, databaseUrl: undefined });
    expect(a.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ JIXIAO_DATA_DIR: dir }).secret).toBe(a.secret);
  });
});

describe('data dir lock', () => {
  it('is refused while another live process holds it, and taken over when its holder is gone', () => {
    const dir = mkdtempSync(join(tmp, 'lock-'));
    writeFileSync(join(dir, 'jixiao.lock'), `${process.ppid}\n`); // a live process that is not us
    expect(() => acquireLock(dir)).toThrow(DataDirLockedError);
    writeFileSync(join(dir, 'jixiao.lock'), '999999999\n'); // no such process: a stale lock
    const release = acquireLock(dir);
    expect(() => acquireLock(dir)).not.toThrow(); // the holder itself may re-enter
    release();
  });
});
