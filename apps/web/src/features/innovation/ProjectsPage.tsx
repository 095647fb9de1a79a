import { PaperClipOutlined } from '@ant-design/icons';
import type { InnovationCall, InnovationProject, ProjectResult } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { FilePicker } from '../../shared/FilePicker.js';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState } from '../../shared/QueryState.js';
import { innovationApi, innovationKeys, useCall, useProjects, useResults } from './api.js';
import { panelText } from './scoring.js';
import { useDialogSave } from './useDialogSave.js';
import { CALL_STATUS_COLOR } from './view.js';

interface Values {
  category: string;
  title: string;
  summary: string;
  results: string;
}

/** A unit submits a project or changes its own. */
function ProjectDialog({
  call,
  project,
  onClose,
}: {
  call: InnovationCall;
  project: InnovationProject | null;
  onClose: () => void;
}) {
  const { t } = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useDialogSave(
    (v: Values) =>
      project
        ? innovationApi.updateProject(project.id, {
            ...v,
            results: v.results ?? '',
            version: project.version,
          })
        : innovationApi.createProject(call.id, { ...v, results: v.results ?? '' }),
    onClose,
  );
  const required = [{ required: true, whitespace: true }];
  return (
    <FormModal
      form={form}
      mutation={save}
      onClose={onClose}
      title={project ? t('innovation.editProject') : t('innovation.newProject')}
      okButtonProps={{ 'data-testid': 'project-save' } as never}
      initialValues={project ?? { category: call.categories[0]?.code }}
    >
      <Form.Item name="category" label={t('innovation.category')} rules={[{ required: true }]}>
        <Select
          data-testid="project-category"
          options={call.categories.map((c) => ({ value: c.code, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('innovation.projectTitle')} rules={required}>
        <Input maxLength={200} data-testid="project-title" />
      </Form.Item>
      <Form.Item name="summary" label={t('innovation.summary')} rules={required}>
        <Input.TextArea rows={4} maxLength={5000} data-testid="project-summary" />
      </Form.Item>
      <Form.Item name="results" label={t('innovation.results')}>
        <Input.TextArea rows={3} maxLength={5000} data-testid="project-results" />
      </Form.Item>
    </FormModal>
  );
}

/** A project as a card: what it is, its files, and (for its unit while editable) edit and attach. */
export function ProjectCard({
  project: p,
  onEdit,
  onAttach,
  office,
  tags,
  children,
  highlight,
}: {
  project: Omit<InnovationProject, 'judges' | 'editable'> &
    Partial<Pick<InnovationProject, 'judges' | 'editable'>>;
  onEdit?: () => void;
  onAttach?: (file: File) => void;
  office?: boolean;
  /** More tags after the category (a defence stage, a score). */
  tags?: ReactNode;
  /** What the page adds under the project (its score, the judge's buttons). */
  children?: ReactNode;
  /** Drawn out: the project on stage now. */
  highlight?: boolean;
}) {
  const { t } = useFeedback();
  const { token } = theme.useToken();
  return (
    <Card
      size="small"
      data-testid={`project-${p.id}`}
      style={
        highlight
          ? { borderColor: token.colorPrimary, boxShadow: `0 0 0 2px ${token.colorPrimaryBg}` }
          : undefined
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong style={{ wordBreak: 'break-word' }}>
            {p.title}
          </Typography.Text>
          <Tag>{p.categoryName}</Tag>
          {p.editable === false && !office && <Tag color="red">{t('innovation.locked')}</Tag>}
          {office && (
            <Tag color={p.judges ? 'blue' : 'default'}>{t('innovation.judgeCount', { n: p.judges })}</Tag>
          )}
          {tags}
        </Space>
        <Typography.Text type="secondary">
          {p.unitName} · {t('innovation.updated', { at: formatDateTime(p.updatedAt) })}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {p.summary}
        </Typography.Paragraph>
        {p.results && (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {t('innovation.resultsIs', { text: p.results })}
          </Typography.Paragraph>
        )}
        {p.attachments.map((f) => (
          <a key={f.id} href={`/api/evidence/${f.id}`} style={{ wordBreak: 'break-all' }}>
            <PaperClipOutlined /> {f.fileName}
          </a>
        ))}
        {(onEdit || onAttach) && (
          <Space wrap>
            {onEdit && (
              <Button size="small" onClick={onEdit} data-testid="project-edit">
                {t('innovation.edit')}
              </Button>
            )}
            {onAttach && (
              <FilePicker onFile={onAttach} accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.ppt,.pptx">
                <Button size="small" icon={<PaperClipOutlined />} data-testid="project-attach">
                  {t('innovation.attach')}
                </Button>
              </FilePicker>
            )}
          </Space>
        )}
        {children}
      </Space>
    </Card>
  );
}

/**
 * A unit's project once the call's results exist: its panel score, rank in its category, top-ten
 * seat and bonus, and the judges' scores — named only when the office published the names.
 */
function ProjectScore({ result: r }: { result: ProjectResult }) {
  const { t } = useFeedback();
  return (
    <Space orientation="vertical" size={2} data-testid="project-result">
      <Space wrap size={[4, 4]}>
        <Typography.Text strong data-testid="project-result-score">
          {t('innoResults.myScore', {
            score: r.score,
            category: r.categoryName,
            rank: r.rank,
            n: r.inCategory,
          })}
        </Typography.Text>
        {r.topTen && (
          <Tag color="gold" data-testid="project-result-seat">
            {t('innoResults.mySeat', { seat: r.seat })}
          </Tag>
        )}
        {r.bonus && r.bonus.points > 0 && (
          <Tag color="green">{t('innoResults.myBonus', { points: r.bonus.points })}</Tag>
        )}
      </Space>
      {r.panel.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="project-result-panel">
          {t('innoResults.panelScores', {
            scores: panelText(r.panel, (n) => t('innoResults.anonJudge', { n })),
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * The projects of a call: the office and leaders see all of them (by category), a unit its own —
 * it submits, edits and attaches files until the deadline, after which they are locked.
 */
export default function ProjectsPage() {
  const id = Number(useParams().id);
  const { t, message, showError, queryClient: qc } = useFeedback();
  const office = useCan('innovation.manage');
  const call = useCall(id);
  const projects = useProjects(id);
  // A unit's scores, rank and top-ten seat once the office computed the results (none yet: 404).
  const results = useResults(id, !office && !!call.data && call.data.status !== 'draft');
  const resultOf = new Map((results.data?.projects ?? []).map((r) => [r.projectId, r]));
  const [dialog, setDialog] = useState<{ project: InnovationProject | null } | null>(null);
  const attach = useMutation({
    mutationFn: ({ p, file }: { p: InnovationProject; file: File }) => innovationApi.attach(p.id, file),
    onSuccess: () => {
      message.success(t('innovation.attached'));
      void qc.invalidateQueries({ queryKey: innovationKeys.all });
    },
    onError: showError,
  });
  return (
    <QueryState query={call} also={[projects]} testId="projects">
      {(c) => (
        <Space
          orientation="vertical"
          style={{ width: '100%' }}
          size="middle"
          data-testid="innovation-projects"
        >
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.title}
            </Typography.Title>
            <Space wrap>
              <Tag color={CALL_STATUS_COLOR[c.status]}>{t(`innovation.status.${c.status}`)}</Tag>
              {office && c.status !== 'draft' && (
                <Link to={`/innovation/calls/${c.id}/assignments`}>
                  <Button size="small">{t('innovation.assignment')}</Button>
                </Link>
              )}
              {c.can.apply && (
                <CreateButton testId="project-new" onClick={() => setDialog({ project: null })}>
                  {t('innovation.newProject')}
                </CreateButton>
              )}
            </Space>
          </Space>
          <Typography.Text type="secondary">
            {c.can.apply || c.status === 'open'
              ? t('innovation.openUntil', { deadline: c.deadline })
              : t('innovation.closedNote', { deadline: c.deadline })}
          </Typography.Text>
          <List
            dataSource={projects.data ?? []}
            locale={{ emptyText: <Empty description={t('innovation.noProjects')} /> }}
            renderItem={(p) => (
              <List.Item key={p.id} style={{ display: 'block' }}>
                <ProjectCard
                  project={p}
                  office={office}
                  onEdit={p.editable ? () => setDialog({ project: p }) : undefined}
                  onAttach={p.editable ? (file) => attach.mutate({ p, file }) : undefined}
                >
                  {resultOf.has(p.id) && <ProjectScore result={resultOf.get(p.id)!} />}
                </ProjectCard>
              </List.Item>
            )}
          />
          {dialog && <ProjectDialog call={c} project={dialog.project} onClose={() => setDialog(null)} />}
        </Space>
      )}
    </QueryState>
  );
}
