// What may be announced on the network's Telegram channel. Each feature that has something to announce
// registers its event here from its register<Feature>() (the admin page lists only registered events), then
// calls announce() from the public module inside the transaction that creates the item. Event names are
// snake_case. Updates register `update`, debates `debate`, initiatives `call` (each in its index.ts); events
// add `event_reminder`.

export interface TelegramEventDef {
  /** Message key of the event's name on the admin page ("A new debate"). */
  labelKey: string;
  /**
   * Message key of the post's first line; its parameters are the `params` the feature passes to announce().
   * The item's title and link follow on lines of their own.
   */
  headingKey: string;
}

const registry = new Map<string, TelegramEventDef>();

/** The order events are listed in, whatever order features load in; others follow by name. */
const ORDER = ['update', 'call', 'debate', 'event_reminder'];

/** Registers an event; answers a function that takes it back out (for tests). */
export function registerTelegramEvent(name: string, def: TelegramEventDef): () => void {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Telegram event names are snake_case: ${name}`);
  registry.set(name, def);
  return () => {
    if (registry.get(name) === def) registry.delete(name);
  };
}

export const telegramEvent = (name: string): TelegramEventDef | undefined => registry.get(name);

export function telegramEvents(): string[] {
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return [...registry.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
