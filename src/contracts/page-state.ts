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

/**
 * A form sent without JavaScript and refused: the page is rendered again with what was typed (never a password)
 * and why, for the form whose hidden `_form` field names it (pages/forms.ts).
 */
export interface FormEcho {
  form: string;
  status: number;
  /** The refusal in general (a problem's detail or title), shown above the form when no field names it. */
  message: string;
  /** Messages by field name. */
  errors: Record<string, string>;
  values: Record<string, string>;
}

export interface PageState {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The zone times are shown in (the person's, or the browser's from the tz cookie; UTC until known). */
  timeZone: string;
  user: PageUser | null;
  /** Features whose buttons depend on configuration. */
  features: { wikimediaLogin: boolean };
  /**
   * Where the browser fetches all of the interface language's messages (cached for good: the name holds a hash),
   * when it needs more than the page's own: on leaving the page, on the visitor's first touch or key, or when
   * something shows a message the page did not.
   */
  messagesUrl: string;
  /**
   * The messages the page showed as the server rendered it, sent with it so it paints and hydrates without
   * waiting for the language's file (about 140 KB in English before compression).
   */
  messages?: Record<string, string>;
  /** Loader results keyed by route path. */
  data: Record<string, unknown>;
  /** HTTP status the page was rendered with (404 pages keep it on the client). */
  status: number;
  /**
   * The CSRF token of the page's forms (their hidden `_csrf` field). The server renders a stand-in and puts the
   * token in, masked, as it sends the page, so kept pages serve everyone (http/csrf.ts).
   */
  csrf: string;
  /**
   * A random key made afresh for each answer (a stand-in put in as the page is sent, like `csrf`): the page's
   * forms send it, with the form's name, as their `_idempotency` field, so sending one form again (the browser's
   * "resend", a double click) creates nothing twice (the server's http/idempotency.ts).
   */
  formKey: string;
  /** A refused form's echo, when the page answers a form sent without JavaScript. */
  form?: FormEcho;
  /**
   * A notice above the page, as HTML the server makes from its own messages (pages/notices.ts): the language just
   * chosen in the footer, with an undo. Made there so the layout's JavaScript stays small.
   */
  notice?: string;
}

/**
 * The layout's forms (the footer's languages, the account menu's log-out) are on every page. Their CSRF field is
 * not inside them but at the end of the document (`<input form="…">`), after the state: so everything that changes
 * from one answer of a kept page to the next is in its last few hundred bytes, which the server splices into a
 * compressed page made once (pages/plugin.ts). `tokenFieldId` is that field's id.
 */
export const LAYOUT_FORMS = ['ldn-langs', 'ldn-logout'] as const;
export type LayoutForm = (typeof LAYOUT_FORMS)[number];
export const tokenFieldId = (form: LayoutForm) => `${form}-csrf`;
