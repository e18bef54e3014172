import { describe, expect, it } from 'vitest';
import Parser from 'wikiparser-node';
import { testApp, unique } from '../../../testing/harness';
import { TestClient } from '../../../testing/client';
import { csvField } from './formats';
import { group, idea, openCall, someone, type Person } from '../testing';

const nasty = 'Line [[Evil]] {{Delete}} <script>x</script> | == not a heading == & more';

/** An archived initiative with a call, accepted people, grants, links, updates and an evaluation. */
async function finished(lead: Person, extra: Record<string, unknown> = {}) {
  const app = lead.app;
  const g = await group(app, 'LAC');
  const i = await idea(lead, {
    title: unique('Circles "quoted", comma '),
    regions: ['LAC'],
    languages: ['pt-br'],
    communities: [g.slug],
    skills: ['mentoring'],
    ...extra,
  });
  const call = await openCall(lead, i.id);
  const mentee = await someone(app, 'Mentor ');
  const s = await mentee.post(`/api/v1/initiatives/${i.id}/jobs/${call.jobs[0]!.id}/signups`, {});
  await lead.post(`/api/v1/initiatives/${i.id}/signups/${s.body.id}/accept`);
  await lead.post(`/api/v1/initiatives/${i.id}/updates`, { title: 'First session', body: nasty });
  await lead.post(`/api/v1/initiatives/${i.id}/links`, {
    kind: 'course',
    title: 'Course on WikiLearn',
    url: 'https://wikilearn.wikimedia.org/courses/course-v1:WMF+L1+2024/',
  });
  await lead.post(`/api/v1/initiatives/${i.id}/grants`, {
    program: 'rapid_fund',
    amount: 1200,
    currency: 'BRL',
    status: 'funded',
    url: 'https://meta.wikimedia.org/wiki/Grants:Rapid/Circles',
  });
  for (const stage of ['active', 'evaluating']) await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage });
  const ev = await lead.put(`/api/v1/initiatives/${i.id}/evaluation`, {
    outcomes: [
      { goal: 'Train ten new organizers', result: 'met' },
      { goal: 'Write a guidebook', result: 'not_met', note: '=1+1' },
    ],
    reached: [
      { region: 'LAC', language: 'pt-br', count: 9 },
      { region: 'LAC', language: 'es', count: 3 },
    ],
    lessons: nasty,
    documentation: ['https://meta.wikimedia.org/wiki/Circles/Report'],
  });
  expect(ev.status, ev.text).toBe(200);
  await lead.post(`/api/v1/initiatives/${i.id}/stage`, { stage: 'archived' });
  return { ...i, mentee, group: g };
}

interface Node {
  level: number;
  innerText: string;
  subtype: string;
  link: string;
  querySelectorAll(selector: string): unknown[];
}
/** The parser's tokens matching a selector, with the few properties the test reads. */
const q = (parent: { querySelectorAll(selector: string): unknown[] }, selector: string) =>
  parent.querySelectorAll(selector) as Node[];

/** Removes the <nowiki> spans: what is left is the markup the export itself writes. */
const markupOnly = (text: string) => text.replace(/<nowiki>[\s\S]*?<\/nowiki>/g, '');

describe('wikitext export', () => {
  it('parses into the expected headings, lists, links and a table of the jobs and the people, with typed text kept literal', async () => {
    const app = await testApp();
    const lead = await someone(app, 'Lead ');
    const i = await finished(lead);
    const res = await new TestClient(app).get(`/initiatives/${i.id}/export.wikitext`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.headers['content-disposition']).toContain(`initiative-${i.id}.wikitext`);
    const root = Parser.parse(res.text);
    const plain = (x: string) =>
      x
        .replace(/<\/?nowiki>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&amp;/g, '&')
        .trim();
    const headings = q(root, 'heading').map((h) => [h.level, plain(h.innerText)] as const);
    const titles = headings.map(([, t]) => t);
    for (const t of [
      'Overview',
      'Call for collaborators',
      'Goals',
      'Jobs and people',
      'Progress updates',
      'Events, trainings and courses',
      'Grants',
      'Evaluation',
      'Outcome against each goal',
      'Lessons learned',
      'Documentation',
    ]) {
      expect(titles, t).toContain(t);
    }
    expect(headings).toContainEqual([2, 'Evaluation']);
    expect(headings).toContainEqual([3, 'Lessons learned']);
    // The jobs and the people as a table: a header row, then a row per job with the people accepted.
    const tables = q(root, 'table').map((t) => q(t, 'tr').map((r) => q(r, 'td').map((c) => plain(c.innerText))));
    const headers = q(q(root, 'table')[0]!, 'td')
      .filter((c) => c.subtype === 'th')
      .map((c) => plain(c.innerText));
    expect(headers).toEqual(['What is to be done', 'People wanted', 'Filled', 'People']);
    expect(tables[0]![0]).toEqual(['Mentor', '2', '1', expect.stringContaining(i.mentee.username)]);
    expect(tables[1]!.map((r) => r[2])).toEqual(['9', '3']);
    // Links: the initiative, the grant page, the leads' user pages on Meta.
    const ext = q(root, 'ext-link').map((l) => String(l.link));
    expect(ext).toContain(`${app.deps.config.baseUrl}/initiatives/${i.id}`);
    expect(ext).toContain('https://meta.wikimedia.org/wiki/Grants:Rapid/Circles');
    expect(ext).toContain('https://meta.wikimedia.org/wiki/Circles/Report');
    const wikilinks = q(root, 'link').map((l) => String(l.link));
    expect(wikilinks).toEqual([`M:User:${lead.username.replace(/ /g, '_')}`]);
    // Lists: the facts about it, the goals, the outcomes.
    expect(root.querySelectorAll('list').length).toBeGreaterThanOrEqual(8);
    expect(res.text).toContain('* Status: Archived');
    // Nothing people typed became a template, a link or a tag.
    expect(root.querySelectorAll('template')).toHaveLength(0);
    // What people typed never becomes markup: outside <nowiki> there is no link, template, tag or heading of theirs
    // (their Markdown goes through the converter, which escapes what would be markup).
    const own = markupOnly(res.text);
    expect(own).not.toContain('[[Evil');
    expect(own).not.toContain('{{');
    expect(own).not.toContain('<script');
    expect(titles.filter((t) => t.includes('not a heading'))).toEqual([]);
    expect(res.text).toContain(
      'Line &#91;&#91;Evil&#93;&#93; &#123;&#123;Delete&#125;&#125; &lt;script>x&lt;/script> | == not a heading == & more',
    );
    // In another interface language the headings follow it.
    const fr = await new TestClient(app).get(`/initiatives/${i.id}/export.wikitext?uselang=fr`);
    expect(q(Parser.parse(fr.text), 'heading').map((h) => h.innerText.trim())).toContain('Subventions');
    expect((await new TestClient(app).get('/initiatives/999999999/export.wikitext')).status).toBe(404);
  });

  it("carries the formatting of Markdown people wrote, its headings under the export's own", async () => {
    const app = await testApp();
    const lead = await someone(app, 'Lead ');
    const i = await finished(lead);
    const body = '## Next steps\n\nWe met **twice**:\n\n- in *March*\n- in [April](https://example.org/april)';
    expect((await lead.post(`/api/v1/initiatives/${i.id}/updates`, { title: 'Second session', body })).status).toBe(
      201,
    );
    const res = await new TestClient(app).get(`/initiatives/${i.id}/export.wikitext`);
    expect(res.text).toContain(
      "===== Next steps =====\n\nWe met '''twice''':\n\n* in ''March''\n* in [https://example.org/april April]",
    );
    const root = Parser.parse(res.text);
    expect(q(root, 'heading').map((h) => [h.level, h.innerText.trim()])).toContainEqual([5, 'Next steps']);
  });
});

/** A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let n = text.charCodeAt(0) === 0xfeff ? 1 : 0; n < text.length; n++) {
    const c = text[n];
    if (quoted) {
      if (c === '"' && text[n + 1] === '"') {
        field += '"';
        n++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[n + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      n++;
    } else field += c;
  }
  return rows;
}

describe('archive downloads', () => {
  it('exports the archive as CSV, quoted and safe from formulas, and as JSON, with the archive’s filters', async () => {
    const app = await testApp();
    const lead = await someone(app, 'Lead ');
    const i = await finished(lead);
    const other = await finished(lead, { title: unique('Elsewhere '), regions: ['SA'], languages: ['hi'] });
    const anon = new TestClient(app);
    const res = await anon.get(`/initiatives/archive.csv?community=${i.group.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = readCsv(res.text);
    const header = rows[0]!;
    expect(header.slice(0, 5)).toEqual(['id', 'url', 'title', 'stage', 'outcome']);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(header.map((h, n) => [h, rows[1]![n]]));
    expect(row).toMatchObject({
      id: i.id,
      title: i.title,
      stage: 'archived',
      outcome: 'partly_met',
      regions: 'LAC',
      languages: 'pt-br',
      reached_total: '12',
    });
    expect(row.goals).toBe('Train ten new organizers: met; Write a guidebook: not_met');
    expect(row.lessons).toBe(nasty);
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('-2+3')).toBe('"\'-2+3"');
    expect(csvField('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvField('plain')).toBe('"plain"');

    const json = await anon.get('/initiatives/archive.json?region=SA');
    expect(json.status).toBe(200);
    const ids = json.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(other.id);
    expect(ids).not.toContain(i.id);
    const item = json.body.items.find((x: { id: string }) => x.id === other.id);
    expect(item).toMatchObject({
      stage: 'archived',
      regions: ['SA'],
      evaluation: { reachedTotal: 12, documentation: ['https://meta.wikimedia.org/wiki/Circles/Report'] },
    });
    expect(item.call.jobs[0]).toMatchObject({ title: 'Mentor', places: 2, filled: 1 });
    expect(item.grants).toEqual([
      {
        program: 'rapid_fund',
        amount: '1200.00',
        currency: 'BRL',
        status: 'funded',
        url: 'https://meta.wikimedia.org/wiki/Grants:Rapid/Circles',
      },
    ]);
    expect((await anon.get('/initiatives/archive.json?region=Mars')).status).toBe(400);
  });

  it('searches and filters the archive by year and outcome; an archived initiative stays readable', async () => {
    const app = await testApp();
    const lead = await someone(app, 'Lead ');
    const i = await finished(lead, { title: unique('Searchable circles ') });
    const anon = new TestClient(app);
    const year = new Date().getUTCFullYear();
    const ids = async (q: string) =>
      (await anon.get(`/api/v1/initiatives/archive?${q}&limit=100`)).body.items.map((x: { id: string }) => x.id);
    expect(await ids(`q=${encodeURIComponent(i.title.slice(0, 24))}`)).toEqual([i.id]);
    expect(await ids(`year=${year}&outcome=partly_met&skill=mentoring`)).toContain(i.id);
    expect(await ids('outcome=discontinued')).not.toContain(i.id);
    expect(await ids(`year=${year - 3}`)).not.toContain(i.id);
    expect((await anon.get('/api/v1/initiatives/archive?outcome=great')).status).toBe(400);
    expect((await anon.get(`/api/v1/initiatives/${i.id}`)).body).toMatchObject({
      stage: 'archived',
      evaluation: { reachedTotal: 12 },
    });
  });
});
