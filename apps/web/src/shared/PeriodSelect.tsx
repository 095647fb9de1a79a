import { Select, type SelectProps } from 'antd';

/**
 * The period select of a page's pickers: the periods by their codes (2026-M10, 2026-Q3…). Given
 * `all`, the text shown when none is chosen ("all periods"), it can be cleared.
 */
export function PeriodSelect({
  testId,
  periods,
  width,
  all,
  ...props
}: {
  testId: string;
  periods: readonly string[];
  width: number;
  all?: string;
} & Pick<SelectProps<string>, 'value' | 'onChange' | 'loading'>) {
  return (
    <Select<string>
      data-testid={testId}
      allowClear={all !== undefined}
      placeholder={all}
      style={{ width }}
      options={periods.map((p) => ({ value: p, label: p }))}
      {...props}
    />
  );
}
