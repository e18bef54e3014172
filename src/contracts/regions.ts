// The 8 Wikimedia regions. Names are interface messages (`communities-region-<code in lower case>`).
export const REGIONS = ['CEE', 'ESEAP', 'LAC', 'MENA', 'SSA', 'SA', 'NA', 'NWE'] as const;
export type Region = (typeof REGIONS)[number];

export const isRegion = (v: string): v is Region => (REGIONS as readonly string[]).includes(v);
export const regionMessageKey = (code: string): string => `communities-region-${code.toLowerCase()}`;
