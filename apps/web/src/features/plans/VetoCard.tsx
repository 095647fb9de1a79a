import type { VetoEffect } from '@jixiao/engine';
import { Card, Checkbox, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field, type PanelProps } from './FormBits.js';
import { type Path, setIn } from './forms.js';

const VETO_EFFECTS: VetoEffect[] = ['no_advanced_title', 'exclude_awards', 'downgrade_last'];

/** One-vote veto (一票否决): whether the plan has it, what it does, where a freed quota place goes. */
export function VetoCard({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  return (
    <Card size="small" title={t('planForms.veto.title')} style={{ height: '100%' }}>
      <Field label={t('planForms.veto.enabled')} issues={[]}>
        <Switch
          data-testid="veto-enabled"
          checked={!!doc.veto}
          onChange={(on) => set(['veto'], on ? { effects: [], freedQuota: 'next_unit' } : undefined)}
        />
      </Field>
      {doc.veto && (
        <>
          <Field label={t('planForms.veto.effects')} issues={issues} path="veto.effects">
            <Checkbox.Group
              data-testid="veto-effects"
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              value={doc.veto.effects}
              onChange={(v) =>
                set(
                  ['veto', 'effects'],
                  VETO_EFFECTS.filter((e) => (v as string[]).includes(e)),
                )
              }
              options={VETO_EFFECTS.map((e) => ({ value: e, label: t(`planForms.veto.effectNames.${e}`) }))}
            />
          </Field>
          <Field label={t('planForms.veto.freedQuota')} issues={issues} path="veto.freedQuota">
            <Radio.Group
              value={doc.veto.freedQuota}
              onChange={(e) => set(['veto', 'freedQuota'], e.target.value)}
              options={(['next_unit', 'lapse'] as const).map((f) => ({
                value: f,
                label: t(`planForms.veto.freed.${f}`),
              }))}
            />
          </Field>
        </>
      )}
    </Card>
  );
}
