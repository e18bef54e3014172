// Every kind of notification can be read and chosen: its sentence (in the app and in e-mails) and its label on
// the settings page exist in every interface language, with documentation for translators.
import { describe, expect, it } from 'vitest';
import { messagesOf, UI_LANGUAGES } from '../../http/i18n';
import { KINDS } from './kinds';
import { sentenceKey } from './mail';

describe('notification kinds', () => {
  it('each have a sentence and a settings label in every interface language and in qqq', () => {
    const missing: string[] = [];
    for (const kind of KINDS) {
      const keys = [sentenceKey(kind, null), `notifications-kind-${kind.replace(/_/g, '-')}`];
      for (const lang of [...UI_LANGUAGES, 'qqq']) {
        for (const key of keys) if (!messagesOf(lang)[key]) missing.push(`${lang}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
