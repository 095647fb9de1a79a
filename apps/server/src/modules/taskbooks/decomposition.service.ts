import type { DecompositionPartInput, DecompositionTree } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkCoverage, type PartNode } from './decomposition.js';
import { type LoadedBook, loadBook, refuse } from './taskbooks.policy.js';
import * as repo from './taskbooks.repository.js';

/**
 * A token of the stored tree: ids and versions. A save replaces every row (new ids), so a save made
 * with the token of an older tree is refused (409) instead of silently overwriting.
 */
const stampOf = (parts: repo.PartRow[]) => parts.map((p) => `${p.id}:${p.version}`).join(',') || 'empty';

async function context(db: Executor, l: LoadedBook, indicator: string) {
  const line = l.lines.find((x) => x.indicator === indicator);
  if (!line) throw notFound(`Indicator ${indicator} of this task book`);
  const target =
    (await repo.targetsOf(db, [l.book.id])).find((t) => t.indicator === indicator)?.target ?? null;
  const { nodes, people } = await repo.subtree(db, l.unit.path);
  return { line, target, nodes, people };
}

export async function getTree(
  deps: Deps,
  ctx: Ctx,
  id: number,
  indicator: string,
): Promise<DecompositionTree> {
  const db = deps.database.db;
  const l = await loadBook(db, ctx.actor!, id);
  const { line, target, nodes, people } = await context(db, l, indicator);
  const parts = await repo.partsOf(db, id, indicator);
  const nodeName = new Map(nodes.map((n) => [n.id, n.name]));
  const staffName = new Map(people.map((s) => [s.id, s.name]));
  return {
    taskBookId: id,
    indicator,
    name: line.name,
    rule: line.decomposition,
    target,
    stamp: stampOf(parts),
    parts: parts.map((p) => ({
      key: `p${p.id}`,
      parentKey: p.parentPartId ? `p${p.parentPartId}` : null,
      orgNodeId: p.orgNodeId,
      staffId: p.staffId,
      target: p.target,
      note: p.note,
      label: (p.staffId ? staffName.get(p.staffId) : nodeName.get(p.orgNodeId ?? 0)) ?? '?',
    })),
    nodes: nodes.map((n) => ({ id: n.id, parentId: n.parentId, name: n.name })),
    staff: people,
  };
}

type Issue = { field: string; message: string };

/**
 * Structural checks: each part goes to exactly one section/sub-unit or staff member of the unit;
 * a nested part stays inside its parent part's subtree; staff tasks are leaves; parents come first.
 */
function checkTree(
  parts: DecompositionPartInput[],
  nodes: { id: number; path: string }[],
  people: { id: number; orgNodeId: number }[],
): Issue[] {
  const pathOf = new Map(nodes.map((n) => [n.id, n.path]));
  const staffNode = new Map(people.map((s) => [s.id, s.orgNodeId]));
  const index = new Map<string, number>();
  const issues: Issue[] = [];
  const seen = new Set<string>();
  parts.forEach((p, i) => {
    const f = (k: string) => `parts[${i}].${k}`;
    if (index.has(p.key)) issues.push({ field: f('key'), message: `key "${p.key}" is used twice` });
    if ((p.orgNodeId === null) === (p.staffId === null))
      issues.push({
        field: f('orgNodeId'),
        message: 'give either a section (orgNodeId) or a staff member (staffId)',
      });
    else if (p.orgNodeId !== null && !pathOf.has(p.orgNodeId))
      issues.push({
        field: f('orgNodeId'),
        message: `org node ${p.orgNodeId} is not a section or sub-unit of this unit`,
      });
    else if (p.staffId !== null && !staffNode.has(p.staffId))
      issues.push({ field: f('staffId'), message: `staff ${p.staffId} does not work in this unit` });
    if (p.parentKey !== null) {
      const pi = index.get(p.parentKey);
      if (pi === undefined)
        issues.push({
          field: f('parentKey'),
          message: `parent "${p.parentKey}" must be listed before this part`,
        });
      else {
        const parent = parts[pi]!;
        if (parent.staffId !== null)
          issues.push({ field: f('parentKey'), message: 'a staff task cannot be split further' });
        else if (parent.orgNodeId !== null) {
          const base = pathOf.get(parent.orgNodeId) ?? '';
          const own =
            p.orgNodeId !== null ? pathOf.get(p.orgNodeId) : pathOf.get(staffNode.get(p.staffId ?? 0) ?? 0);
          const inside = own?.startsWith(base) && (p.staffId !== null || own !== base);
          if (!inside)
            issues.push({
              field: f('parentKey'),
              message: "a nested part must belong to its parent part's section",
            });
        }
      }
    }
    const who = `${p.parentKey ?? ''}>${p.orgNodeId ?? ''}/${p.staffId ?? ''}`;
    if (seen.has(who))
      issues.push({
        field: f('orgNodeId'),
        message: 'the same section or person appears twice under one parent',
      });
    seen.add(who);
    if (!index.has(p.key)) index.set(p.key, i);
  });
  return issues;
}

/** Replace an indicator's decomposition: checked whole, stored whole or not at all. */
export async function saveTree(
  deps: Deps,
  ctx: Ctx,
  id: number,
  indicator: string,
  input: { stamp: string; parts: DecompositionPartInput[] },
) {
  await deps.database.db.transaction(async (tx) => {
    const l = await loadBook(tx, ctx.actor!, id);
    if (!l.caps.has('edit')) throw refuse('FORBIDDEN', "Your role may not decompose this unit's targets");
    const { line, target, nodes, people } = await context(tx, l, indicator);
    const before = await repo.partsOf(tx, id, indicator);
    if (stampOf(before) !== input.stamp) throw versionConflict('This decomposition');
    const issues = checkTree(input.parts, nodes, people);
    if (issues.length) throw new AppError('VALIDATION_FAILED', issues[0]!.message, issues);
    const nodeName = new Map(nodes.map((n) => [n.id, n.name]));
    const staffName = new Map(people.map((s) => [s.id, s.name]));
    const keyIndex = new Map(input.parts.map((p, i) => [p.key, i]));
    const tree: PartNode[] = input.parts.map((p, i) => ({
      index: i,
      label: (p.staffId ? staffName.get(p.staffId) : nodeName.get(p.orgNodeId!)) ?? p.key,
      target: p.target,
      parentIndex: p.parentKey === null ? null : keyIndex.get(p.parentKey)!,
    }));
    const coverage = checkCoverage(line.decomposition, target, `${line.indicator} ${line.name}`, tree);
    if (coverage.length) throw new AppError('VALIDATION_FAILED', coverage[0]!.message, coverage);
    await repo.deleteParts(tx, id, indicator);
    const ids = new Map<string, number>();
    for (const p of input.parts) {
      const row = await repo.insertPart(tx, {
        taskBookId: id,
        indicator,
        parentPartId: p.parentKey === null ? null : ids.get(p.parentKey)!,
        orgNodeId: p.orgNodeId,
        staffId: p.staffId,
        target: p.target,
        note: p.note ?? null,
      });
      ids.set(p.key, row.id);
    }
    await recordAudit(deps, tx, ctx, {
      action: 'task_book.decompose',
      objectType: 'task_book',
      objectId: id,
      before: {
        indicator,
        parts: before.map((p) => ({ orgNodeId: p.orgNodeId, staffId: p.staffId, target: p.target })),
      },
      after: {
        indicator,
        parts: input.parts.map((p) => ({ orgNodeId: p.orgNodeId, staffId: p.staffId, target: p.target })),
      },
    });
  });
  return getTree(deps, ctx, id, indicator);
}
