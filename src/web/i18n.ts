// Interface messages in the page: banana-i18n with only the current language's messages (and English as
// the server already merged fallbacks). `$t(key, ...params)` in templates, `useI18n()` in scripts.
//
// Made cheap for server-side rendering, with the same output as a fresh banana-i18n:
// - one Banana per messages object and language (the server passes the same object for a language to every
//   page it renders), instead of a new one per page;
// - `t` remembers its results for string and number parameters (banana-i18n parses a message on every call,
//   with a PEG parser when it holds `{{` or `<`);
// - the Banana's language object keeps its Intl.PluralRules and Intl.NumberFormat instead of making new ones
//   for every plural and number (see `reuseIntlObjects`).
// The messages object is taken as never changing once given (banana-i18n keeps a reference to it either way).
//
// A page comes with only the messages it showed (the server notes them as it renders: `used`); in the browser
// the rest are fetched when something asks for one it lacks (`missing`), and `addMessages` brings them in: every
// component that showed a message renders again then (it read `version`).
import Banana, { type ParameterType } from 'banana-i18n';
import { inject, shallowRef, type App, type InjectionKey } from 'vue';

export interface I18n {
  lang: string;
  dir: 'ltr' | 'rtl';
  t(key: string, ...params: unknown[]): string;
}

const KEY: InjectionKey<I18n> = Symbol('i18n');

/**
 * At most this many remembered results per Banana; when full the memo is emptied and starts again. The
 * parameters (counts, names, titles) come from content, so the set of distinct calls grows without end on a
 * long-running server; emptying it all at once costs nothing per call (no LRU bookkeeping), and a page's
 * messages are remembered again after one render. 5,000 covers every message with the counts and names of
 * many pages; entries are short strings (see MAX_MEMO_KEY), so a full memo is a few megabytes at most.
 */
export const MEMO_ENTRIES = 5000;
/** Calls whose key and parameters are longer than this (free text passed as a parameter) are not remembered. */
export const MAX_MEMO_KEY = 300;

interface Translator {
  banana: Banana;
  memo: Map<string, string>;
}

const translators = new WeakMap<Record<string, string>, Map<string, Translator>>();

function translatorFor(lang: string, messages: Record<string, string>): Translator {
  let byLang = translators.get(messages);
  if (!byLang) {
    byLang = new Map();
    translators.set(messages, byLang);
  }
  let translator = byLang.get(lang);
  if (!translator) {
    const banana = new Banana(lang);
    banana.load(messages, lang);
    reuseIntlObjects(banana);
    translator = { banana, memo: new Map() };
    byLang.set(lang, translator);
  }
  return translator;
}

/**
 * The memo's key for a call, or null when the call is not to be remembered (a parameter that is neither a
 * string nor a number, or a key too long). The key and string parameters are written as JSON strings and
 * numbers bare (-0 as "-0": {{formatnum:}} shows its sign), joined by commas: a JSON string holds commas only
 * between its quotes and a number neither commas nor quotes, so different calls never share a key.
 */
function memoKey(key: string, params: unknown[]): string | null {
  if (typeof key !== 'string') return null;
  let k = JSON.stringify(key);
  for (const p of params) {
    if (typeof p === 'string') k += ',' + JSON.stringify(p);
    else if (typeof p === 'number') k += Object.is(p, -0) ? ',-0' : ',' + String(p);
    else return null;
    if (k.length > MAX_MEMO_KEY) return null;
  }
  return k;
}

function translate(translator: Translator, key: string, params: unknown[]): string {
  const k = memoKey(key, params);
  if (k === null) return translator.banana.i18n(key, ...(params as ParameterType[]));
  let result = translator.memo.get(k);
  if (result === undefined) {
    result = translator.banana.i18n(key, ...(params as ParameterType[]));
    if (translator.memo.size >= MEMO_ENTRIES) translator.memo.clear();
    translator.memo.set(k, result);
  }
  return result;
}

interface BananaLanguage {
  locale: string;
  getPluralForm(count: number, locale: string): number;
  convertNumber(num: unknown, integer?: unknown): unknown;
}

const CLDR_PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * banana-i18n 2.4.0 makes a new Intl.PluralRules for every plural (`getPluralForm`) and, for
 * {{formatnum:}}, a new Intl.NumberFormat and a `supportedLocalesOf` call for every number (`convertNumber`).
 * Both are stateless, so this Banana's language object (`banana.parser.emitter.language`, made once per
 * Banana) gets its own copies of those two methods that keep them, by locale, and compute the same answer.
 * Integer conversion (what {{PLURAL:}} asks for) is left to the library. Nothing is changed if the object does
 * not have the expected shape (another version of the library): the messages are then only slower.
 */
function reuseIntlObjects(banana: Banana) {
  const internals = banana as unknown as { parser?: { emitter?: { language?: Partial<BananaLanguage> } } };
  const language = internals.parser?.emitter?.language;
  if (
    !language ||
    typeof language.locale !== 'string' ||
    typeof language.getPluralForm !== 'function' ||
    typeof language.convertNumber !== 'function'
  )
    return;

  const plurals = new Map<string, { rules: Intl.PluralRules; forms: string[] }>();
  language.getPluralForm = (count: number, locale: string) => {
    let p = plurals.get(locale);
    if (!p) {
      const rules = new Intl.PluralRules(locale);
      const categories: string[] = rules.resolvedOptions().pluralCategories;
      p = { rules, forms: CLDR_PLURAL_FORMS.filter((f) => categories.includes(f)) };
      plurals.set(locale, p);
    }
    return p.forms.indexOf(p.rules.select(count));
  };

  const convertNumber = language.convertNumber;
  // The library's own fallbacks for a locale it formats: its fallback list for the locale, then English.
  const fallbackLocales = [...banana.getFallbackLocales().slice(0, -1), 'en'];
  const formats = new Map<string, Intl.NumberFormat>();
  language.convertNumber = function (this: BananaLanguage, num: unknown, integer: unknown = false) {
    if (integer || !Intl.NumberFormat) return convertNumber.call(this, num, integer);
    let format = formats.get(this.locale);
    if (!format) {
      format = new Intl.NumberFormat(
        Intl.NumberFormat.supportedLocalesOf(this.locale).length ? [this.locale] : fallbackLocales,
      );
      formats.set(this.locale, format);
    }
    const converted = format.format(num as number);
    return converted === 'NaN' ? num : converted;
  };
}

export interface MessageUse {
  /** On the server: notes every key the page asks for, so the page carries those messages. */
  used?: Set<string>;
  /** In the browser: told of a key the messages at hand lack (the page came with only its own). */
  missing?: (key: string) => void;
}

export function createI18n(
  lang: string,
  dir: 'ltr' | 'rtl',
  messages: Record<string, string>,
  { used, missing }: MessageUse = {},
) {
  const translator = translatorFor(lang, messages);
  // Only where messages may still come (the browser): read by every call, moved when they come.
  const version = missing ? shallowRef(0) : null;
  const t = (key: string, ...params: unknown[]) => {
    used?.add(key);
    if (version && missing) {
      void version.value;
      if (!(key in messages)) missing(key);
    }
    return translate(translator, key, params);
  };
  const i18n: I18n = { lang, dir, t };
  return {
    ...i18n,
    /** Adds messages (the rest of the language's): what showed a key alone shows its message again. */
    addMessages(more: Record<string, string>) {
      Object.assign(messages, more);
      translator.memo.clear();
      if (version) version.value++;
    },
    install(app: App) {
      app.provide(KEY, i18n);
      app.config.globalProperties.$t = i18n.t;
      // Codex's own texts ("(optional)", a chip added or removed…) in the page's language: its `cdx-*` messages,
      // else Codex's English (not all of its messages are translated here, so a lacking one is not fetched).
      app.provide('CdxI18nFunction', (key: string, ...params: unknown[]) => {
        if (version) void version.value;
        return key in messages ? t(key, ...params) : undefined;
      });
    },
  };
}

// Installed by createLdnApp before anything renders (no check: its message would cost every first page bytes).
export const useI18n = (): I18n => inject(KEY)!;

declare module 'vue' {
  interface ComponentCustomProperties {
    $t: (key: string, ...params: unknown[]) => string;
  }
}
