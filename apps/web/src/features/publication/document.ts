import type { RankedGroup } from '@jixiao/contracts';

/** How many units of a group hold each grade, in the order the grades first appear (best first). */
export function gradeCounts(group: RankedGroup): { grade: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const u of group.units) if (u.grade) counts.set(u.grade.name, (counts.get(u.grade.name) ?? 0) + 1);
  return [...counts].map(([grade, n]) => ({ grade, n }));
}

/** A YYYY-MM-DD day as the parts an official date is written from (2026-03-08 → 2026, 3, 8). */
export function dayParts(day: string): { year: number; month: number; day: number } {
  const [y, m, d] = day.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}
