//! Browser tests: mount real components in headless Chromium and check the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use switchboard::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `App` into a fresh container and returns the container.
fn mount_app() -> web_sys::HtmlElement {
    let document = document();
    let container: web_sys::HtmlElement = document
        .create_element("div")
        .expect("create a container")
        .unchecked_into();
    document
        .body()
        .expect("the test page has a body")
        .append_child(&container)
        .expect("attach the container");
    // The handle unmounts on drop; the test wants the view to stay.
    std::mem::forget(leptos::mount::mount_to(container.clone(), App));
    container
}

#[wasm_bindgen_test]
fn shell_shows_product_name_and_five_nav_links() {
    let root = mount_app();
    let brand = root
        .query_selector(".brand-name")
        .unwrap()
        .expect("the header shows the product name");
    assert_eq!(brand.text_content().as_deref(), Some("Switchboard"));

    let links = root.query_selector_all("nav.nav a").unwrap();
    let labels: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|n| n.text_content())
        .collect();
    assert_eq!(
        labels,
        ["Lessons", "Compare", "Playground", "Quiz", "Studio"]
    );
}

#[wasm_bindgen_test]
fn exactly_one_nav_link_is_current() {
    let root = mount_app();
    let current = root
        .query_selector_all("nav.nav a[aria-current='page']")
        .unwrap();
    assert_eq!(
        current.length(),
        1,
        "the router marks one link as the current page"
    );
}

/// Waits for the router, which resolves routes asynchronously, to render `selector`.
async fn rendered(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
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
async fn home_route_renders_the_lessons_page_inside_main() {
    let root = mount_app();
    let heading = rendered(&root, "main h1").await;
    assert_eq!(heading.text_content().as_deref(), Some("Lessons"));
}
