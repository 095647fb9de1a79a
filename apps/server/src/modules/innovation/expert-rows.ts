import {
  type Affiliation,
  affiliationAliases,
  affiliations,
  type ExpertColumn,
  expertColumnAliases,
  expertColumnOf,
  expertInput,
} from '@jixiao/contracts';
import {
  lineProblem as bad,
  type DataProblem,
  type TableColumns,
  type TableRow,
} from '../imports/data-file.js';

/**
 * Rows of an expert pool file (S11), pure: the columns (read by the data import's parser,
 * data-file.ts readTable) and the check of every row — name, affiliation and organisation
 * required, a known affiliation, phone and e-mail well-formed, known unit codes, no expert twice
 * (in the file or already in the pool) — with line + column + code problems.
 */

export const EXPERT_COLUMNS: TableColumns<ExpertColumn> = {
  columnOf: expertColumnOf,
  required: ['name', 'affiliation', 'organisation'],
  label: (c) => expertColumnAliases[c].find((a) => /[^\x20-\x7e]/.test(a)) ?? c,
};

export type ExpertRaw = TableRow<ExpertColumn>;

export interface ExpertFileRow {
  line: number;
  name: string;
  affiliation: Affiliation;
  organisation: string;
  fields: string[];
  phone: string | null;
  email: string | null;
  available: boolean;
  memberUnitCode: string | null;
  conflictUnitCodes: string[];
}

/** A list cell: "政务服务、数字治理; 营商环境" → its items. */
export const listOf = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const YES = ['是', 'y', 'yes', 'true', '1', '可用'];
const NO = ['否', 'n', 'no', 'false', '0', '不可用'];

function affiliationOf(cell: string): Affiliation | undefined {
  const c = cell.trim().toLowerCase();
  return affiliations.find((a) => affiliationAliases[a].some((w) => w.toLowerCase() === c));
}

/** The key that tells two experts apart: name and organisation. */
export const expertKey = (name: string, organisation: string) =>
  `${name.replace(/\s+/g, '')}|${organisation.replace(/\s+/g, '')}`;

export function checkExpertRows(
  raw: ExpertRaw[],
  unitCodes: ReadonlySet<string>,
  existing: ReadonlySet<string>,
): { rows: ExpertFileRow[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const rows: ExpertFileRow[] = [];
  const firstLine = new Map<string, number>();
  for (const r of raw) {
    const c = r.cells;
    const before = problems.length;
    for (const f of ['name', 'affiliation', 'organisation'] as const)
      if (!c[f]?.trim()) problems.push(bad(r.line, f, 'value_required', {}, `${f} is required`));
    const name = c.name?.trim() ?? '';
    const organisation = c.organisation?.trim() ?? '';
    const aff = c.affiliation?.trim() ? affiliationOf(c.affiliation) : undefined;
    if (c.affiliation?.trim() && !aff)
      problems.push(
        bad(
          r.line,
          'affiliation',
          'bad_affiliation',
          { value: c.affiliation },
          `unknown affiliation "${c.affiliation}"`,
        ),
      );
    const phone = c.phone?.trim() || null;
    if (phone && !expertInput.shape.phone.safeParse(phone).success)
      problems.push(bad(r.line, 'phone', 'bad_phone', { value: phone }, `"${phone}" is not a phone number`));
    const email = c.email?.trim() || null;
    if (email && !expertInput.shape.email.safeParse(email).success)
      problems.push(
        bad(r.line, 'email', 'bad_email', { value: email }, `"${email}" is not an e-mail address`),
      );
    const flag = c.available?.trim().toLowerCase() ?? '';
    if (flag && !YES.includes(flag) && !NO.includes(flag))
      problems.push(
        bad(r.line, 'available', 'bad_flag', { value: c.available! }, `"${c.available}" is not 是 / 否`),
      );
    const memberUnitCode = c.memberUnit?.trim() || null;
    const conflictUnitCodes = listOf(c.conflicts);
    for (const [field, unit] of [
      ...(memberUnitCode ? [['memberUnit', memberUnitCode] as const] : []),
      ...conflictUnitCodes.map((u) => ['conflicts', u] as const),
    ])
      if (!unitCodes.has(unit))
        problems.push(bad(r.line, field, 'unknown_unit', { unit }, `unknown unit "${unit}"`));
    if (name && organisation) {
      const key = expertKey(name, organisation);
      const seen = firstLine.get(key);
      if (existing.has(key))
        problems.push(
          bad(
            r.line,
            'name',
            'duplicate_expert',
            { name, organisation },
            `${name} (${organisation}) is already in the pool`,
          ),
        );
      else if (seen !== undefined)
        problems.push(
          bad(
            r.line,
            'name',
            'duplicate',
            { first: seen },
            `${name} (${organisation}) appears again (line ${seen})`,
          ),
        );
      else firstLine.set(key, r.line);
    }
    if (problems.length === before)
      rows.push({
        line: r.line,
        name,
        affiliation: aff!,
        organisation,
        fields: listOf(c.fields),
        phone,
        email,
        available: !NO.includes(flag),
        memberUnitCode,
        conflictUnitCodes,
      });
  }
  return { rows, problems };
}
