/**
 * Pure view model of an objection (issue 11 point 3): a verdict and an adjustment's effect as
 * lines of text through i18n.
 */
import type { CompareUnit, ObjectionTarget, ObjectionVerdict } from '@jixiao/contracts';
import type { TFunction } from 'i18next';
import { fmtScore } from '../results/ranking.js';

/** 维持原结果：… / 调整为 95：… */
export function verdictText(t: TFunction, target: ObjectionTarget, v: ObjectionVerdict): string {
  if (v.verdict === 'reject') return t('objections.verdictText.reject', { text: v.explanation });
  const a = v.adjustment;
  const amount = 'value' in a ? a.value : 'points' in a ? a.points : null;
  return t(`objections.verdictText.${target.kind}`, { amount, text: v.explanation });
}

/** What a change did to the unit: total and rank (unless `withTotal` is false), then each changed indicator and event. */
export function effectLines(t: TFunction, e: CompareUnit, withTotal = true): string[] {
  const lines: string[] = [];
  if (withTotal && e.before && e.after)
    lines.push(
      t('objections.effectTotal', {
        before: fmtScore(e.before.total),
        after: fmtScore(e.after.total),
        rankBefore: e.before.rank,
        rankAfter: e.after.rank,
      }),
    );
  for (const c of e.indicators)
    if (c.kind !== 'component')
      lines.push(
        t('objections.effectIndicator', {
          name: c.name,
          before: c.before === null ? '—' : fmtScore(c.before),
          after: c.after === null ? '—' : fmtScore(c.after),
        }),
      );
  if (e.deductions.before !== e.deductions.after)
    lines.push(
      t('runs.why.deductions', {
        before: fmtScore(e.deductions.before),
        after: fmtScore(e.deductions.after),
      }),
    );
  if (e.bonus.before !== e.bonus.after)
    lines.push(t('runs.why.bonus', { before: fmtScore(e.bonus.before), after: fmtScore(e.bonus.after) }));
  if (e.vetoes.removed.length) lines.push(t('runs.why.vetoRemoved', { list: e.vetoes.removed.join('、') }));
  return lines;
}
