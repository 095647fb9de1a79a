import { CheckCircleOutlined, CopyOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { PlanSummary } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Dropdown, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api.js';
import { FilePicker } from '../../shared/FilePicker.js';
import { useFeedback } from '../../shared/feedback.js';
import { planApi, planKeys } from './api.js';
import { issuesFromDetails, type RowIssue } from './tree.js';

export function PlanActions({
  plan,
  canWrite,
  onClone,
  onRejected,
}: {
  plan: PlanSummary;
  canWrite: boolean;
  onClone: () => void;
  onRejected: (title: string, issues: RowIssue[]) => void;
}) {
  const { t, message, showError, queryClient } = useFeedback();
  const refresh = () => queryClient.invalidateQueries({ queryKey: planKeys.all });
  const activate = useMutation({
    meta: { silent: true },
    mutationFn: () => planApi.activate(plan.id, plan.version),
    onSuccess: async () => {
      message.success(t('plans.activated'));
      await refresh();
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 422) {
        const issues = issuesFromDetails(e.details);
        onRejected(t('plans.activateRejected', { n: issues.length }), issues);
      } else showError(e);
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') void refresh();
    },
  });
  const [importing, setImporting] = useState(false);
  async function importFile(file: File) {
    setImporting(true);
    try {
      await planApi.importFile(plan.id, file);
      message.success(t('plans.imported'));
      await refresh();
    } catch (e) {
      // A file the server cannot parse (400, `file.*` codes) or a plan it refuses (422): the
      // problems as plan issues, in the user's language; any other failure as an error.
      const issues = isApiError(e) ? issuesFromDetails(e.details) : [];
      if (issues.length) onRejected(t('plans.importRejected'), issues);
      else showError(e);
    } finally {
      setImporting(false);
    }
  }
  const draft = plan.status === 'draft';
  return (
    <Space size={0} wrap>
      {canWrite && (
        <Button size="small" type="link" icon={<CopyOutlined />} onClick={onClone} data-testid="plan-clone">
          {t('plans.clone')}
        </Button>
      )}
      {canWrite && draft && (
        <Popconfirm title={t('plans.activateConfirm')} onConfirm={() => activate.mutate()}>
          <Button
            size="small"
            type="link"
            icon={<CheckCircleOutlined />}
            loading={activate.isPending}
            data-testid="plan-activate"
          >
            {t('plans.activate')}
          </Button>
        </Popconfirm>
      )}
      <Dropdown
        menu={{
          items: (['yaml', 'json'] as const).map((f) => ({
            key: f,
            label: (
              <a href={`/api/plans/${plan.id}/export?format=${f}`} download>
                {t(f === 'yaml' ? 'plans.exportYaml' : 'plans.exportJson')}
              </a>
            ),
          })),
        }}
      >
        <Button size="small" type="link" icon={<DownloadOutlined />} data-testid="plan-export">
          {t('plans.export')}
        </Button>
      </Dropdown>
      {canWrite && draft && (
        <FilePicker accept=".yaml,.yml,.json" onFile={(file) => void importFile(file)}>
          <Button
            size="small"
            type="link"
            icon={<UploadOutlined />}
            loading={importing}
            data-testid="plan-import"
          >
            {t('plans.import')}
          </Button>
        </FilePicker>
      )}
    </Space>
  );
}
