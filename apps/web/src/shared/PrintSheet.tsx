import { Space } from 'antd';
import type { ReactNode } from 'react';

/** A4 pages as an office prints them: tool bar hidden on paper, serif CJK text, ruled tables. */
const printCss = `
@page { size: A4; margin: 18mm 14mm; }
@media print { .no-print { display: none !important; } body { background: #fff; } .print-page { padding: 0 !important; background: #fff !important; } }
.print-sheet { max-width: 190mm; margin: 0 auto; padding: 16px; background: #fff; font-family: "Noto Serif CJK SC", "SimSun", serif; color: #000; }
.print-sheet h1 { text-align: center; color: #c00; font-size: 22pt; border-bottom: 2px solid #c00; padding-bottom: 8px; }
.print-sheet table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
.print-sheet th, .print-sheet td { border: 1px solid #333; padding: 3px 5px; }
.print-sheet td.n { text-align: right; font-variant-numeric: tabular-nums; }
.print-sheet thead { display: table-header-group; }
.print-sheet tr { break-inside: avoid; }
`;

/**
 * A printable page outside the app's menu (the quarterly bulletin, the results notice): a tool bar
 * for the screen, then the sheet that goes on paper.
 */
export function PrintSheet({
  toolbar,
  testId,
  children,
}: {
  toolbar: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="print-page" style={{ background: '#f0f2f5', minHeight: '100vh', padding: 16 }}>
      <style>{printCss}</style>
      <Space className="no-print" wrap style={{ marginBottom: 12 }}>
        {toolbar}
      </Space>
      <div className="print-sheet" data-testid={testId}>
        {children}
      </div>
    </div>
  );
}
