// Server-side messages: the same banana-i18n message files the pages use, one instance per language.
import fs from 'node:fs';
import path from 'node:path';
import Banana, { type ParameterType } from 'banana-i18n';
import { UI_LANGUAGES, type UiLanguage } from '../../contracts/languages';
import { repoRoot } from '../paths';

export const i18nDir = path.join(repoRoot, 'i18n');

export type Messages = Record<string, string>;
export type Translate = (key: string, ...params: unknown[]) => string;

const cache = new Map<string, Messages>();

/** The messages of one language, with the '@metadata' entry left out. */
export function messagesOf(lang: string): Messages {
  let m = cache.get(lang);
  if (!m) {
    const file = path.join(i18nDir, `${lang}.json`);
    const raw = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Messages) : {};
    m = Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('@')));
    cache.set(lang, m);
  }
  return m;
}

const bananas = new Map<string, Banana>();

export function translator(lang: UiLanguage): Translate {
  let banana = bananas.get(lang);
  if (!banana) {
    banana = new Banana(lang, { finalFallback: 'en' });
    banana.load(messagesOf('en'), 'en');
    if (lang !== 'en') banana.load(messagesOf(lang), lang);
    bananas.set(lang, banana);
  }
  const b = banana;
  return (key, ...params) => b.i18n(key, ...(params as ParameterType[]));
}

export function hasMessage(key: string): boolean {
  return key in messagesOf('en');
}

export { UI_LANGUAGES };
