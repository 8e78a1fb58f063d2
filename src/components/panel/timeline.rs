//! The timeline: a space-time diagram with a lane per process. Every mark and
//! arrow comes from the trace; clicking one jumps to its step.

use leptos::prelude::*;

use crate::model::spacetime::{diagram, MarkKind};

use super::driver::SessionSignal;

const STEP_WIDTH: f64 = 22.0;
const LANE_HEIGHT: f64 = 28.0;
const LABEL_WIDTH: f64 = 84.0;

/// The diagram for one session, scrolled to keep the current step in view.
#[component]
pub fn Timeline(
    /// The session drawn.
    session: SessionSignal,
) -> impl IntoView {
    let d = Memo::new(move |_| session.with(|s| diagram(s.world())));
    let current = move || session.with(|s| s.step_index() as u64);
    let jump = move |step: u64| {
        session.update(|s| {
            s.jump_to(step as usize);
        })
    };
    let x = |step: u64| LABEL_WIDTH + STEP_WIDTH * step as f64;
    let y = |lane: usize| LANE_HEIGHT * (lane as f64 + 0.5) + 6.0;
    view! {
        <details class="timeline" open>
            <summary>"Timeline"</summary>
            <div class="timeline-scroll">
                {move || {
                    let d = d.get();
                    let width = x(d.steps + 2);
                    let height = LANE_HEIGHT * d.lanes.len() as f64 + 12.0;
                    let now = current();
                    view! {
                        <svg class="timeline-svg" width=width height=height role="img"
                            aria-label=format!("Timeline of {} steps across {} processes", d.steps, d.lanes.len())>
                            {d.lanes.iter().enumerate().map(|(i, name)| view! {
                                <g class=format!("lane proc-{}", i % 6)>
                                    <line x1=LABEL_WIDTH - 6.0 x2=width y1=y(i) y2=y(i)/>
                                    <text x="6" y=y(i) + 4.0>{name.clone()}</text>
                                </g>
                            }).collect_view()}
                            <line class="now" x1=x(now) x2=x(now) y1="0" y2=height/>
                            {d.arrows.iter().map(|a| {
                                let step = a.to.0;
                                view! {
                                    <g class="arrow" on:click=move |_| jump(step)>
                                        <title>{a.text.clone()}</title>
                                        <line x1=x(a.from.0) y1=y(a.from.1) x2=x(a.to.0) y2=y(a.to.1)/>
                                        <circle cx=x(a.to.0) cy=y(a.to.1) r="3.5"/>
                                    </g>
                                }
                            }).collect_view()}
                            {d.marks.iter().map(|m| {
                                let step = m.step;
                                let class = match m.kind {
                                    MarkKind::Read => "mark read",
                                    MarkKind::Write => "mark write",
                                    MarkKind::Lock => "mark lock",
                                    MarkKind::Other => "mark other",
                                    MarkKind::Finding => "mark finding",
                                    MarkKind::Crash => "mark crash",
                                };
                                view! {
                                    <g class=class on:click=move |_| jump(step)>
                                        <title>{format!("step {}: {}", m.step, m.text)}</title>
                                        <rect x=x(m.step) - 5.0 y=y(m.lane) - 5.0 width="10" height="10" rx="2"/>
                                    </g>
                                }
                            }).collect_view()}
                        </svg>
                    }
                }}
            </div>
        </details>
    }
}
