import { useTranslation } from 'react-i18next';
import { CodeSelect } from './CodeSelect.js';

/**
 * One field of a list's filter, chosen by code: the codes it offers (each shown by its
 * translation under `labels`), the translation key of its placeholder and its width.
 */
export interface CodeFilterSpec<K extends string> {
  key: K;
  codes: readonly string[];
  labels: string;
  placeholder: string;
  /** The select's width; with `multiple`, its least width (it grows with the codes chosen). */
  width: number;
}

/**
 * The clearable select of one field of a list's filter (one code, or several with `multiple`):
 * a page keeps its filter as one state and maps its table of specs to these. The select's test
 * id is `${testId}-${key}`.
 */
export function CodeFilter<F extends object>({
  spec: { key, codes, labels, placeholder, width },
  state: [filter, setFilter],
  testId,
  multiple = false,
}: {
  spec: CodeFilterSpec<keyof F & string>;
  state: [F, (next: NoInfer<F>) => void];
  testId: string;
  multiple?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <CodeSelect
      data-testid={`${testId}-${key}`}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      style={multiple ? { minWidth: width } : { width }}
      placeholder={t(placeholder)}
      value={filter[key]}
      onChange={(v) => setFilter({ ...filter, [key]: v })}
      codes={codes}
      labels={labels}
    />
  );
}
