import { type BallotAnswers, type ResolvedQuestion, sheetColumns } from '@jixiao/contracts';

/**
 * Paper questionnaires' pure parts (Z3): when two entries of a sheet agree, what a sheet counts
 * as, and how a spreadsheet row becomes answers (a column per question, `question.row` for a
 * matrix row; a cell holds an option's code or label, or a number on a range scale).
 */

export interface SheetEntries {
  first: BallotAnswers | null;
  second: BallotAnswers | null;
  resolved: BallotAnswers | null;
}

/** Answers in a canonical form: keys sorted, choices sorted, so equal ballots compare equal. */
function canonical(a: BallotAnswers): string {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? [...v].map(String).sort()
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(norm(a));
}

export const sameAnswers = (a: BallotAnswers, b: BallotAnswers) => canonical(a) === canonical(b);

/** Double entry: both typed, different, and nobody has decided yet. */
export const isMismatch = (s: SheetEntries) =>
  s.first !== null && s.second !== null && s.resolved === null && !sameAnswers(s.first, s.second);

/** What a sheet counts as, or null while it is not ready (missing entry, open mismatch). */
export function finalAnswers(s: SheetEntries, doubleEntry: boolean): BallotAnswers | null {
  if (s.resolved) return s.resolved;
  if (!s.first) return null;
  if (!doubleEntry) return s.first;
  if (!s.second || !sameAnswers(s.first, s.second)) return null;
  return s.first;
}

export interface CellProblem {
  line: number;
  column: string;
  code: 'paper.unknown_column' | 'paper.bad_seq' | 'paper.duplicate_seq' | 'paper.unknown_option';
  params: Record<string, string | number>;
}

/** A rating or choice cell as the answer code: the option's code, or its label as printed on paper. */
function optionCode(options: { code: string; label: string }[], cell: string): string | undefined {
  return options.find((o) => o.code === cell || o.label === cell)?.code;
}

function cellAnswer(
  q: ResolvedQuestion,
  cell: string,
): { ok: true; value: string | number | string[] } | { ok: false } {
  const scaleAnswer = (scale: Extract<ResolvedQuestion, { type: 'rating' }>['scale']) => {
    if (scale.kind === 'range') {
      const n = Number(cell);
      return Number.isFinite(n) ? ({ ok: true, value: n } as const) : ({ ok: false } as const);
    }
    const code = optionCode(scale.options, cell);
    return code ? ({ ok: true, value: code } as const) : ({ ok: false } as const);
  };
  switch (q.type) {
    case 'rating':
    case 'matrix':
      return scaleAnswer(q.scale);
    case 'single': {
      const code = optionCode(q.options, cell);
      return code ? { ok: true, value: code } : { ok: false };
    }
    case 'multiple': {
      const codes = cell
        .split(/[、,，;；\s]+/)
        .filter(Boolean)
        .map((c) => optionCode(q.options, c));
      return codes.every(Boolean) ? { ok: true, value: codes as string[] } : { ok: false };
    }
    case 'text':
      return { ok: true, value: cell };
  }
}

/**
 * Sheets of a file: rows `{ line, cells }` with the header first. Blank cells are unanswered;
 * answers are checked against the questionnaire later, like a typed sheet (checkBallot).
 */
export function sheetsOfRows(
  rows: { line: number; cells: string[] }[],
  questions: readonly ResolvedQuestion[],
): { sheets: { line: number; seq: number; answers: BallotAnswers }[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) return { sheets: [], problems };
  const known = new Set(sheetColumns(questions));
  const byId = new Map(questions.map((q) => [q.id, q]));
  const cols = header.cells.map((c) => c.trim().replace(/^序号$/, 'seq'));
  cols.forEach((c, i) => {
    if (c && !known.has(c))
      problems.push({
        line: header.line,
        column: c,
        code: 'paper.unknown_column',
        params: { column: c, index: i + 1 },
      });
  });
  const seen = new Set<number>();
  const sheets = body.map((row) => {
    const answers: BallotAnswers = {};
    let seq = Number.NaN;
    cols.forEach((col, i) => {
      const cell = (row.cells[i] ?? '').trim();
      if (!col || !known.has(col)) return;
      if (col === 'seq') {
        seq = Number(cell);
        return;
      }
      if (cell === '') return;
      const [qid, rowCode] = col.split('.') as [string, string | undefined];
      const a = cellAnswer(byId.get(qid)!, cell);
      if (!a.ok) {
        problems.push({
          line: row.line,
          column: col,
          code: 'paper.unknown_option',
          params: { column: col, value: cell },
        });
        return;
      }
      if (rowCode !== undefined)
        answers[qid] = {
          ...((answers[qid] as Record<string, string | number>) ?? {}),
          [rowCode]: a.value as string | number,
        };
      else answers[qid] = a.value;
    });
    if (!Number.isInteger(seq) || seq < 1)
      problems.push({
        line: row.line,
        column: 'seq',
        code: 'paper.bad_seq',
        params: { value: row.cells[cols.indexOf('seq')] ?? '' },
      });
    else if (seen.has(seq))
      problems.push({ line: row.line, column: 'seq', code: 'paper.duplicate_seq', params: { seq } });
    seen.add(seq);
    return { line: row.line, seq, answers };
  });
  return { sheets, problems };
}
