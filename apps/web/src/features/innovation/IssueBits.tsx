import type { ReactNode } from 'react';
import { IssueField, IssueLines, type IssueWords } from '../../shared/IssueField.js';
import { issuesAt } from '../plans/forms.js';
import type { FieldIssue } from './scoring.js';

/** The scoring settings' problems, already in words. */
const WORDS: IssueWords<FieldIssue> = { text: (i) => i.message };

/** Problems in words, right under what they name. */
export function IssueText({ issues }: { issues: readonly FieldIssue[] }) {
  return <IssueLines issues={issues} words={WORDS} />;
}

/** A form row whose validation messages are the problems at `path` (else its help). */
export function Field({
  label,
  issues,
  path,
  children,
  help,
}: {
  label: ReactNode;
  issues: readonly FieldIssue[];
  path: string;
  children: ReactNode;
  help?: ReactNode;
}) {
  return (
    <IssueField label={label} here={issuesAt(issues, path)} words={WORDS} help={help}>
      {children}
    </IssueField>
  );
}
