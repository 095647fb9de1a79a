import type { ConsequenceLine } from '@jixiao/contracts';

/**
 * What a consequence line says and the inputs that produced it, in the reader's language (pure:
 * `t` is i18next's). The server sends `{ rule, kind, code, params }`; names (awards, indicators,
 * lead departments, grades) are the plan's.
 */

export type Translate = (key: string, params?: Record<string, unknown>) => string;

type P = Record<string, unknown>;
const list = (x: unknown, sep: string) =>
  Array.isArray(x)
    ? x.map((v) => (v === null || v === undefined ? '—' : String(v))).join(sep)
    : String(x ?? '');

export interface LineView {
  text: string;
  inputs: string;
}

export function lineView(
  line: ConsequenceLine,
  t: Translate,
  gradeName: (code: unknown) => string,
): LineView {
  const p = line.params as P;
  const sep = t('consequences.sep');
  const years = list(p.years, sep);
  const what =
    p.basis === 'key_indicator'
      ? t('consequences.what.keyIndicator', { name: p.indicatorName ?? p.indicator })
      : p.basis === 'lead_unit'
        ? t('consequences.what.leadUnit', { name: p.leadDept })
        : String(p.name ?? p.award ?? '');
  const text = t(`consequences.code.${line.code}`, { ...p, what });
  let inputs = '';
  switch (line.kind) {
    case 'excellenceQuota': {
      if (line.code === 'collective_merit') {
        inputs = t('consequences.inputs.merit', { streak: p.streak, years });
        break;
      }
      const step = Number(p.step);
      const args = {
        base: p.base,
        sign: step < 0 ? '−' : '+',
        step: Math.abs(step),
        grade: gradeName(p.grade),
      };
      inputs = p.streak
        ? t('consequences.inputs.quotaStreak', { ...args, streak: p.streak, years })
        : t('consequences.inputs.quota', args);
      break;
    }
    case 'bottomN':
      inputs = t(p.ranking ? 'consequences.inputs.bottomRanking' : 'consequences.inputs.bottomGroup', p);
      break;
    case 'streak': {
      const parts = [
        t('consequences.inputs.streak', {
          count: p.count,
          need: p.need,
          condition: t(`consequences.condition.${String(p.condition)}`),
          years,
          ranks: list(p.ranks, sep),
        }),
      ];
      if (p.averages)
        parts.push(
          t('consequences.inputs.averages', { totals: list(p.totals, sep), averages: list(p.averages, sep) }),
        );
      if (Array.isArray(p.grades))
        parts.push(t('consequences.inputs.grades', { grades: list(p.grades.map(gradeName), sep) }));
      inputs = parts.join(t('consequences.partSep'));
      break;
    }
    case 'award':
      inputs =
        p.basis === 'award'
          ? t('consequences.inputs.award', p)
          : t('consequences.inputs.indicatorScore', {
              ...p,
              indicators: p.basis === 'key_indicator' ? p.indicator : list(p.indicators, sep),
            });
      break;
    case 'vetoBar':
      inputs = t('consequences.inputs.veto', { vetoes: list(p.vetoes, sep) });
      break;
  }
  return { text, inputs };
}

/** A stable React key of a line within its unit (a rule may give a unit several award lines). */
export const lineKey = (l: ConsequenceLine) => `${l.rule}:${l.code}:${JSON.stringify(l.params)}`;
