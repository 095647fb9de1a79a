import { z } from 'zod';
import { dictTranslate } from './explain/render.js';
import en from './notification-templates.en.json' with { type: 'json' };
import zhCN from './notification-templates.zh-CN.json' with { type: 'json' };

/**
 * What the system itself tells people in their bells and mail, as `{ code, params }`: one title and
 * body template per code and language (notification-templates.<lang>.json, nested by the code's
 * parts so i18next finds `notify.<code>.title`). The server stores the
 * code and params (and the zh-CN text, for mail and for rows written before codes existed); the web
 * renders them in the reader's language. Text a person wrote (a notice, an announcement) is stored
 * as it is and has no code.
 */
export const notificationParams = {
  'submission.returned': ['indicator', 'indicatorName', 'period', 'note'],
  'period.reopened': ['period', 'until', 'reason'],
  'period.dueSoon': ['period', 'due'],
  'taskBook.submitted': ['unit'],
  'taskBook.confirmed': ['unit'],
  'taskBook.reviewed': ['unit'],
  'taskBook.issued': ['unit', 'revision'],
  'taskBook.returned': ['unit', 'reason'],
  'taskBook.changeRequested': ['unit', 'reason'],
  'taskBook.changeApproved': ['unit', 'note'],
  'taskBook.changeRejected': ['unit', 'note'],
  'event.veto': ['unit', 'period', 'code', 'reason'],
  'event.bonus': ['unit', 'period', 'points', 'reason'],
  'event.deduction': ['unit', 'period', 'points', 'reason'],
  'event.bonusOn': ['unit', 'period', 'points', 'indicator', 'reason'],
  'event.deductionOn': ['unit', 'period', 'points', 'indicator', 'reason'],
  'objection.filed': ['unit', 'target', 'due', 'reason'],
  'objection.answeredAdjust': ['target', 'explanation', 'due'],
  'objection.answeredReject': ['target', 'explanation', 'due'],
  'objection.escalated': ['unit', 'target', 'reason'],
  'objection.decidedAdjust': ['unit', 'target', 'explanation'],
  'objection.decidedReject': ['unit', 'target', 'explanation'],
  'results.published': ['plan', 'period', 'from', 'to'],
  'results.submitted': ['plan', 'period', 'by'],
  'results.released': ['plan', 'period', 'by'],
  'results.returned': ['plan', 'period', 'note'],
  'reminder.lagging': ['count', 'month'],
  'reminder.indicator': ['unit', 'indicator', 'indicatorName', 'month', 'actual', 'expected', 'percent'],
  'reminder.indicatorSerious': [
    'unit',
    'indicator',
    'indicatorName',
    'month',
    'actual',
    'expected',
    'percent',
  ],
  'observation.routed': ['title', 'body'],
  'notice.answered': ['title', 'unit', 'answer'],
  'notice.urging': ['title', 'body', 'due'],
  'notice.observation': ['title', 'unit', 'body'],
  'announcement.published': ['title', 'body'],
  'rectification.assigned': ['title', 'due'],
  'rectification.assignedMany': ['count', 'due'],
  'rectification.reported': ['unit', 'title', 'percent', 'text'],
  'rectification.returned': ['title', 'reason'],
  'rectification.closed': ['title', 'note'],
  'rectification.overdue': ['title', 'due'],
  'rectification.overdueSummary': ['count', 'units'],
  'rating.opened': ['year', 'count'],
  'rating.flagged': ['year', 'count', 'departments'],
  'inquiry.assigned': ['plan', 'count'],
  'inquiry.raised': ['expert', 'question', 'due'],
  'inquiry.answered': ['unit', 'question'],
  'inquiry.closed': ['question', 'note'],
  'inquiry.closedDeduction': ['question', 'points', 'reason'],
} as const;

export type NotificationCode = keyof typeof notificationParams;
export const notificationCodes = Object.keys(notificationParams) as NotificationCode[];

/** A message of one code with exactly its params (strings or numbers, shown as they are). */
export type NotificationMessage = {
  [C in NotificationCode]: {
    code: C;
    params: Record<(typeof notificationParams)[C][number], string | number>;
  };
}[NotificationCode];

export const notificationMessage = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const notificationTemplates = { 'zh-CN': zhCN, en } as const;

/** The title and body of a message in a language (the server's mail and stored text use zh-CN). */
export function renderNotification(
  lang: keyof typeof notificationTemplates,
  m: { code: string; params: Record<string, string | number> },
): { title: string; body: string } {
  const t = dictTranslate(notificationTemplates[lang]);
  const params = Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, String(v)]));
  return { title: t(`${m.code}.title`, params), body: t(`${m.code}.body`, params) };
}
