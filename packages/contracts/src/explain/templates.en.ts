/**
 * Score explanation templates, one per step code. render.ts formats the params first, then fills
 * `{{name}}`; enum params read `terms.<param>.<value>`, var names `vars.<name>`. zh-CN has the
 * same keys (a test checks).
 */
const explainEn = {
  sep: '; ',
  listSep: ', ',
  item: '{{points}} ({{label}})',
  pair: '{{label}}: {{value}}',
  steps: {
    completion: { formula: 'completion against the {{ref}}' },
    pro_rata: {
      formula: 'pro-rata ({{basis}}): pro-rata target = yearly target × share of the year elapsed',
      reference: 'pro-rata target = {{target}} × {{elapsed}} = {{ref}}',
    },
    ratio: {
      higher: 'completion r = value x ÷ reference = {{x}} ÷ {{ref}} = {{r}}',
      lower: 'completion r = reference ÷ value x = {{ref}} ÷ {{x}} = {{r}} (lower is better)',
      lower_unbounded: 'completion r = reference ÷ value x, unbounded as x = {{x}} ≤ 0 (lower is better)',
      excess: 'bonus for exceeding, f = 1 + min({{cap}}, {{rate}} × (r − 1)) = {{f}}',
      reached: 'reference reached, no bonus for exceeding, f = 1',
      not_reached: 'reference not reached, f = 0',
      below: 'f = max(0, r) = {{f}}',
    },
    total_growth: {
      formula: 'total and growth: f = {{share}} × total part + {{rest}} × growth part',
      result:
        'total part = min(1, max(0, x ÷ target)) = min(1, max(0, {{x}} ÷ {{target}})) = {{totalPart}}; growth g = (x − base) ÷ base = ({{x}} − {{base}}) ÷ {{base}} = {{g}}; growth target gT = {{gT}}; growth part = g ÷ gT within [0, 1] = {{growthPart}}; f = {{share}} × {{totalPart}} + {{rest}} × {{growthPart}} = {{f}}',
    },
    benchmark: {
      ratio: 'benchmark (ratio): f = own growth g ÷ peer growth gp, within [0, {{hi}}]',
      difference: 'benchmark (difference): f = {{par}} + {{perPoint}} × 100 × (g − gp), within [0, {{hi}}]',
      growth:
        'own growth g = (x − base) ÷ base = ({{x}} − {{base}}) ÷ {{base}} = {{g}}; peer growth gp = (peer − peer base) ÷ peer base = ({{peer}} − {{peerBase}}) ÷ {{peerBase}} = {{gp}}',
      ratio_result: 'f = g ÷ gp within [0, {{hi}}] = {{f}}',
      difference_result: 'f = {{par}} + {{perPoint}} × 100 × (g − gp) within [0, {{hi}}] = {{f}}',
    },
    bands: {
      step: 'bands: f = fᵢ of the highest breakpoint with x ≥ xᵢ, 0 below the first; x = {{x}}, breakpoints [x, f]: {{breakpoints}}',
      interpolate:
        'interpolation: f = fᵢ + (fᵢ₊₁ − fᵢ) × (x − xᵢ) ÷ (xᵢ₊₁ − xᵢ), flat beyond the ends; x = {{x}}, breakpoints [x, f]: {{breakpoints}}',
    },
    deduction: {
      formula: 'deduction: f = max(0, full − count × {{perItem}}) ÷ full',
      result: 'f = max(0, {{full}} − {{count}} × {{perItem}}) ÷ {{full}} = {{f}}',
    },
    rank: {
      table: 'rank points: f = entry r of the table (last entry repeats), table = {{table}}',
      linear: 'rank points: f = 1 − (1 − {{floor}}) × (r − 1) ÷ (n − 1)',
      position: 'x = {{x}}, rank r = {{r}} (of {{n}})',
      table_result: 'f = entry {{r}} = {{f}}',
      linear_result: 'f = 1 − (1 − {{floor}}) × ({{r}} − 1) ÷ ({{n}} − 1) = {{f}}',
      single: 'only {{n}} value, f = 1',
    },
    efficacy: {
      formula: 'efficacy: d = 60 + 40 × (x − x_s) ÷ (x_h − x_s), within [{{lo}}, {{hi}}]; f = d ÷ 100',
      result:
        'd = 60 + 40 × (x − unacceptable x_s) ÷ (satisfactory x_h − x_s) = 60 + 40 × ({{x}} − {{xs}}) ÷ ({{xh}} − {{xs}}), within [{{lo}}, {{hi}}], d = {{d}}; f = d ÷ 100 = {{f}}',
    },
    zscore: {
      formula:
        'z-score: z = {{direction}}(x − mean) ÷ σ ({{sigma}} σ); d = {{center}} + {{scale}} × z, within [{{lo}}, {{hi}}]; f = d ÷ 100',
      result:
        'z = {{direction}}({{x}} − {{mean}}) ÷ {{sd}} = {{z}} (n = {{n}}); d = {{center}} + {{scale}} × z, within [{{lo}}, {{hi}}], d = {{d}}; f = d ÷ 100 = {{f}}',
      flat: 'σ = 0 (n = {{n}}), z = 0; d = {{center}} + {{scale}} × 0, within [{{lo}}, {{hi}}], d = {{d}}; f = d ÷ 100 = {{f}}',
    },
    expert_panel: {
      formula:
        'expert panel: mean without the {{trim}} highest and {{trim}} lowest; f = mean ÷ {{scale}}, within [0, 1]',
      result:
        'scores {{scores}}, kept {{kept}}, mean = {{mean}}; f = {{mean}} ÷ {{scale}} within [0, 1] = {{f}}',
    },
    satisfaction: {
      formula: 'satisfaction: f = x ÷ {{scale}}, within [0, 1]',
      result: 'satisfaction x = {{x}}; f = {{x}} ÷ {{scale}} within [0, 1] = {{f}}',
    },
    manual: {
      formula: 'manual score: f = x ÷ {{scale}}, within [0, 1]',
      result: 'manual score x = {{x}}; f = {{x}} ÷ {{scale}} within [0, 1] = {{f}}',
    },
    leaf: {
      score: 'score = f × {{full}} = {{f}} × {{full}} = {{raw}}',
      left_out: 'left out (missing-value policy: {{policy}})',
      not_applicable: 'not applicable to this unit: left out, siblings re-weighted',
    },
    aggregate: {
      sum: 'sum = {{terms}} = {{raw}}',
      weighted: 'weighted mean = Σ weight × score ÷ Σ weight = ({{terms}}) ÷ {{weights}} = {{raw}}',
      reweighted: 're-weighted to full points = ({{terms}}) × {{full}} ÷ {{weights}} = {{raw}}',
      none: 'all children left out',
      products:
        'each product rounded, then added: ({{terms}}) ÷ {{weights}} rounded term by term to {{products}}, sum {{raw}}',
    },
    weights: {
      entropy:
        'entropy method (this period, {{units}} units of the group): weights of {{codes}} are {{weights}} (entropy e = {{entropy}}; divergence d = {{divergence}})',
      critic:
        'CRITIC (this period, {{units}} units of the group): weights of {{codes}} are {{weights}} (σ = {{deviation}}; conflict Σ(1 − r) = {{conflict}}; information C = {{information}})',
      equal:
        'no spread in this period ({{units}} units of the group): {{codes}} weighted equally {{weights}}',
    },
    component: {
      deductions:
        'deductions attributed here {{points}}: {{before}} − {{applied}} = {{after}} (not below {{floor}})',
    },
    base: {
      half_year: 'with the half-year result: {{weight}} × {{halfYear}} + {{rest}} × {{base}}',
      linked:
        'linked: {{own}} × {{base}} + {{share}} × mean({{sources}}) = {{own}} × {{base}} + {{share}} × {{mean}}',
    },
    bonus: {
      none: 'no bonus',
      capped: 'min({{cap}}, {{items}}): per-source caps first, then the shared cap {{cap}}',
    },
    deductions: { none: 'no deductions', sum: '{{items}}', capped: '{{items}}, capped at {{cap}}' },
    total: 'total = base + bonus − deductions = {{base}} + {{bonus}} − {{deductions}}',
    rounding: '{{raw}} → {{value}} ({{mode}}, {{decimals}} decimals)',
    placement:
      'rank {{rank}} in group {{group}} (competition rank on reported totals); published placement {{placement}}',
    grade: {
      level: '{{name}}',
      none: 'no grade',
      vetoed:
        '{{name}}: {{natural}} by score, lowered one level by veto ({{events}}) and placed last within {{name}}',
    },
    note: {
      missing_input: 'missing input: {{field}}',
      missing_policy: 'missing-value policy: {{policy}}',
      division_by_zero: 'division by zero ({{cause}}): {{outcome}}',
      scope: 'scope: {{scope}} ({{n}} units with values)',
      sigma_zero: 'σ = 0: z = 0',
      few_scores: 'fewer than {{n}} scores: plain mean',
      reweighted: 'children present do not carry the full points or weights: re-weighted over them',
      no_limits: 'no values in scope: x_s and x_h undefined',
      not_finite: '{{name}} is not a finite number: shown as {{shown}}',
    },
  },
  terms: {
    ref: { target: 'target', baseline: 'baseline' },
    basis: { month: 'by month', day: 'by day' },
    direction: { higher: '', lower: '−' },
    sigma: { population: 'population', sample: 'sample' },
    policy: { zero: 'counts as 0', reweight: 'left out, siblings re-weighted', error: 'error' },
    field: {
      value: 'value',
      target: 'target',
      baseline: 'baseline',
      baseValue: 'base value',
      peerValue: 'peer value',
      peerBaseValue: 'peer base value',
      scores: 'expert scores',
    },
    cause: {
      reference: 'reference {{value}} ≤ 0',
      target: 'target ≤ 0',
      base: 'base value ≤ 0',
      peer_base: 'peer base value ≤ 0',
      peer_growth: 'peer growth ≤ 0',
      limits: 'x_h = x_s',
      growth_target: 'growth target ≤ 0',
    },
    outcome: { zero: 'f = 0', full: 'f = 1 (full points)', missing: 'treated as missing' },
    scope: { group: 'own group', category: 'own category', all: 'all units' },
    mode: { half_up: 'half up', half_even: 'half even', down: 'down' },
    stage: { indicator: 'indicator', node: 'node', component: 'component', total: 'total' },
    shown: { unbounded: '+∞', '-unbounded': '−∞', null: '—' },
  },
  /** The engine's trace vars (TraceNode.vars) by name. */
  vars: {
    x: 'value x',
    ref: 'reference',
    r: 'completion r',
    f: 'fraction f',
    target: 'target',
    elapsed: 'share of year elapsed',
    base: 'base value',
    peer: 'peer value',
    peerBase: 'peer base value',
    g: 'growth g',
    gp: 'peer growth gp',
    gT: 'growth target gT',
    totalPart: 'total part',
    growthPart: 'growth part',
    breakpoints: 'breakpoints',
    count: 'count',
    full: 'full points',
    n: 'count n',
    x_s: 'unacceptable x_s',
    x_h: 'satisfactory x_h',
    d: 'd',
    mean: 'mean',
    sigma: 'σ',
    z: 'z',
    scores: 'expert scores',
    kept: 'scores kept',
  },
};

export default explainEn;
