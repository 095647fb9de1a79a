import { parsePeriod } from '@jixiao/engine';
import type { TFunction } from 'i18next';

/** A period code as words (2026-Y → 2026 年度, 2026-H1 → 2026 年上半年); a malformed code as it is. */
export function periodName(t: TFunction, code: string): string {
  const p = parsePeriod(code);
  if (!p) return code;
  return t(`periodName.${p.granularity}`, {
    year: p.year,
    index: p.index,
    half: p.granularity === 'half' ? t(`periodName.halves.${p.index}`) : '',
  });
}
