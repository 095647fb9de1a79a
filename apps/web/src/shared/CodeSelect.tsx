import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A select of codes, each shown by its translation under `labels` (`planEditor.kinds` shows
 * `common` as `planEditor.kinds.common`). Any other prop goes to the antd Select, so a form item
 * can hold it.
 */
export function CodeSelect({
  codes,
  labels,
  ...props
}: { codes: readonly string[]; labels: string } & Omit<SelectProps, 'options'>) {
  const { t } = useTranslation();
  return <Select {...props} options={codes.map((value) => ({ value, label: t(`${labels}.${value}`) }))} />;
}
