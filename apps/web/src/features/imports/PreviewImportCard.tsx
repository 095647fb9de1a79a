import { CheckOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportProblem } from '@jixiao/contracts';
import { Alert, Button, Card, Space, Typography, Upload, type UploadFile } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { formatError } from '../../shared/feedback.js';
import { ProblemList } from './ProblemList.js';
import { type ProblemWords, rejectedProblems } from './problems.js';

/** What a preview answers: the rows the file would write and every line's problems. */
export interface ImportPreview<R> {
  rows: R[];
  problems: ImportProblem[];
}

interface Props<R extends { line: number }, P extends ImportPreview<R>> {
  title: string;
  hint: string;
  /** Prefix of the test ids: `<testId>-upload`, `-preview`, `-preview-rows`, `-commit`, `-error`. */
  testId: string;
  words: ProblemWords;
  columns: ColumnsType<R>;
  preview: (file: File) => Promise<P>;
  /** Writes the file (all rows or none); its success message and reloads are the caller's. */
  commit: (file: File) => Promise<void>;
  /** Said beside the confirm button, e.g. how many rows it adds or replaces. */
  summary: (preview: P) => ReactNode;
  /** A preview belongs to its file and to these (e.g. plan and period): a change drops it. */
  scope?: readonly unknown[];
}

/**
 * Upload a file, preview it with every line's problems, then confirm: the one flow of the imports
 * that write all rows or none (hotline figures, the expert pool). A refused commit shows the
 * server's line problems in place of the preview.
 */
export function PreviewImportCard<R extends { line: number }, P extends ImportPreview<R>>(
  props: Props<R, P>,
) {
  const { t } = useTranslation();
  const { testId } = props;
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [preview, setPreview] = useState<P | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const file = files[0]?.originFileObj;
  const scope = props.scope ?? [];
  // biome-ignore lint/correctness/useExhaustiveDependencies: a preview belongs to its file and scope
  useEffect(() => {
    setPreview(null);
    setProblems([]);
    setError(null);
  }, [file, ...scope]);

  async function run(what: 'preview' | 'commit') {
    if (!file) return;
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview') {
        const p = await props.preview(file);
        setPreview(p);
        setProblems(p.problems);
      } else {
        await props.commit(file);
        setFiles([]);
        setPreview(null);
      }
    } catch (e) {
      const ps = isApiError(e) ? rejectedProblems(e, props.words) : null;
      if (ps) {
        setProblems(ps);
        setPreview(null);
      } else setError(formatError(t, e));
    } finally {
      setBusy(null);
    }
  }

  const ready = preview && problems.length === 0 && preview.rows.length > 0;
  return (
    <Card size="small" title={props.title}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {props.hint}
        </Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
            data-testid={`${testId}-upload`}
          >
            <Button icon={<UploadOutlined />}>{t('imports.pickFile')}</Button>
          </Upload>
          <Button
            icon={<EyeOutlined />}
            disabled={!file}
            loading={busy === 'preview'}
            onClick={() => void run('preview')}
            data-testid={`${testId}-preview`}
          >
            {t('imports.preview')}
          </Button>
        </div>
        {error && <Alert type="error" showIcon title={error} data-testid={`${testId}-error`} />}
        {preview && preview.rows.length > 0 && (
          <CompactTable<R>
            data-testid={`${testId}-preview-rows`}
            rowKey="line"
            scroll={{ x: 640 }}
            dataSource={preview.rows}
            pagination={false}
            columns={[{ title: t('imports.col.line'), dataIndex: 'line', width: 60 }, ...props.columns]}
          />
        )}
        {problems.length > 0 && <ProblemList problems={problems} words={props.words} />}
        {ready && (
          <Space wrap>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={busy === 'commit'}
              onClick={() => void run('commit')}
              data-testid={`${testId}-commit`}
            >
              {t('imports.confirm')}
            </Button>
            <Typography.Text type="secondary">{props.summary(preview)}</Typography.Text>
          </Space>
        )}
      </Space>
    </Card>
  );
}
