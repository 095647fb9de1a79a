/** A completion indicator of the tiny plan's one component, owned by the office. */
const task = (code: string, name: string, points: number) => ({
  code,
  name,
  component: 'main',
  points,
  owner: '绩效办',
  method: { kind: 'completion' },
});

/**
 * A tiny hand-checkable plan: one group A, one component of 100 points, two completion
 * indicators of 60 and 40 points, three grade levels (excellent ≥ 90, good ≥ 75, pass).
 */
export function tinyPlan(name = '小方案') {
  return {
    format: 'jixiao-plan/1',
    id: 'tiny',
    name,
    year: 2026,
    period: { granularity: 'year' },
    scoring: 'points',
    totalPoints: 100,
    rounding: { decimals: 2, mode: 'half_up', stages: ['indicator', 'total'] },
    categories: [{ code: 'A', name: '党群口' }],
    groups: [{ code: 'A', name: '党群口', category: 'A' }],
    components: [{ code: 'main', name: '目标任务', points: 100 }],
    indicators: [task('I1', '主要任务完成率', 60), task('I2', '重点项目完成率', 40)],
    grades: {
      levels: [
        { code: 'excellent', name: '优秀', color: '#389e0d', minScore: 90 },
        { code: 'good', name: '良好', color: '#1677ff', minScore: 75 },
        { code: 'pass', name: '合格', color: '#d4b106' },
      ],
    },
  };
}

/** Values: unit → [I1 value, I1 target, I2 value, I2 target]. */
export function tinyInput(period: string, values: Record<string, [number, number, number, number]>) {
  return {
    period,
    values: Object.entries(values).flatMap(([unit, [v1, t1, v2, t2]]) => [
      { unit, indicator: 'I1', value: v1, target: t1 },
      { unit, indicator: 'I2', value: v2, target: t2 },
    ]),
  };
}
