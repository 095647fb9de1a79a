import type { QuestionnaireDetail } from '@jixiao/contracts';
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { formatDateTime } from '../../shared/format.js';
import { useQuestionnaires } from './api.js';
import { latestVersions } from './builder-model.js';

/** The office's questionnaires (issue 10 point 1): the latest version of each, to open or start anew. */
export default function QuestionnairesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useQuestionnaires();
  return (
    <Card
      title={t('questionnaires.title')}
      data-testid="questionnaires-page"
      extra={
        <CreateButton testId="questionnaire-new" onClick={() => navigate('/questionnaires/new')}>
          {t('questionnaires.new')}
        </CreateButton>
      }
    >
      <CompactTable<QuestionnaireDetail>
        rowKey="id"
        loading={list.isLoading}
        dataSource={latestVersions(list.data ?? [])}
        data-testid="questionnaire-list"
        columns={[
          {
            title: t('questionnaires.name'),
            dataIndex: 'name',
            render: (v: string, q) => <Link to={`/questionnaires/${q.id}`}>{v}</Link>,
          },
          {
            title: t('questionnaires.version'),
            render: (_, q) => t('questionnaires.versionNo', { n: q.versionNo }),
          },
          { title: t('questionnaires.questions'), render: (_, q) => q.questions.length },
          {
            title: t('questionnaires.state'),
            render: (_, q) =>
              q.frozen ? (
                <Tag color="warning">{t('questionnaires.frozen')}</Tag>
              ) : (
                <Tag>{t('questionnaires.unused')}</Tag>
              ),
          },
          {
            title: t('questionnaires.created'),
            render: (_, q) => `${formatDateTime(q.createdAt)} ${q.createdBy ?? ''}`,
          },
        ]}
      />
    </Card>
  );
}
