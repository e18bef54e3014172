// What find-a-time's pages share: a slot's time as seen in a zone (weekday, day and time, short enough for a
// grid cell at 360 px), and the answers' symbols, each with its words for screen readers.
import type { PollAnswer } from '../../../../contracts/time-polls';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** An instant (ISO with offset) in a zone: 'Wed 10 Mar, 06:00'. */
export const timeIn = (iso: string, lang: string, timeZone: string): string =>
  formatter(lang, timeZone, true).format(new Date(iso));

/** A slot's range in a zone: 'Tue 9 Mar, 18:00 – 19:00'. */
export const rangeIn = (start: string, end: string, lang: string, timeZone: string): string =>
  `${timeIn(start, lang, timeZone)} – ${formatter(lang, timeZone, false).format(new Date(end))}`;

export const ANSWER_SYMBOL: Record<PollAnswer, string> = { yes: '✓', if_need_be: '(✓)', no: '✗' };
export const ANSWER_KEY: Record<PollAnswer, string> = {
  yes: 'time-polls-answer-yes',
  if_need_be: 'time-polls-answer-if-need-be',
  no: 'time-polls-answer-no',
};

/** 'YYYY-MM-DDTHH:mm' from a date input and a time input. */
export const localOf = (date: string, time: string): string => `${date}T${time}`;
