//! The browser side of saved progress: `localStorage` as a [`KeyValue`] store, and the
//! one [`ProgressStore`] every quiz component on the page shares.
//!
//! The store is loaded on first use and kept for the life of the page. Components read
//! it with [`with_progress`] (which subscribes them to changes) and change it with
//! [`update_progress`], which saves at once. When another tab saves progress, the
//! window's `storage` event brings its answers into this tab's store.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::progress::{KeyValue, Progress, ProgressStore};

/// A `web_sys::Storage` (normally `localStorage`) as a [`KeyValue`] store. Every call
/// that throws (storage turned off, quota exceeded) comes back as an error message.
#[derive(Clone, Debug)]
pub struct BrowserStorage {
    storage: web_sys::Storage,
}

impl BrowserStorage {
    /// Wraps any `Storage` object.
    pub fn new(storage: web_sys::Storage) -> BrowserStorage {
        BrowserStorage { storage }
    }

    /// The page's `localStorage`. Reading the property itself throws when storage is
    /// turned off, and it is `null` in some sandboxed frames; both are errors.
    pub fn local() -> Result<BrowserStorage, String> {
        let window = web_sys::window().ok_or("no window")?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(BrowserStorage::new(storage)),
            Ok(None) => Err("localStorage is not available".to_string()),
            Err(e) => Err(js_error_text(&e)),
        }
    }
}

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.storage.get_item(key).map_err(|e| js_error_text(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.storage
            .set_item(key, value)
            .map_err(|e| js_error_text(&e))
    }
}

/// A thrown JavaScript value as text: an `Error`'s name and message, or the value.
pub fn js_error_text(value: &JsValue) -> String {
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        let name: String = error.name().into();
        let message: String = error.message().into();
        return format!("{name}: {message}");
    }
    value
        .as_string()
        .unwrap_or_else(|| "storage error".to_string())
}

/// A random per-browser id (16 hex digits). It only keys the order of choices, so
/// `Math.random` is plenty.
pub fn new_student_id() -> String {
    let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    let low = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{high:08x}{low:08x}")
}

/// The store as the app uses it.
pub type AppStore = ProgressStore<BrowserStorage>;

thread_local! {
    static STORE: RefCell<Option<AppStore>> = const { RefCell::new(None) };
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

fn open() -> AppStore {
    // Fired only for changes made by other tabs. Any key may have changed; syncing reads
    // just the progress key and is cheap, so the event itself is not inspected.
    let _listening = window_event_listener_untyped("storage", |_| sync_from_other_tab());
    ProgressStore::open(BrowserStorage::local().ok(), new_student_id)
}

/// Merges what another tab saved and tells every reader when something changed.
fn sync_from_other_tab() {
    let changed = STORE.with(|cell| cell.borrow_mut().as_mut().is_some_and(AppStore::sync));
    if changed {
        CHANGED.with(ArcTrigger::notify);
    }
}

/// Reads the shared store (loading it on first use) and subscribes the caller to its
/// changes. `read` must not call [`update_progress`].
pub fn with_progress<T>(read: impl FnOnce(&AppStore) -> T) -> T {
    CHANGED.with(ArcTrigger::track);
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        read(slot.get_or_insert_with(open))
    })
}

/// Changes the progress and saves it, then tells every reader.
pub fn update_progress(change: impl FnOnce(&mut Progress)) {
    change_store(|store| store.update(change));
}

/// Forgets the student's progress (after the page has asked for confirmation).
pub fn reset_progress() {
    change_store(AppStore::reset);
}

/// Hides the notice about repaired data.
pub fn dismiss_notice() {
    change_store(AppStore::dismiss_notice);
}

fn change_store(change: impl FnOnce(&mut AppStore)) {
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        change(slot.get_or_insert_with(open));
    });
    // Notified after the borrow ends, so readers that run at once can borrow again.
    CHANGED.with(ArcTrigger::notify);
}
