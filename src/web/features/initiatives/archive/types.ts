// The archive of past initiatives as the API answers it (src/server/features/initiatives/archive-service.ts).
export interface ArchivedInitiative {
  id: string;
  title: string;
  summary: string;
  stage: 'archived' | 'discontinued';
  ended: 'completed' | 'discontinued';
  outcome: 'met' | 'partly_met' | 'not_met' | null;
  languages: string[];
  regions: string[];
  skills: string[];
  communities: { slug: string; name: string }[];
  leads: { username: string; displayName: string }[];
  createdAt: string;
  endedAt: string;
  evaluated: boolean;
  goals: { met: number; partlyMet: number; notMet: number };
  reachedTotal: number;
  people: number;
  lessonsExcerpt: string;
  documentation: string[];
}
