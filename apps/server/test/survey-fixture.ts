import { tinyPlan } from './plans-fixture.js';

/** The tiny plan with two survey indicators: S1 群众满意度 (20 points) and S2 企业评议 (10). */
export const surveyPlan = () => {
  const p = tinyPlan();
  p.indicators[1]!.points = 10;
  p.indicators.push({
    code: 'S1',
    name: '群众满意度',
    component: 'main',
    points: 20,
    owner: '绩效办',
    method: { kind: 'satisfaction' },
  } as never);
  p.indicators.push({
    code: 'S2',
    name: '企业评议',
    component: 'main',
    points: 10,
    owner: '绩效办',
    method: { kind: 'satisfaction' },
  } as never);
  return p;
};
