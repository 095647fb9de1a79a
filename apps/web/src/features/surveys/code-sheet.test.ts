import { describe, expect, it } from 'vitest';
import { ballotLink, codeSheetHtml, codesCsv } from './code-sheet.js';

describe('code sheets', () => {
  const codes = [
    { code: 'ABCD-EFGH-JKMN-PQRS', unit: '一号局' },
    { code: '0123-4567-89AB-CDEF', unit: null },
  ];

  it('links to the ballot page with the code in the fragment only', () => {
    const link = ballotLink('https://jx.example.gov.cn', 'ABCD-EFGH-JKMN-PQRS');
    expect(link).toBe('https://jx.example.gov.cn/ballot#ABCD-EFGH-JKMN-PQRS');
    expect(new URL(link).search).toBe('');
  });

  it('writes a CSV Excel reads: BOM, header, one row per code', () => {
    const csv = codesCsv('https://x', codes, ['单位', '编码', '链接']);
    expect(csv.startsWith('\uFEFF单位,编码,链接\r\n')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toEqual([
      '\uFEFF单位,编码,链接',
      '一号局,ABCD-EFGH-JKMN-PQRS,https://x/ballot#ABCD-EFGH-JKMN-PQRS',
      ',0123-4567-89AB-CDEF,https://x/ballot#0123-4567-89AB-CDEF',
    ]);
  });

  it('prints one card per code with its QR as SVG', async () => {
    const html = await codeSheetHtml('https://x', '年终评议 · 群众', '扫码评议', codes);
    expect(html.match(/class="card"/g)).toHaveLength(2);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('ABCD-EFGH-JKMN-PQRS');
    expect(html).toContain('size: A4');
  });
});
