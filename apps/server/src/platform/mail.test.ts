import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpCapture } from '../../test/smtp-capture.js';
import { createMailer } from './mail.js';

/** What the mailer sends arrives at a local SMTP capture, over a real SMTP conversation. */
describe('SMTP mailer', () => {
  let smtp: Awaited<ReturnType<typeof smtpCapture>>;
  beforeAll(async () => {
    smtp = await smtpCapture();
  });
  afterAll(() => smtp.close());

  it('is off without a URL', () => {
    expect(createMailer(undefined, 'jixiao@example.gov.cn')).toBeNull();
  });

  it('delivers a Chinese notification to the SMTP server', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${smtp.port}`, 'jixiao@example.gov.cn')!;
    await mailer.send({
      to: 'unit@example.gov.cn',
      subject: '提醒单：指标进度滞后',
      text: '请于本月底前报送。',
    });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.from).toBe('jixiao@example.gov.cn');
    expect(smtp.mails[0]!.to).toEqual(['unit@example.gov.cn']);
    expect(smtp.mails[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
    const body = smtp.mails[0]!.data.split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n');
    expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')).toContain('请于本月底前报送');
  });
});
