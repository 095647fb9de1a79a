import { explainTemplates } from '@jixiao/contracts';

/** A method's parameters as the plan tree shows them (tree.ts methodParams). en has the same keys. */
const methodParamsZhCN = {
  methodParams: {
    item: '{{name}} {{value}}',
    names: {
      reference: '参照',
      below: '未达参照',
      excessRate: '超额加分率',
      excessCap: '超额加分上限',
      basis: '序时',
      totalShare: '总量占比',
      growthTarget: '目标增幅',
      mode: '对标方式',
      par: '持平得分率',
      perPoint: '每百分点',
      breakpoints: '分档',
      interpolate: '分段插值',
      perItem: '每项扣分',
      floor: '末位得分率',
      table: '名次分值表',
      limits: '不允许值–满意值',
      clamp: '限定在',
      scope: '统计范围',
      sigma: '标准差',
      center: '中心分',
      scale: '满分刻度',
      trim: '去掉最高、最低各',
    },
    /** Values the explanation templates also name come from them (one translation of each term). */
    values: {
      reference: explainTemplates['zh-CN'].terms.ref,
      below: { linear: '按比例得分', zero: '记 0 分' },
      basis: explainTemplates['zh-CN'].terms.basis,
      mode: { ratio: '比值', difference: '差值' },
      scope: explainTemplates['zh-CN'].terms.scope,
      sigma: explainTemplates['zh-CN'].terms.sigma,
      limits: { group: '按范围内最差、最好值' },
      bool: { true: '是', false: '否' },
    },
  },
};
export default methodParamsZhCN;
