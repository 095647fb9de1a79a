import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PlanSummary } from '@jixiao/contracts';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const root = resolve(import.meta.dirname, '..');
export const screenshots = join(root, 'e2e/screenshots');
export const DEMO_PASSWORD = 'Demo-2026!pass';

/** A real server (`jixiao start`) on a fresh embedded database with the demo city, and real Chromium. */
export interface Harness {
  url: string;
  browser: Browser;
  page: Page;
  /** The server's data directory (its installation secret lives there). */
  dataDir: string;
  /**
   * Stop the server and start it again on the same data (and port) with extra environment, e.g.
   * `{ JIXIAO_CLOCK_OFFSET_DAYS: '30' }` to pass a deadline. Sessions from before must sign in again.
   */
  restart(env: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  // The same stale check as `npm start`: a UI older than its sources is rebuilt first.
  const b = spawnSync(process.execPath, [join(root, 'scripts/build-web-if-stale.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (b.status !== 0) throw new Error('web build failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const port = 4100 + Math.floor(Math.random() * 800);
  const url = `http://127.0.0.1:${port}`;
  const launch = async (extra: Record<string, string> = {}) => {
    const child: ChildProcess = spawn(process.execPath, [join(root, 'apps/server/bin/jixiao.mjs'), 'start'], {
      cwd: root,
      env: {
        ...process.env,
        JIXIAO_DATA_DIR: dataDir,
        PORT: String(port),
        JIXIAO_DEMO: '1',
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        ...extra,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/readyz`)).ok) break;
      } catch {}
      if (i > 600 || child.exitCode !== null) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    return child;
  };
  const stop = async (child: ChildProcess) => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  };
  let server = await launch();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  mkdirSync(screenshots, { recursive: true });
  return {
    url,
    browser,
    page,
    dataDir,
    async restart(env) {
      await stop(server);
      server = await launch(env);
    },
    // playwright gives each launch a fresh, empty profile directory of its own.
    async close() {
      await browser.close();
      await stop(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fills the login form on `page` and sends it; a wrong password stays on the login page. */
export async function submitSignIn(page: Page, url: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs `page` in as `username` and waits until the app has left the login page. */
export async function signInPage(page: Page, url: string, username: string) {
  await submitSignIn(page, url, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Signs the harness's page in as `username` (see signInPage). */
export const signInAs = (h: Harness, username: string) => signInPage(h.page, h.url, username);

/**
 * A browser session of its own (own cookies) signed in as `username`, at a desktop width or a
 * phone's (< 500 px); `contexts` collects it so the test file closes it.
 */
export async function signedInPage(
  h: Harness,
  contexts: BrowserContext[],
  username: string,
  width = 1366,
): Promise<Page> {
  const ctx = await h.browser.newContext({
    viewport: { width, height: width < 500 ? 812 : 860 },
    locale: 'zh-CN',
  });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signInPage(page, h.url, username);
  return page;
}

/**
 * The demo server and browser of one test file: started before its tests, closed after them
 * with every session `as` opened. Read `h.url`, `h.page`, `h.browser` inside tests only.
 */
export function useHarness(): Harness & { as(username: string, width?: number): Promise<Page> } {
  let started: Harness | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await started?.close();
  });
  const get = (): Harness => {
    if (!started) throw new Error('the harness starts in beforeAll');
    return started;
  };
  return {
    get url() {
      return get().url;
    },
    get browser() {
      return get().browser;
    },
    get page() {
      return get().page;
    },
    get dataDir() {
      return get().dataDir;
    },
    restart: (env) => get().restart(env),
    close: () => get().close(),
    as: (username, width = 1366) => signedInPage(get(), contexts, username, width),
  };
}

/** GET a JSON resource with the page's session; a failed status throws with the path. */
export const getJson = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const r = await fetch(p);
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    return r.json();
  }, path) as Promise<T>;

/**
 * POST / PUT / PATCH JSON with the page's session; the status and the answer's body (the error body
 * of a refusal too), for setup steps and refusals a test checks.
 */
export const sendJson = <T = unknown>(
  page: Page,
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  body: unknown,
) =>
  page.evaluate(
    async ([m, p, b]) => {
      const r = await fetch(p as string, {
        method: m as string,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(b),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
    [method, path, body] as const,
  ) as Promise<{ status: number; body: T }>;

/** The newest active yearly plan the page's account sees (the demo's 2026 plan). */
export const currentYearPlan = async (page: Page) =>
  (await getJson<PlanSummary[]>(page, '/api/plans'))
    .filter((p) => p.status === 'active' && !p.adHoc)
    .sort((a, b) => b.year - a.year)[0]!;

/** GET with the page's session, keeping the status (for answers that may be refused). */
export const fetchJson = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const r = await fetch(p);
    return { status: r.status, body: r.ok ? await r.json() : null };
  }, path) as Promise<{ status: number; body: T }>;

/** Confirms the open antd Popconfirm. */
export const confirmPop = (page: Page) => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();

/** How far the page itself scrolls sideways (0 = none; tables scroll inside their own box). */
export const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Whether the page fits its window without scrolling sideways. */
export const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The input inside an antd field (a number box, a select's search) found by its test id. */
export const inputOf = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('xpath=descendant-or-self::input').first();

/**
 * Records an event on the events page: opens the drawer, sets its selects with `fields` (a
 * deduction unless they pick another kind), types the points and the reason, submits, and waits for
 * the drawer to close and the event's row (found by its reason), which it answers.
 */
export async function recordEvent(
  page: Page,
  event: { points: number; reason: string },
  fields: () => Promise<void>,
): Promise<Locator> {
  await page.getByTestId('ev-record').click();
  await page.getByTestId('ev-drawer').waitFor();
  await fields();
  await inputOf(page, 'ev-points').fill(String(event.points));
  await page.getByTestId('ev-reason').fill(event.reason);
  await page.getByTestId('ev-submit').click();
  await page.getByTestId('ev-drawer').waitFor({ state: 'hidden', timeout: 15_000 });
  const row = page.locator('[data-testid="ev-table"] tr', { hasText: event.reason });
  await row.waitFor({ timeout: 15_000 });
  return row;
}

/** The office's 任务书审核 → 变更申请 list: the row of the change request made for `reason`. */
export async function changeRequestRow(office: Page, reason: string): Promise<Locator> {
  await office.getByRole('menuitem', { name: '任务书审核' }).click();
  await office.getByTestId('tb-queue').waitFor({ timeout: 30_000 });
  await office.getByRole('tab', { name: '变更申请' }).click();
  const req = office.getByTestId('tb-change-table').locator('tr', { hasText: reason });
  await req.waitFor({ timeout: 15_000 });
  return req;
}

/** The A01 filler's results of `period` on a 375 px phone, checked to show only A01's released card. */
export async function fillerPhoneResults(
  h: { url: string; as(username: string, width?: number): Promise<Page> },
  planId: number,
  period: string,
): Promise<Page> {
  const page = await h.as('filler', 375);
  await page.goto(`${h.url}/results?plan=${planId}&period=${period}`);
  expect(await resultCardUnits(page)).toEqual(['A01']);
  expect(await page.getByTestId('results-status').innerText()).toBe('已发布');
  return page;
}

/** Chooses a CSV file of these lines (header first) in the page's file input. */
export const chooseCsv = (page: Page, name: string, lines: string[]) =>
  page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });

/** Previews the chosen data file with the button `previewTestId`; the text of its line problems. */
export async function previewProblems(page: Page, previewTestId: string): Promise<string> {
  await page.getByTestId(previewTestId).click();
  const problems = page.getByTestId('imp-problems');
  await problems.waitFor({ timeout: 20_000 });
  return problems.innerText();
}

/** Opens an antd select by its test id, types, and picks the first option whose title starts so. */
export async function pick(page: Page, testId: string, typed: string, title = typed) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${title}"]`)
    .first()
    .click();
}

/** The units of the results page's phone cards, once they show. */
export async function resultCardUnits(page: Page) {
  const cards = page.getByTestId('results-cards');
  await cards.waitFor({ timeout: 30_000 });
  return cards.getByTestId('results-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
}

/**
 * 计算 on the results page: confirms, answers 仍要计算 when the server says the period is still
 * open, and waits for the draft run.
 */
export async function computeDraft(page: Page) {
  await page.getByTestId('results-recompute').click();
  await confirmPop(page);
  const anyway = page.getByTestId('results-compute-anyway');
  const draft = page.locator('[data-testid="results-status"][data-status="draft"]');
  await Promise.race([
    anyway.waitFor({ timeout: 60_000 }).then(() => anyway.click()),
    draft.waitFor({ timeout: 60_000 }),
  ]);
  await draft.waitFor({ timeout: 60_000 });
}

/**
 * Release the run shown on `office`'s results page as the cycle does: 报审 by the office, then a
 * leader opens the same page and 审定 (the release). The leader's page, showing the released run.
 */
export async function submitAndApprove(h: Harness & { as(u: string): Promise<Page> }, office: Page) {
  await office.getByTestId('results-submit').click();
  await office.getByTestId('results-submit-ok').click();
  await office.locator('[data-testid="results-status"][data-status="approval"]').waitFor({ timeout: 30_000 });
  const leader = await h.as('leader');
  await leader.goto(office.url());
  await leader.getByTestId('results-approve').click({ timeout: 30_000 });
  await leader.getByTestId('results-approve-ok').click();
  await leader.locator('[data-testid="results-status"][data-status="released"]').waitFor({ timeout: 30_000 });
  return leader;
}

/**
 * On the unit's task book: asks to change one target (typed into `cell` of the dialog) for
 * `reason`, and waits for the request to be listed; the text of the list of requests.
 */
export async function requestTargetChange(page: Page, reason: string, cell: Locator, target: number) {
  await page.getByTestId('tb-request-change').click();
  await page.getByTestId('tb-change-reason').fill(reason);
  const input = (await cell.evaluate((e) => e.tagName)) === 'INPUT' ? cell : cell.locator('input');
  await input.fill(String(target));
  await page.getByTestId('tb-change-ok').click();
  const changes = page.getByTestId('tb-change-requests');
  await changes.getByText(reason).waitFor({ timeout: 15_000 });
  return changes.innerText();
}
