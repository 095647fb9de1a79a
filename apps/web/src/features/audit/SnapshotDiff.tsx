import type { AuditEvent } from '@jixiao/contracts';
import { Col, Row, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { diffKeys, snapshotLines } from './diff.js';

/** An audit event's before and after snapshots side by side, the changed keys highlighted. */
export function SnapshotDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const changed = new Set(diffKeys(event.before, event.after));
  const side = (title: string, value: unknown, tone: 'before' | 'after') => {
    const lines = snapshotLines(value);
    const bg = tone === 'before' ? token.colorErrorBg : token.colorSuccessBg;
    return (
      <Col xs={24} md={12}>
        <Typography.Text strong>{title}</Typography.Text>
        <pre
          data-testid={`audit-${tone}`}
          style={{
            margin: '4px 0 0',
            padding: 8,
            background: token.colorFillQuaternary,
            borderRadius: token.borderRadius,
            fontSize: 12,
            maxHeight: 360,
            overflow: 'auto',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
          }}
        >
          {lines.length === 0
            ? t('audit.empty')
            : lines.map((l) => (
                <div
                  key={l.key}
                  data-changed={changed.has(l.key) ? 'true' : undefined}
                  style={changed.has(l.key) ? { background: bg, fontWeight: 600 } : undefined}
                >
                  {l.text}
                </div>
              ))}
        </pre>
      </Col>
    );
  };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {changed.size
          ? t('audit.changedKeys', { keys: [...changed].filter(Boolean).join(', ') || '—' })
          : t('audit.noChanges')}
      </Typography.Paragraph>
      <Row gutter={12}>
        {side(t('audit.before'), event.before, 'before')}
        {side(t('audit.after'), event.after, 'after')}
      </Row>
    </>
  );
}
