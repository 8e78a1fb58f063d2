//! Explore: every schedule of the program, run in slices so the page never
//! freezes, summarised as a histogram whose bars replay a schedule.

use std::time::Duration;

use leptos::prelude::*;
use sim::explore::{ExploreConfig, Explorer};

use crate::model::outcomes::{bars, summary, Bar};

use super::driver::SessionSignal;

/// Most schedules the browser explores before calling the search cut.
pub const MAX_SCHEDULES: u64 = 20_000;
/// Steps of search per slice, small enough to keep a frame responsive.
const SLICE: u64 = 4_000;
const BAR_HEIGHT: f64 = 26.0;
const LABEL_WIDTH: f64 = 330.0;
const BAR_SPACE: f64 = 230.0;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Idle,
    Running { schedules: u64 },
    Done { bars: Vec<Bar>, summary: String },
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

    // One slice of search, then yield to the browser and come back.
    fn tick(
        state: RwSignal<State>,
        explorer: StoredValue<Option<Explorer>, LocalStorage>,
        session: SessionSignal,
    ) {
        let Some(progress) = explorer
            .try_update_value(|e| e.as_mut().map(|e| e.run_for(SLICE)))
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
                    let text = summary(&report, &b);
                    State::Done {
                        bars: b,
                        summary: text,
                    }
                });
                if let Some(done) = done {
                    state.try_set(done);
                }
            }
            explorer.try_set_value(None);
        } else {
            state.try_set(State::Running {
                schedules: progress.schedules,
            });
            set_timeout(move || tick(state, explorer, session), Duration::ZERO);
        }
    }

    Effect::new(move |previous: Option<u32>| {
        let n = requests.get();
        if previous.is_some_and(|p| p != n) || (previous.is_none() && n > 0) {
            let world = session.with_untracked(|s| s.start_world().clone());
            let config = ExploreConfig {
                max_schedules: MAX_SCHEDULES,
                ..ExploreConfig::default()
            };
            explorer.set_value(Some(Explorer::new(&world, config)));
            state.set(State::Running { schedules: 0 });
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
        State::Running { schedules } => view! {
            <div class="explore-run" role="status">
                <progress max=MAX_SCHEDULES value=schedules></progress>
                <span>{format!("Exploring… {schedules} schedules so far")}</span>
            </div>
        }
        .into_any(),
        State::Done { bars, summary } => {
            let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
            let height = BAR_HEIGHT * bars.len() as f64 + 8.0;
            view! {
                <figure class="histogram">
                    <figcaption role="status">{summary}</figcaption>
                    <svg viewBox=format!("0 0 {} {height}", LABEL_WIDTH + BAR_SPACE + 70.0) role="group" aria-label="Outcomes of every schedule">
                        {bars
                            .into_iter()
                            .enumerate()
                            .map(|(i, bar)| {
                                let y = 4.0 + BAR_HEIGHT * i as f64;
                                let width = (bar.count as f64 / max * BAR_SPACE).max(2.0);
                                let schedule = bar.schedule.clone();
                                let label = format!("{}: {} schedule{}. Replay one.", bar.label, bar.count, if bar.count == 1 { "" } else { "s" });
                                view! {
                                    <g class=if bar.bad { "bar bad" } else { "bar good" } role="button" tabindex="0"
                                        aria-label=label
                                        on:click={let s = schedule.clone(); move |_| replay(s.clone())}
                                        on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); replay(schedule.clone()); }>
                                        <title>"Click to replay a schedule that ends this way"</title>
                                        <text class="bar-label" x=LABEL_WIDTH - 8.0 y=y + 17.0 text-anchor="end">{clip(&bar.label, 46)}</text>
                                        <rect x=LABEL_WIDTH y=y + 3.0 width=width height=BAR_HEIGHT - 8.0 rx="4"/>
                                        <text class="bar-count" x=LABEL_WIDTH + width + 6.0 y=y + 17.0>{bar.count}</text>
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
