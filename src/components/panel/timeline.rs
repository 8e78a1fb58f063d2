//! The timeline: a space-time diagram with a lane per process. Every mark and
//! arrow comes from the trace; clicking one jumps to its step.

use leptos::prelude::*;

use crate::model::spacetime::{DiagramReader, MarkKind};

use super::driver::SessionSignal;
use super::timing;

const STEP_WIDTH: f64 = 22.0;
const LANE_HEIGHT: f64 = 28.0;
const LABEL_WIDTH: f64 = 84.0;

/// The diagram for one session, scrolled to keep the current step in view.
///
/// The diagram is kept up to date by a [`DiagramReader`], which reads only the
/// events a step added; marks and arrows are keyed lists, so a step adds the
/// new ones to the picture and leaves the rest alone.
#[component]
pub fn Timeline(
    /// The session drawn.
    session: SessionSignal,
) -> impl IntoView {
    let reader = StoredValue::new_local(DiagramReader::default());
    // What the picture's outline needs, read after bringing the diagram up to date.
    let shape = Memo::new(move |_| {
        session.with(|s| {
            timing::measured("step: timeline", || {
                reader.update_value(|r| r.sync(s.world(), s.rewinds()))
            });
            reader.with_value(|r| {
                let d = r.diagram();
                Shape {
                    epoch: r.epoch(),
                    marks: d.marks.len(),
                    arrows: d.arrows.len(),
                    steps: d.steps,
                    lanes: d.lanes.clone(),
                }
            })
        })
    });
    // The lanes change only when a process starts; kept apart from the outline's
    // counts so a step that adds marks does not redraw every lane. A lane's
    // line runs to the picture's edge ("100%"), so it needs no update when the
    // picture grows: 200 lanes would be 200 attribute writes per step.
    let lanes = Memo::new(move |_| shape.with(|d| d.lanes.clone()));
    let current = move || session.with(|s| s.step_index() as u64);
    let jump = move |step: u64| {
        session.update(|s| {
            s.jump_to(step as usize);
        })
    };
    let width = move || x(shape.with(|d| d.steps) + 2);
    let height = move || LANE_HEIGHT * lanes.with(Vec::len) as f64 + 12.0;
    let label = move || {
        shape.with(|d| {
            format!(
                "Timeline of {} steps across {} processes",
                d.steps,
                d.lanes.len()
            )
        })
    };
    let marks = move || shape.with(|d| (0..d.marks).map(|i| (d.epoch, i)).collect::<Vec<_>>());
    let arrows = move || shape.with(|d| (0..d.arrows).map(|i| (d.epoch, i)).collect::<Vec<_>>());
    let mark_view =
        move |(_, i): (u64, usize)| {
            reader.with_value(|r| r.diagram().marks.get(i).cloned()).map(|m| {
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
        })
        };
    let arrow_view = move |(_, i): (u64, usize)| {
        reader
            .with_value(|r| r.diagram().arrows.get(i).cloned())
            .map(|a| {
                let step = a.to.0;
                view! {
                    <g class="arrow" on:click=move |_| jump(step)>
                        <title>{a.text.clone()}</title>
                        <line x1=x(a.from.0) y1=y(a.from.1) x2=x(a.to.0) y2=y(a.to.1)/>
                        <circle cx=x(a.to.0) cy=y(a.to.1) r="3.5"/>
                    </g>
                }
            })
    };
    view! {
        <details class="timeline" open>
            <summary>"Timeline"</summary>
            <div class="timeline-scroll">
                <svg class="timeline-svg" width=width height=height role="img" aria-label=label>
                    {move || {
                        lanes.with(|lanes| {
                            lanes
                                .iter()
                                .enumerate()
                                .map(|(i, name)| view! {
                                    <g class=format!("lane proc-{}", i % 6)>
                                        <line x1=LABEL_WIDTH - 6.0 x2="100%" y1=y(i) y2=y(i)/>
                                        <text x="6" y=y(i) + 4.0>{name.clone()}</text>
                                    </g>
                                })
                                .collect_view()
                        })
                    }}
                    <line class="now" x1=move || x(current()) x2=move || x(current()) y1="0" y2=height/>
                    <For each=arrows key=|k| *k children=arrow_view/>
                    <For each=marks key=|k| *k children=mark_view/>
                </svg>
            </div>
        </details>
    }
}

/// The outline of the diagram: how many marks and arrows it has, how wide
/// and tall it is, and which epoch the indices belong to.
#[derive(Clone, Debug, PartialEq)]
struct Shape {
    epoch: u64,
    marks: usize,
    arrows: usize,
    steps: u64,
    lanes: Vec<String>,
}

fn x(step: u64) -> f64 {
    LABEL_WIDTH + STEP_WIDTH * step as f64
}

fn y(lane: usize) -> f64 {
    LANE_HEIGHT * (lane as f64 + 0.5) + 6.0
}
