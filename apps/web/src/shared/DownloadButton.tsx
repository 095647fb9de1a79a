import { Button, type ButtonProps } from 'antd';
import { type MouseEvent, useState } from 'react';
import { api } from './api.js';
import { useShowError } from './feedback.js';

/**
 * A link to a file of the API that downloads it through the API client: a refusal (no right, a
 * missing font, a run gone) shows its translated message instead of being saved as a JSON file.
 * The `href` stays, so "save link as" and tests read the address.
 */
export function DownloadButton({
  href,
  ...props
}: Omit<ButtonProps, 'onClick' | 'loading'> & { href: string }) {
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const onClick = async (e: MouseEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.download(href);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return <Button {...props} href={href} loading={busy} onClick={onClick} />;
}
