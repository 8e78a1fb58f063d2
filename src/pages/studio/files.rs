//! The Studio's ways in and out of the browser: the draft in localStorage, a
//! `.md` file read from disk, and the download link's address.

use wasm_bindgen::JsCast;

/// The localStorage key the draft is kept under.
const DRAFT_KEY: &str = "switchboard.studio.draft";
/// The localStorage key the draft's file name is kept under.
const NAME_KEY: &str = "switchboard.studio.name";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved draft and its file name, if there is one.
pub fn load_draft() -> Option<(String, String)> {
    let store = storage()?;
    let text = store.get_item(DRAFT_KEY).ok().flatten()?;
    let name = store.get_item(NAME_KEY).ok().flatten().unwrap_or_default();
    Some((name, text))
}

/// Saves the draft; false when the browser refuses (storage off or full).
pub fn save_draft(name: &str, text: &str) -> bool {
    storage()
        .is_some_and(|s| s.set_item(DRAFT_KEY, text).is_ok() && s.set_item(NAME_KEY, name).is_ok())
}

/// A `data:` address holding `text`, for the download link.
pub fn download_href(text: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(text).into();
    format!("data:text/markdown;charset=utf-8,{encoded}")
}

/// Reads the first file of a file list as text and hands `(name, text)` to
/// `done`, or an error message when it cannot be read.
pub fn read_first(
    files: Option<web_sys::FileList>,
    done: impl FnOnce(Result<(String, String), String>) + 'static,
) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    let promise = file.text();
    leptos::task::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .map(|text| (name.clone(), text))
            .ok_or_else(|| format!("{name} could not be read as text"));
        done(result);
    });
}

/// The file list of a file input's change event.
pub fn input_files(ev: &web_sys::Event) -> Option<web_sys::FileList> {
    ev.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()
}
