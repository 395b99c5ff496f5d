/** The cut's address that opens straight into its live session. */
export function sessionLink(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set('live', '1');
  return url.toString();
}
