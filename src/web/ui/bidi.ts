// Names and titles people wrote may run in the other direction than the page (an Arabic name in an English
// sentence, a Latin title in Arabic): inside a message, or an attribute that cannot hold <bdi>, they are wrapped
// in the Unicode first-strong isolate (FSI … PDI), the text form of <bdi>, so their direction stays their own and
// the punctuation around them stays in place.
export const isolate = (s: string): string => `\u2068${s}\u2069`;
