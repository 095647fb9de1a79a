import type { PlanDetail } from '@jixiao/contracts';
import { type Plan, validatePlan } from '@jixiao/engine';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Card, ConfigProvider, Result, Space, Tabs } from 'antd';
import { type ComponentType, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { formatError } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { type AhpLevel, AhpModal } from './AhpModal.js';
import { planApi, planKeys, usePlan } from './api.js';
import { ConsequencesPanel } from './ConsequencesPanel.js';
import { applyAhpWeights, updateRow } from './edit.js';
import type { PanelProps } from './FormBits.js';
import { type Section, sectionCounts } from './forms.js';
import { GradesPanel } from './GradesPanel.js';
import { PlanHeader } from './PlanHeader.js';
import { PlanTree } from './PlanTree.js';
import { RankingsPanel } from './RankingsPanel.js';
import { DiffTab, Revisions } from './RevisionsTab.js';
import { RowDrawer } from './RowDrawer.js';
import { SettingsPanel } from './SettingsPanel.js';
import { StructurePanel } from './StructurePanel.js';
import {
  buildPlanTree,
  fromEngineIssues,
  fromServerIssues,
  indexIssues,
  type PlanRow,
  type RowIssue,
} from './tree.js';

/** Live validation with the engine; a document too broken for the validator gives one issue. */
function liveIssues(doc: Plan): RowIssue[] {
  try {
    return fromEngineIssues(validatePlan(doc));
  } catch (e) {
    return [
      { ref: null, path: '', code: 'unreadable', params: { error: (e as Error).message }, severity: 'error' },
    ];
  }
}

export default function PlanEditorPage() {
  const { id } = useParams();
  const planId = Number(id);
  const { t } = useTranslation();
  const q = usePlan(Number.isFinite(planId) ? planId : undefined);
  // The open tab lives here: a save remounts the editor (new version) and must not close the tab.
  const [tab, setTab] = useState('tree');
  if (isApiError(q.error) && q.error.status === 404)
    return <Result status="404" subTitle={formatError(t, q.error)} />;
  if (!q.data) return <QueryState query={q} testId="plan" />;
  return <Editor key={`${q.data.id}:${q.data.version}`} detail={q.data} tab={tab} setTab={setTab} />;
}

function Editor({ detail, tab, setTab }: { detail: PlanDetail; tab: string; setTab: (key: string) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('plans.write');
  const readOnly = detail.status !== 'draft' || !canWrite;
  const [doc, setDoc] = useState<Plan>(() => detail.document as unknown as Plan);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<PlanRow | null>(null);
  const [ahpLevel, setAhpLevel] = useState<{ level: AhpLevel; title: string } | null>(null);
  const [diffQuery, setDiffQuery] = useState<{ againstPlanId?: number; revision?: number } | null>(null);
  const [note, setNote] = useState('');
  const issues = useMemo(
    () =>
      dirty ? liveIssues(doc) : detail.issues.length ? fromServerIssues(detail.issues) : liveIssues(doc),
    [doc, dirty, detail.issues],
  );
  const index = useMemo(() => indexIssues(issues, doc), [issues, doc]);
  const rows = useMemo(() => buildPlanTree(doc), [doc]);
  const change = (next: Plan) => {
    setDoc(next);
    setDirty(true);
  };

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: planKeys.detail(detail.id) });
  };

  const save = useMutation({
    meta: { silent: true },
    mutationFn: () =>
      planApi.save(detail.id, {
        document: doc,
        version: detail.version,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async (saved) => {
      message.success(t('planEditor.saved'));
      setNote('');
      if (saved?.id) queryClient.setQueryData(planKeys.detail(detail.id), saved);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT')
        modal.confirm({
          title: t('planEditor.conflictTitle'),
          content: t('planEditor.conflictBody'),
          okText: t('planEditor.reload'),
          cancelText: t('common.cancel'),
          onOk: reload,
        });
      else message.error(formatError(t, e));
    },
  });

  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const counts = sectionCounts(issues);
  const tabLabel = (label: string, section: Section) => (
    <Space size={4}>
      {label}
      {counts[section] > 0 && <Badge count={counts[section]} size="small" />}
    </Space>
  );
  /** The tab of a form panel: its section's issue count in the label; read-only, every field is off. */
  const panelTab = (section: Exclude<Section, 'tree'>, Panel: ComponentType<PanelProps>) => ({
    key: section,
    label: tabLabel(t(`planForms.tabs.${section}`), section),
    children: (
      <ConfigProvider componentDisabled={readOnly}>
        <Panel doc={doc} change={change} issues={issues} />
      </ConfigProvider>
    ),
  });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <PlanHeader
        detail={detail}
        scoring={doc.scoring}
        errorCount={errorCount}
        dirty={dirty}
        readOnly={readOnly}
        note={note}
        onNote={setNote}
        saving={save.isPending}
        onSave={() => save.mutate()}
        onDiscard={() => {
          setDoc(detail.document as unknown as Plan);
          setDirty(false);
        }}
      />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            panelTab('settings', SettingsPanel),
            panelTab('structure', StructurePanel),
            {
              key: 'tree',
              label: tabLabel(t('planEditor.crumb'), 'tree'),
              children: (
                <PlanTree
                  doc={doc}
                  change={change}
                  readOnly={readOnly}
                  rows={rows}
                  issues={issues}
                  index={index}
                  onEdit={setEditing}
                  onAhp={(level, title) => setAhpLevel({ level, title })}
                  onSection={setTab}
                />
              ),
            },
            panelTab('grades', GradesPanel),
            panelTab('rankings', RankingsPanel),
            panelTab('consequences', ConsequencesPanel),
            {
              key: 'revisions',
              label: t('planEditor.revisions'),
              children: (
                <Revisions
                  planId={detail.id}
                  onDiff={(revision) => {
                    setDiffQuery({ revision });
                    setTab('diff');
                  }}
                />
              ),
            },
            {
              key: 'diff',
              label: t('planEditor.diff'),
              children: <DiffTab plan={detail} query={diffQuery} onQuery={setDiffQuery} />,
            },
          ]}
        />
      </Card>
      {editing && (
        <RowDrawer
          plan={doc}
          row={editing}
          validate={liveIssues}
          onClose={() => setEditing(null)}
          onApply={(values) => {
            if (!readOnly) change(updateRow(doc, editing.ref, values));
            setEditing(null);
          }}
        />
      )}
      {ahpLevel && (
        <AhpModal
          plan={doc}
          level={ahpLevel.level}
          title={ahpLevel.title}
          readOnly={readOnly}
          onClose={() => setAhpLevel(null)}
          onApply={(weights, matrix) => {
            change(applyAhpWeights(doc, ahpLevel.level, weights, matrix));
            message.success(t('ahp.applied'));
            setAhpLevel(null);
          }}
        />
      )}
    </Space>
  );
}
