import { Button, Image, Popover, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The public link of an e-poll group (Z11) with its QR code, to publish or print. */
export function PollLink({ groupId }: { groupId: number }) {
  const { t } = useTranslation();
  const url = `${location.origin}/poll/${groupId}`;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(url, { margin: 1, width: 200 }).then(setQr);
  }, [url]);
  return (
    <Popover
      trigger="click"
      content={
        <Space orientation="vertical" align="center">
          {qr && <Image src={qr} width={200} preview={false} alt={t('surveys.pollQr')} />}
          <Typography.Text copyable data-testid="poll-url">
            {url}
          </Typography.Text>
        </Space>
      }
    >
      <Button size="small" data-testid={`poll-link-${groupId}`}>
        {t('surveys.pollLink')}
      </Button>
    </Popover>
  );
}
