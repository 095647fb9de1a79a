/** The units an event may name. */
import type { OrgNode } from '@jixiao/contracts';

export interface UnitOption {
  id: number;
  code: string;
  name: string;
}

/** The evaluated units of a plan's system (any system's when it has none), by code. */
export function unitsOf(nodes: readonly OrgNode[], systemId: number | undefined): UnitOption[] {
  const all = nodes.filter((n) => n.groupId !== null && n.kind !== 'section');
  const mine = all.filter((n) => n.systemId === systemId);
  return (mine.length ? mine : all)
    .map((n) => ({ id: n.id, code: n.code, name: n.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
