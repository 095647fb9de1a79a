import { createHash } from 'node:crypto';
import { type ImportRowError, type OrgImportRow, orgImportRow, orgKinds } from '@jixiao/contracts';
import { orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { type Download, XLSX } from '../../platform/download.js';
import { AppError } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './org.repository.js';
import { nodeInScope } from './org.service.js';
import {
  buildTemplateCsv,
  buildTemplateXlsx,
  headerTitle,
  type ParsedRow,
  parseOrgImport,
} from './org-import.parse.js';

/** Chinese names of the node kinds, for the template's help sheet. */
export const kindTitles: Record<(typeof orgKinds)[number], string> = {
  region: '区域（市、区、县）/ region',
  department: '部门 / department',
  zone: '开发区 / development zone',
  vertical: '垂管单位 / vertical-management unit',
  enterprise: '企业、公共服务单位 / enterprise or public-service unit',
  section: '科室 / section',
};

const templateExamples = [
  ['dept-example', '示例局', 'department', 'demo-city', 'city-dept', 'B1', '10'],
  ['dept-example-s1', '示例局办公室', 'section', 'dept-example', '', '', '1'],
];

export async function importTemplate(format: 'xlsx' | 'csv'): Promise<Download> {
  if (format === 'csv')
    return {
      data: buildTemplateCsv(),
      fileName: 'org-import-template.csv',
      contentType: 'text/csv; charset=utf-8',
    };
  return {
    data: await buildTemplateXlsx(
      templateExamples,
      orgKinds.map((k) => ({ kind: k, title: kindTitles[k] })),
    ),
    fileName: 'org-import-template.xlsx',
    contentType: XLSX,
  };
}

interface GoodRow {
  line: number;
  row: OrgImportRow;
}

const byLine = (a: ImportRowError, b: ImportRowError) =>
  a.line - b.line || (a.field ?? '').localeCompare(b.field ?? '') || a.message.localeCompare(b.message);

/**
 * Import organisation nodes from an .xlsx or .csv file. Every row is checked; if any is bad the
 * whole file is rejected with one error per problem (line = spreadsheet line, header = 1) and nothing
 * is written. Otherwise all nodes are inserted in one transaction with one audit row each.
 */
export async function importOrgNodes(
  deps: Deps,
  ctx: Ctx,
  file: UploadedFile,
): Promise<{ imported: number }> {
  const actor = ctx.actor!;
  const sheet = await parseOrgImport(file.data);
  const errors: ImportRowError[] = [...sheet.headerProblems];
  if (errors.length) throw rejected(errors);

  // 1. Each row on its own.
  const good: GoodRow[] = [];
  for (const r of sheet.rows) {
    const parsed = orgImportRow.safeParse(r.values);
    if (parsed.success) good.push({ line: r.line, row: parsed.data });
    else
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.') || undefined;
        errors.push({
          line: r.line,
          field,
          message: `${field ? `${field}: ` : ''}${issueMessage(issue, r)}`,
        });
      }
  }

  return deps.database.db.transaction(async (tx) => {
    // 2. Codes: unique within the file and not yet in the database. Every row with a code, even a
    // bad one, counts as a possible parent, so one bad row does not cascade into its children.
    const firstLineOf = new Map<string, number>();
    const fileRowByCode = new Map<string, ParsedRow>();
    for (const r of sheet.rows) {
      const c = r.values.code?.trim();
      if (!c) continue;
      const first = firstLineOf.get(c);
      if (first === undefined) {
        firstLineOf.set(c, r.line);
        fileRowByCode.set(c, r);
      } else errors.push({ line: r.line, field: 'code', message: `code: "${c}" is also on line ${first}` });
    }
    const existing = new Set<string>();
    const allCodes = [...firstLineOf.keys()];
    for (let i = 0; i < allCodes.length; i += 5000)
      for (const n of await repo.findNodesByCodes(tx, allCodes.slice(i, i + 5000))) existing.add(n.code);
    for (const g of good)
      if (existing.has(g.row.code) && firstLineOf.get(g.row.code) === g.line)
        errors.push({ line: g.line, field: 'code', message: `code: "${g.row.code}" already exists` });

    // 3. Parents: another row of the file, or an existing node the actor may write under.
    const global = orgScope(actor, 'org.write').all;
    const parentNodes = new Map<string, repo.NodeRow | null>();
    const outsideCodes = [
      ...new Set(
        good.flatMap((g) =>
          g.row.parentCode && !fileRowByCode.has(g.row.parentCode) ? [g.row.parentCode] : [],
        ),
      ),
    ];
    const found = new Map<string, repo.NodeRow>();
    for (let i = 0; i < outsideCodes.length; i += 5000)
      for (const n of await repo.findNodesByCodes(tx, outsideCodes.slice(i, i + 5000))) found.set(n.code, n);
    for (const c of outsideCodes) {
      const n = found.get(c);
      let ok: repo.NodeRow | null = null;
      if (n) {
        try {
          ok = await nodeInScope(tx, actor, n.id, 'org.write');
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
        }
      }
      parentNodes.set(c, ok);
    }
    for (const g of good) {
      const p = g.row.parentCode;
      if (!p) {
        if (!global)
          errors.push({
            line: g.line,
            field: 'parentCode',
            message: 'parentCode: required — only the performance office may import top-level nodes',
          });
      } else if (p === g.row.code) {
        errors.push({
          line: g.line,
          field: 'parentCode',
          message: 'parentCode: a node cannot be its own parent',
        });
      } else if (!fileRowByCode.has(p) && !parentNodes.get(p)) {
        errors.push({ line: g.line, field: 'parentCode', message: `parentCode: no such node "${p}"` });
      }
    }

    // 4. Cycles among rows of the file.
    const depthOf = new Map<string, number>();
    const inCycle = new Set<string>();
    for (const r of sheet.rows) {
      const start = r.values.code;
      if (!start || depthOf.has(start) || inCycle.has(start) || fileRowByCode.get(start) !== r) continue;
      const chain: string[] = [];
      const onChain = new Set<string>();
      let c: string | undefined = start;
      let base = 0;
      while (c !== undefined) {
        if (depthOf.has(c)) {
          base = depthOf.get(c)! + 1;
          break;
        }
        if (inCycle.has(c)) {
          base = -1;
          break;
        }
        if (onChain.has(c)) {
          const cycle = chain.slice(chain.indexOf(c));
          const lines = cycle.map((k) => fileRowByCode.get(k)!.line);
          for (const k of cycle) {
            inCycle.add(k);
            if (fileRowByCode.get(k)!.values.parentCode !== k)
              errors.push({
                line: fileRowByCode.get(k)!.line,
                field: 'parentCode',
                message: `parentCode: the rows on lines ${lines.join(', ')} are each other's ancestors (a cycle)`,
              });
          }
          base = -1;
          chain.length = chain.indexOf(c);
          break;
        }
        chain.push(c);
        onChain.add(c);
        const parent: string | undefined = fileRowByCode.get(c)!.values.parentCode;
        c = parent !== undefined && parent !== c && fileRowByCode.has(parent) ? parent : undefined;
      }
      // Assign depths from the top of the chain down (rows above a cycle inherit "no depth").
      for (let i = chain.length - 1; i >= 0; i--) {
        const k = chain[i]!;
        if (base < 0) inCycle.add(k);
        else depthOf.set(k, base + (chain.length - 1 - i));
      }
    }

    // 5. Evaluation systems and groups: a group must belong to the row's system, or — when the row
    // names none — to a system of one of its ancestors.
    const systems = await repo.listSystems(tx);
    const systemByCode = new Map(systems.map((s) => [s.code, s]));
    const groupsWithSystem = await repo.allGroupsWithSystem(tx);
    const ancestorSystems = new Map<string, Promise<number[]>>();
    const systemsAbove = (code: string): Promise<number[]> => {
      let hit = ancestorSystems.get(code);
      if (!hit) {
        hit = (async () => {
          const row = fileRowByCode.get(code);
          if (row) {
            const own = row.values.systemCode ? systemByCode.get(row.values.systemCode)?.id : undefined;
            const p = row.values.parentCode;
            const above = p && p !== code && !inCycle.has(code) ? await systemsAbove(p) : [];
            return own ? [own, ...above] : above;
          }
          const node = parentNodes.get(code);
          return node ? repo.nodeSystemIds(tx, node) : [];
        })();
        ancestorSystems.set(code, hit);
      }
      return hit;
    };
    const resolved = new Map<string, { systemId: number | null; groupId: number | null }>();
    for (const g of good) {
      const { systemCode, groupCode, parentCode } = g.row;
      let systemId: number | null = null;
      if (systemCode) {
        const s = systemByCode.get(systemCode);
        if (!s) {
          errors.push({
            line: g.line,
            field: 'systemCode',
            message: `systemCode: no such evaluation system "${systemCode}"`,
          });
          continue;
        }
        systemId = s.id;
      }
      let groupId: number | null = null;
      if (groupCode) {
        const candidates = systemId ? [systemId] : parentCode ? await systemsAbove(parentCode) : [];
        const matches = groupsWithSystem.filter(
          (x) => x.code === groupCode && candidates.includes(x.systemId),
        );
        if (matches.length === 1) groupId = matches[0]!.id;
        else if (matches.length > 1)
          errors.push({
            line: g.line,
            field: 'groupCode',
            message: `groupCode: "${groupCode}" is ambiguous; give systemCode`,
          });
        else if (!groupsWithSystem.some((x) => x.code === groupCode))
          errors.push({
            line: g.line,
            field: 'groupCode',
            message: `groupCode: no such group "${groupCode}"`,
          });
        else if (candidates.length === 0)
          errors.push({
            line: g.line,
            field: 'groupCode',
            message:
              'groupCode: neither this row nor its parents belong to an evaluation system; give systemCode',
          });
        else
          errors.push({
            line: g.line,
            field: 'groupCode',
            message: `groupCode: group "${groupCode}" does not belong to ${systemCode ? `evaluation system "${systemCode}"` : "the parents' evaluation system"}`,
          });
      }
      resolved.set(g.row.code, { systemId, groupId });
    }

    if (errors.length) throw rejected(errors);

    // 6. Insert level by level so each parent's path exists before its children's.
    const levels: GoodRow[][] = [];
    for (const g of good) {
      const d = depthOf.get(g.row.code) ?? 0;
      const level = levels[d] ?? [];
      level.push(g);
      levels[d] = level;
    }
    const idByCode = new Map<string, number>();
    let imported = 0;
    for (const level of levels) {
      if (!level) continue;
      const rows = await repo.insertNodesBulk(
        tx,
        level.map(({ row }) => ({
          parentId: row.parentCode
            ? (idByCode.get(row.parentCode) ?? parentNodes.get(row.parentCode)!.id)
            : null,
          kind: row.kind,
          code: row.code,
          name: row.name,
          systemId: resolved.get(row.code)!.systemId,
          groupId: resolved.get(row.code)!.groupId,
          sortOrder: row.sortOrder ?? 0,
        })),
      );
      for (const n of rows) idByCode.set(n.code, n.id);
      await recordAudit(
        deps,
        tx,
        ctx,
        rows.map(({ createdAt: _c, updatedAt: _u, ...after }) => ({
          action: 'org_node.import',
          objectType: 'org_node',
          objectId: after.id,
          after,
        })),
      );
      imported += rows.length;
    }
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    await recordAudit(deps, tx, ctx, {
      action: 'org.import',
      objectType: 'org_node',
      after: { file: file.fileName, format: sheet.format, sha256, count: imported },
    });
    return { imported };
  });
}

function rejected(errors: ImportRowError[]) {
  const sorted = [...errors].sort(byLine);
  const lines = new Set(sorted.map((e) => e.line)).size;
  return new AppError(
    'IMPORT_REJECTED',
    `${lines} row${lines === 1 ? '' : 's'} rejected; nothing was imported`,
    sorted,
  );
}

/** A readable message for a zod issue, naming the allowed kinds for a bad kind. */
function issueMessage(issue: { code: string; message: string; path: PropertyKey[] }, r: ParsedRow): string {
  const field = issue.path[0];
  if (field === 'kind' && r.values.kind !== undefined)
    return `"${r.values.kind}" is not a kind; use one of ${orgKinds.join(', ')}`;
  if (
    issue.code === 'invalid_type' &&
    typeof field === 'string' &&
    r.values[field as keyof ParsedRow['values']] === undefined
  )
    return `required (column ${headerTitle(field as never)})`;
  return issue.message;
}
