/** A document title: '<page> – <site name>', or the site name alone. */
export function fullTitle(page: string, siteName: string): string {
  return page && page !== siteName ? `${page} – ${siteName}` : siteName;
}
