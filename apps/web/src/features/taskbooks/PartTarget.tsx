import { InputNumber, Typography } from 'antd';

/**
 * A part's target in the decomposition: an input while editing (red when the coverage check or
 * the server finds it wrong), else the figure; the server's error for the part under it.
 */
export function PartTarget({
  value,
  error,
  bad,
  editable,
  onChange,
}: {
  value: number | null;
  error: string | undefined;
  bad: boolean;
  editable: boolean;
  onChange: (target: number | null) => void;
}) {
  return (
    <div>
      {editable ? (
        <InputNumber
          data-testid="decomp-target"
          style={{ width: 140 }}
          status={bad || error ? 'error' : undefined}
          value={value}
          onChange={(n) => onChange(typeof n === 'number' ? n : null)}
        />
      ) : (
        <span data-testid="decomp-target-text">{value ?? '—'}</span>
      )}
      {error && (
        <div data-testid="decomp-row-error">
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {error}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
