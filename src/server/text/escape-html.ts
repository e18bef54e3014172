// Text for an HTML context (element content or a quoted attribute): the five characters that could end either.
// Kept apart from the Markdown renderer so the start-up page can use it before anything else is loaded.
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
