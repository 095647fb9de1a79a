import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { PlanDetail } from '@jixiao/contracts';
import { Button, Card, Col, Descriptions, Input, Popover, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { ReadOnlyNote } from '../../shared/ReadOnlyNote.js';
import { ErrorCount, StatusTag } from './PlanTags.js';

/** The editor's head: the plan, its state and error count, and discard / save (with a note) for a draft. */
export function PlanHeader({
  detail,
  scoring,
  errorCount,
  dirty,
  readOnly,
  note,
  onNote,
  saving,
  onSave,
  onDiscard,
}: {
  detail: PlanDetail;
  /** The document's scoring mode as edited (it may differ from the saved one). */
  scoring: string | undefined;
  errorCount: number;
  dirty: boolean;
  readOnly: boolean;
  note: string;
  onNote: (note: string) => void;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small">
      <Row gutter={[12, 8]} align="middle">
        <Col flex="auto">
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {detail.name}
            </Typography.Title>
            <StatusTag status={detail.status} />
            <ErrorCount n={errorCount} />
            {dirty && <Tag color="orange">{t('planEditor.unsaved')}</Tag>}
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 4 }}
            style={{ marginTop: 8 }}
            items={[
              { key: 'y', label: t('plans.year'), children: detail.year },
              { key: 'r', label: t('plans.revision'), children: detail.revision },
              {
                key: 's',
                label: t('planEditor.scoring'),
                children: t(`trace.mode.${scoring === 'weighted' ? 'weighted' : 'points'}`),
              },
              {
                key: 'u',
                label: t('plans.updatedAt'),
                children: `${formatDateTime(detail.updatedAt)}${detail.updatedBy ? ` · ${detail.updatedBy}` : ''}`,
              },
            ]}
          />
        </Col>
        {!readOnly && (
          <Col>
            <Space wrap>
              <Button icon={<UndoOutlined />} disabled={!dirty} onClick={onDiscard}>
                {t('planEditor.discard')}
              </Button>
              <Popover
                trigger="click"
                content={
                  <Space orientation="vertical">
                    <Input.TextArea
                      value={note}
                      onChange={(e) => onNote(e.target.value)}
                      placeholder={t('planEditor.saveNote')}
                      maxLength={500}
                      autoSize={{ minRows: 2 }}
                      style={{ width: 280 }}
                    />
                    <Button
                      type="primary"
                      block
                      loading={saving}
                      data-testid="plan-save-confirm"
                      onClick={onSave}
                    >
                      {t('common.save')}
                    </Button>
                  </Space>
                }
              >
                <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} data-testid="plan-save">
                  {t('planEditor.save')}
                </Button>
              </Popover>
            </Space>
          </Col>
        )}
      </Row>
      {detail.status !== 'draft' && (
        <ReadOnlyNote testId="plan-readonly" text={t('planEditor.readOnly')} style={{ marginTop: 8 }} />
      )}
    </Card>
  );
}
