// formatList (src/contracts/list.ts) in the page's language.
import { useI18n } from '../i18n';
import { formatList } from '../../contracts/list';

export { formatList };

export function useFormatList(): (items: readonly string[]) => string {
  const { lang } = useI18n();
  return (items) => formatList(items, lang);
}
