// Events, in English and in Arabic: an admin makes a two-slot monthly ambassador meeting through the form; an
// ambassador registers privately; a viewer in another zone (Pacific/Honolulu, chosen with the GET zone chooser)
// sees the times in that zone, the organizer's beside, and not the private name. Every page passes axe.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated } from './axe';
import { e2eAdmin } from './env';
import { personPage } from './people';

const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function csrfOf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken;
}

/** A partner group of the demo, the member in it, designated ambassador from today by the admin. */
async function makeAmbassador(admin: Page, member: Page, username: string): Promise<void> {
  const groups = (await (await admin.request.get('/api/v1/communities?partner=true&limit=1')).json()) as {
    items: { slug: string }[];
  };
  const slug = groups.items[0]?.slug;
  expect(slug, 'a demo partner group').toBeTruthy();
  const joined = await member.request.post(`/api/v1/communities/${slug}/members`, {
    headers: { 'x-csrf-token': await csrfOf(member) },
  });
  expect(joined.status(), 'joining the group').toBeLessThan(300);
  const today = new Date().toISOString().slice(0, 10);
  const designated = await admin.request.post(`/api/v1/communities/${slug}/ambassadors`, {
    data: { username, start: today },
    headers: { 'x-csrf-token': await csrfOf(admin) },
  });
  expect(designated.status(), 'designating the ambassador').toBe(201);
}

for (const lang of ['en', 'ar'] as const) {
  test(`an ambassador meeting in two slots, a private registration, and a viewer in Honolulu (${lang})`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const ui = (path: string) => `${path}${path.includes('?') ? '&' : '?'}uselang=${lang}`;
    const title = `Ambassadors' monthly call ${suffix()}`;

    // 1. The admin makes the meeting through the form: monthly on the second Tuesday, 18:00 Berlin, a paired slot.
    const { page: admin } = await personPage(browser, e2eAdmin.username, e2eAdmin.password);
    await admin.goto(ui('/events/new'));
    await hydrated(admin);
    await expectAccessible(admin);
    await admin.locator('select').first().selectOption('ambassador_meeting');
    await admin.locator('.ldn-event-form__form .cdx-text-input__input').first().fill(title);
    await admin.locator('#event-start').fill('2027-03-09T18:00');
    await admin.locator('#event-end').fill('2027-03-09T19:30');
    await admin.locator('#event-zone').fill('Europe/Berlin');
    await admin.locator('input[name="recurrence-freq"][value="monthly"]').check();
    await expect(admin.locator('.ldn-recurrence__rule')).toHaveText('FREQ=MONTHLY;BYDAY=2TU;COUNT=10');
    await admin
      .locator('.ldn-event-form__group')
      .filter({ has: admin.locator('#event-start') })
      .isVisible();
    await admin.getByRole('button', { name: lang === 'en' ? 'Add a time' : 'إضافة وقت' }).click();
    await admin.locator('#event-slot-0-start').fill('2027-03-10T08:00');
    await admin.locator('#event-slot-0-end').fill('2027-03-10T09:30');
    await admin.getByRole('button', { name: lang === 'en' ? 'Create the event' : 'إنشاء الفعالية' }).click();
    await admin.waitForURL(/\/events\/\d+$/);
    const eventPath = new URL(admin.url()).pathname;
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(admin.locator('.ldn-event__slots li')).toHaveCount(2);
    await expectAccessible(admin);

    // 2. A member, made ambassador, registers privately for the first occurrence's second slot.
    const name = `Amb ${suffix()}`;
    const { page: amb } = await personPage(browser, name);
    await makeAmbassador(admin, amb, name);
    await amb.goto(ui(eventPath));
    await hydrated(amb);
    await amb.locator('input[name="slot"][value="1"]').check();
    await amb.locator('.ldn-event-register .cdx-checkbox__input').first().check();
    await amb.getByRole('button', { name: lang === 'en' ? 'Register' : 'سجّل', exact: true }).click();
    await expect(amb.locator('.ldn-event-register')).toContainText(
      lang === 'en' ? 'Your name is shown only to the organizers.' : 'يظهر اسمك للمنظمين فقط.',
    );
    await expectAccessible(amb);

    // 3. A visitor in Honolulu chooses the zone without JavaScript, then reads the page with it.
    const context = await browser.newContext({ javaScriptEnabled: false, timezoneId: 'Pacific/Honolulu' });
    const viewer = await context.newPage();
    await viewer.goto(ui('/events'));
    await viewer.locator('.ldn-zone-chooser summary').click();
    await viewer.locator('#events-zone').fill('Pacific/Honolulu');
    await viewer.locator('.ldn-zone-chooser__form button').click();
    await viewer.waitForURL(/\/events/);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'ldn_tz')?.value).toMatch(/^Pacific(\/|%2F)Honolulu$/);
    await viewer.goto(ui(`${eventPath}?occurrence=2027-03-09T18%3A00&slot=1`));
    const when = viewer.locator('.ldn-event__time');
    // The second slot: 08:00 on 10 March in Berlin is 21:00 on 9 March in Honolulu.
    await expect(when).toContainText('21:00');
    await expect(when).toContainText(lang === 'en' ? '9 Mar 2027' : '9 مارس 2027');
    await expect(viewer.locator('.ldn-event__when')).toContainText('Berlin');
    const places = viewer.locator('.ldn-event__places');
    await expect(places).not.toContainText(name);
    await expect(places).toContainText(lang === 'en' ? 'One person' : 'شخص واحد');
    await context.close();

    // 4. With JavaScript and axe, the same page in Honolulu.
    const jsContext = await browser.newContext({ timezoneId: 'Pacific/Honolulu' });
    const js = await jsContext.newPage();
    await js.goto(ui('/events'));
    // The page's script tells the server the zone (a cookie) once it runs, after the first paint.
    await hydrated(js);
    await js.goto(ui(`${eventPath}?occurrence=2027-03-09T18%3A00&slot=1`));
    await hydrated(js);
    await expect(js.locator('.ldn-event__time')).toContainText('21:00');
    await expectAccessible(js);
    await jsContext.close();

    // 5. The organizer sees the private registrant, marked private.
    await admin.goto(ui(`${eventPath}?occurrence=2027-03-09T18%3A00&slot=1`));
    await hydrated(admin);
    await expect(admin.locator('.ldn-event-organize__registrants')).toContainText(name);
    await expectAccessible(admin);
  });
}
