import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mail.js';

/** A local SMTP capture: what the mailer sends arrives here, over a real SMTP conversation. */
describe('SMTP mailer', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => {
          data += c.toString('utf8');
        });
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is off without a URL', () => {
    expect(createMailer(undefined, 'jixiao@example.gov.cn')).toBeNull();
  });

  it('delivers a Chinese notification to the SMTP server', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${port}`, 'jixiao@example.gov.cn')!;
    await mailer.send({
      to: 'unit@example.gov.cn',
      subject: '提醒单：指标进度滞后',
      text: '请于本月底前报送。',
    });
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe('jixiao@example.gov.cn');
    expect(received[0]!.to).toEqual(['unit@example.gov.cn']);
    expect(received[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
    const body = received[0]!.data
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n');
    expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')).toContain('请于本月底前报送');
  });
});
