//! Writes the panels' states into the page URL once per frame, after it has
//! been drawn. `history.replaceState` right after a step forces the browser to
//! lay out the freshly changed page at once, once per panel; after the frame
//! the layout is already done and the write is cheap, and the panels of a
//! group share one address write.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// The page the writes are for (its path), and each key's latest value.
type Pending = (String, Vec<(String, Option<String>)>);

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::default();
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Sets (or with `None`, removes) `key` in the page URL's query after the
/// next frame; a later value for the same key replaces an earlier one.
pub fn write_later(key: &str, value: Option<String>) {
    let page = pathname();
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if p.0 != page {
            *p = (page, Vec::new());
        }
        match p.1.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value,
            None => p.1.push((key.to_string(), value)),
        }
    });
    if !SCHEDULED.with(|s| s.replace(true)) {
        request_animation_frame(|| set_timeout(flush, Duration::ZERO));
    }
}

/// Writes what is pending now, so the address is current (before a link is
/// copied, say). Writes meant for a page the student has left are dropped.
pub fn flush() {
    SCHEDULED.with(|s| s.set(false));
    let (page, writes) = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    if page != pathname() {
        return;
    }
    if !writes.is_empty() {
        write_all(&writes);
    }
}

/// Sets every pending key in one `history.replaceState`: the browser parses
/// and stores the address once per frame, not once per panel.
fn write_all(writes: &[(String, Option<String>)]) {
    let writes: Vec<(&str, Option<&str>)> = writes
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_deref()))
        .collect();
    crate::browser::set_query_values(&writes);
}

fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}
