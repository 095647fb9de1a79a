import { DownloadOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../../shared/FilePicker.js';
import { templateUrl } from './api.js';

/**
 * The form's bulk actions: the period's spreadsheet template and its upload, save every changed
 * row, submit every row ready. `locked`: the period is closed or not open yet (no upload).
 */
export function FormToolbar({
  planId,
  period,
  locked,
  uploading,
  onUpload,
  saveAll,
  submittable,
  onSaveAll,
  onSubmitAll,
}: {
  planId: number;
  period: string;
  locked: boolean;
  uploading: boolean;
  onUpload: (file: File) => void;
  /** How many rows a save-all would save, and how many a submit-all would submit. */
  saveAll: number;
  submittable: number;
  onSaveAll: () => void;
  onSubmitAll: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        href={templateUrl(planId, period)}
        data-testid="sub-template"
      >
        {t('submissions.bulk.template')}
      </Button>
      <FilePicker accept=".xlsx" disabled={locked} onFile={onUpload}>
        <Button
          size="small"
          icon={<UploadOutlined />}
          loading={uploading}
          data-testid="sub-upload"
          disabled={locked}
        >
          {t('submissions.bulk.upload')}
        </Button>
      </FilePicker>
      <Button
        size="small"
        icon={<SaveOutlined />}
        disabled={!saveAll}
        onClick={onSaveAll}
        data-testid="sub-save-all"
      >
        {t('submissions.saveAll')}
      </Button>
      <Button
        size="small"
        type="primary"
        icon={<SendOutlined />}
        disabled={!submittable}
        onClick={onSubmitAll}
        data-testid="sub-submit-all"
      >
        {t('submissions.submitAll', { n: submittable })}
      </Button>
    </Space>
  );
}
