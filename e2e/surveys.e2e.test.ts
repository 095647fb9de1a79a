import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Captcha } from '../apps/server/src/platform/captcha.js';
import { confirmPop, getJson, noOverflow, screenshots, useHarness } from './harness.js';

/**
 * Satisfaction evaluation in the browser (issue 10 point 12): a voter on a 375 px phone opens a QR
 * link, answers and submits, and the same code is refused the second time; the office scores the
 * year-end campaign on its page and the plan's survey indicator changes in the results.
 */
describe('survey campaigns and the ballot page', () => {
  const h = useHarness();
  let office: Page;
  let planId = 0;
  let campaign = { id: 0, version: 0, groups: [] as { id: number; code: string }[] };
  let code = '';

  const post = <T>(page: Page, path: string, body: unknown) =>
    page.evaluate(
      async ([p, b]) => {
        const r = await fetch(p, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(b),
        });
        if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
        return r.json();
      },
      [path, body] as const,
    ) as Promise<T>;

  it('the office issues year-end codes for the service objects (one per unit)', async () => {
    office = await h.as('office');
    const plans = await getJson<{ id: number; status: string; year: number }[]>(office, '/api/plans');
    planId = plans.find((p) => p.status === 'active' && p.year === 2026)!.id;
    const list = await getJson<(typeof campaign & { kind: string })[]>(
      office,
      `/api/survey-campaigns?planId=${planId}`,
    );
    campaign = list.find((c) => c.kind === 'year_end')!;
    const service = campaign.groups.find((g) => g.code === 'service')!;
    const issued = await post<{ codes: { code: string; unitId: number }[] }>(
      office,
      `/api/survey-campaigns/${campaign.id}/codes`,
      {
        groupId: service.id,
        perUnit: true,
        count: 1,
      },
    );
    expect(issued.codes.length).toBeGreaterThan(100);
    code = issued.codes[0]!.code;
  });

  it('a voter on a phone opens the QR link, answers and submits; the same code is refused after', async () => {
    const ctx = await h.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    const phone = await ctx.newPage();
    await phone.goto(`${h.url}/ballot#${code}`);
    // The code is read from the link and leaves the address bar.
    await phone.getByTestId('ballot-code').waitFor();
    expect(await phone.getByTestId('ballot-code').inputValue()).toBe(code);
    await phone.waitForFunction(() => window.location.hash === '');
    await phone.getByRole('button', { name: '开始评议' }).click();
    await phone.getByTestId('ballot-unit').waitFor();
    expect(await noOverflow(phone)).toBe(true);
    await phone.getByTestId('q-overall').getByText('满意', { exact: true }).click();
    await phone.screenshot({ path: join(screenshots, 'surveys-ballot-phone.png'), fullPage: true });
    await phone.getByTestId('ballot-submit').click();
    await phone.getByTestId('ballot-done').waitFor();
    expect(await phone.getByTestId('ballot-done').innerText()).toContain('提交成功');
    // The same QR scanned again: a clear refusal in Chinese, nothing stored.
    const again = await ctx.newPage();
    await again.goto(`${h.url}/ballot#${code}`);
    await again.getByRole('button', { name: '开始评议' }).click();
    await again.getByTestId('ballot-error').waitFor();
    expect(await again.getByTestId('ballot-error').innerText()).toContain('此编码已经使用过');
    await again.screenshot({ path: join(screenshots, 'surveys-ballot-used.png'), fullPage: true });
    await ctx.close();
  });

  it('a citizen votes in the public e-poll on a phone with the captcha; the same phone cannot vote twice', async () => {
    // The office finds the poll's public link on the campaign.
    await office.goto(`${h.url}/surveys?plan=${planId}`);
    const card = office.getByTestId(`campaign-${campaign.id}`);
    const poll = campaign.groups.find((g) => g.code === 'epoll')!;
    await card.getByTestId(`poll-link-${poll.id}`).click();
    const link = (await office.getByTestId('poll-url').innerText()).trim();
    expect(link).toBe(`${h.url}/poll/${poll.id}`);
    // Only a holder of the installation secret can read a captcha without looking: the test is one.
    const secret = readFileSync(join(h.dataDir, 'secret.key'), 'utf8').trim();
    const solve = (token: string) => {
      for (let i = 0; i < 10_000; i++) {
        const answer = String(i).padStart(4, '0');
        if (new Captcha(secret).check(token, answer, Date.now()) === 'ok') return answer;
      }
      throw new Error('unsolvable');
    };
    const ctx = await h.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    const phone = await ctx.newPage();
    const vote = async () => {
      const captcha = phone.waitForResponse((r) => r.url().endsWith('/api/poll/captcha'));
      await phone.goto(link);
      const { token } = await (await captcha).json();
      await phone.getByTestId('captcha-image').waitFor();
      for (const row of await phone.locator('[data-testid^="q-units-"]').all())
        await row.getByText('满意', { exact: true }).click();
      await phone.getByTestId('captcha-answer').fill(solve(token));
      await phone.getByTestId('ballot-submit').click();
    };
    await vote();
    await phone.getByTestId('ballot-done').waitFor();
    expect(await phone.getByTestId('ballot-done').innerText()).toContain('提交成功');
    // Back on the same phone (the same device cookie): refused, in Chinese.
    await vote();
    await phone.getByTestId('ballot-error').waitFor();
    expect(await phone.getByTestId('ballot-error').innerText()).toContain('此设备已经参加过本次民调');
    expect(await noOverflow(phone)).toBe(true);
    await phone.screenshot({ path: join(screenshots, 'surveys-poll-phone.png'), fullPage: true });
    await ctx.close();
  });

  it('the office closes and scores the year-end campaign; S4 of the year result follows the survey', async () => {
    type Trace = { components: Node[] };
    type Node = { code: string; score: number | null; children?: Node[] };
    const find = (nodes: Node[], c: string): Node | undefined =>
      nodes.map((n) => (n.code === c ? n : find(n.children ?? [], c))).find(Boolean);
    await office.goto(`${h.url}/surveys?plan=${planId}`);
    await office.getByTestId('surveys-page').waitFor();
    const card = office.getByTestId(`campaign-${campaign.id}`);
    await card.getByTestId('campaign-groups').waitFor({ timeout: 60_000 });
    await card.getByTestId('campaign-close').click();
    await confirmPop(office);
    await card.getByTestId('campaign-score').waitFor({ timeout: 60_000 });
    await card.getByTestId('campaign-score').click();
    await confirmPop(office);
    await card.getByTestId('campaign-results').waitFor({ timeout: 60_000 });
    expect(await card.getByTestId('campaign-status').innerText()).toBe('已计分');
    await office.screenshot({ path: join(screenshots, 'surveys-office.png'), fullPage: false });
    // The year-end survey now gives S1–S4 of the year (of one period the campaign wins over the import).
    const results = await getJson<{ indicator: string; unitCode: string; value: number | null }[]>(
      office,
      `/api/survey-campaigns/${campaign.id}/results`,
    );
    const run = await post<{ id: number }>(office, `/api/plans/${planId}/evaluate`, {
      period: '2026-Y',
      whileOpen: true,
    });
    const scored = results.find((r) => r.indicator === 'S4' && r.value !== null)!;
    const trace = await getJson<Trace & { sources: { indicator: string; kind: string; id: number }[] }>(
      office,
      `/api/plans/${planId}/results/${scored.unitCode}/trace?period=2026-Y&run=${run.id}`,
    );
    expect(trace.sources.find((s) => s.indicator === 'S4' && s.kind === 'survey')?.id).toBe(campaign.id);
    // S4 is 10 points scored value / 100 (rounded to 2 decimals).
    expect(find(trace.components, 'S4')!.score).toBeCloseTo(Math.round(scored.value! * 10) / 100, 2);
  });
});
