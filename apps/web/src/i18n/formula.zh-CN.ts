/** Score explanations (trace formulas and notes) rendered from the engine's structured trace. en has the same keys. */
const formulaZhCN = {
  formula: {
    sep: '；',
    listSep: '，',
    notApplicable: '本指标不适用于该单位：不计分，同级按权重重新分配',
    score: '得分 = f × {{full}} = {{f}} × {{full}} = {{raw}}',
    leftOut: '不计分（缺失值处理：{{policy}}）',
    fOnly: 'f = {{f}}',
    ref: { target: '目标值', baseline: '基数' },
    completion: {
      head: '完成率（对照{{refName}}）',
      rHigher: '完成率 r = 实际值 x ÷ {{refName}} ref = {{x}} ÷ {{ref}} = {{r}}',
      rLower: '完成率 r = {{refName}} ref ÷ 实际值 x = {{ref}} ÷ {{x}} = {{r}}（越低越好）',
      rUnbounded: '完成率 r = {{refName}} ref ÷ 实际值 x，x ≤ 0 视为无穷大（越低越好）',
      fBonus: '超额加分，f = 1 + min({{cap}}, {{rate}} × (r − 1)) = {{f}}',
      fNoBonus: '已达{{refName}}，超额不加分，f = 1',
      fZero: '未达{{refName}}，f = 0',
      fLinear: 'f = max(0, r) = {{f}}',
    },
    pro_rata: {
      head: '序时进度（{{basis}}）：序时目标 ref = 年度目标 × 已过时间比例',
      headValues:
        '序时进度（{{basis}}）：序时目标 ref = 年度目标 × 已过时间比例 = {{target}} × {{elapsed}} = {{ref}}',
      basis: { month: '按月', day: '按日' },
      refName: '序时目标',
    },
    total_growth: {
      head: 'f = {{s}} × 总量部分 + {{s2}} × 增幅部分',
      full: '总量部分 = min(1, max(0, x ÷ 目标值)) = min(1, max(0, {{x}} ÷ {{target}})) = {{totalPart}}；增幅 g = (x − 基期值) ÷ 基期值 = ({{x}} − {{base}}) ÷ {{base}} = {{g}}；目标增幅 gT = {{gT}}；增幅部分 = clamp(g ÷ gT, 0, 1) = {{growthPart}}；f = {{s}} × {{totalPart}} + {{s2}} × {{growthPart}} = {{f}}',
    },
    benchmark: {
      headRatio: '对标（比值）：f = clamp(本地增幅 g ÷ 对标增幅 gp, 0, {{hi}})',
      headDiff: '对标（差值）：f = clamp({{par}} + {{per}} × 100 × (g − gp), 0, {{hi}})',
      growth:
        '本地增幅 g = (x − 基期值) ÷ 基期值 = ({{x}} − {{base}}) ÷ {{base}} = {{g}}；对标增幅 gp = (对标值 − 对标基期值) ÷ 对标基期值 = ({{peer}} − {{peerBase}}) ÷ {{peerBase}} = {{gp}}',
      fRatio: 'f = clamp(g ÷ gp, 0, {{hi}}) = {{f}}',
      fDiff: 'f = clamp({{par}} + {{per}} × 100 × (g − gp), 0, {{hi}}) = {{f}}',
    },
    bands: {
      step: '分档计分：取 x ≥ xᵢ 的最高档的 fᵢ，低于第一档为 0；x = {{x}}，分档 [x, f]：{{bp}}',
      interpolate:
        '分段插值：f = fᵢ + (fᵢ₊₁ − fᵢ) × (x − xᵢ) ÷ (xᵢ₊₁ − xᵢ)，两端以外取端点值；x = {{x}}，分档 [x, f]：{{bp}}',
    },
    deduction: {
      head: '扣分：f = max(0, 满分 − 问题数 × {{per}}) ÷ 满分',
      full: '扣分：f = max(0, 满分 − 问题数 × 每项扣分) ÷ 满分 = max(0, {{full}} − {{count}} × {{per}}) ÷ {{full}} = {{f}}',
    },
    rank: {
      headTable: '按名次计分：f = 名次分值表[r − 1]（超出取最后一档），表 = {{table}}',
      headLinear: '按名次计分：f = 1 − (1 − {{floor}}) × (r − 1) ÷ (n − 1)',
      table:
        '按名次计分：x = {{x}}，名次 r = {{r}}（共 {{n}} 个）；f = 名次分值表[r − 1]（超出取最后一档），表 = {{table}}，f = {{f}}',
      linear:
        '按名次计分：x = {{x}}，名次 r = {{r}}（共 {{n}} 个）；f = 1 − (1 − {{floor}}) × (r − 1) ÷ (n − 1) = 1 − (1 − {{floor}}) × ({{r}} − 1) ÷ ({{n}} − 1) = {{f}}',
      single: '按名次计分：x = {{x}}，仅 {{n}} 个数值，f = 1',
    },
    efficacy: {
      head: '功效系数：d = 60 + 40 × (x − x_s) ÷ (x_h − x_s)，限定在 [{{lo}}, {{hi}}]；f = d ÷ 100',
      full: '功效系数：d = 60 + 40 × (x − 最差值 x_s) ÷ (最好值 x_h − x_s) = 60 + 40 × ({{x}} − {{xs}}) ÷ ({{xh}} − {{xs}})，限定在 [{{lo}}, {{hi}}]，d = {{d}}；f = d ÷ 100 = {{f}}',
    },
    zscore: {
      sigma: { population: '总体', sample: '样本' },
      head: '标准分：z = {{neg}}(x − 均值) ÷ σ（{{sigmaKind}}标准差）；d = clamp({{c}} + {{k}} × z, {{lo}}, {{hi}})；f = d ÷ 100',
      full: '标准分：z = {{neg}}(x − 均值) ÷ σ = {{neg}}({{x}} − {{mean}}) ÷ {{sigma}} = {{z}}（{{sigmaKind}}标准差，n = {{n}}）；d = clamp({{c}} + {{k}} × z, {{lo}}, {{hi}}) = {{d}}；f = d ÷ 100 = {{f}}',
      flat: '标准分：σ = 0（n = {{n}}），z = 0；d = clamp({{c}} + {{k}} × 0, {{lo}}, {{hi}}) = {{d}}；f = d ÷ 100 = {{f}}',
    },
    expert_panel: {
      head: '专家评分：去掉 {{trim}} 个最高分和 {{trim}} 个最低分后取平均；f = clamp(平均分 ÷ {{scale}}, 0, 1)',
      full: '专家评分：去掉 {{trim}} 个最高分和 {{trim}} 个最低分后取平均；评分 {{scores}}，计入 {{kept}}，平均分 = {{mean}}；f = clamp(平均分 ÷ {{scale}}, 0, 1) = {{f}}',
    },
    satisfaction: {
      head: '满意度：f = clamp(x ÷ {{scale}}, 0, 1)',
      full: '满意度 x = {{x}}；f = clamp(x ÷ {{scale}}, 0, 1) = {{f}}',
    },
    manual: {
      head: '人工评分：f = clamp(x ÷ {{scale}}, 0, 1)',
      full: '人工评分 x = {{x}}；f = clamp(x ÷ {{scale}}, 0, 1) = {{f}}',
    },
    clamp: {
      head: 'f = clamp(x ÷ {{scale}}, 0, 1)',
      full: 'x = {{x}}；f = clamp(x ÷ {{scale}}, 0, 1) = {{f}}',
    },
    agg: {
      none: '下级项均不计分',
      sum: '合计 = {{terms}}',
      weighted: '加权平均 = Σ 权重 × 得分 ÷ Σ 权重 = ({{terms}}) ÷ {{sw}}',
      reweighted: '按满分折算 = ({{terms}}) × {{full}} ÷ {{fw}}',
    },
    base: '基础分 = {{agg}}',
    halfYear: '计入半年结果：{{w}} × {{h}} + {{w2}} × {{b}}',
    linked: '捆绑考核：{{own}} × {{b}} + {{share}} × 平均({{srcs}}) = {{own}} × {{b}} + {{share}} × {{mean}}',
    total: '总分 = 基础分 + 加分 − 扣分 = {{base}} + {{bonus}} − {{ded}}',
    noBonus: '无加分',
    bonus: 'min({{cap}}, {{items}})：先按各来源上限，再按共享上限 {{cap}}',
    noDeductions: '无扣分',
    deductions: '{{items}}',
    deductionsCapped: '{{items}}，上限 {{cap}}',
    item: '{{points}}（{{label}}）',
    rankLine: '组内排名第 {{rank}}（{{group}} 组，按公布总分并列排名）；公布名次第 {{placement}}',
    rounding: '{{raw}} → {{value}}（{{mode}}，保留 {{decimals}} 位小数）',
    roundMode: { half_up: '四舍五入', half_even: '四舍六入五成双', down: '截尾' },
    field: {
      value: '实际值',
      target: '目标值',
      baseline: '基数',
      baseValue: '基期值',
      peerValue: '对标值',
      peerBaseValue: '对标基期值',
      scores: '专家评分',
    },
    policy: { zero: '按 0 分计', reweight: '不计入，同级重新分配权重', error: '报错' },
    outcome: { zero: 'f = 0', full: 'f = 1（满分）', missing: '视为缺失' },
    scope: { group: '本组', category: '本类别', all: '全部单位' },
    notes: {
      missing: '缺少输入：{{field}}',
      policy: '缺失值处理：{{policy}}',
      divZero: '除数为零（{{what}}）：{{outcome}}',
      scope: '统计范围：{{scope}}（{{n}} 个单位有数值）',
      sigmaZero: 'σ = 0：z = 0',
      fewScores: '评分少于 {{n}} 个：直接取平均',
      reweighted: '部分下级项不计分：按现有下级项重新分配权重',
      noLimits: '统计范围内没有数值：x_s、x_h 无从确定',
      notFinite: '{{name}} 超出可表示的数值范围，显示为 {{shown}}',
    },
    dz: {
      reference: '参照值 {{v}} ≤ 0',
      target: '目标值 ≤ 0',
      base: '基期值 ≤ 0',
      peerBase: '对标基期值 ≤ 0',
      peerGrowth: '对标增幅 ≤ 0',
      limits: 'x_h = x_s',
      growthTarget: '目标增幅 ≤ 0',
    },
    unbounded: '∞',
  },
};
export default formulaZhCN;
