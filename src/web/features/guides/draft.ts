// The guided start's first summary, drafted from the answers: each answer becomes a clause of one sentence, so
// its own line breaks and closing punctuation go ("…once a year." would read "…once a year., who face…").

/** Closing punctuation an answer may end with, in the interface's scripts (Latin, Arabic, Devanagari, CJK). */
const CLOSING = /[\s.,;:!?…。．，；：！？؟،؛۔।]+$/u;

/** An answer as a clause inside a sentence: on one line, without its own closing punctuation. */
export const clause = (answer: string): string => answer.replace(/\s+/g, ' ').trim().replace(CLOSING, '');
