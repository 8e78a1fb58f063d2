//! Explore: every distinct state of the program, searched in slices so the
//! page never freezes, summarised as the figures line, the livelocks found,
//! and a histogram whose bars replay a shortest schedule.

use std::time::Duration;

use leptos::prelude::*;
use sim::explore::{Deadline, ExploreConfig, Explorer};

use crate::model::outcomes::{bars, figures, grouped, summary, traps, Bar, Trap};

use super::driver::SessionSignal;

/// Most distinct states the browser explores before calling the search cut.
pub const MAX_STATES: u64 = 200_000;
/// Milliseconds of search per slice, then the browser gets a frame. Counted in time, not in
/// states: one state of a program with thousands of processes costs a thousand small ones.
const SLICE_MS: f64 = 12.0;
/// Queued worlds freed per slice once a search is over.
const RELEASE_SLICE: usize = 2_000;
const BAR_HEIGHT: f64 = 26.0;
const LABEL_WIDTH: f64 = 330.0;
const BAR_SPACE: f64 = 200.0;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Idle,
    Running {
        states: u64,
        queued: u64,
    },
    Done {
        bars: Vec<Bar>,
        figures: String,
        summary: String,
        traps: Vec<Trap>,
    },
}

/// The explorer's progress bar and histogram for one session.
#[component]
pub fn Explore(
    /// The session whose program is explored, and where bars replay.
    session: SessionSignal,
    /// Bumped to start an exploration.
    requests: RwSignal<u32>,
) -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    let explorer: StoredValue<Option<Explorer>, LocalStorage> = StoredValue::new_local(None);

    // Frees a finished search's queued worlds a slice at a time, then the explorer.
    fn release(mut done: Explorer) {
        if done.release(RELEASE_SLICE) {
            set_timeout(move || release(done), Duration::ZERO);
        }
    }

    // One slice of search, then yield to the browser and come back.
    fn tick(
        state: RwSignal<State>,
        explorer: StoredValue<Option<Explorer>, LocalStorage>,
        session: SessionSignal,
    ) {
        let Some(progress) = explorer
            .try_update_value(|e| {
                e.as_mut()
                    .map(|e| e.run_while(&mut Deadline::new(SLICE_MS, js_sys::Date::now)))
            })
            .flatten()
        else {
            return;
        };
        if progress.done {
            let report = explorer
                .try_with_value(|e| e.as_ref().map(Explorer::report))
                .flatten();
            if let Some(report) = report {
                let done = session.try_with_untracked(|s| {
                    let b = bars(&report, s.start_world());
                    State::Done {
                        summary: summary(&report, &b),
                        figures: figures(&report),
                        traps: traps(&report),
                        bars: b,
                    }
                });
                if let Some(done) = done {
                    state.try_set(done);
                }
            }
            if let Some(done) = explorer.try_update_value(Option::take).flatten() {
                release(done);
            }
        } else {
            state.try_set(State::Running {
                states: progress.states,
                queued: progress.queued,
            });
            set_timeout(move || tick(state, explorer, session), Duration::ZERO);
        }
    }

    Effect::new(move |previous: Option<u32>| {
        let n = requests.get();
        if previous.is_some_and(|p| p != n) || (previous.is_none() && n > 0) {
            let world = session.with_untracked(|s| s.start_world().clone());
            let config = ExploreConfig {
                max_states: MAX_STATES,
                ..ExploreConfig::default()
            };
            explorer.set_value(Some(Explorer::new(&world, config)));
            state.set(State::Running {
                states: 0,
                queued: 0,
            });
            set_timeout(move || tick(state, explorer, session), Duration::ZERO);
        }
        n
    });
    on_cleanup(move || {
        explorer.try_set_value(None);
    });

    let replay = move |schedule: String| {
        session.update(|s| {
            let _ = s.replay(&schedule);
        });
    };

    move || match state.get() {
        State::Idle => ().into_any(),
        State::Running { states, queued } => {
            // Expanded out of discovered: it fills as the frontier empties.
            let expanded = states.saturating_sub(queued);
            view! {
                <div class="explore-run" role="status">
                    <progress max=states.max(1) value=expanded></progress>
                    <span>{format!("Exploring… {} distinct states so far, {} still to look at", grouped(&states.to_string()), grouped(&queued.to_string()))}</span>
                </div>
            }
            .into_any()
        }
        State::Done {
            bars,
            figures,
            summary,
            traps,
        } => {
            let height = BAR_HEIGHT * bars.len() as f64 + 8.0;
            let shares: Vec<f64> = bars.iter().map(|b| b.share(&bars)).collect();
            view! {
                <figure class="histogram">
                    <figcaption>
                        <span class="explore-summary" role="status">{summary}</span>
                        <span class="explore-figures">{figures}</span>
                    </figcaption>
                    {traps
                        .into_iter()
                        .map(|trap| {
                            let schedule = trap.schedule.clone();
                            view! {
                                <p class="explore-livelock">
                                    <span>{trap.text}</span>
                                    " "
                                    <button type="button" class="replay-livelock"
                                        title="Replay the way in and one turn of the cycle"
                                        on:click=move |_| replay(schedule.clone())>
                                        {format!("Replay it ({} + {} steps)", trap.entry_steps, trap.cycle_steps)}
                                    </button>
                                </p>
                            }
                        })
                        .collect_view()}
                    <svg viewBox=format!("0 0 {} {height}", LABEL_WIDTH + BAR_SPACE + 130.0) role="group" aria-label="Outcomes of every schedule">
                        {bars
                            .into_iter()
                            .zip(shares)
                            .enumerate()
                            .map(|(i, (bar, share))| {
                                let y = 4.0 + BAR_HEIGHT * i as f64;
                                let width = (share * BAR_SPACE).max(2.0);
                                let schedule = bar.schedule.clone();
                                let count = bar.count_text();
                                let shown = grouped(&count);
                                let label = format!("{}: {} schedule{}. Replay the shortest.", bar.label, shown, if count == "1" { "" } else { "s" });
                                view! {
                                    <g class=if bar.bad { "bar bad" } else { "bar good" } role="button" tabindex="0"
                                        aria-label=label
                                        on:click={let s = schedule.clone(); move |_| replay(s.clone())}
                                        on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); replay(schedule.clone()); }>
                                        <title>"Click to replay the shortest schedule that ends this way"</title>
                                        <text class="bar-label" x=LABEL_WIDTH - 8.0 y=y + 17.0 text-anchor="end">{clip(&bar.label, 46)}</text>
                                        <rect x=LABEL_WIDTH y=y + 3.0 width=width height=BAR_HEIGHT - 8.0 rx="4"/>
                                        <text class="bar-count" x=LABEL_WIDTH + width + 6.0 y=y + 17.0>{shown}</text>
                                    </g>
                                }
                            })
                            .collect_view()}
                    </svg>
                </figure>
            }
            .into_any()
        }
    }
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}
