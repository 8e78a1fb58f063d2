//! Puts a step's phases on the browser's performance timeline as
//! `performance.measure` entries, so `scripts/perf.mjs` and the browser's
//! profiler can tell where a step's time goes. Natively it only runs the work.

/// Runs `work` and records how long it took as a measure named `name`.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        let start = js::now();
        let out = work();
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
        let _ = js_sys::Reflect::set(&options, &"end".into(), &js::now().into());
        js::measure(name, &options);
        out
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        work()
    }
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance)]
        pub fn now() -> f64;
        #[wasm_bindgen(js_namespace = performance)]
        pub fn measure(name: &str, options: &js_sys::Object);
    }
}
