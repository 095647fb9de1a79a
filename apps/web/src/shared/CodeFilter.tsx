import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

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

/** A page's filter as one state: its value and its setter. */
export type FilterState<F> = [F, (next: NoInfer<F>) => void];

/**
 * The clearable select of one field of a list's filter offering the given options (what the data
 * holds: groups, topics, indicators): one value, or several with `multiple`. `placeholder` is a
 * translation key; the select's test id is `${testId}-${field}`.
 */
export function OptionFilter<F extends object>({
  field,
  options,
  placeholder,
  width,
  state: [filter, setFilter],
  testId,
  multiple = false,
}: {
  field: keyof F & string;
  options: SelectProps['options'];
  placeholder: string;
  /** The select's width; with `multiple`, its least width (it grows with the values chosen). */
  width: number;
  state: FilterState<F>;
  testId: string;
  multiple?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid={`${testId}-${field}`}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      style={multiple ? { minWidth: width } : { width }}
      placeholder={t(placeholder)}
      value={filter[field]}
      onChange={(v) => setFilter({ ...filter, [field]: v })}
      options={options}
    />
  );
}

/**
 * The clearable select of one field of a list's filter chosen by code (one code, or several with
 * `multiple`): a page keeps its filter as one state and maps its table of specs to these. The
 * select's test id is `${testId}-${key}`.
 */
export function CodeFilter<F extends object>({
  spec: { key, codes, labels, ...look },
  ...rest
}: {
  spec: CodeFilterSpec<keyof F & string>;
  state: FilterState<F>;
  testId: string;
  multiple?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <OptionFilter<F>
      field={key}
      options={codes.map((value) => ({ value, label: t(`${labels}.${value}`) }))}
      {...look}
      {...rest}
    />
  );
}
