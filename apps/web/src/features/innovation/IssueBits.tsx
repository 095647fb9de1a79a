import { Form, Typography } from 'antd';
import type { ReactNode } from 'react';
import { issuesAt } from '../plans/forms.js';
import type { FieldIssue } from './scoring.js';

/** Problems in words, right under what they name. */
export function IssueText({ issues }: { issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div data-testid="field-issues">
      {issues.map((i, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
        <Typography.Text key={k} type="danger" style={{ display: 'block', fontSize: 12 }}>
          {i.message}
        </Typography.Text>
      ))}
    </div>
  );
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
  const here = issuesAt(issues, path);
  return (
    <Form.Item
      label={label}
      validateStatus={here.length ? 'error' : undefined}
      help={here.length ? <IssueText issues={here} /> : help}
      style={{ marginBottom: 12 }}
    >
      {children}
    </Form.Item>
  );
}
