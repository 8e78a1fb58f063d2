//! Native checks on the shell and the page wrapper that the browser relies on.

use switchboard::components::nav::NAV_ITEMS;

#[test]
fn nav_lists_the_five_areas_in_course_order() {
    let labels: Vec<&str> = NAV_ITEMS.iter().map(|item| item.label).collect();
    assert_eq!(
        labels,
        ["Lessons", "Compare", "Playground", "Quiz", "Studio"]
    );
    let hrefs: Vec<&str> = NAV_ITEMS.iter().map(|item| item.href).collect();
    assert_eq!(hrefs, ["/", "/compare", "/playground", "/quiz", "/studio"]);
}

/// The policy text of the CSP meta tag in `index.html`.
fn csp() -> String {
    let html = include_str!("../index.html");
    let line = html
        .lines()
        .find(|line| line.contains("http-equiv=\"Content-Security-Policy\""))
        .expect("index.html carries a Content-Security-Policy meta tag");
    let content = line
        .split("content=\"")
        .nth(1)
        .expect("the CSP meta tag has a content attribute");
    content.split('"').next().unwrap_or_default().to_string()
}

#[test]
fn csp_allows_wasm_but_no_inline_or_foreign_script() {
    let csp = csp();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(
        !csp.contains("unsafe-inline"),
        "no blanket inline script: {csp}"
    );
    assert!(!csp.contains("'unsafe-eval'"), "no eval: {csp}");
    assert!(!csp.contains("http"), "no foreign origin: {csp}");
    assert!(
        csp.contains("__TRUNK_INLINE_SCRIPT_HASHES__"),
        "the build hook fills in the loader's hash: {csp}"
    );
}

#[test]
fn index_has_a_title_and_favicon() {
    let html = include_str!("../index.html");
    assert!(html.contains("<title>Switchboard"), "a real <title>");
    assert!(html.contains("rel=\"icon\""), "a favicon link");
}
