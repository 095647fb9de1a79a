import { join } from 'node:path';
import type { OrgNode } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { screenshots, signInAs, submitSignIn, useHarness } from './harness.js';

describe('organisation in the browser', () => {
  const h = useHarness();

  it('shows a clear message for a wrong password', async () => {
    await submitSignIn(h.page, h.url, 'office', 'Wrong-password-1');
    await h.page.getByTestId('login-error').waitFor();
    expect(await h.page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
  });

  it('the office signs in, creates a unit under the demo city, and sees it in the tree', async () => {
    const { page } = h;
    await signInAs(h, 'office');
    await page.goto(`${h.url}/org`);
    const tree = page.getByTestId('org-tree');
    await tree.getByText('示范市', { exact: true }).first().click();
    await page.getByTestId('org-create-child').click();
    await page.getByTestId('org-form-code').fill('E2E-01');
    await page.getByTestId('org-form-name').fill('市数据资源局');
    await page.getByTestId('org-form-submit').click();
    await tree.getByText('市数据资源局', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await tree.getByText('市数据资源局', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(screenshots, 'org-created-unit.png'), fullPage: true });

    // The server has it too, under the city.
    const nodes = await page.evaluate(
      async () => (await (await fetch('/api/org-nodes')).json()) as OrgNode[],
    );
    const city = nodes.find((n) => n.code === 'demo-city');
    const created = nodes.find((n) => n.code === 'E2E-01');
    expect(created).toMatchObject({ name: '市数据资源局', parentId: city?.id });
  });

  it('a unit filler sees only its own unit', async () => {
    const page = await h.as('filler', 390);
    await page.goto(`${h.url}/org`);
    await page.getByTestId('org-tree').waitFor();
    const nodes = await page.evaluate(
      async () => (await (await fetch('/api/org-nodes')).json()) as OrgNode[],
    );
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes.every((n) => n.code.startsWith('A01'))).toBe(true);
    expect(await page.getByTestId('org-tree').getByText('示范市', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'org-unit-filler-mobile.png'), fullPage: true });
  });
});
