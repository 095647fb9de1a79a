import { Alert, Result, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from './ballot-model.js';

/** A refusal's text per question id (shown beside the question), from the server's problems. */
export function useQuestionErrors(problems: readonly Refusal[]): Map<string, string> {
  const { t } = useTranslation();
  return new Map(problems.filter((p) => p.question).map((p) => [p.question!, t(p.key, p.params)]));
}

/**
 * The frame of a public ballot page for a phone (code ballot, e-poll): its title, then either the
 * thank-you once the ballot is cast (`done`: its hint and an action below it, if any) or the
 * refusals that concern the whole ballot above the page's content.
 */
export function BallotShell({
  title,
  done,
  problems,
  children,
}: {
  title: string;
  done: false | { hint: string; extra?: ReactNode };
  problems: readonly Refusal[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4}>{title}</Typography.Title>
      {done ? (
        <Result
          status="success"
          title={t('ballot.done')}
          subTitle={done.hint}
          extra={done.extra}
          data-testid="ballot-done"
        />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {problems
            .filter((p) => !p.question)
            .map((p) => (
              <Alert
                key={p.key}
                type="error"
                showIcon
                message={t(p.key, p.params)}
                data-testid="ballot-error"
              />
            ))}
          {children}
        </Space>
      )}
    </div>
  );
}
