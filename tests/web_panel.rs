//! Browser tests of the simulation panel: it draws what the simulator holds,
//! and a step changes the page exactly as the trace says.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use switchboard::components::panel::{PanelProgram, SimPanel};
use switchboard::model::session::{Policy, Session};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RACY: &str = "import threading\ncount = 0\ndef inc():\n    global count\n    count += 1\na = threading.Thread(target=inc)\nb = threading.Thread(target=inc)\na.start()\nb.start()\na.join()\nb.join()\nprint(count)\n";

fn program() -> PanelProgram {
    let compiled = lang::compile(lang::Dialect::Python, RACY).expect("the racy counter compiles");
    PanelProgram {
        id: "racy-test".to_string(),
        title: "Racy".to_string(),
        dialect: lang::Dialect::Python,
        source: RACY.to_string(),
        program: Arc::new(compiled),
        options: sim::Options::default(),
    }
}

fn mount() -> web_sys::HtmlElement {
    let document = document();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    std::mem::forget(leptos::mount::mount_to(
        root.clone(),
        // In the app every panel lives under the router (its Edit in playground link is one).
        || view! { <Router><SimPanel program=program()/></Router> },
    ));
    root
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn click_step(root: &web_sys::HtmlElement) {
    let buttons = root.query_selector_all(".controls button").unwrap();
    let step = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|b| b.text_content().unwrap_or_default().starts_with("Step"))
        .expect("a Step button");
    step.unchecked_into::<web_sys::HtmlElement>().click();
}

#[wasm_bindgen_test]
fn the_stage_draws_one_card_per_simulator_process() {
    let root = mount();
    let session = Session::new(
        program().program,
        sim::Options::default(),
        Policy::RoundRobin,
    )
    .unwrap();
    let cards = root.query_selector_all(".stage .card").unwrap();
    assert_eq!(cards.length() as usize, session.world().processes().len());
    assert!(
        text(&root, ".board").contains("count"),
        "shared memory is on the whiteboard"
    );
}

/// Lets Leptos run the effects a click scheduled.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn each_step_shows_the_sentence_the_trace_gives() {
    let root = mount();
    let mut session = Session::new(
        program().program,
        sim::Options::default(),
        Policy::RoundRobin,
    )
    .unwrap();
    for _ in 0..6 {
        click_step(&root);
        settle().await;
        assert!(session.step());
        let world = session.world();
        let expected = world
            .trace()
            .iter()
            .filter(|e| !matches!(e.kind, sim::EventKind::Unblock))
            .last()
            .map(|e| e.narrate(world))
            .unwrap();
        assert_eq!(text(&root, ".narration-now"), expected);
        assert_eq!(text(&root, ".panel-status"), session.status_text());
    }
}
