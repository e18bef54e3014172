// The settings page lists the groups' notification kinds with their labels, in the person's language, each with
// its daily default chosen: a person can see and change how they hear of them.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebBundle, testApp } from '../../testing/harness';
import { signedUp } from '../../testing/client';
import { partnerGroup } from './test-helpers';

beforeAll(buildWebBundle, 120_000);

const LABELS = {
  en: [
    'When you are designated an ambassador',
    'When your term as an ambassador ends',
    'When a group you coordinate becomes an LDN partner',
    'When a group you coordinate stops being an LDN partner',
  ],
  ar: [
    'عندما تُعيَّن سفيرًا',
    'عندما تنتهي فترتك سفيرًا',
    'عندما تصبح مجموعة تنسّقها شريكة في الشبكة',
    'عندما تتوقف مجموعة تنسّقها عن أن تكون شريكة في الشبكة',
  ],
};

describe('the notification settings page', () => {
  it('offers the groups’ notifications by name, daily by default, in the person’s language', async () => {
    const app = await testApp({ pages: true });
    const person = await signedUp(app);
    for (const [lang, labels] of Object.entries(LABELS)) {
      const page = await person.get(`/settings?uselang=${lang}`);
      expect(page.status).toBe(200);
      for (const label of labels) expect(page.text, `${lang}: ${label}`).toContain(label);
      for (const kind of ['ambassador_designated', 'ambassador_ended', 'partner_marked', 'partner_unmarked']) {
        const select = new RegExp(`<select id="notification-email-${kind}"[^>]*>[\\s\\S]*?</select>`).exec(page.text);
        expect(select?.[0], kind).toMatch(/<option value="daily" selected/);
      }
    }
  });

  it('says “(optional)” in the page’s language beside the ambassador form’s end date', async () => {
    const app = await testApp({ pages: true });
    const { coordinator, group } = await partnerGroup(app);
    const optional = {
      en: '(optional)',
      ar: '(اختياري)',
      es: '(opcional)',
      fr: '(facultatif)',
      hi: '(वैकल्पिक)',
      ru: '(необязательно)',
    };
    for (const [lang, text] of Object.entries(optional)) {
      const page = await coordinator.get(`/communities/${group.slug}?uselang=${lang}`);
      expect(page.status).toBe(200);
      const end = /<label[^>]*>[\s\S]{0,400}?cdx-label__label__optional-flag[^>]*>([^<]*)</.exec(page.text);
      expect(end?.[1]?.trim(), lang).toBe(text);
    }
  });
});
