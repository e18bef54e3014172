// The starting list of leadership skill tags (from the working group's glossary and LDP Section 1).
// Slugs are stored on profiles; labels are interface messages (`people-skill-<slug with dashes>`).
export const SKILLS = [
  'accountability',
  'adaptability',
  'advocacy',
  'appreciation',
  'boldness',
  'change_management',
  'coaching',
  'commitment',
  'communication',
  'community_outreach_and_organizing',
  'conflict_resolution',
  'conscientiousness',
  'consensus_building',
  'creating_and_delivering_presentations',
  'decision_making',
  'delegation',
  'digital_security',
  'diversity_equity_and_inclusion',
  'empathy',
  'facilitation',
  'fundraising',
  'integrity',
  'mentoring',
  'project_management',
  'public_speaking',
  'self_care_and_burnout_prevention',
  'strategic_thinking',
  'teamwork',
  'trust_building',
  'volunteer_management',
] as const;
export type Skill = (typeof SKILLS)[number];

export const isSkill = (v: string): v is Skill => (SKILLS as readonly string[]).includes(v);
export const skillMessageKey = (slug: string): string => `people-skill-${slug.replace(/_/g, '-')}`;
