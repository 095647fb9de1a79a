import { Card, Space } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page that starts with its pickers (plan, period, unit, filters) in a card of their own, its
 * content under them.
 */
export function PickerPage({ pickers, children }: { pickers: ReactNode; children: ReactNode }) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>{pickers}</Space>
      </Card>
      {children}
    </Space>
  );
}
