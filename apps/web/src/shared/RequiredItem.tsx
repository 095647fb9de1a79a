import { Form, type FormItemProps } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A form field that must be filled in: empty, it says so in the user's language. `text`: spaces
 * alone count as empty. Further `rules` are checked after it.
 */
export function RequiredItem({ text, rules = [], ...props }: FormItemProps & { text?: boolean }) {
  const { t } = useTranslation();
  const required = { required: true, ...(text ? { whitespace: true } : {}), message: t('common.required') };
  return <Form.Item rules={[required, ...rules]} {...props} />;
}
