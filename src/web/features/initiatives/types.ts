// Initiatives as the API answers them (src/server/features/initiatives/schema.ts).
import type { Phase, Stage } from '../../../contracts/initiatives';
import type { HiddenState } from '../moderation';

export interface Person {
  username: string;
  displayName: string;
}

export interface InitiativeItem {
  id: string;
  title: string;
  summary: string;
  summaryText: string;
  stage: Stage;
  phase: Phase | null;
  languages: string[];
  regions: string[];
  skills: string[];
  communities: { slug: string; name: string }[];
  leads: Person[];
  supporters: number;
  seekingLead: boolean;
  quiet: boolean;
  call: 'none' | 'open' | 'closed';
  openPlaces: number;
  createdAt: string;
  endedAt: string | null;
  outcome: 'met' | 'partly_met' | 'not_met' | null;
}

export interface Signup {
  id: string;
  jobId: string | null;
  person: Person | null;
  message: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn';
  createdAt: string;
}

export interface Job {
  id: string;
  title: string;
  description: string;
  places: number;
  filled: number;
  open: number;
  waiting: number;
  skills: string[];
  commitment: string;
  accepted: Person[];
}

export interface Call {
  goals: string[];
  start: string;
  end: string;
  deadline: string;
  howToJoin: string;
  status: 'open' | 'closed';
  closedReason: 'full' | 'deadline' | null;
  openedAt: string;
  jobs: Job[];
  helpers: Person[];
  waiting: number;
}

export interface Evaluation {
  outcomes: { goal: string; result: 'met' | 'partly_met' | 'not_met'; note: string }[];
  reached: { region: string; language: string; count: number }[];
  reachedTotal: number;
  lessons: string;
  lessonsHtml: string;
  differently: string;
  differentlyHtml: string;
  documentation: string[];
  followUp: string | null;
  updatedAt: string;
}

export interface InitiativeDetail extends InitiativeItem {
  /** Hidden by moderation: the reason; its text then comes only to its author, leads and moderators. */
  hidden: HiddenState | null;
  problem: string;
  audience: string;
  summaryHtml: string;
  problemHtml: string;
  audienceHtml: string;
  author: Person | null;
  supported: boolean;
  lastActivityAt: string;
  callDetail: Call | null;
  mySignups: Signup[];
  waitingList: Signup[];
  leadRequests: { id: string; kind: 'invitation' | 'volunteer'; person: Person | null; message: string; createdAt: string }[];
  updates: { id: string; title: string; bodyHtml: string; hidden: HiddenState | null; author: Person | null; createdAt: string }[];
  links: { id: string; kind: 'event' | 'training' | 'course' | 'other'; title: string; url: string }[];
  grants: { id: string; program: string; amount: string; currency: string; status: string; url: string | null }[];
  checklist: { phase: Phase; guide: string; items: { id: string; text: string; language: string; checked: boolean }[] }[];
  evaluation: Evaluation | null;
  can: { edit: boolean; lead: boolean; support: boolean; signUp: boolean; volunteer: boolean; stepDown: boolean; moves: Stage[] };
}

export interface Page<T> {
  items: T[];
  next: string | null;
}
