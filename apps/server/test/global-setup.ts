/**
 * Vitest global setup of the server's integration tests: one directory per run where the database
 * templates (templates.ts) are built on first use and copied per test file; removed at the end,
 * with this run's PostgreSQL template databases.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropTemplateDatabases } from './templates.js';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-tpl-'));
  const prefix = `jixiao_tpl_${randomBytes(4).toString('hex')}`;
  project.provide('jixiaoTemplates', dir);
  project.provide('jixiaoTemplatePrefix', prefix);
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (url) await dropTemplateDatabases(url, prefix);
    rmSync(dir, { recursive: true, force: true });
  };
}
