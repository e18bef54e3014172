// Kinds of groups: the four affiliate kinds and non-affiliate groups. Names are interface messages.
export const COMMUNITY_KINDS = ['chapter', 'thematic_organization', 'user_group', 'hub', 'group'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export const isCommunityKind = (v: string): v is CommunityKind => (COMMUNITY_KINDS as readonly string[]).includes(v);
export const kindMessageKey = (kind: string): string => `communities-kind-${kind.replace(/_/g, '-')}`;
