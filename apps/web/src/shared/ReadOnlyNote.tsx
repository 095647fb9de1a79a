import { Alert } from 'antd';
import type { CSSProperties } from 'react';

/** The note over a document that can no longer be edited here (a plan out of draft, an issued task book). */
export function ReadOnlyNote({
  testId,
  text,
  style,
}: {
  testId: string;
  text: string;
  style?: CSSProperties;
}) {
  return <Alert data-testid={testId} type="info" showIcon title={text} style={style} />;
}
