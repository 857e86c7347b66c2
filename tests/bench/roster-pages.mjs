// Sign-ins laid out as the app stores them (src/domain/records/roster_pages.rs): each event's
// entries in pages of at most 100 lines of JSON, keyed `<event>/<page, 6 digits>`, and each
// event's live count in `roster_live`. For the benchmarks, which write straight into IndexedDB.

/** Most entries one page holds (`PAGE_ENTRIES`). */
export const PAGE_ENTRIES = 100;

/** The pages (`[key, text]`) and live counts (`[event, count]`) of `entries` (`[event, json]`,
 * all live), numbering each event's pages from `firstPage` and adding `countBefore` to its count
 * (for sign-ins added to an event whose first pages are stored already). */
export function rosterPages(entries, { firstPage = 0, countBefore = 0 } = {}) {
  const byEvent = new Map();
  for (const [event, json] of entries) {
    if (!byEvent.has(event)) byEvent.set(event, []);
    byEvent.get(event).push(json);
  }
  const pages = [];
  const counts = [];
  for (const [event, lines] of byEvent) {
    for (let start = 0, page = firstPage; start < lines.length; start += PAGE_ENTRIES, page++) {
      pages.push([`${event}/${String(page).padStart(6, '0')}`, lines.slice(start, start + PAGE_ENTRIES).join('\n')]);
    }
    counts.push([event, countBefore + lines.length]);
  }
  return { pages, counts };
}
