import { dictKeys } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { en as enAll, zhCN as zhAll } from '../../i18n/resources.js';

const en = enAll.submissions;
const zhCN = zhAll.submissions;

describe('submissions strings', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(dictKeys(en).sort()).toEqual(dictKeys(zhCN).sort());
  });
  it('name every row status, period state, method and result', () => {
    const k = new Set(dictKeys(zhCN));
    for (const s of ['missing', 'draft', 'submitted', 'verified', 'returned'])
      expect(k.has(`submissions.status.${s}`)).toBe(true);
    for (const s of ['not_open', 'open', 'late', 'closed', 'reopened'])
      expect(k.has(`submissions.periodState.${s}`)).toBe(true);
    for (const m of ['on_site', 'work_slip', 'comprehensive'])
      expect(k.has(`verification.method.${m}`)).toBe(true);
  });
});
