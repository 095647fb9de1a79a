import type { ImportRowError } from '@jixiao/contracts';
import { Alert, Button, Modal, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The rows an upload refused (IMPORT_REJECTED): nothing was imported, and each row says its line,
 * field and why. Shown while `rows` is not null.
 */
export function RejectedRowsModal({
  rows,
  onClose,
  title,
  summary,
  labels,
  line = (n) => n,
  testId,
}: {
  rows: ImportRowError[] | null;
  onClose: () => void;
  title: ReactNode;
  /** The sentence above the rows ("nothing was imported: 3 rows…"). */
  summary: ReactNode;
  labels: { line: ReactNode; field: ReactNode; message: ReactNode };
  /** How a line number reads (default: the number). */
  line?: (n: number) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={rows !== null}
      title={title}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={720}
    >
      <Alert type="error" showIcon title={summary} style={{ marginBottom: 12 }} />
      <Table<ImportRowError & { key: number }>
        data-testid={testId}
        size="small"
        dataSource={(rows ?? []).map((r, i) => ({ ...r, key: i }))}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: labels.line, dataIndex: 'line', width: 110, render: (n: number) => line(n) },
          { title: labels.field, dataIndex: 'field', width: 140, render: (f?: string) => f ?? '—' },
          { title: labels.message, dataIndex: 'message' },
        ]}
      />
    </Modal>
  );
}
