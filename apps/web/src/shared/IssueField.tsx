import { Form, Typography } from 'antd';
import type { ReactNode } from 'react';

/** How a form shows its problems: each one's words, and whether it only warns. */
export interface IssueWords<I> {
  text: (issue: I) => ReactNode;
  warns?: (issue: I) => boolean;
}

/** Problems in words, right under what they name. */
export function IssueLines<I>({
  issues,
  words,
  testId,
}: {
  issues: readonly I[];
  words: IssueWords<I>;
  testId?: string;
}) {
  if (issues.length === 0) return null;
  return (
    <div data-testid={testId ?? 'field-issues'}>
      {issues.map((i, k) => (
        <Typography.Text
          // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
          key={k}
          type={words.warns?.(i) ? 'warning' : 'danger'}
          style={{ display: 'block', fontSize: 12 }}
        >
          {words.text(i)}
        </Typography.Text>
      ))}
    </div>
  );
}

/** A form row in error while it has problems (`here`, already picked for it), else with its help. */
export function IssueField<I>({
  label,
  here,
  words,
  children,
  help,
}: {
  label: ReactNode;
  here: readonly I[];
  words: IssueWords<I>;
  children: ReactNode;
  help?: ReactNode;
}) {
  return (
    <Form.Item
      label={label}
      validateStatus={here.length ? 'error' : undefined}
      help={here.length ? <IssueLines issues={here} words={words} /> : help}
      style={{ marginBottom: 12 }}
    >
      {children}
    </Form.Item>
  );
}
