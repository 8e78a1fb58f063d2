//! The stage: processes, their mailboxes and the shared-memory whiteboard, in SVG,
//! with a token flying for every read, write, send and hand-off of the last step, links
//! drawn as arcs between cards and exit signals flying as tokens of their own.

use leptos::prelude::*;

use crate::model::frame::{CardState, ChannelCard, Frame, InFlight, ProcessCard};

use super::content_key;
use crate::model::layout::{
    Layout, Point, BOARD_HEIGHT, CARD_HEIGHT, CARD_WIDTH, NETWORK_HEIGHT, PIPE_HEIGHT, PIPE_WIDTH,
    STAGE_WIDTH,
};
use crate::model::motion::{Anchor, Motion, MotionKind};

/// Most locals a card lists; more would not fit.
const MAX_LOCALS: usize = 3;
/// Most envelopes drawn in a mailbox; the rest are counted.
const MAX_ENVELOPES: usize = 4;

/// The SVG stage for one frame. `motions` are the last step's movements and
/// `step` keys them, so each step's tokens start fresh.
#[component]
pub fn Stage(
    /// The world to draw.
    frame: Signal<Frame>,
    /// What moved in the last step.
    motions: Signal<Vec<Motion>>,
    /// The step number, which restarts the motion animations.
    step: Signal<usize>,
    /// How long one motion takes, in milliseconds.
    duration_ms: Signal<u32>,
    /// An accessible description of the stage.
    label: String,
) -> impl IntoView {
    let layout = Memo::new(move |_| {
        frame.with(|f| {
            let mailboxes = f.processes.iter().any(|p| p.kind == "actor");
            let layout = Layout::new(
                f.shared.len(),
                f.processes.len(),
                mailboxes,
                !f.in_flight.is_empty(),
                f.channels.len(),
            );
            // Room for link arcs once a program has made any link.
            if f.links.is_empty() {
                layout
            } else {
                layout.with_link_room()
            }
        })
    });
    let view_box = move || format!("0 0 {STAGE_WIDTH} {}", layout.with(|l| l.height));

    view! {
        <svg class="stage" viewBox=view_box role="img" aria-label=label>
            {move || {
                let origin = layout.with(|l| l.board)?;
                Some(view! { <Whiteboard origin=origin frame=frame.get() layout=layout.get()/> })
            }}
            {move || {
                let at = layout.with(|l| l.network)?;
                // Only what the band draws, not a copy of the whole frame.
                let (shown, total) = frame.with(|f| {
                    (f.in_flight.iter().take(MAX_IN_FLIGHT).cloned().collect::<Vec<_>>(), f.in_flight.len())
                });
                Some(view! { <Network shown=shown total=total at=at/> })
            }}
            {move || {
                layout.with(|l| {
                    frame.with(|f| {
                        f.channels
                            .iter()
                            .zip(&l.pipes)
                            .map(|(c, at)| view! { <Pipe channel=c.clone() at=*at/> })
                            .collect_view()
                    })
                })
            }}
            <g class="links">
                {move || {
                    let linked = frame.with(|f| !f.links.is_empty());
                    linked.then(|| view! { <Links frame=frame.get() layout=layout.get()/> })
                }}
            </g>
            // Keyed by a hash of what a card shows and where: a step redraws only
            // the cards whose process changed, not every card on the stage.
            <For
                each=move || {
                    layout.with(|l| {
                        frame.with(|f| f.processes.iter().cloned().zip(l.cards.iter().copied()).collect::<Vec<_>>())
                    })
                }
                key=|(card, at)| content_key(&(card, at.x.to_bits(), at.y.to_bits()))
                children=|(card, at)| view! { <Card card=card at=at/> }
            />
            <g class="waits">
                {move || {
                    let waiting = frame.with(|f| !f.highlights.waits.is_empty());
                    waiting.then(|| view! { <WaitFor frame=frame.get() layout=layout.get()/> })
                }}
            </g>
            <g class="motions" aria-hidden="true">
                {move || {
                    let _ = step.get();
                    let dur = duration_ms.get();
                    // Read in place: a copy of the frame per step costs more
                    // than the few tokens drawn.
                    let placed = frame.with(|f| {
                        layout.with(|l| {
                            motions.with(|ms| {
                                ms.iter()
                                    .filter_map(|m| {
                                        let from = anchor_point(&m.from, f, l)?;
                                        let to = anchor_point(&m.to, f, l)?;
                                        Some((m.clone(), from, to))
                                    })
                                    .collect::<Vec<_>>()
                            })
                        })
                    });
                    placed
                        .into_iter()
                        .map(|(m, from, to)| view! { <Token motion=m from=from to=to duration_ms=dur/> })
                        .collect_view()
                }}
            </g>
        </svg>
    }
}

/// Where an anchor sits on the stage.
fn anchor_point(anchor: &Anchor, frame: &Frame, layout: &Layout) -> Option<Point> {
    let index_of = |pid: u32| frame.processes.iter().position(|p| p.pid == pid);
    match anchor {
        Anchor::Process(pid) => layout.card_centre(index_of(*pid)?),
        Anchor::Mailbox(pid) => layout.mailbox_anchor(index_of(*pid)?).map(|p| Point {
            x: p.x + 30.0,
            y: p.y + 12.0,
        }),
        Anchor::Channel(id) => {
            let i = frame.channels.iter().position(|c| c.id == *id)?;
            layout.pipe_centre(i)
        }
        Anchor::Var(name) => {
            let i = frame.shared.iter().position(|v| &v.name == name)?;
            layout.vars.get(i).copied()
        }
    }
}

#[component]
fn Whiteboard(origin: Point, frame: Frame, layout: Layout) -> impl IntoView {
    let width = STAGE_WIDTH - 2.0 * origin.x;
    let h = frame.highlights.clone();
    view! {
        <g class="board">
            <rect class="board-bg" x=origin.x y=origin.y width=width height=BOARD_HEIGHT rx="10"/>
            <text class="board-title" x=origin.x + 12.0 y=origin.y + 18.0>"shared memory"</text>
            {frame
                .shared
                .iter()
                .zip(&layout.vars)
                .map(|(var, at)| {
                    let racy = h.race_vars.contains(&var.name);
                    // The value a lost update wiped out flashes above the new one.
                    let ghost = h.lost.as_ref().filter(|(name, _)| *name == var.name).map(|(_, old)| {
                        view! {
                            <text class="lost-ghost" x=at.x y=at.y - 22.0 text-anchor="middle">
                                {format!("{old} lost")}
                            </text>
                        }
                    });
                    view! {
                        <text class=if racy { "var racy" } else { "var" } x=at.x y=at.y text-anchor="middle">
                            <tspan class="var-name">{var.name.clone()}</tspan>
                            <tspan class="var-value">{format!("\u{a0}=\u{a0}{}", var.value)}</tspan>
                        </text>
                        {ghost}
                    }
                })
                .collect_view()}
        </g>
    }
}

/// Most buffer slots drawn in a pipe; the rest are counted.
const MAX_SLOTS: usize = 5;

/// A channel as a pipe: its name, its slots with the values waiting in them,
/// and whether it is closed. An unbuffered channel has no slots: values only
/// pass through it hand to hand.
#[component]
fn Pipe(channel: ChannelCard, at: Point) -> impl IntoView {
    let kind = match channel.capacity {
        Some(0) => "unbuffered".to_string(),
        Some(n) => format!("buffer {n}"),
        None => "unbounded".to_string(),
    };
    let closed = if channel.closed { ", closed" } else { "" };
    let slots = match channel.capacity {
        Some(0) => 0,
        Some(n) => n.min(MAX_SLOTS),
        None => channel.buffer.len().clamp(1, MAX_SLOTS),
    };
    let hidden = channel.buffer.len().saturating_sub(MAX_SLOTS);
    let body_y = at.y + 16.0;
    let body_h = PIPE_HEIGHT - 18.0;
    let slot_w = if slots == 0 {
        0.0
    } else {
        (PIPE_WIDTH - 16.0) / slots as f64
    };
    view! {
        <g class=if channel.closed { "pipe closed" } else { "pipe" }>
            <title>{format!("channel {} ({kind}{closed}): {} waiting", channel.name, channel.buffer.len())}</title>
            <text class="pipe-name" x=at.x + 4.0 y=at.y + 11.0>{format!("{} · {kind}{closed}", channel.name)}</text>
            <rect class="pipe-body" x=at.x y=body_y width=PIPE_WIDTH height=body_h rx=body_h / 2.0/>
            {(0..slots)
                .map(|i| {
                    let x = at.x + 8.0 + slot_w * i as f64;
                    let value = channel.buffer.get(i).cloned();
                    let filled = value.is_some();
                    view! {
                        <rect class=if filled { "slot filled" } else { "slot" } x=x + 2.0 y=body_y + 4.0 width=slot_w - 4.0 height=body_h - 8.0 rx="3"/>
                        {value.map(|v| view! {
                            <text class="slot-value" x=x + slot_w / 2.0 y=body_y + body_h / 2.0 + 4.0 text-anchor="middle">{clip(&v, 6)}</text>
                        })}
                    }
                })
                .collect_view()}
            {(slots == 0).then(|| view! {
                <text class="pipe-hint" x=at.x + PIPE_WIDTH / 2.0 y=body_y + body_h / 2.0 + 4.0 text-anchor="middle">"hand to hand"</text>
            })}
            {(hidden > 0).then(|| view! {
                <text class="pipe-more" x=at.x + PIPE_WIDTH - 4.0 y=at.y + 11.0 text-anchor="end">{format!("+{hidden}")}</text>
            })}
        </g>
    }
}

/// Most messages in flight drawn; the rest are counted.
const MAX_IN_FLIGHT: usize = 6;

/// The network band: messages sent but not yet delivered, oldest first.
#[component]
fn Network(shown: Vec<InFlight>, total: usize, at: Point) -> impl IntoView {
    let hidden = total.saturating_sub(MAX_IN_FLIGHT);
    view! {
        <g class="network">
            <rect class="network-bg" x=at.x y=at.y width=STAGE_WIDTH - 2.0 * at.x height=NETWORK_HEIGHT rx="8"/>
            <text class="network-title" x=at.x + 10.0 y=at.y + 14.0>
                {format!("in flight: {total}")}
            </text>
            {shown
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let x = at.x + 90.0 + 66.0 * i as f64;
                    let (class, title, text) = match m.signal {
                        Some(kind) => (
                            "envelope flying signal",
                            format!("{kind} signal from {} to {}: {}", m.from, m.to, m.value),
                            format!("{kind} {}", m.value),
                        ),
                        None => (
                            "envelope flying",
                            format!("{} → {}: {}", m.from, m.to, m.value),
                            format!("→{} {}", m.to, m.value),
                        ),
                    };
                    view! {
                        <g class=class>
                            <title>{title}</title>
                            <rect x=x y=at.y + 8.0 width="60" height="24" rx="3"/>
                            <text x=x + 30.0 y=at.y + 24.0 text-anchor="middle">{clip(&text, if m.signal.is_some() { 12 } else { 10 })}</text>
                        </g>
                    }
                })
                .collect_view()}
            {(hidden > 0).then(|| view! {
                <text class="network-more" x=at.x + 90.0 + 66.0 * MAX_IN_FLIGHT as f64 y=at.y + 24.0>{format!("+{hidden}")}</text>
            })}
        </g>
    }
}

/// Each link as an arc between the two cards, with a dot at each end.
#[component]
fn Links(frame: Frame, layout: Layout) -> impl IntoView {
    let index_of = |pid: u32| frame.processes.iter().position(|p| p.pid == pid);
    let name_of = |i: usize| {
        frame
            .processes
            .get(i)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    frame
        .links
        .iter()
        .filter_map(|(a, b)| {
            let (ia, ib) = (index_of(*a)?, index_of(*b)?);
            let (start, control, end) = layout.link_arc(ia, ib)?;
            let path = format!(
                "M {} {} Q {} {} {} {}",
                start.x, start.y, control.x, control.y, end.x, end.y
            );
            // Named at the curve's middle (for an arc, its top), so a student can tell a link
            // from the other lines on the stage.
            let peak = Point {
                x: (start.x + end.x) / 2.0,
                y: (start.y + end.y) / 4.0 + control.y / 2.0,
            };
            Some(view! {
                <g class="link">
                    <title>{format!("{} and {} are linked", name_of(ia), name_of(ib))}</title>
                    <path d=path/>
                    <circle cx=start.x cy=start.y r="3.5"/>
                    <circle cx=end.x cy=end.y r="3.5"/>
                    <text class="link-label" x=peak.x + 4.0 y=peak.y - 3.0>"link"</text>
                </g>
            })
        })
        .collect_view()
}

/// Red arrows from each waiting process to the one it waits on; the cycle bolder.
#[component]
fn WaitFor(frame: Frame, layout: Layout) -> impl IntoView {
    let index_of = |pid: u32| frame.processes.iter().position(|p| p.pid == pid);
    let h = &frame.highlights;
    h.waits
        .iter()
        .filter_map(|(from, to)| {
            let a = layout.card_centre(index_of(*from)?)?;
            let b = layout.card_centre(index_of(*to)?)?;
            let in_cycle = h.cycle.contains(from) && h.cycle.contains(to);
            Some(view! {
                <g class=if in_cycle { "wait cycle" } else { "wait" }>
                    <line x1=a.x y1=a.y + 20.0 x2=b.x y2=b.y + 20.0/>
                    <circle cx=b.x cy=b.y + 20.0 r="5"/>
                </g>
            })
        })
        .collect_view()
}

/// Characters of a local shown on its card (the card's width at the stage's font size).
const LOCAL_CHARS: usize = 19;
/// Characters of a local in its tooltip.
const LOCAL_TITLE_CHARS: usize = 300;

#[component]
fn Card(card: ProcessCard, at: Point) -> impl IntoView {
    let colour = format!("proc-{}", card.pid % 6);
    let (state_class, status) = match &card.state {
        CardState::Runnable => ("runnable", "ready".to_string()),
        CardState::Blocked(why) => ("blocked", why.clone()),
        CardState::Done => ("done", "finished".to_string()),
        CardState::Crashed(why) => ("crashed", format!("crashed: {why}")),
    };
    let extra = card.locals.len().saturating_sub(MAX_LOCALS);
    let locals = card
        .locals
        .iter()
        .take(MAX_LOCALS)
        .enumerate()
        .map(|(i, (name, value))| {
            view! {
                // Clipped to the card: a value can be a string of a million characters, and
                // laying that out took the page a third of a second. The title holds more.
                <text class="local" x=at.x + 12.0 y=at.y + 62.0 + 16.0 * i as f64>
                    <title>{clip(&format!("{name} = {value}"), LOCAL_TITLE_CHARS)}</title>
                    {clip(&format!("{name} = {value}"), LOCAL_CHARS)}
                </text>
            }
        })
        .collect_view();
    let more = (extra > 0).then(|| {
        view! {
            <text class="local more" x=at.x + CARD_WIDTH - 10.0 y=at.y + 46.0 text-anchor="end">
                {format!("+{extra} more")}
            </text>
        }
    });
    let mailbox =
        (card.kind == "actor").then(|| view! { <Mailbox messages=card.mailbox.clone() at=at/> });
    view! {
        <g class=format!("card {colour} {state_class}")>
            <title>{format!("{} ({}): {}", card.name, card.kind, status)}</title>
            <rect class="card-bg" x=at.x y=at.y width=CARD_WIDTH height=CARD_HEIGHT rx="10"/>
            <rect class="card-stripe" x=at.x y=at.y width="6" height=CARD_HEIGHT rx="3"/>
            <text class="card-name" x=at.x + 14.0 y=at.y + 22.0>{card.name.clone()}</text>
            <text class="card-kind" x=at.x + CARD_WIDTH - 10.0 y=at.y + 22.0 text-anchor="end">
                {card.kind}
            </text>
            <text class="card-status" x=at.x + 14.0 y=at.y + 40.0>{clip(&status, 24)}</text>
            {locals}
            {more}
            {mailbox}
        </g>
    }
}

#[component]
fn Mailbox(messages: Vec<String>, at: Point) -> impl IntoView {
    let y = at.y + CARD_HEIGHT + 6.0;
    let hidden = messages.len().saturating_sub(MAX_ENVELOPES);
    let envelopes = messages
        .iter()
        .take(MAX_ENVELOPES)
        .enumerate()
        .map(|(i, m)| {
            let x = at.x + 4.0 + 38.0 * i as f64;
            view! {
                <g class="envelope">
                    <title>{m.clone()}</title>
                    <rect x=x y=y width="34" height="24" rx="3"/>
                    <text x=x + 17.0 y=y + 16.0 text-anchor="middle">{clip(m, 5)}</text>
                </g>
            }
        })
        .collect_view();
    let label = if messages.is_empty() {
        "mailbox empty".to_string()
    } else if hidden > 0 {
        format!("+{hidden}")
    } else {
        String::new()
    };
    view! {
        <g class="mailbox">
            {envelopes}
            <text class="mailbox-note" x=at.x + 4.0 + 38.0 * messages.len().min(MAX_ENVELOPES) as f64 y=y + 16.0>
                {label}
            </text>
        </g>
    }
}

#[component]
fn Token(motion: Motion, from: Point, to: Point, duration_ms: u32) -> impl IntoView {
    let kind = match motion.kind {
        MotionKind::Read => "read",
        MotionKind::Write => "write",
        MotionKind::Send => "send",
        MotionKind::Handoff => "handoff",
        MotionKind::Signal => "signal",
    };
    // A signal is a pointed badge, not an envelope, so it never reads as a message.
    let shape = if motion.kind == MotionKind::Signal {
        view! { <polygon points="-30,0 -20,-12 20,-12 30,0 20,12 -20,12"/> }.into_any()
    } else {
        view! { <rect x="-22" y="-11" width="44" height="22" rx="6"/> }.into_any()
    };
    let max = if motion.kind == MotionKind::Signal {
        8
    } else {
        6
    };
    view! {
        <g
            class=format!("token token-{kind}")
            style:--from-x=format!("{}px", from.x)
            style:--from-y=format!("{}px", from.y)
            style:--to-x=format!("{}px", to.x)
            style:--to-y=format!("{}px", to.y)
            style:--duration=format!("{duration_ms}ms")
        >
            {shape}
            <text x="0" y="4" text-anchor="middle">{clip(&motion.label, max)}</text>
        </g>
    }
}

/// Shortens `text` to `max` characters with an ellipsis.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}
