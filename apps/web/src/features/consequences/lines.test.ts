import type { ConsequenceLine } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.js';
import { lineView } from './lines.js';

const grade = (c: unknown) => ({ excellent: '优秀', fail: '不合格' })[String(c)] ?? String(c);

describe('lineView', () => {
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');
  const quota: ConsequenceLine = {
    rule: 'quota',
    kind: 'excellenceQuota',
    code: 'excellence_quota',
    params: { base: 15, step: -5, quota: 10, level: 3, grade: 'fail', streak: 3, years: [2024, 2025, 2026] },
  };
  const w5: ConsequenceLine = {
    rule: 'last2',
    kind: 'streak',
    code: 'organisational_adjustment',
    params: {
      condition: 'last_place',
      need: 2,
      years: [2025, 2026],
      count: 2,
      ranks: [32, 31],
      totals: [70.1, 72],
      groupSizes: [32, 31],
    },
  };

  it('says the quota arithmetic and the streak (Z10) in Chinese and English', () => {
    expect(lineView(quota, zh, grade)).toEqual({
      text: '公务员年度考核优秀比例 10%',
      inputs: '基准 15% − 5%（等次 不合格，连续 3 年：2024、2025、2026）',
    });
    expect(lineView(quota, en, grade).inputs).toBe(
      'base 15% − 5% (grade 不合格, 3 years running: 2024, 2025, 2026)',
    );
  });

  it('says a consecutive-year line with its years and ranks (W5)', () => {
    expect(lineView(w5, zh, grade)).toEqual({
      text: '组织调整',
      inputs: '连续 2 年组内末位（至少 2 年）：2025、2026 年，名次 32、31',
    });
  });

  it('names the award by what produced it', () => {
    const key: ConsequenceLine = {
      rule: 'key',
      kind: 'award',
      code: 'award',
      params: { basis: 'key_indicator', indicator: 'T2', indicatorName: '重点工作', score: 9, full: 10 },
    };
    expect(lineView(key, zh, grade)).toEqual({ text: '表彰：重点工作第一', inputs: 'T2 得分 9 / 10' });
    const veto: ConsequenceLine = {
      rule: 'veto',
      kind: 'vetoBar',
      code: 'barred_from_awards',
      params: { vetoes: ['安全生产'] },
    };
    expect(lineView(veto, zh, grade)).toEqual({ text: '取消评先评优资格', inputs: '一票否决：安全生产' });
  });
});
