/**
 * 计分说明模板（每个步骤代码一条）。参数由 render.ts 先格式化再代入 `{{名称}}`；枚举参数按
 * `terms.<参数名>.<取值>` 翻译，变量名按 `vars.<名称>`。en 有同样的键（测试检查）。
 */
const explainZhCN = {
  sep: '；',
  listSep: '，',
  item: '{{points}}（{{label}}）',
  pair: '{{label}}：{{value}}',
  steps: {
    completion: { formula: '完成率（对照{{ref}}）' },
    pro_rata: {
      formula: '序时进度（{{basis}}）：序时目标 = 年度目标 × 已过时间比例',
      reference: '序时目标 = {{target}} × {{elapsed}} = {{ref}}',
    },
    ratio: {
      higher: '完成率 r = 实际值 x ÷ 参照值 = {{x}} ÷ {{ref}} = {{r}}',
      lower: '完成率 r = 参照值 ÷ 实际值 x = {{ref}} ÷ {{x}} = {{r}}（越低越好）',
      lower_unbounded: '完成率 r = 参照值 ÷ 实际值 x，x = {{x}} ≤ 0 视为无穷大（越低越好）',
      excess: '超额加分，f = 1 + min({{cap}}, {{rate}} × (r − 1)) = {{f}}',
      reached: '已达参照值，超额不加分，f = 1',
      not_reached: '未达参照值，f = 0',
      below: 'f = max(0, r) = {{f}}',
    },
    total_growth: {
      formula: '总量与增幅：f = {{share}} × 总量部分 + {{rest}} × 增幅部分',
      result:
        '总量部分 = min(1, max(0, x ÷ 目标值)) = min(1, max(0, {{x}} ÷ {{target}})) = {{totalPart}}；增幅 g = (x − 基期值) ÷ 基期值 = ({{x}} − {{base}}) ÷ {{base}} = {{g}}；目标增幅 gT = {{gT}}；增幅部分 = g ÷ gT，限定在 [0, 1]，= {{growthPart}}；f = {{share}} × {{totalPart}} + {{rest}} × {{growthPart}} = {{f}}',
    },
    benchmark: {
      ratio: '对标（比值）：f = 本地增幅 g ÷ 对标增幅 gp，限定在 [0, {{hi}}]',
      difference: '对标（差值）：f = {{par}} + {{perPoint}} × 100 × (g − gp)，限定在 [0, {{hi}}]',
      growth:
        '本地增幅 g = (x − 基期值) ÷ 基期值 = ({{x}} − {{base}}) ÷ {{base}} = {{g}}；对标增幅 gp = (对标值 − 对标基期值) ÷ 对标基期值 = ({{peer}} − {{peerBase}}) ÷ {{peerBase}} = {{gp}}',
      ratio_result: 'f = g ÷ gp，限定在 [0, {{hi}}]，= {{f}}',
      difference_result: 'f = {{par}} + {{perPoint}} × 100 × (g − gp)，限定在 [0, {{hi}}]，= {{f}}',
    },
    bands: {
      step: '分档计分：取 x ≥ xᵢ 的最高档的 fᵢ，低于第一档为 0；x = {{x}}，分档 [x, f]：{{breakpoints}}',
      interpolate:
        '分段插值：f = fᵢ + (fᵢ₊₁ − fᵢ) × (x − xᵢ) ÷ (xᵢ₊₁ − xᵢ)，两端以外取端点值；x = {{x}}，分档 [x, f]：{{breakpoints}}',
    },
    deduction: {
      formula: '扣分：f = max(0, 满分 − 问题数 × {{perItem}}) ÷ 满分',
      result: 'f = max(0, {{full}} − {{count}} × {{perItem}}) ÷ {{full}} = {{f}}',
    },
    rank: {
      table: '按名次计分：f = 名次分值表第 r 项（超出取最后一项），表 = {{table}}',
      linear: '按名次计分：f = 1 − (1 − {{floor}}) × (r − 1) ÷ (n − 1)',
      position: 'x = {{x}}，名次 r = {{r}}（共 {{n}} 个）',
      table_result: 'f = 表第 {{r}} 项 = {{f}}',
      linear_result: 'f = 1 − (1 − {{floor}}) × ({{r}} − 1) ÷ ({{n}} − 1) = {{f}}',
      single: '仅 {{n}} 个数值，f = 1',
    },
    efficacy: {
      formula: '功效系数：d = 60 + 40 × (x − x_s) ÷ (x_h − x_s)，限定在 [{{lo}}, {{hi}}]；f = d ÷ 100',
      result:
        'd = 60 + 40 × (x − 不允许值 x_s) ÷ (满意值 x_h − x_s) = 60 + 40 × ({{x}} − {{xs}}) ÷ ({{xh}} − {{xs}})，限定在 [{{lo}}, {{hi}}]，d = {{d}}；f = d ÷ 100 = {{f}}',
    },
    zscore: {
      formula:
        '标准分：z = {{direction}}(x − 均值) ÷ σ（{{sigma}}标准差）；d = {{center}} + {{scale}} × z，限定在 [{{lo}}, {{hi}}]；f = d ÷ 100',
      result:
        'z = {{direction}}({{x}} − {{mean}}) ÷ {{sd}} = {{z}}（n = {{n}}）；d = {{center}} + {{scale}} × z，限定在 [{{lo}}, {{hi}}]，d = {{d}}；f = d ÷ 100 = {{f}}',
      flat: 'σ = 0（n = {{n}}），z = 0；d = {{center}} + {{scale}} × 0，限定在 [{{lo}}, {{hi}}]，d = {{d}}；f = d ÷ 100 = {{f}}',
    },
    expert_panel: {
      formula:
        '专家评分：去掉 {{trim}} 个最高分和 {{trim}} 个最低分后取平均；f = 平均分 ÷ {{scale}}，限定在 [0, 1]',
      result:
        '评分 {{scores}}，计入 {{kept}}，平均分 = {{mean}}；f = {{mean}} ÷ {{scale}}，限定在 [0, 1]，= {{f}}',
    },
    satisfaction: {
      formula: '满意度：f = x ÷ {{scale}}，限定在 [0, 1]',
      result: '满意度 x = {{x}}；f = {{x}} ÷ {{scale}}，限定在 [0, 1]，= {{f}}',
    },
    manual: {
      formula: '人工评分：f = x ÷ {{scale}}，限定在 [0, 1]',
      result: '人工评分 x = {{x}}；f = {{x}} ÷ {{scale}}，限定在 [0, 1]，= {{f}}',
    },
    leaf: {
      score: '得分 = f × {{full}} = {{f}} × {{full}} = {{raw}}',
      left_out: '不计分（缺失值处理：{{policy}}）',
      not_applicable: '本指标不适用于该单位：不计分，同级按权重重新分配',
    },
    aggregate: {
      sum: '合计 = {{terms}} = {{raw}}',
      weighted: '加权平均 = Σ 权重 × 得分 ÷ Σ 权重 = ({{terms}}) ÷ {{weights}} = {{raw}}',
      reweighted: '按满分折算 = ({{terms}}) × {{full}} ÷ {{weights}} = {{raw}}',
      none: '下级项均不计分',
      products: '逐项舍入后相加：({{terms}}) ÷ {{weights}} 逐项舍入为 {{products}}，合计 {{raw}}',
    },
    weights: {
      entropy:
        '熵值法（本组 {{units}} 个单位的本期数据）：{{codes}} 的权重为 {{weights}}（熵值 e = {{entropy}}；差异系数 d = {{divergence}}）',
      critic:
        'CRITIC 法（本组 {{units}} 个单位的本期数据）：{{codes}} 的权重为 {{weights}}（标准差 σ = {{deviation}}；冲突性 Σ(1 − r) = {{conflict}}；信息量 C = {{information}}）',
      equal: '本期数据无差异（本组 {{units}} 个单位）：{{codes}} 取等权 {{weights}}',
    },
    component: {
      deductions: '归属本部分的扣分 {{points}}：{{before}} − {{applied}} = {{after}}（不低于 {{floor}}）',
    },
    base: {
      half_year: '计入半年结果：{{weight}} × {{halfYear}} + {{rest}} × {{base}}',
      linked:
        '捆绑考核：{{own}} × {{base}} + {{share}} × 平均（{{sources}}）= {{own}} × {{base}} + {{share}} × {{mean}}',
    },
    bonus: {
      none: '无加分',
      capped: 'min({{cap}}, {{items}})：先按各来源上限，再按共享上限 {{cap}}',
    },
    deductions: { none: '无扣分', sum: '{{items}}', capped: '{{items}}，上限 {{cap}}' },
    total: '总分 = 基础分 + 加分 − 扣分 = {{base}} + {{bonus}} − {{deductions}}',
    rounding: '{{raw}} → {{value}}（{{mode}}，保留 {{decimals}} 位小数）',
    placement: '组内排名第 {{rank}}（{{group}} 组，按公布总分并列排名）；公布名次第 {{placement}}',
    grade: {
      level: '{{name}}',
      none: '无等次',
      vetoed: '{{name}}：按得分为{{natural}}，因一票否决（{{events}}）降一档，列于{{name}}末位',
    },
    note: {
      missing_input: '缺少输入：{{field}}',
      missing_policy: '缺失值处理：{{policy}}',
      division_by_zero: '除数为零（{{cause}}）：{{outcome}}',
      scope: '统计范围：{{scope}}（{{n}} 个单位有数值）',
      sigma_zero: 'σ = 0：z = 0',
      few_scores: '评分少于 {{n}} 个：直接取平均',
      reweighted: '部分下级项不计分：按现有下级项重新分配权重',
      no_limits: '统计范围内没有数值：x_s、x_h 无从确定',
      not_finite: '{{name}} 超出可表示的数值范围，显示为 {{shown}}',
    },
  },
  terms: {
    ref: { target: '目标值', baseline: '基数' },
    basis: { month: '按月', day: '按日' },
    direction: { higher: '', lower: '−' },
    sigma: { population: '总体', sample: '样本' },
    policy: { zero: '按 0 分计', reweight: '不计入，同级重新分配权重', error: '报错' },
    field: {
      value: '实际值',
      target: '目标值',
      baseline: '基数',
      baseValue: '基期值',
      peerValue: '对标值',
      peerBaseValue: '对标基期值',
      scores: '专家评分',
    },
    cause: {
      reference: '参照值 {{value}} ≤ 0',
      target: '目标值 ≤ 0',
      base: '基期值 ≤ 0',
      peer_base: '对标基期值 ≤ 0',
      peer_growth: '对标增幅 ≤ 0',
      limits: 'x_h = x_s',
      growth_target: '目标增幅 ≤ 0',
    },
    outcome: { zero: 'f = 0', full: 'f = 1（满分）', missing: '视为缺失' },
    scope: { group: '本组', category: '本类别', all: '全部单位' },
    mode: { half_up: '四舍五入', half_even: '四舍六入五成双', down: '截尾' },
    stage: { indicator: '指标', node: '中间节点', component: '组成部分', total: '总分' },
    shown: { unbounded: '+∞', '-unbounded': '−∞', null: '—' },
  },
  /** The engine's trace vars (TraceNode.vars) by name. */
  vars: {
    x: '实际值 x',
    ref: '参照值',
    r: '完成率 r',
    f: '得分率 f',
    target: '目标值',
    elapsed: '已过时间比例',
    base: '基期值',
    peer: '对标值',
    peerBase: '对标基期值',
    g: '增幅 g',
    gp: '对标增幅 gp',
    gT: '目标增幅 gT',
    totalPart: '总量部分',
    growthPart: '增幅部分',
    breakpoints: '分档',
    count: '问题数',
    full: '满分',
    n: '个数 n',
    x_s: '不允许值 x_s',
    x_h: '满意值 x_h',
    d: 'd',
    mean: '均值',
    sigma: '标准差 σ',
    z: 'z',
    scores: '专家评分',
    kept: '计入评分',
  },
};

export default explainZhCN;
