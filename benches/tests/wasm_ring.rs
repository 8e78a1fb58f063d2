//! The simulator's ring in headless Chromium, for `make bench` only (behind the `wasm-bench`
//! feature, so `make test` never builds it):
//!
//! `cargo test --release --target wasm32-unknown-unknown -p switchboard-benches
//! --features wasm-bench --test wasm_ring -- --nocapture`
//!
//! It runs each ring once, timed with `performance.now()`, and logs the same result lines as
//! the native `examples/ring.rs`. It asserts the hop count, never the time.
#![cfg(all(target_arch = "wasm32", feature = "wasm-bench"))]

use switchboard_benches::{result_line, ring_hops, run_ring, Ring, HOPS, LAPS, NODES};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn ring_in_the_browser() {
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("a page has performance.now()");
    for ring in Ring::ALL {
        let program = ring.program(NODES, LAPS);
        let start = performance.now();
        let world = run_ring(&program);
        let seconds = (performance.now() - start) / 1000.0;
        let hops = ring_hops(&world);
        assert_eq!(hops, HOPS, "the {} made {hops} hops", ring.name());
        let note = format!(
            "steps={} events={}",
            world.step_count(),
            world.trace().len()
        );
        console_log!(
            "{}",
            result_line(&format!("wasm-{}", ring.name()), seconds, hops, &note)
        );
    }
}
