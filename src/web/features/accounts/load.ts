// Data of the settings page, through the same JSON API scripts use. Signed-out visitors load nothing: the
// page asks them to log in instead of failing with a 401.
import type {
  AccountAnswer,
  SessionItem,
  SessionList,
  TokenItem,
  TokenList,
  WikimediaSignupAnswer,
} from '../../../contracts/accounts';
import type { Api } from '../../api';
import type { LoadContext } from '../../state';

export interface SettingsData {
  account: AccountAnswer;
  sessions: SessionItem[];
  tokens: TokenItem[];
}

export const fetchSessions = async (api: Api) => (await api.get<SessionList>('/me/sessions?limit=100')).items;
export const fetchTokens = async (api: Api) => (await api.get<TokenList>('/me/tokens?limit=100')).items;

export async function loadSettings({ api, state }: LoadContext): Promise<SettingsData | null> {
  if (!state.user) return null;
  const [account, sessions, tokens] = await Promise.all([
    api.get<AccountAnswer>('/me/account'),
    fetchSessions(api),
    fetchTokens(api),
  ]);
  return { account, sessions, tokens };
}

/** A Wikimedia log-in waiting for a username in this session; null when none waits (expired, or signed in). */
export const loadWikimediaSignup = ({ api }: LoadContext): Promise<WikimediaSignupAnswer | null> =>
  api.get<WikimediaSignupAnswer>('/accounts/wikimedia-signup').catch(() => null);
