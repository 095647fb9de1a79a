/** Score explanations (trace formulas and notes) rendered from the engine's structured trace. zh-CN has the same keys. */
const formulaEn = {
  formula: {
    sep: '; ',
    listSep: ', ',
    notApplicable: 'not applicable to this unit: left out, siblings re-weighted',
    score: 'score = f × {{full}} = {{f}} × {{full}} = {{raw}}',
    leftOut: 'left out (missing-value policy: {{policy}})',
    fOnly: 'f = {{f}}',
    ref: { target: 'target', baseline: 'baseline' },
    completion: {
      head: 'completion against {{refName}}',
      rHigher: 'completion r = value x ÷ {{refName}} ref = {{x}} ÷ {{ref}} = {{r}}',
      rLower: 'completion r = {{refName}} ref ÷ value x = {{ref}} ÷ {{x}} = {{r}} (lower is better)',
      rUnbounded: 'completion r = {{refName}} ref ÷ value x, unbounded for x ≤ 0 (lower is better)',
      fBonus: 'bonus for exceeding, f = 1 + min({{cap}}, {{rate}} × (r − 1)) = {{f}}',
      fNoBonus: '{{refName}} reached, no bonus for exceeding, f = 1',
      fZero: '{{refName}} not reached, f = 0',
      fLinear: 'f = max(0, r) = {{f}}',
    },
    pro_rata: {
      head: 'pro-rata ({{basis}}): ref = yearly target × share of year elapsed',
      headValues:
        'pro-rata ({{basis}}): ref = yearly target × share of year elapsed = {{target}} × {{elapsed}} = {{ref}}',
      basis: { month: 'by month', day: 'by day' },
      refName: 'pro-rata target',
    },
    total_growth: {
      head: 'f = {{s}} × total part + {{s2}} × growth part',
      full: 'total part = min(1, max(0, x ÷ target)) = min(1, max(0, {{x}} ÷ {{target}})) = {{totalPart}}; growth g = (x − base) ÷ base = ({{x}} − {{base}}) ÷ {{base}} = {{g}}; growth target gT = {{gT}}; growth part = clamp(g ÷ gT, 0, 1) = {{growthPart}}; f = {{s}} × {{totalPart}} + {{s2}} × {{growthPart}} = {{f}}',
    },
    benchmark: {
      headRatio: 'benchmark (ratio): f = clamp(own growth g ÷ peer growth gp, 0, {{hi}})',
      headDiff: 'benchmark (difference): f = clamp({{par}} + {{per}} × 100 × (g − gp), 0, {{hi}})',
      growth:
        'own growth g = (x − base) ÷ base = ({{x}} − {{base}}) ÷ {{base}} = {{g}}; peer growth gp = (peer − peerBase) ÷ peerBase = ({{peer}} − {{peerBase}}) ÷ {{peerBase}} = {{gp}}',
      fRatio: 'f = clamp(g ÷ gp, 0, {{hi}}) = {{f}}',
      fDiff: 'f = clamp({{par}} + {{per}} × 100 × (g − gp), 0, {{hi}}) = {{f}}',
    },
    bands: {
      step: 'bands: f = fᵢ of the highest breakpoint with x ≥ xᵢ, 0 below the first; x = {{x}}, breakpoints [x, f]: {{bp}}',
      interpolate:
        'interpolation: f = fᵢ + (fᵢ₊₁ − fᵢ) × (x − xᵢ) ÷ (xᵢ₊₁ − xᵢ), flat beyond the ends; x = {{x}}, breakpoints [x, f]: {{bp}}',
    },
    deduction: {
      head: 'deduction: f = max(0, full − count × {{per}}) ÷ full',
      full: 'deduction: f = max(0, full − count × per item) ÷ full = max(0, {{full}} − {{count}} × {{per}}) ÷ {{full}} = {{f}}',
    },
    rank: {
      headTable: 'rank points: f = table[r − 1] (last entry repeats), table = {{table}}',
      headLinear: 'rank points: f = 1 − (1 − {{floor}}) × (r − 1) ÷ (n − 1)',
      table:
        'rank points: x = {{x}}, rank r = {{r}} (of {{n}}); f = table[r − 1] (last entry repeats), table = {{table}}, f = {{f}}',
      linear:
        'rank points: x = {{x}}, rank r = {{r}} (of {{n}}); f = 1 − (1 − {{floor}}) × (r − 1) ÷ (n − 1) = 1 − (1 − {{floor}}) × ({{r}} − 1) ÷ ({{n}} − 1) = {{f}}',
      single: 'rank points: x = {{x}}, only {{n}} value, f = 1',
    },
    efficacy: {
      head: 'efficacy: d = 60 + 40 × (x − x_s) ÷ (x_h − x_s), clamped to [{{lo}}, {{hi}}]; f = d ÷ 100',
      full: 'efficacy: d = 60 + 40 × (x − worst x_s) ÷ (best x_h − x_s) = 60 + 40 × ({{x}} − {{xs}}) ÷ ({{xh}} − {{xs}}), clamped to [{{lo}}, {{hi}}], d = {{d}}; f = d ÷ 100 = {{f}}',
    },
    zscore: {
      sigma: { population: 'population', sample: 'sample' },
      head: 'z-score: z = {{neg}}(x − mean) ÷ σ ({{sigmaKind}} σ); d = clamp({{c}} + {{k}} × z, {{lo}}, {{hi}}); f = d ÷ 100',
      full: 'z-score: z = {{neg}}(x − mean) ÷ σ = {{neg}}({{x}} − {{mean}}) ÷ {{sigma}} = {{z}} ({{sigmaKind}} σ, n = {{n}}); d = clamp({{c}} + {{k}} × z, {{lo}}, {{hi}}) = {{d}}; f = d ÷ 100 = {{f}}',
      flat: 'z-score: σ = 0 (n = {{n}}), z = 0; d = clamp({{c}} + {{k}} × 0, {{lo}}, {{hi}}) = {{d}}; f = d ÷ 100 = {{f}}',
    },
    expert_panel: {
      head: 'expert panel: mean without the {{trim}} highest and {{trim}} lowest; f = clamp(mean ÷ {{scale}}, 0, 1)',
      full: 'expert panel: mean without the {{trim}} highest and {{trim}} lowest; scores {{scores}}, kept {{kept}}, mean = {{mean}}; f = clamp(mean ÷ {{scale}}, 0, 1) = {{f}}',
    },
    satisfaction: {
      head: 'satisfaction: f = clamp(x ÷ {{scale}}, 0, 1)',
      full: 'satisfaction x = {{x}}; f = clamp(x ÷ {{scale}}, 0, 1) = {{f}}',
    },
    manual: {
      head: 'manual score: f = clamp(x ÷ {{scale}}, 0, 1)',
      full: 'manual score x = {{x}}; f = clamp(x ÷ {{scale}}, 0, 1) = {{f}}',
    },
    clamp: {
      head: 'f = clamp(x ÷ {{scale}}, 0, 1)',
      full: 'x = {{x}}; f = clamp(x ÷ {{scale}}, 0, 1) = {{f}}',
    },
    agg: {
      none: 'all children left out',
      sum: 'sum = {{terms}}',
      weighted: 'weighted mean = Σ weight × score ÷ Σ weight = ({{terms}}) ÷ {{sw}}',
      reweighted: 're-weighted to full points = ({{terms}}) × {{full}} ÷ {{fw}}',
    },
    base: 'base = {{agg}}',
    halfYear: 'with half-year result: {{w}} × {{h}} + {{w2}} × {{b}}',
    linked: 'linked: {{own}} × {{b}} + {{share}} × mean({{srcs}}) = {{own}} × {{b}} + {{share}} × {{mean}}',
    total: 'total = base + bonus − deductions = {{base}} + {{bonus}} − {{ded}}',
    noBonus: 'no bonus',
    bonus: 'min({{cap}}, {{items}}): per-source caps first, then the shared cap {{cap}}',
    noDeductions: 'no deductions',
    deductions: '{{items}}',
    deductionsCapped: '{{items}}, capped at {{cap}}',
    item: '{{points}} ({{label}})',
    rankLine:
      'rank {{rank}} in group {{group}} (competition rank on reported totals); published placement {{placement}}',
    rounding: '{{raw}} → {{value}} ({{mode}}, {{decimals}} decimals)',
    roundMode: { half_up: 'half up', half_even: 'half even', down: 'down' },
    field: {
      value: 'value',
      target: 'target',
      baseline: 'baseline',
      baseValue: 'base value',
      peerValue: 'peer value',
      peerBaseValue: 'peer base value',
      scores: 'expert scores',
    },
    policy: { zero: 'counts as 0', reweight: 'left out, siblings re-weighted', error: 'error' },
    outcome: { zero: 'f = 0', full: 'f = 1 (full points)', missing: 'treated as missing' },
    scope: { group: 'own group', category: 'own category', all: 'all units' },
    notes: {
      missing: 'missing input: {{field}}',
      policy: 'missing-value policy: {{policy}}',
      divZero: 'division by zero ({{what}}): {{outcome}}',
      scope: 'scope: {{scope}} ({{n}} units with values)',
      sigmaZero: 'σ = 0: z = 0',
      fewScores: 'fewer than {{n}} scores: plain mean',
      reweighted: 'children present do not carry the full points or weights: re-weighted over them',
      noLimits: 'no values in scope: x_s and x_h undefined',
      notFinite: '{{name}} is not a finite number: shown as {{shown}}',
    },
    dz: {
      reference: 'reference {{v}} ≤ 0',
      target: 'target ≤ 0',
      base: 'base value ≤ 0',
      peerBase: 'peer base value ≤ 0',
      peerGrowth: 'peer growth ≤ 0',
      limits: 'x_h = x_s',
      growthTarget: 'growth target ≤ 0',
    },
    unbounded: '∞',
  },
};
export default formulaEn;
