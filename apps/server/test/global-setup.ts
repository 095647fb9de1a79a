/**
 * Vitest global setup of the server's tests: one directory per run for the database templates
 * (templates.ts), with the migrated template built in it; removed at the end, with this run's
 * PostgreSQL template databases.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropTemplateDatabases, prepare } from './templates.js';

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-tpl-'));
  const prefix = `jixiao_tpl_${randomBytes(4).toString('hex')}`;
  const teardown = async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (url) await dropTemplateDatabases(url, prefix);
    rmSync(dir, { recursive: true, force: true });
  };
  project.provide('jixiaoTemplates', dir);
  project.provide('jixiaoTemplatePrefix', prefix);
  // Every integration test file starts from it: built here, before the files and their hook timeouts.
  await prepare({ dir, prefix }, { kind: 'migrated' }).catch(async (e) => {
    await teardown();
    throw e;
  });
  return teardown;
}
