import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrgTreeTab } from './OrgTreeTab.js';
import { SystemsTab } from './SystemsTab.js';

export default function OrgPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'systems' ? 'systems' : 'tree';
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setParams(k === 'tree' ? {} : { tab: k }, { replace: true })}
      items={[
        { key: 'tree', label: t('org.tabs.tree'), children: <OrgTreeTab /> },
        { key: 'systems', label: t('org.tabs.systems'), children: <SystemsTab /> },
      ]}
    />
  );
}
