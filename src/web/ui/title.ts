// The document title of a page: '<page> – <site name>'. Pages with data name themselves with usePageTitle();
// others get their route's meta.titleKey. On the server the title goes into the rendered document.
import { useSSRContext, watchEffect } from 'vue';
import { fullTitle } from '../../contracts/title';
import { useI18n } from '../i18n';

export { fullTitle };

export function usePageTitle(title: () => string): void {
  const { t } = useI18n();
  if (import.meta.env.SSR) {
    const ctx = useSSRContext();
    if (ctx) ctx.title = fullTitle(title(), t('site-name'));
    return;
  }
  watchEffect(() => {
    document.title = fullTitle(title(), t('site-name'));
  });
}
