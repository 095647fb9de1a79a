import type { BallotAnswers, ResolvedQuestion } from '@jixiao/contracts';

/**
 * Keyboard entry of a paper sheet (Z3), as a surveyor with a pile of sheets wants it: one field per
 * question (per row of a matrix), an option typed as its number on the sheet (1 = the first
 * option), several options of a multiple choice as digits ("13"), a range rating as its value,
 * text as typed. Enter moves on; the last Enter saves the sheet.
 */

export interface EntryField {
  /** `question` or `question.row`. */
  key: string;
  question: ResolvedQuestion;
  row?: { code: string; label: string };
}

export const entryFields = (questions: readonly ResolvedQuestion[]): EntryField[] =>
  questions.flatMap((q): EntryField[] =>
    q.type === 'matrix'
      ? q.rows.map((row) => ({ key: `${q.id}.${row.code}`, question: q, row }))
      : [{ key: q.id, question: q }],
  );

type Scale = Extract<ResolvedQuestion, { type: 'rating' }>['scale'];

/** The options a field offers, numbered as on the sheet; empty for a range or text. */
export function numberedOptions(q: ResolvedQuestion): { code: string; label: string }[] {
  const ofScale = (s: Scale) => (s.kind === 'labels' ? s.options : []);
  switch (q.type) {
    case 'rating':
    case 'matrix':
      return ofScale(q.scale);
    case 'single':
    case 'multiple':
      return q.options;
    case 'text':
      return [];
  }
}

/** A range rating's bounds, or null. */
export const rangeOf = (q: ResolvedQuestion) =>
  (q.type === 'rating' || q.type === 'matrix') && q.scale.kind === 'range' ? q.scale : null;

export type Typed = { ok: true; value: string | number | string[] | undefined } | { ok: false };

/** What a typed field means; blank is unanswered. */
export function readField(q: ResolvedQuestion, text: string): Typed {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (q.type === 'text') return { ok: true, value: t };
  const options = numberedOptions(q);
  const pick = (d: string) => options[Number(d) - 1]?.code;
  if (q.type === 'multiple') {
    const codes = [...t.replace(/\D/g, '')].map(pick);
    return codes.length && codes.every(Boolean)
      ? { ok: true, value: [...new Set(codes as string[])] }
      : { ok: false };
  }
  if ((q.type === 'rating' || q.type === 'matrix') && q.scale.kind === 'range') {
    const n = Number(t);
    return Number.isInteger(n) && n >= q.scale.min && n <= q.scale.max
      ? { ok: true, value: n }
      : { ok: false };
  }
  const code = /^\d+$/.test(t) ? pick(t) : undefined;
  return code ? { ok: true, value: code } : { ok: false };
}

/** The sheet's answers from the typed fields, and the keys that could not be read. */
export function sheetAnswers(fields: readonly EntryField[], typed: Record<string, string>) {
  const answers: BallotAnswers = {};
  const unreadable: string[] = [];
  for (const f of fields) {
    const r = readField(f.question, typed[f.key] ?? '');
    if (!r.ok) {
      unreadable.push(f.key);
      continue;
    }
    if (r.value === undefined) continue;
    if (f.row) {
      const prev = (answers[f.question.id] as Record<string, string | number> | undefined) ?? {};
      answers[f.question.id] = { ...prev, [f.row.code]: r.value as string | number };
    } else answers[f.question.id] = r.value;
  }
  return { answers, unreadable };
}

/** The typed fields that give back these answers (to correct a sheet already entered). */
export function typedOf(fields: readonly EntryField[], answers: BallotAnswers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const raw = f.row
      ? (answers[f.question.id] as Record<string, unknown> | undefined)?.[f.row.code]
      : answers[f.question.id];
    if (raw === undefined) continue;
    const options = numberedOptions(f.question);
    const num = (code: unknown) => String(options.findIndex((o) => o.code === code) + 1);
    out[f.key] = Array.isArray(raw)
      ? raw.map(num).join('')
      : typeof raw === 'string' && options.length
        ? num(raw)
        : String(raw);
  }
  return out;
}
