import type { CampaignDetail } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { useShowError } from '../../shared/feedback.js';
import { useUnits } from '../notices/api.js';
import { issueCodes } from './api.js';
import { codeSheetHtml, codesCsv, type SheetCode } from './code-sheet.js';
import { PollLink } from './PollLink.js';

type Group = CampaignDetail['groups'][number];

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** Issues codes for one group and offers them once: printed as A4 sheets with QR codes, or as CSV. */
function IssueCodes({ c, group, onClose }: { c: CampaignDetail; group: Group; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const qc = useQueryClient();
  const [codes, setCodes] = useState<SheetCode[] | null>(null);
  const units = useUnits();
  const nameOf = new Map((units.data ?? []).map((u) => [u.id, `${u.code} ${u.name}`]));
  const [form] = Form.useForm<{ perUnit: boolean; count: number }>();
  const issue = useMutation({
    mutationFn: (v: { perUnit: boolean; count: number }) => issueCodes(c.id, { groupId: group.id, ...v }),
    onSuccess: (r) => {
      setCodes(
        r.codes.map((x) => ({
          code: x.code,
          unit: x.unitId === null ? null : (nameOf.get(x.unitId) ?? String(x.unitId)),
        })),
      );
      void qc.invalidateQueries({ queryKey: ['surveys'] });
    },
    onError: showError,
  });
  const title = t('surveys.sheetTitle', { campaign: c.name, group: group.name });
  const print = async () => {
    const html = await codeSheetHtml(
      location.origin,
      title,
      t('surveys.sheetHint', { url: `${location.origin}/ballot` }),
      codes!,
    );
    const w = window.open('', '_blank');
    if (!w) return;
    w.document.write(html);
    w.document.close();
    w.focus();
    w.print();
  };
  return (
    <Modal
      open
      title={t('surveys.issueTitle', { group: group.name })}
      onCancel={onClose}
      okText={t('surveys.issue')}
      onOk={() => (codes ? onClose() : form.submit())}
      confirmLoading={issue.isPending}
    >
      {codes ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message={t('surveys.issued', { n: codes.length })} />
          <Space wrap>
            <Button type="primary" onClick={() => void print()} data-testid="codes-print">
              {t('surveys.print')}
            </Button>
            <Button
              data-testid="codes-csv"
              onClick={() =>
                download(
                  `${title}.csv`,
                  codesCsv(location.origin, codes, [t('surveys.unit'), t('ballot.code'), 'URL']),
                )
              }
            >
              {t('surveys.csv')}
            </Button>
          </Space>
        </Space>
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ perUnit: true, count: group.minSample || 10 }}
          onFinish={(v) => issue.mutate(v)}
        >
          <Form.Item name="perUnit" valuePropName="checked">
            <Checkbox>{t('surveys.perUnit')}</Checkbox>
          </Form.Item>
          <Form.Item name="count" label={t('surveys.count')} rules={[{ required: true }]}>
            <InputNumber min={1} max={20000} data-testid="codes-count" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** The rater groups of a campaign (S12): weight, indicator, minimum sample, codes used of issued. */
export function CampaignGroups({ c, canManage }: { c: CampaignDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const [issuing, setIssuing] = useState<Group | null>(null);
  const canIssue = canManage && (c.status === 'draft' || c.status === 'open');
  return (
    <>
      <CompactTable<Group>
        rowKey="id"
        dataSource={c.groups}
        data-testid="campaign-groups"
        columns={[
          {
            title: t('surveys.group'),
            dataIndex: 'name',
            render: (v, g) => `${v}（${t(`surveys.groupKind.${g.kind}`)}）`,
          },
          { title: t('surveys.indicator'), render: (_, g) => g.indicator ?? c.indicator ?? '—' },
          { title: t('surveys.weight'), dataIndex: 'weight' },
          { title: t('surveys.minSample'), dataIndex: 'minSample' },
          { title: t('surveys.channel'), render: (_, g) => t(`surveys.channels.${g.channel}`) },
          {
            title: t('surveys.codes'),
            render: (_, g) => (g.channel === 'code' ? `${g.codesUsed} / ${g.codesIssued}` : '—'),
          },
          {
            title: '',
            render: (_: unknown, g: Group) =>
              g.channel === 'poll' ? (
                <PollLink groupId={g.id} />
              ) : g.channel === 'code' && canIssue ? (
                <Button size="small" onClick={() => setIssuing(g)} data-testid={`issue-${g.code}`}>
                  {t('surveys.issue')}
                </Button>
              ) : null,
          },
        ]}
      />
      {issuing && <IssueCodes c={c} group={issuing} onClose={() => setIssuing(null)} />}
    </>
  );
}
