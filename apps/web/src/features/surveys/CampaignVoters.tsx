import { campaignVoter } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { CompactTable } from '../../shared/CompactTable.js';

type Voter = z.infer<typeof campaignVoter>;

/** A named campaign's voters, opened on request for the office (each opening is audited). */
export function CampaignVoters({ id }: { id: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const voters = useQuery({
    queryKey: ['surveys', 'voters', id],
    queryFn: () => api.get(`/api/survey-campaigns/${id}/voters`, z.array(campaignVoter)),
    enabled: open,
    staleTime: 0,
    gcTime: 0,
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`voters-${id}`}>
        {t('surveys.voters')}
      </Button>
      {open && (
        <Modal open width={640} title={t('surveys.voters')} footer={null} onCancel={() => setOpen(false)}>
          <Typography.Paragraph type="secondary">{t('surveys.votersHint')}</Typography.Paragraph>
          <CompactTable<Voter>
            rowKey={(v) => `${v.group}|${v.day}|${v.name}|${v.contact}`}
            loading={voters.isLoading}
            dataSource={voters.data ?? []}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('surveys.group'), dataIndex: 'group' },
              { title: t('ballot.voterName'), dataIndex: 'name' },
              { title: t('ballot.voterContact'), dataIndex: 'contact' },
              { title: t('surveys.channel'), render: (_, v) => t(`surveys.channels.${v.channel}`) },
              { title: t('surveys.day'), dataIndex: 'day' },
            ]}
          />
        </Modal>
      )}
    </>
  );
}
