import { Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState.js';
import { useJudgedProjects } from './api.js';
import { ProjectCard } from './ProjectsPage.js';

/** The projects assigned to the signed-in expert, read-only (scoring comes with the defence). */
export default function JudgePage() {
  const { t } = useTranslation();
  const projects = useJudgedProjects();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="innovation-judging">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('innovationNav.judging')}
      </Typography.Title>
      <QueryState query={projects} testId="judging">
        {(list) => (
          <List
            dataSource={list}
            locale={{ emptyText: <Empty description={t('innovation.noAssigned')} /> }}
            renderItem={(p) => (
              <List.Item key={p.id} style={{ display: 'block' }}>
                <ProjectCard project={p} />
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Space>
  );
}
