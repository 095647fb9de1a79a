import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { router } from './router.js';
import { setAuthHandlers } from './shared/api.js';
import { FeedbackBridge } from './shared/feedback.js';
import { queryClient } from './shared/queryClient.js';
import { FullPageSpin } from './shared/RequireAuth.js';

// Inside the app, leave a dead session with router navigation instead of a full page load.
setAuthHandlers({
  signInRequired: (code) => {
    const { pathname, search } = window.location;
    if (pathname === '/login') return;
    queryClient.removeQueries({ queryKey: ['me'] });
    void router.navigate(
      `/login?reason=${encodeURIComponent(code)}&next=${encodeURIComponent(pathname + search)}`,
      {
        replace: true,
      },
    );
  },
  passwordChangeRequired: () => {
    if (window.location.pathname !== '/change-password') void router.navigate('/change-password');
  },
});

export function App() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  // Set before the children render (an effect runs after them): dates made during the first render
  // — a picker's initial value — already carry the UI language, as antd's locale below does.
  dayjs.locale(en ? 'en' : 'zh-cn');
  useEffect(() => {
    document.documentElement.lang = en ? 'en' : 'zh-CN';
    document.title = i18n.t('app.title');
  }, [en, i18n]);
  return (
    <ConfigProvider locale={en ? enUS : zhCN}>
      <AntApp>
        <FeedbackBridge />
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<FullPageSpin />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
