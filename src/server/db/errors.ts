// Database error codes read the same way from pg and PGlite.
export const isUniqueViolation = (err: unknown, constraint?: string): boolean => {
  const e = err as { code?: string; constraint?: string } | null;
  return !!e && e.code === '23505' && (!constraint || e.constraint === constraint);
};

/**
 * A data exception (SQLSTATE class 22: a value out of range, a malformed date or number, a character the
 * encoding cannot hold) or a program limit hit by a value (54000: text too long for an index row or a search
 * vector): the request's input was at fault, not the server. Its code, or null.
 */
export const inputFaultCode = (err: unknown): string | null => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22[0-9A-Z]{3}|54000)$/.test(code) ? code : null;
};
