// The demo's thirty sources about leadership, facilitation, public speaking, creativity and volunteer
// management, with their reviews (by demo people, named without "(demo)") and a few replies. The works are
// fictional: ISBNs get their check digit computed (isbnOf), DOIs use the test prefix 10.5555, talks and videos
// live on example.org. One Wikimedia Meta page is real.
import type { Judgement, SourceAccess, SourceAuthor, SourceKind } from '../../../contracts/sources';
import type { Skill } from '../../../contracts/skills';

export interface DemoReview {
  by: string;
  judgement: Judgement;
  usefulness: number;
  reasons: string;
  intendedUse: string;
  audience?: string;
  language?: string;
  replies?: { by: string; body: string }[];
}

export interface DemoSource {
  kind: SourceKind;
  title: string;
  authors: SourceAuthor[];
  year: number | null;
  publisher: string | null;
  languages: string[];
  /** Books: the first twelve digits; the check digit is computed. */
  isbn12?: string;
  /** Articles and papers: n in 10.5555/ldn.<n>. */
  doi?: number;
  url?: string;
  access: SourceAccess;
  summary: string;
  skills: Skill[];
  addedBy: string;
  reviews: DemoReview[];
}

/** The ISBN-13 of its first twelve digits. */
export function isbnOf(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

export const person = (family: string, given: string): SourceAuthor => ({ family, given });
export const org = (literal: string): SourceAuthor => ({ literal });
export const demo = (text: string) => `${text}\n\nA demo source: the work is fictional.`;
export const r = (
  by: string,
  judgement: Judgement,
  usefulness: number,
  reasons: string,
  intendedUse: string,
  more: Partial<DemoReview> = {},
): DemoReview => ({ by, judgement, usefulness, reasons, intendedUse, ...more });
