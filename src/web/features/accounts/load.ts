// Data of the settings page, through the same JSON API scripts use. Signed-out visitors load nothing: the
// page asks them to log in instead of failing with a 401.
import type { Api } from '../../api';
import type { LoadContext } from '../../state';

export interface Account {
  id: string;
  username: string;
  email: string | null;
  hasPassword: boolean;
  wikimediaUsername: string | null;
}

export interface SessionItem {
  id: string;
  device: string;
  userAgent: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface TokenItem {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface List<T> {
  items: T[];
  next: string | null;
}

export interface SettingsData {
  account: Account;
  sessions: SessionItem[];
  tokens: TokenItem[];
}

export const fetchSessions = async (api: Api) => (await api.get<List<SessionItem>>('/me/sessions?limit=100')).items;
export const fetchTokens = async (api: Api) => (await api.get<List<TokenItem>>('/me/tokens?limit=100')).items;

export async function loadSettings({ api, state }: LoadContext): Promise<SettingsData | null> {
  if (!state.user) return null;
  const [account, sessions, tokens] = await Promise.all([api.get<Account>('/me/account'), fetchSessions(api), fetchTokens(api)]);
  return { account, sessions, tokens };
}
