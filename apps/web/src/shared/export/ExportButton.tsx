import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../feedback.js';
import { saveBlob } from './saveBlob.js';
import { type ExportColumn, exportFileName, tableToSheet } from './tableSheet.js';

/**
 * The one "导出 Excel" button of a table (issue 13 point 6), in the table's toolbar: the rows given
 * (all of them, not only the page shown) under the table's own columns, saved as
 * `<title>-<date>.xlsx`. The workbook is built in the browser; exceljs loads on the first click.
 */
export function ExportButton<T>({
  columns,
  rows,
  title,
  testId,
  disabled,
}: {
  columns: readonly ExportColumn<T>[];
  rows: readonly T[] | undefined;
  /** The page's or table's title: the file's name and the sheet's. */
  title: string;
  testId?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const sheet = tableToSheet(columns, rows ?? [], t);
      const { writeXlsx } = await import('./writeXlsx.js');
      saveBlob(await writeXlsx(sheet, title), exportFileName(title));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      className="no-print"
      icon={<FileExcelOutlined />}
      loading={busy}
      disabled={disabled || !rows}
      data-testid={testId ?? 'export-xlsx'}
      onClick={() => void onClick()}
    >
      {t('exports.xlsx')}
    </Button>
  );
}
