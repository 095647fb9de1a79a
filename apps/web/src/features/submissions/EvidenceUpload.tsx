/** Evidence files: picking them for a record not saved yet, and saying why the server refused one. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { formatError } from '../../shared/feedback.js';
import { evidenceErrorKey, MAX_EVIDENCE_BYTES } from './model.js';

/** Tells why a file was refused: 415 wrong/unknown content, 409 duplicate, 413 too large. */
export function useEvidenceErrors() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (file: { name: string }, err: unknown) => {
    const key = isApiError(err) ? evidenceErrorKey(err.status, err.code) : null;
    message.error({
      content: key
        ? t(key, { name: file.name, message: isApiError(err) ? err.message : '' })
        : formatError(t, err),
      duration: 6,
    });
  };
}

/**
 * Files to upload once the record they support is saved (an event, a verification): a file over
 * the size limit is refused at once.
 */
export function EvidencePicker({
  files,
  onChange,
  testId,
}: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      multiple
      fileList={files}
      beforeUpload={(f) => {
        if (f.size > MAX_EVIDENCE_BYTES) {
          message.error(t('submissions.evidence.e413', { name: f.name, message: '' }));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList)}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {t('verification.attach')}
      </Button>
    </Upload>
  );
}
