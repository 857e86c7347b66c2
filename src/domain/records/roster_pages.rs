//! How sign-ins are kept on the tablet: one event's sign-ins in pages of at most
//! [`PAGE_ENTRIES`], each page one stored value whose lines are the entries' stored JSON texts.
//!
//! Reading 100,000 sign-ins as 1,000-odd values rather than 100,000 halves the time the browser
//! takes to hand them over; a page small enough to rewrite keeps a sign-in at a crowded event
//! quick to store (a new one goes to the event's last page). This module only edits text; the
//! storage adapter reads and writes the pages. Stored JSON is one line: its escapes leave no raw
//! line break inside.

use crate::domain::ids::{EventId, RosterEntryId};
use std::collections::HashMap;

/// Most sign-ins one page holds (about 30 KB of text).
pub const PAGE_ENTRIES: usize = 100;

/// The line break between a page's entries.
const LINE_BREAK: char = '\n';

/// The key of `event`'s page number `page`: the event, then the number in six digits, so one
/// event's pages are one key range, in order.
pub fn page_key(event: &str, page: u32) -> String {
    format!("{event}/{page:06}")
}

/// The first key of `event`'s pages, and the end of their range (exclusive).
pub fn event_range(event: EventId) -> (String, String) {
    (format!("{event}/"), format!("{event}0"))
}

/// The event and page number of a page key.
pub fn parse_page_key(key: &str) -> Option<(&str, u32)> {
    let (event, page) = key.rsplit_once('/')?;
    Some((event, page.parse().ok()?))
}

/// The entries of a page's text, one per line.
pub fn page_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(LINE_BREAK).filter(|line| !line.is_empty())
}

/// A page's text from its entries.
pub fn page_text<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for line in lines {
        if !text.is_empty() {
            text.push(LINE_BREAK);
        }
        text.push_str(line);
    }
    text
}

/// An entry's text as one line. The app's stored JSON holds no raw line break; in any JSON that
/// does (written by hand, pretty-printed) a raw line break can only stand between tokens, so it
/// becomes a space and the JSON reads the same.
pub fn as_line(text: String) -> String {
    if text.contains(['\n', '\r']) {
        text.replace(['\n', '\r'], " ")
    } else {
        text
    }
}

/// The few fields page keeping needs from an entry's text, read without the rest.
#[derive(serde::Deserialize)]
struct LineFacts {
    id: Option<String>,
    event_id: Option<String>,
    #[serde(default)]
    deleted: bool,
}

fn facts(line: &str) -> Option<LineFacts> {
    serde_json::from_str(line).ok()
}

/// The entry ID a line holds, if it can be read. The app writes an entry's ID first
/// (`{"id":"<uuid>",`), which is read without parsing the rest; any other line is parsed.
pub fn line_id(line: &str) -> Option<RosterEntryId> {
    const START: &str = "{\"id\":\"";
    let written_first = line
        .strip_prefix(START)
        .and_then(|rest| rest.get(..37))
        .filter(|id| id.ends_with('"'))
        .and_then(|id| RosterEntryId::parse(&id[..36]));
    written_first.or_else(|| facts(line)?.id.as_deref().and_then(RosterEntryId::parse))
}

/// The revision a line's entry says it is (0 if it cannot be read). Read on its own, so a
/// revision of another form (a newer layout's) never hides a line's other facts.
fn line_revision(line: &str) -> u32 {
    #[derive(serde::Deserialize)]
    struct Revision {
        #[serde(default)]
        revision: u32,
    }
    serde_json::from_str::<Revision>(line).map_or(0, |facts| facts.revision)
}

/// The event a line's entry belongs to, as written in it.
pub fn line_event(line: &str) -> Option<String> {
    facts(line)?.event_id
}

/// Whether a line holds a removed sign-in (a readable line saying `deleted`).
pub fn line_is_removed(line: &str) -> bool {
    facts(line).is_some_and(|facts| facts.deleted)
}

/// Whether a line holds a live (not removed) sign-in. A line that cannot be read is not counted,
/// as it cannot be shown either.
pub fn line_is_live(line: &str) -> bool {
    facts(line).is_some_and(|facts| !facts.deleted)
}

/// Where a new entry goes, given the event's last page (its number and text), if any: that page
/// if it has room, else a new page after it. Returns the page's number and its new text.
pub fn append(last: Option<(u32, &str)>, line: &str) -> (u32, String) {
    match last {
        Some((page, text)) if page_lines(text).count() < PAGE_ENTRIES => {
            let mut text = page_text(page_lines(text));
            if !text.is_empty() {
                text.push(LINE_BREAK);
            }
            text.push_str(line);
            (page, text)
        }
        Some((page, _)) => (page + 1, line.to_string()),
        None => (0, line.to_string()),
    }
}

/// One event's pages, read whole, for changes that may touch any entry (an edit, a removal, an
/// import); [`EventPages::changes`] says which pages to write.
#[derive(Debug, Clone, Default)]
pub struct EventPages {
    pages: Vec<Page>,
    /// Where each readable entry's line is: page and line index.
    places: HashMap<RosterEntryId, (usize, usize)>,
    /// How the live count changed with the puts and removals made since reading.
    live_change: i64,
    /// Whether the stored count cannot be trusted (an ID was found twice and repaired).
    recount: bool,
}

#[derive(Debug, Clone)]
struct Page {
    number: u32,
    /// A stored value that is not text (no build writes one): kept as it is, never added to.
    sealed: bool,
    /// The lines; `None` for an entry taken out (so the places of the others stay valid).
    lines: Vec<Option<String>>,
    changed: bool,
}

impl EventPages {
    /// The pages as stored: each page's number and text (`None`: a value that is not text), in
    /// any order.
    pub fn read(stored: Vec<(u32, Option<String>)>) -> Self {
        let mut pages: Vec<Page> = stored
            .into_iter()
            .map(|(number, text)| Page {
                number,
                sealed: text.is_none(),
                lines: page_lines(text.as_deref().unwrap_or_default())
                    .map(|line| Some(line.to_string()))
                    .collect(),
                changed: false,
            })
            .collect();
        crate::domain::sort::sort_by_key(&mut pages, |page| page.number);
        let mut stored = Self {
            pages,
            ..Self::default()
        };
        for p in 0..stored.pages.len() {
            for l in 0..stored.pages[p].lines.len() {
                let Some(id) = stored.pages[p].lines[l].as_deref().and_then(line_id) else {
                    continue;
                };
                let Some((q, m)) = stored.places.insert(id, (p, l)) else {
                    continue;
                };
                // The same entry twice (no build writes it so): the higher revision stays, and
                // the other line goes, so edits and removals reach the one copy there is.
                let revision = |(p, l): (usize, usize)| {
                    stored.pages[p].lines[l].as_deref().map_or(0, line_revision)
                };
                let (keep, drop) = if revision((q, m)) > revision((p, l)) {
                    ((q, m), (p, l))
                } else {
                    ((p, l), (q, m))
                };
                stored.places.insert(id, keep);
                stored.pages[drop.0].lines[drop.1] = None;
                stored.pages[drop.0].changed = true;
                stored.recount = true;
            }
        }
        stored
    }

    /// The stored text of entry `id`, if the event has it.
    pub fn find(&self, id: RosterEntryId) -> Option<&str> {
        let (p, l) = *self.places.get(&id)?;
        self.pages[p].lines[l].as_deref()
    }

    /// Stores `line` as entry `id`: in place of the entry's line if it has one, else after the
    /// last entry (in a new page when the last is full).
    pub fn put(&mut self, id: RosterEntryId, line: String) {
        let line = as_line(line);
        self.live_change += i64::from(line_is_live(&line));
        if let Some(&(p, l)) = self.places.get(&id) {
            let before = self.pages[p].lines[l].replace(line);
            self.live_change -= i64::from(before.is_some_and(|b| line_is_live(&b)));
            self.pages[p].changed = true;
            return;
        }
        let room = self
            .pages
            .last()
            .is_some_and(|page| !page.sealed && page.lines.len() < PAGE_ENTRIES);
        if !room {
            let number = self.pages.last().map_or(0, |page| page.number + 1);
            self.pages.push(Page {
                number,
                sealed: false,
                lines: Vec::new(),
                changed: true,
            });
        }
        let p = self.pages.len() - 1;
        let page = &mut self.pages[p];
        page.lines.push(Some(line));
        page.changed = true;
        self.places.insert(id, (p, page.lines.len() - 1));
    }

    /// Takes entry `id` out (an import undone); nothing if the event does not have it.
    pub fn remove(&mut self, id: RosterEntryId) {
        if let Some((p, l)) = self.places.remove(&id) {
            let before = self.pages[p].lines[l].take();
            self.live_change -= i64::from(before.is_some_and(|b| line_is_live(&b)));
            self.pages[p].changed = true;
        }
    }

    /// Every entry's line, page by page.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.pages
            .iter()
            .flat_map(|page| page.lines.iter().filter_map(|line| line.as_deref()))
    }

    /// How many live sign-ins the event has, counted line by line.
    pub fn live_count(&self) -> usize {
        self.lines().filter(|line| line_is_live(line)).count()
    }

    /// How many live sign-ins the event has after the changes made, given the count stored with
    /// the pages as read: that count moved by the changes, or every line counted when there is
    /// none (or it cannot be trusted), so an edit at a crowded event reads only the lines it
    /// changes.
    pub fn live_count_after(&self, stored: Option<usize>) -> usize {
        match stored.filter(|_| !self.recount) {
            Some(count) => (count as i64 + self.live_change).max(0) as usize,
            None => self.live_count(),
        }
    }

    /// The pages changed: each one's number and its new text, or `None` for a page left empty
    /// (to delete).
    pub fn changes(&self) -> Vec<(u32, Option<String>)> {
        self.pages
            .iter()
            .filter(|page| page.changed)
            .map(|page| {
                let text = page_text(page.lines.iter().filter_map(|line| line.as_deref()));
                (page.number, (!text.is_empty()).then_some(text))
            })
            .collect()
    }
}

/// Pages (key and text) and live counts (event key and count) made from the layout before pages.
pub type MovedRoster = (Vec<(String, String)>, Vec<(String, usize)>);

/// Sign-ins as the layout before pages kept them (one value per key `live/<event>/<entry>` or
/// `removed/<event>/<entry>`), regrouped into pages: each page's key and text, and each event's
/// live count (its lines that read as live sign-ins, as every later write counts). Every value
/// is kept, in key order; one whose key names no event goes under the event its text names,
/// else under `unfiled`. Takes the texts by value, so they are moved rather than copied.
pub fn pages_from_entry_keys(stored: Vec<(String, String)>) -> MovedRoster {
    let mut by_event: Vec<(String, Vec<String>, usize)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (key, text) in stored {
        let mut parts = key.splitn(3, '/');
        let (kind, event) = (parts.next(), parts.next().filter(|e| !e.is_empty()));
        let event = match (kind, event) {
            (Some("live" | "removed"), Some(event)) if parts.next().is_some() => event.to_string(),
            _ => line_event(&text).unwrap_or_else(|| "unfiled".to_string()),
        };
        let at = *index.entry(event.clone()).or_insert_with(|| {
            by_event.push((event, Vec::new(), 0));
            by_event.len() - 1
        });
        let line = as_line(text);
        by_event[at].2 += usize::from(line_is_live(&line));
        by_event[at].1.push(line);
    }
    let mut pages = Vec::new();
    let mut counts = Vec::new();
    for (event, lines, live) in by_event {
        for (number, chunk) in lines.chunks(PAGE_ENTRIES).enumerate() {
            let text = page_text(chunk.iter().map(String::as_str));
            pages.push((page_key(&event, number as u32), text));
        }
        counts.push((event, live));
    }
    (pages, counts)
}
