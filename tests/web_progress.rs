//! Browser tests for saved progress: the `localStorage` adapter round-trips, data of
//! another version or corrupt JSON under the key is repaired with a notice, and a
//! storage that throws (turned off, or full) leaves the quiz working unsaved.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use switchboard::app::App;
use switchboard::components::quiz::store::{js_error_text, BrowserStorage};
use switchboard::model::progress::{KeyValue, Progress, ProgressStore, Saving, STORAGE_KEY};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window()
        .expect("a window")
        .local_storage()
        .expect("localStorage can be read")
        .expect("localStorage exists")
}

/// The page's `localStorage` with the progress key cleared.
fn clean_local() -> BrowserStorage {
    local().remove_item(STORAGE_KEY).expect("remove the key");
    BrowserStorage::new(local())
}

fn student() -> String {
    "test0student".to_string()
}

fn stored() -> Option<String> {
    local().get_item(STORAGE_KEY).expect("read the key")
}

#[wasm_bindgen_test]
fn progress_round_trips_through_local_storage() {
    let mut store = ProgressStore::open(Some(clean_local()), student);
    assert_eq!(store.saving(), &Saving::Saved);
    assert_eq!(store.notice(), None);
    store.update(|p| {
        p.record_answer("shared-memory/racy-round-robin", false, vec!["2".into()]);
        p.record_answer("shared-memory/racy-round-robin", true, vec!["1".into()]);
        p.record_answer("actors/send-returns", false, vec!["a reply".into()]);
        p.record_score("lesson:actors", 3, 4);
        p.set_done("cheat-sheet", true);
    });
    let text = stored().expect("saved under the versioned key");
    assert!(text.contains("\"version\":1"), "{text}");

    let reopened = ProgressStore::open(BrowserStorage::local().ok(), || {
        panic!("the saved student id is reused")
    });
    assert_eq!(reopened.progress(), store.progress());
    let p = reopened.progress();
    assert_eq!(
        p.answer("shared-memory/racy-round-robin")
            .map(|a| (a.correct, a.tries)),
        Some((true, 2))
    );
    assert!(p.is_wrong("actors/send-returns"));
    assert_eq!(
        p.last_score("lesson:actors").map(|s| (s.right, s.total)),
        Some((3, 4))
    );
    assert!(p.is_done("cheat-sheet"));
    assert_eq!(reopened.notice(), None);
}

#[wasm_bindgen_test]
fn another_version_under_the_key_is_reset_with_a_notice() {
    let storage = clean_local();
    let mut other = Progress::fresh(student());
    other.version = 2;
    other.record_answer("actors/send-returns", true, vec![]);
    storage.set(STORAGE_KEY, &other.to_json()).unwrap();

    let store = ProgressStore::open(Some(storage), student);
    let notice = store.notice().expect("the student is told");
    assert!(notice.contains("another version"), "{notice}");
    assert_eq!(store.progress(), &Progress::fresh(student()));
    let rewritten = stored().unwrap();
    assert!(
        rewritten.contains("\"version\":1"),
        "the repaired copy replaces it: {rewritten}"
    );
}

#[wasm_bindgen_test]
fn corrupt_json_is_reset_with_a_notice_and_rewritten() {
    for junk in [
        "{\"version\":1,\"answers\":{",
        "undefined",
        "",
        "\u{0}\u{ffff}",
        "[]",
    ] {
        let storage = clean_local();
        storage.set(STORAGE_KEY, junk).unwrap();
        let store = ProgressStore::open(Some(storage), student);
        let notice = store
            .notice()
            .unwrap_or_else(|| panic!("a notice for {junk:?}"));
        assert!(notice.contains("could not be read"), "{junk:?}: {notice}");
        assert_eq!(store.saving(), &Saving::Saved);
        let again = ProgressStore::open(BrowserStorage::local().ok(), student);
        assert_eq!(
            again.notice(),
            None,
            "{junk:?}: repaired once, quiet afterwards"
        );
    }
}

#[wasm_bindgen_test]
fn a_bad_part_is_reset_and_the_rest_kept() {
    let storage = clean_local();
    let mut good = Progress::fresh(student());
    good.set_done("actors", true);
    let text = good
        .to_json()
        .replace("\"answers\":{}", "\"answers\":\"lots\"");
    storage.set(STORAGE_KEY, &text).unwrap();
    let store = ProgressStore::open(Some(storage), student);
    assert!(
        store.notice().is_some_and(|n| n.contains("answers")),
        "{:?}",
        store.notice()
    );
    assert!(store.progress().is_done("actors"), "the good part is kept");
}

/// A `Storage` whose every call throws, as a browser with storage turned off does.
fn throwing_storage() -> web_sys::Storage {
    let fake = js_sys::Object::new();
    let thrower = js_sys::Function::new_no_args(
        "throw new DOMException('The operation is insecure.', 'SecurityError');",
    );
    for name in ["getItem", "setItem", "removeItem"] {
        js_sys::Reflect::set(&fake, &JsValue::from_str(name), &thrower).unwrap();
    }
    fake.unchecked_into()
}

#[wasm_bindgen_test]
fn storage_that_throws_leaves_progress_working_unsaved() {
    let storage = BrowserStorage::new(throwing_storage());
    let error = storage.get(STORAGE_KEY).expect_err("reading throws");
    assert!(
        error.contains("SecurityError") || error.contains("Illegal invocation"),
        "{error}"
    );

    let mut store = ProgressStore::open(Some(storage), student);
    assert!(matches!(store.saving(), Saving::Unsaved(_)));
    assert_eq!(store.notice(), None, "nothing was repaired");
    store.update(|p| p.record_answer("actors/send-returns", true, vec!["pid".into()]));
    assert!(
        store.progress().answer("actors/send-returns").is_some(),
        "kept in memory"
    );
    store.reset();
    assert!(store.progress().answers.is_empty());
}

/// Fills `localStorage` until it refuses even a few characters. Returns the keys used.
fn fill_local_storage() -> Vec<String> {
    let storage = local();
    let mut keys = Vec::new();
    let mut size = 1 << 20;
    while size >= 4 {
        let chunk = "x".repeat(size);
        loop {
            let key = format!("web-progress-filler-{}", keys.len());
            if storage.set_item(&key, &chunk).is_err() {
                break;
            }
            keys.push(key);
        }
        size /= 4;
    }
    keys
}

#[wasm_bindgen_test]
fn a_full_storage_keeps_the_quiz_working_and_saving_resumes_when_there_is_room() {
    let storage = clean_local();
    let fillers = fill_local_storage();
    assert!(!fillers.is_empty(), "the quota was reached");
    let error = storage
        .set(STORAGE_KEY, &"y".repeat(200))
        .expect_err("no room left");
    assert!(error.contains("QuotaExceeded"), "{error}");

    let mut store = ProgressStore::open(Some(storage), student);
    assert!(
        matches!(store.saving(), Saving::Unsaved(_)),
        "{:?}",
        store.saving()
    );
    store.update(|p| p.set_done("actors", true));
    assert!(store.progress().is_done("actors"));

    for key in &fillers {
        local().remove_item(key).unwrap();
    }
    store.update(|p| p.set_done("csp", true));
    assert_eq!(store.saving(), &Saving::Saved);
    let saved = stored().expect("saved once there was room");
    assert!(saved.contains("actors") && saved.contains("csp"), "{saved}");
}

#[wasm_bindgen_test]
fn thrown_values_become_readable_messages() {
    let error: JsValue = js_sys::Error::new("disk on fire").into();
    assert_eq!(js_error_text(&error), "Error: disk on fire");
    assert_eq!(js_error_text(&JsValue::from_str("plain")), "plain");
    assert_eq!(js_error_text(&JsValue::NULL), "storage error");
}

/// Waits for `selector` under `root` (the router renders asynchronously).
async fn rendered(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..200 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!(
        "`{selector}` never rendered; the DOM is: {}",
        root.inner_html()
    );
}

#[wasm_bindgen_test]
async fn the_app_loads_over_corrupt_progress_and_says_so() {
    local().set_item(STORAGE_KEY, "{\"version\":1,").unwrap();
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    std::mem::forget(leptos::mount::mount_to(container.clone(), App));
    let heading = rendered(&container, "main h1").await;
    assert_eq!(heading.text_content().as_deref(), Some("Lessons"));
    let notice = rendered(&container, ".quiz-notice").await;
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains("could not be read"), "{text}");
    assert!(
        container
            .query_selector_all(".lesson-card")
            .unwrap()
            .length()
            >= 10
    );
    assert!(
        stored().unwrap().contains("\"version\":1"),
        "repaired in storage"
    );
}
