import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { evaluationRuns, plans } from '../../db/schema/index.js';

/**
 * A unit's rank over the years (the scorecard's line): in every yearly plan of one evaluation
 * system, the newest released run of the year's period (`YYYY-Y`), the unit's rank and how many
 * units its group had there. Oldest year first.
 */
export async function yearlyRanks(
  db: Executor,
  systemId: number,
  unit: string,
): Promise<{ year: number; rank: number; of: number }[]> {
  const res = await db.execute(sql`
    select distinct on (p.year) p.year as year, (u->>'rank')::int as rank,
      (select count(*) from jsonb_array_elements(r.result->'units') g where g->>'group' = u->>'group')::int as "of"
    from ${plans} p
    join ${evaluationRuns} r on r.plan_id = p.id
    cross join lateral jsonb_array_elements(r.result->'units') u
    where p.system_id = ${systemId} and r.status = 'released' and r.period = p.year::text || '-Y'
      and u->>'unit' = ${unit}
    order by p.year, r.id desc`);
  return (res as unknown as { rows: { year: number; rank: number; of: number }[] }).rows.map((r) => ({
    year: Number(r.year),
    rank: Number(r.rank),
    of: Number(r.of),
  }));
}
