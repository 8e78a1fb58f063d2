//! Browser entry point: mounts the app and nothing else.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        switchboard::crash::install();
        leptos::mount::mount_to_body(switchboard::app::App);
    }
}
