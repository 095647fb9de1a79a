import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { translation } from '../i18n/resources.js';
import { periodName } from './periodName.js';

async function tFor(lng: 'zh-CN' | 'en') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { [lng]: { translation: translation(lng) } } });
  return i.t;
}

describe('periodName', () => {
  it.each([
    ['2026-Y', '2026 年度', 'the year 2026'],
    ['2026-H1', '2026 年上半年', 'the first half of 2026'],
    ['2026-Q3', '2026 年第 3 季度', 'Q3 2026'],
    ['2026-M10', '2026 年 10 月', '2026-10'],
    ['2026-X', '2026-X', '2026-X'],
  ])('%s reads %s / %s', async (code, zh, en) => {
    expect(periodName(await tFor('zh-CN'), code)).toBe(zh);
    expect(periodName(await tFor('en'), code)).toBe(en);
  });
});
