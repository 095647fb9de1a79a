import type { ValueSource } from '@jixiao/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../shared/auth.js';
import { describeSource, type SourceContext } from './sources.js';

/** "来源：实际值 115.3 · 单位填报 2026-M10" for each input of a leaf, linking to its row where one can be opened. */
export function SourceList({
  sources,
  ctx,
  testId = 'trace-sources',
}: {
  sources: readonly ValueSource[];
  ctx: SourceContext;
  testId?: string;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (sources.length === 0) return null;
  return (
    <div data-testid={testId} style={{ fontSize: 12, lineHeight: 1.6 }}>
      <Typography.Text type="secondary">{t('sources.heading')}：</Typography.Text>
      {sources.map((s, i) => {
        const l = describeSource(s, ctx, i);
        const label = (
          <>
            {t(l.fieldKey)}
            {l.value ? ` ${l.value}` : ''} · {t(l.textKey, l.params)}
          </>
        );
        return (
          <span key={l.key} data-kind={l.kind} style={{ display: 'inline-block', marginInlineEnd: 12 }}>
            {l.link && hasPermission(me, l.link.permission) ? (
              <Link to={l.link.to} data-testid="source-link" data-kind={l.kind}>
                {label}
              </Link>
            ) : (
              <Typography.Text type={l.kind === 'missing' ? 'warning' : undefined} style={{ fontSize: 12 }}>
                {label}
              </Typography.Text>
            )}
          </span>
        );
      })}
    </div>
  );
}
