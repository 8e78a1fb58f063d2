//! The few browser calls the app makes directly: the page URL's query and the
//! clipboard. Every call tolerates a missing API: the app keeps working.

use wasm_bindgen::JsValue;

/// The value of `key` in the page URL's query, if any.
pub fn query_value(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(key)
}

/// Sets (or with `None`, removes) `key` in the page URL's query without adding
/// a history entry, so the address bar always links to what is on screen.
pub fn set_query_value(key: &str, value: Option<&str>) {
    set_query_values(&[(key, value)]);
}

/// Sets (or removes) every key of `writes` in one `history.replaceState`: the
/// browser parses and stores the address once, however many keys change.
pub fn set_query_values(writes: &[(&str, Option<&str>)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    for (key, value) in writes {
        match value {
            Some(v) => params.set(key, v),
            None => params.delete(key),
        }
    }
    let query: String = params.to_string().into();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The page's full address.
pub fn current_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// Puts `text` on the clipboard. Returns false when the browser refuses.
pub fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // The promise settles later; a refusal leaves the visible link to copy by hand.
    let _ = clipboard.write_text(text);
    true
}
