//! The last line of defence: if the app ever panics, the page shows a calm
//! panel with a way to reload instead of going dead. A panic is always a bug
//! of ours, never the student's; the panel says so.

use std::panic;

/// Installs the panic hook: log to the console, then show the panel.
pub fn install() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel();
    }));
}

/// Builds the panel with plain DOM calls: the app's own runtime may be the
/// thing that broke, so it cannot be used here.
fn show_panel() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("crash-panel").is_some() {
        return;
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("crash-panel");
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-labelledby", "crash-title");
    panel.set_inner_html(
        "<div class=\"crash-card\">\
         <h2 id=\"crash-title\">Something went wrong inside Switchboard</h2>\
         <p>This is a bug in Switchboard, not in your program. Reloading the page \
         usually gets you back to where you were, because the address keeps your place.</p>\
         <p><a class=\"crash-reload\" href=\"\">Reload the page</a></p>\
         </div>",
    );
    let _ = body.append_child(&panel);
}
