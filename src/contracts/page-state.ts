// What the server hands the browser with the first paint, so the client hydrates with the same data.
export interface PageUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  timeZone: string | null;
  uiLanguage: string | null;
  /** While moderators suspend the person: until when. */
  suspendedUntil?: string | null;
}

export interface PageState {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The zone times are shown in (the person's, or the browser's from the tz cookie; UTC until known). */
  timeZone: string;
  user: PageUser | null;
  /** Features whose buttons depend on configuration. */
  features: { wikimediaLogin: boolean };
  /** Where the browser fetches the interface language's messages (cached for good: the name holds a hash). */
  messagesUrl: string;
  /** Loader results keyed by route path. */
  data: Record<string, unknown>;
  /** HTTP status the page was rendered with (404 pages keep it on the client). */
  status: number;
}
