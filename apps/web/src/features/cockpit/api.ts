import { cockpit, cockpitUnitView } from '@jixiao/contracts';
import { useGet } from '../../shared/useGet.js';

export const cockpitKeys = {
  all: ['cockpit'] as const,
  plan: (planId: number, period: string) => ['cockpit', planId, period] as const,
  unit: (planId: number, unitId: number, period: string) =>
    ['cockpit', planId, 'unit', unitId, period] as const,
};

/** The cockpit of a plan and period (office, leaders, observers), from the live evaluation. */
export function useCockpit(planId: number | undefined, period: string | undefined) {
  return useGet(cockpitKeys.plan(planId ?? 0, period ?? ''), `/api/cockpit/${planId}`, cockpit, {
    query: { period },
    enabled: planId !== undefined && !!period,
  });
}

/** One unit's own view of it (the unit head's page). */
export function useUnitView(
  planId: number | undefined,
  unitId: number | null | undefined,
  period: string | undefined,
) {
  return useGet(
    cockpitKeys.unit(planId ?? 0, unitId ?? 0, period ?? ''),
    `/api/cockpit/${planId}/unit/${unitId}`,
    cockpitUnitView,
    { query: { period }, enabled: planId !== undefined && !!unitId && !!period },
  );
}
