import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A table cell naming something by code (an indicator, a row of a trace): the code in monospace,
 * then the name, then what the caller adds (tags, sources).
 */
export function CodeName({ code, name, children }: { code: string; name?: string; children?: ReactNode }) {
  return (
    <span>
      <Typography.Text code>{code}</Typography.Text> {name}
      {children}
    </span>
  );
}
