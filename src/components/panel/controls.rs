//! The control bar: reset, back, step, play, speed and the scheduler.

use leptos::prelude::*;

use crate::browser;
use crate::model::session::Policy;

use super::driver::{Driver, DEFAULT_SPEED, SPEEDS_MS};

/// The control bar for a driver (one session, or several driven together).
#[component]
pub fn Controls(
    /// What the buttons drive.
    driver: Driver,
) -> impl IntoView {
    let seed = RwSignal::new(match driver.policy() {
        Policy::Random(seed) => seed,
        _ => 1,
    });
    let link_note = RwSignal::new("");
    let in_playground = use_context::<super::edit_link::InPlayground>().is_some();
    let manual = move || driver.policy() == Policy::Manual;
    let playing = driver.playing;
    let set_policy = move |value: String| {
        let policy = match value.as_str() {
            "random" => Policy::Random(seed.get_untracked()),
            "manual" => Policy::Manual,
            _ => Policy::RoundRobin,
        };
        driver.set_policy(policy);
    };
    let policy_value = move || match driver.policy() {
        Policy::RoundRobin => "round-robin",
        Policy::Random(_) => "random",
        Policy::Manual => "manual",
    };
    Effect::new(move |_| {
        // A new speed takes effect at once while playing.
        let _ = driver.speed.get();
        if playing.get_untracked() {
            driver.play();
        }
    });

    view! {
        <div class="controls" role="toolbar" aria-label="Simulation controls">
            <button type="button" on:click=move |_| driver.reset() title="Reset (Home)">"⟲ Reset"</button>
            <button type="button" disabled=move || !driver.can_back()
                on:click=move |_| { driver.back(); } title="Step back (←)">"◀ Back"</button>
            <button type="button" class="primary" disabled=move || !driver.can_step()
                on:click=move |_| { driver.stop(); driver.step(); } title="Step (→)">"Step ▶"</button>
            <button type="button" disabled=move || !driver.can_step() && !playing.get()
                aria-pressed=move || playing.get().to_string()
                on:click=move |_| driver.toggle() title="Play or pause (space)">
                {move || if playing.get() { "❚❚ Pause" } else { "▶▶ Play" }}
            </button>
            <button type="button" class="explore" on:click=move |_| driver.explore()
                title="Run every possible schedule and count the outcomes">"Explore all schedules"</button>
            <label class="speed">
                "Speed"
                <input type="range" min="0" max=SPEEDS_MS.len() - 1 step="1"
                    prop:value=move || driver.speed.get().to_string()
                    on:input=move |ev| driver.speed.set(event_target_value(&ev).parse().unwrap_or(DEFAULT_SPEED))/>
            </label>
            <label class="scheduler">
                "Scheduler"
                <select on:change=move |ev| set_policy(event_target_value(&ev)) prop:value=policy_value>
                    <option value="round-robin">"Round-robin"</option>
                    <option value="random">"Random (seeded)"</option>
                    <option value="manual">"You choose"</option>
                </select>
            </label>
            <Show when=move || matches!(driver.policy(), Policy::Random(_))>
                <label class="seed">
                    "Seed"
                    <input type="number" min="0" prop:value=move || seed.get().to_string()
                        on:change=move |ev| {
                            let value = event_target_value(&ev).parse().unwrap_or(1);
                            seed.set(value);
                            driver.set_policy(Policy::Random(value));
                        }/>
                </label>
            </Show>
            <Show when=manual>
                <span class="hint">"Pick who runs next in each panel."</span>
            </Show>
            // The playground has its own "Copy program link", which carries the step too.
            {(!in_playground).then(|| view! {
                <button type="button" class="copy-link" on:click=move |_| {
                    super::url_writer::flush();
                    let copied = browser::current_url().is_some_and(|url| browser::copy_text(&url));
                    link_note.set(if copied { "Link copied: it opens this exact step." } else { "Copy the address bar to share this step." });
                } title="Copy a link to this exact step">"Copy link"</button>
                <span class="link-note" role="status">{move || link_note.get()}</span>
            })}
        </div>
    }
}
