import { explainTemplates } from '@jixiao/contracts';

/** A method's parameters as the plan tree shows them (tree.ts methodParams). zh-CN has the same keys. */
const methodParamsEn = {
  methodParams: {
    item: '{{name}} {{value}}',
    names: {
      reference: 'reference',
      below: 'below the reference',
      excessRate: 'excess rate',
      excessCap: 'excess cap',
      basis: 'pro-rata',
      totalShare: 'total share',
      growthTarget: 'growth target',
      mode: 'benchmark',
      par: 'par',
      perPoint: 'per point',
      breakpoints: 'breakpoints',
      interpolate: 'interpolate',
      perItem: 'per item',
      floor: 'last rank fraction',
      table: 'rank table',
      limits: 'unacceptable–satisfactory',
      clamp: 'within',
      scope: 'scope',
      sigma: 'σ',
      center: 'center',
      scale: 'scale',
      trim: 'trim highest and lowest',
    },
    /** Values the explanation templates also name come from them (one translation of each term). */
    values: {
      reference: explainTemplates.en.terms.ref,
      below: { linear: 'linear', zero: 'zero' },
      basis: explainTemplates.en.terms.basis,
      mode: { ratio: 'ratio', difference: 'difference' },
      scope: explainTemplates.en.terms.scope,
      sigma: explainTemplates.en.terms.sigma,
      limits: { group: 'worst and best in scope' },
      bool: { true: 'yes', false: 'no' },
    },
  },
};
export default methodParamsEn;
