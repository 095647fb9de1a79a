import type { BallotAnswers, PaperBatchDetail } from '@jixiao/contracts';
import { Alert, Button, Input, InputNumber, type InputRef, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryFields, numberedOptions, rangeOf, sheetAnswers, typedOf } from './entry-model.js';

/**
 * Fast keyboard entry of one sheet: type the number printed beside the ticked option, Enter to the
 * next field; Enter on the last field saves the sheet and starts the next one.
 */
export function SheetEntry({
  batch,
  pass,
  saving,
  onSave,
}: {
  batch: PaperBatchDetail;
  pass: 'first' | 'second';
  saving: boolean;
  onSave: (seq: number, answers: BallotAnswers) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const fields = entryFields(batch.questions);
  const nextSeq = () => {
    const open = batch.sheetList.find((s) => (pass === 'first' ? s.first === null : s.second === null));
    return open?.seq ?? (batch.sheetList.at(-1)?.seq ?? 0) + 1;
  };
  const [seq, setSeq] = useState<number>(nextSeq);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const inputs = useRef<(InputRef | null)[]>([]);

  const load = (n: number) => {
    setSeq(n);
    const s = batch.sheetList.find((x) => x.seq === n);
    const entry = pass === 'first' ? s?.first : s?.second;
    setTyped(entry ? typedOf(fields, entry) : {});
    setUnreadable([]);
    inputs.current[0]?.focus();
  };
  const save = async () => {
    const r = sheetAnswers(fields, typed);
    setUnreadable(r.unreadable);
    if (r.unreadable.length) return;
    await onSave(seq, r.answers);
    setTyped({});
    setSeq(seq + 1);
    inputs.current[0]?.focus();
  };
  const onEnter = (i: number) => {
    if (i + 1 < fields.length) inputs.current[i + 1]?.focus();
    else void save();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="sheet-entry">
      <Space wrap>
        <Typography.Text strong>{t('paper.sheetNo')}</Typography.Text>
        <InputNumber min={1} value={seq} onChange={(v) => v && load(v)} data-testid="sheet-seq" />
        <Typography.Text type="secondary">{t(`paper.pass.${pass}`)}</Typography.Text>
      </Space>
      {fields.map((f, i) => {
        const options = numberedOptions(f.question);
        const range = rangeOf(f.question);
        const hint = options.length
          ? options.map((o, k) => `${k + 1} ${o.label}`).join(' · ')
          : range
            ? t('paper.hintRange', range)
            : t('paper.hintText');
        return (
          <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <div style={{ minWidth: 160, flex: '1 1 160px' }}>
              {f.row ? `${f.question.title} · ${f.row.label}` : f.question.title}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {hint}
              </Typography.Text>
            </div>
            <Input
              ref={(el) => {
                inputs.current[i] = el;
              }}
              style={{ width: f.question.type === 'text' ? 240 : 80 }}
              value={typed[f.key] ?? ''}
              status={unreadable.includes(f.key) ? 'error' : undefined}
              onChange={(e) => setTyped({ ...typed, [f.key]: e.target.value })}
              onPressEnter={() => onEnter(i)}
              autoFocus={i === 0}
              data-testid={`entry-${f.key}`}
            />
          </div>
        );
      })}
      {unreadable.length > 0 && (
        <Alert type="error" showIcon message={t('paper.unreadable', { n: unreadable.length })} />
      )}
      <Button type="primary" loading={saving} onClick={() => void save()} data-testid="sheet-save">
        {t('paper.saveSheet', { seq })}
      </Button>
    </Space>
  );
}
