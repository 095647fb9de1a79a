import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n/index.js';

/** 中文 ⇄ English, labelled in the language it switches to. */
export function LangSwitch({ type = 'link', size }: Pick<ButtonProps, 'type' | 'size'>) {
  const { i18n } = useTranslation();
  const isZh = i18n.language !== 'en';
  return (
    <Button data-testid="lang-switch" type={type} size={size} onClick={() => setLang(isZh ? 'en' : 'zh-CN')}>
      {isZh ? 'English' : '中文'}
    </Button>
  );
}
