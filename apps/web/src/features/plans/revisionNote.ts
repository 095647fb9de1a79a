import type { RevisionNote } from '@jixiao/contracts';

type T = (key: string, options?: Record<string, unknown>) => unknown;

/**
 * A revision note in the user's language: one template per code under `revisionNote`
 * (i18n/locales/<lang>/revision-notes.json). A user's own text (code `text`) is shown as it is. Values go in
 * `replace`, so a param can never be taken for an i18next option.
 */
export function revisionNoteText(note: RevisionNote | null, t: T): string {
  if (!note) return '';
  if (note.code === 'text') return note.params.text;
  const key = `revisionNote.${note.code}`;
  const out = String(t(key, { replace: note.params }));
  return out === key ? note.code : out;
}
