import type { ConsequenceLine } from '@jixiao/contracts';

/**
 * Chinese wording of consequence lines for the organisation department's workbook (the web says
 * the same through i18n from `{ code, params }`). Pure.
 */

const ACTION: Record<ConsequenceLine['code'], string> = {
  excellence_quota: '公务员年度考核优秀比例',
  collective_merit: '记集体功',
  warning_talk: '主要负责人诫勉谈话',
  rectification_report: '书面报告整改情况',
  organisational_adjustment: '组织调整',
  replace_head: '建议调整主要负责人',
  award: '表彰',
  barred_from_awards: '取消评先评优资格',
};

const CONDITION: Record<string, string> = {
  last_place: '末位',
  below_average: '低于平均',
  bottom_level: '末等次',
  bottom_n: '后位',
  top_level: '最高等次',
};

type P = Record<string, unknown>;
const list = (x: unknown) => (Array.isArray(x) ? x.map((v) => String(v ?? '—')).join('、') : String(x ?? ''));
const signed = (x: unknown) => (Number(x) < 0 ? `− ${-Number(x)}` : `+ ${Number(x)}`);

/** What the line says, e.g. "公务员年度考核优秀比例 18%", "表彰：二十佳". */
export function resultText(line: ConsequenceLine): string {
  const p = line.params as P;
  if (line.code === 'excellence_quota') return `${ACTION.excellence_quota} ${p.quota}%`;
  if (line.code === 'award') {
    if (p.basis === 'key_indicator') return `${ACTION.award}：${p.indicatorName ?? p.indicator}第一`;
    if (p.basis === 'lead_unit') return `${ACTION.award}：${p.leadDept}单项工作先进`;
    return `${ACTION.award}：${p.name ?? p.award}`;
  }
  return ACTION[line.code];
}

/** The inputs that produced it, e.g. "基准 15% + 3%（等次 优秀）", "2025、2026 年名次 4、4（共 4）". */
export function inputsText(line: ConsequenceLine, gradeName: (code: unknown) => string): string {
  const p = line.params as P;
  switch (line.kind) {
    case 'excellenceQuota':
      if (line.code === 'collective_merit') return `连续 ${p.streak} 年最高等次（${list(p.years)}）`;
      return `基准 ${p.base}% ${signed(p.step)}%（等次 ${gradeName(p.grade)}${p.streak ? `，连续 ${p.streak} 年（${list(p.years)}）` : ''}）`;
    case 'bottomN':
      return `${p.ranking ? `排名 ${p.ranking} ` : '组内'}第 ${p.rank} 名（共 ${p.size}），后 ${p.n} 位；总分 ${p.total}`;
    case 'streak': {
      const parts = [
        `连续 ${p.count} 年${CONDITION[String(p.condition)] ?? ''}（至少 ${p.need} 年）`,
        `年度 ${list(p.years)}`,
        `名次 ${list(p.ranks)}`,
        `总分 ${list(p.totals)}`,
      ];
      if (p.averages) parts.push(`平均 ${list(p.averages)}`);
      if (p.grades) parts.push(`等次 ${list((p.grades as unknown[]).map(gradeName))}`);
      return parts.join('；');
    }
    case 'award':
      if (p.basis === 'award') return `名次 ${p.rank}，总分 ${p.total}`;
      if (p.basis === 'key_indicator') return `${p.indicator} 得分 ${p.score} / ${p.full}`;
      return `${list(p.indicators)} 得分 ${p.score} / ${p.full}`;
    case 'vetoBar':
      return `一票否决：${list(p.vetoes)}`;
  }
}
