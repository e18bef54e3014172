// The Bot API's sendMessage, with a timeout. It answers the message's id only when Telegram says ok:true;
// an error answer, an unreadable one or no connection throws, so the job queue retries. Error messages never
// hold the bot token (it is part of the request's address).

export class TelegramError extends Error {}

export interface SendMessage {
  apiBase: string;
  botToken: string;
  chatId: string;
  text: string;
  timeoutMs?: number;
}

/** Removes the token from any text, and keeps it short enough to show. */
export function scrub(text: string, token: string | null): string {
  const clean = token ? text.split(token).join('[token]') : text;
  return clean.length > 500 ? `${clean.slice(0, 499)}…` : clean;
}

const describe = (err: unknown): string => {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'no answer from the Bot API in time';
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `no connection to the Bot API${cause ? ` (${cause})` : ''}`;
};

interface BotAnswer {
  ok?: unknown;
  result?: { message_id?: unknown };
  description?: unknown;
}

function parseAnswer(body: string): BotAnswer | null {
  try {
    const v = JSON.parse(body) as unknown;
    return typeof v === 'object' && v !== null ? (v as BotAnswer) : null;
  } catch {
    return null;
  }
}

export async function sendMessage(m: SendMessage): Promise<{ messageId: number }> {
  const url = `${m.apiBase.replace(/\/+$/, '')}/bot${m.botToken}/sendMessage`;
  let res: Response;
  let body: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      // Plain text (no parse_mode): nothing in a title can be read as markup; Telegram links the address.
      body: JSON.stringify({ chat_id: m.chatId, text: m.text }),
      signal: AbortSignal.timeout(m.timeoutMs ?? 10_000),
      redirect: 'error',
    });
    body = await res.text();
  } catch (err) {
    throw new TelegramError(scrub(describe(err), m.botToken));
  }
  const answer = parseAnswer(body);
  if (answer?.ok === true && typeof answer.result?.message_id === 'number')
    return { messageId: answer.result.message_id };
  const description = typeof answer?.description === 'string' ? `: ${answer.description}` : '';
  throw new TelegramError(scrub(`the Bot API answered ${res.status}${description}`, m.botToken));
}
