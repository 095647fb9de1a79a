import { mulberry32 } from '@jixiao/engine';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import * as repo from '../modules/hotline/hotline.repository.js';
import { cstStart } from '../modules/periods/period-state.js';
import * as plansRepo from '../modules/plans/plans.repository.js';
import type { Ctx, Deps } from '../platform/context.js';

const YEAR = 2026;
const MONTHS = 10;

/**
 * Hotline work-order statistics (H8) of the city-department plan: every unit, M01–M10, as the
 * 12345 hotline would send them monthly. Each unit keeps its own level through the year (a busy
 * window-service bureau has hundreds of orders, a party organ a handful). No feed is set: D3
 * 高效履职（按时办结率）reads the completion rate, but the demo's data provider reports D3 (Z4)
 * and its figures feed the released year-end run; the office maps a figure on /hotline.
 */
export async function seedHotline(deps: Deps, tx: Executor, ctx: Ctx, systemId: number): Promise<void> {
  const plan = await plansRepo.findActivePlan(tx, systemId, YEAR);
  if (!plan) return;
  const units = await plansRepo.systemUnits(tx, systemId);
  const rand = mulberry32(20261212);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const levels = units.map(() => ({ orders: 5 + Math.floor(rand() * 300), care: rand() }));
  for (let m = 1; m <= MONTHS; m++) {
    const period = `${YEAR}-M${String(m).padStart(2, '0')}`;
    const importedAt = cstStart(YEAR, m + 1, 3);
    const rows = units.map((u, i) => {
      const { orders, care } = levels[i]!;
      const jitter = () => (rand() - 0.5) * 4;
      return {
        planId: plan.id,
        period,
        unitId: u.id,
        volume: Math.max(0, Math.round(orders * (0.8 + rand() * 0.4))),
        timelyRate: Math.min(100, round1(88 + care * 11 + jitter())),
        completionRate: Math.min(100, round1(84 + care * 14 + jitter())),
        satisfaction: Math.min(100, round1(82 + care * 15 + jitter())),
        source: 'api:12345热线',
        importedAt,
        importedBy: 'api-token:12345热线',
      };
    });
    await repo.replacePeriod(tx, plan.id, period, rows);
  }
  await recordAudit(deps, tx, ctx, {
    action: 'hotline_stat.import',
    objectType: 'plan',
    objectId: plan.id,
    after: {
      periods: `${YEAR}-M01–M${String(MONTHS).padStart(2, '0')}`,
      rows: units.length * MONTHS,
      source: 'demo',
    },
  });
}
