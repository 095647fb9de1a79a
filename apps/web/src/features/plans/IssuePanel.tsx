import { issueSection } from './forms.js';
import { IssueList } from './IssueList.js';
import type { RowIssue } from './tree.js';

/** The plan's issues beside the tree: one picks its row, or opens the tab of what it is about. */
export function IssuePanel({
  issues,
  rowOf,
  onPick,
  onSection,
}: {
  issues: RowIssue[];
  rowOf: (i: RowIssue) => string | null;
  onPick: (rowKey: string) => void;
  /** An issue about something outside the tree (grades, groups, …) opens its tab. */
  onSection: (i: RowIssue) => void;
}) {
  return (
    <div style={{ maxHeight: 640, overflowY: 'auto' }}>
      <IssueList
        compact
        issues={issues}
        onPick={(i) => {
          const key = rowOf(i);
          if (key) onPick(key);
          else if (issueSection(i.path) !== 'tree') onSection(i);
        }}
      />
    </div>
  );
}
