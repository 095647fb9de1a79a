import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportRowError } from '@jixiao/contracts';
import { Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api.js';
import { FilePicker } from '../../shared/FilePicker.js';
import { useFeedback } from '../../shared/feedback.js';
import { RejectedRowsModal } from '../../shared/RejectedRowsModal.js';
import { orgApi, orgKeys } from './api.js';

const MAX_BYTES = 10 * 1024 * 1024;

/** Row errors from a rejected import (error.details), tolerating a malformed body. */
export function importErrors(details: unknown): ImportRowError[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter(
      (d): d is ImportRowError =>
        !!d && typeof d === 'object' && typeof (d as ImportRowError).message === 'string',
    )
    .map((d) => ({
      line: Number(d.line) || 0,
      ...(d.field ? { field: String(d.field) } : {}),
      message: d.message,
    }));
}

export function ImportControls() {
  const { t, message, showError, queryClient } = useFeedback();
  const [uploading, setUploading] = useState(false);
  const [rejected, setRejected] = useState<ImportRowError[] | null>(null);

  async function upload(file: File) {
    if (file.size > MAX_BYTES) {
      message.error(t('org.import.tooLarge'));
      return;
    }
    setUploading(true);
    try {
      const res = await orgApi.importNodes(file);
      message.success(t('org.import.done', { n: res.imported }));
      await queryClient.invalidateQueries({ queryKey: orgKeys.nodes });
    } catch (e) {
      if (isApiError(e) && e.code === 'IMPORT_REJECTED') setRejected(importErrors(e.details));
      else showError(e);
    } finally {
      setUploading(false);
    }
  }

  return (
    <Space wrap>
      <Dropdown
        menu={{
          items: [
            {
              key: 'xlsx',
              label: (
                <a href="/api/org-nodes/import-template?format=xlsx" download>
                  {t('org.import.xlsx')}
                </a>
              ),
            },
            {
              key: 'csv',
              label: (
                <a href="/api/org-nodes/import-template?format=csv" download>
                  {t('org.import.csv')}
                </a>
              ),
            },
          ],
        }}
      >
        <Button data-testid="org-import-template" size="small" icon={<DownloadOutlined />}>
          {t('org.import.template')}
        </Button>
      </Dropdown>
      <FilePicker accept=".xlsx,.csv" onFile={(file) => void upload(file)}>
        <Button data-testid="org-import-upload" size="small" icon={<UploadOutlined />} loading={uploading}>
          {t('org.import.upload')}
        </Button>
      </FilePicker>
      <RejectedRowsModal
        rows={rejected}
        onClose={() => setRejected(null)}
        title={t('org.import.rejectedTitle')}
        summary={t('org.import.nothingImported', { n: rejected?.length ?? 0 })}
        labels={{ line: t('org.import.line'), field: t('org.import.field'), message: t('org.import.reason') }}
        line={(n) => t('org.import.lineN', { n })}
        testId="org-import-errors"
      />
    </Space>
  );
}
