import { describe, expect, it } from 'vitest';
import {
  notificationCodes,
  notificationParams,
  notificationTemplates,
  renderNotification,
} from './notification-messages.js';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('notification templates', () => {
  it.each(['zh-CN', 'en'] as const)(
    '%s has a title and body for every code, naming only its params',
    (lang) => {
      const dict = notificationTemplates[lang] as Record<
        string,
        Record<string, { title: string; body: string }>
      >;
      for (const code of notificationCodes) {
        const [a, b] = code.split('.') as [string, string];
        const entry = dict[a]?.[b];
        expect(entry, `${lang} ${code}`).toBeDefined();
        const allowed = new Set<string>(notificationParams[code]);
        for (const p of [...placeholders(entry!.title), ...placeholders(entry!.body)])
          expect(allowed.has(p!), `${lang} ${code} names {{${p}}}`).toBe(true);
      }
      // No template without a code.
      const codes = Object.entries(dict).flatMap(([a, v]) => Object.keys(v).map((b) => `${a}.${b}`));
      expect(codes.sort()).toEqual([...notificationCodes].sort());
    },
  );

  it('renders a message in either language with its params', () => {
    const m = {
      code: 'results.released',
      params: { plan: '市直机关考评', period: '2026-Y', by: 'leader' },
    } as const;
    expect(renderNotification('zh-CN', m)).toEqual({
      title: '考评结果已审定发布：市直机关考评 2026-Y',
      body: '由 leader 审定。',
    });
    expect(renderNotification('en', m).title).toBe('Results approved and released: 市直机关考评 2026-Y');
    expect(
      renderNotification('zh-CN', { code: 'reminder.lagging', params: { count: 3, month: 10 } }).body,
    ).toBe('截至 10 月，贵单位有 3 项指标滞后于序时进度，请查看提醒单并加快进度。');
  });
});
