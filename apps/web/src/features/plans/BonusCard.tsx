import type { Plan } from '@jixiao/engine';
import { Card, InputNumber, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field, IssueText, type PanelProps } from './FormBits.js';
import { issuesAt, type Path, setIn } from './forms.js';
import { codeColumn, fieldColumns, ListTable, nameColumn, newCoded } from './ListTable.js';

type BonusSource = NonNullable<Plan['bonus']>['sources'][number];

/**
 * Bonus (its cap and sources), deductions' cap, the half-year weight and the points an expert's
 * inquiry left unanswered past its deadline costs (S11).
 */
export function BonusCard({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const sources = doc.bonus?.sources ?? [];
  const src = fieldColumns<BonusSource>(doc, change, ['bonus', 'sources']);
  return (
    <Card size="small" title={`${t('planForms.bonus.title')} / ${t('planForms.deductions.title')}`}>
      <Space wrap size={16} align="start">
        <Field label={t('planForms.bonus.enabled')} issues={[]}>
          <Switch
            data-testid="bonus-enabled"
            checked={!!doc.bonus}
            onChange={(on) => set(['bonus'], on ? { cap: 8, sources: [] } : undefined)}
          />
        </Field>
        {doc.bonus && (
          <Field label={t('planForms.bonus.cap')} issues={issues} path="bonus.cap">
            <InputNumber
              data-testid="bonus-cap"
              min={0}
              value={doc.bonus.cap}
              onChange={(v) => set(['bonus', 'cap'], v ?? 0)}
            />
          </Field>
        )}
        <Field label={t('planForms.deductions.enabled')} issues={[]}>
          <Switch
            checked={doc.deductions?.cap !== undefined}
            onChange={(on) => set(['deductions'], on ? { cap: 10 } : {})}
          />
        </Field>
        {doc.deductions?.cap !== undefined && (
          <Field label={t('planForms.deductions.cap')} issues={issues} path="deductions.cap">
            <InputNumber
              min={0}
              value={doc.deductions.cap}
              onChange={(v) => set(['deductions', 'cap'], v ?? 0)}
            />
          </Field>
        )}
        <Field label={t('planForms.settings.halfYear')} issues={[]}>
          <Switch
            checked={!!doc.halfYear}
            onChange={(on) => set(['halfYear'], on ? { weight: 0.5 } : undefined)}
          />
        </Field>
        {doc.halfYear && (
          <Field label={t('planForms.settings.halfYearWeight')} issues={issues} path="halfYear.weight">
            <InputNumber
              min={0}
              max={1}
              step={0.1}
              value={doc.halfYear.weight}
              onChange={(v) => set(['halfYear', 'weight'], v ?? 0)}
            />
          </Field>
        )}
        <Field label={t('planForms.settings.inquiry')} issues={[]}>
          <Switch
            data-testid="inquiry-enabled"
            checked={!!doc.inquiry}
            onChange={(on) => set(['inquiry'], on ? { unansweredPoints: 1 } : undefined)}
          />
        </Field>
        {doc.inquiry && (
          <Field
            label={t('planForms.settings.inquiryPoints')}
            issues={issues}
            path="inquiry.unansweredPoints"
          >
            <InputNumber
              data-testid="inquiry-points"
              min={0}
              max={100}
              step={0.5}
              value={doc.inquiry.unansweredPoints}
              onChange={(v) => set(['inquiry', 'unansweredPoints'], v ?? 0)}
            />
          </Field>
        )}
      </Space>
      {doc.bonus && (
        <>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t('planForms.bonus.sources')}
          </Typography.Text>
          <IssueText issues={issuesAt(issues, 'bonus.sources')} />
          <ListTable
            doc={doc}
            change={change}
            testId="bonus-sources"
            path={['bonus', 'sources']}
            rows={sources}
            actionsWidth={40}
            addLabel={t('planForms.bonus.add')}
            newItem={newCoded(sources, 'bonus', () => ({ name: t('planForms.bonus.title') }))}
            columns={[
              codeColumn(t('planForms.code'), sources, (i, v) => set(['bonus', 'sources', i, 'code'], v)),
              nameColumn(t('planForms.name'), sources, (i, v) => set(['bonus', 'sources', i, 'name'], v)),
              src.number(t('planForms.bonus.sourceCap'), 'cap', { min: 0, style: { width: 90 } }),
              src.toggle(t('planForms.bonus.outside'), 'outsideSharedCap'),
            ]}
          />
        </>
      )}
    </Card>
  );
}
