// Interface messages in the page: banana-i18n with only the current language's messages (and English as
// the server already merged fallbacks). `$t(key, ...params)` in templates, `useI18n()` in scripts.
import Banana, { type ParameterType } from 'banana-i18n';
import { inject, type App, type InjectionKey } from 'vue';

export interface I18n {
  lang: string;
  dir: 'ltr' | 'rtl';
  t(key: string, ...params: unknown[]): string;
}

const KEY: InjectionKey<I18n> = Symbol('i18n');

export function createI18n(lang: string, dir: 'ltr' | 'rtl', messages: Record<string, string>) {
  const banana = new Banana(lang);
  banana.load(messages, lang);
  const i18n: I18n = { lang, dir, t: (key, ...params) => banana.i18n(key, ...(params as ParameterType[])) };
  return {
    ...i18n,
    install(app: App) {
      app.provide(KEY, i18n);
      app.config.globalProperties.$t = i18n.t;
    },
  };
}

export function useI18n(): I18n {
  const i18n = inject(KEY);
  if (!i18n) throw new Error('i18n is not installed');
  return i18n;
}

declare module 'vue' {
  interface ComponentCustomProperties {
    $t: (key: string, ...params: unknown[]) => string;
  }
}
