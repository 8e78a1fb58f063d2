//! Several programs under one control bar and one scheduler policy.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::model::session::Policy;

use super::controls::Controls;
use super::driver::{Driver, SessionSignal};
use super::{PanelProgram, PanelView, StartError};
use crate::model::frame::Frame;
use crate::model::session::Session;
use sim::detect::Finding;

/// Panels side by side, all driven by one [`Driver`].
#[component]
pub fn PanelGroup(
    /// The programs, in display order.
    programs: Vec<PanelProgram>,
    /// The policy every panel starts with.
    policy: Policy,
    /// A label for the group.
    label: String,
) -> impl IntoView {
    let mut sessions = Vec::new();
    let mut panels = Vec::new();
    for program in programs {
        match program.session_from_url(&group_key(&program.id), policy) {
            // A side-by-side view is opened from lesson links, not shared schedules;
            // an unusable state simply starts the panel fresh.
            Ok((session, _)) => {
                sessions.push(session);
                panels.push((program, Some(session), None));
            }
            Err(e) => panels.push((program, None, Some(e))),
        }
    }
    let scoreboard: Vec<(String, SessionSignal)> = panels
        .iter()
        .filter_map(|(p, s, _)| Some((p.title.clone(), (*s)?)))
        .collect();
    let driver = Driver::new(sessions);
    on_cleanup(move || driver.stop());
    let on_key = move |ev: KeyboardEvent| {
        if driver.key(&ev.key()) {
            ev.prevent_default();
        }
    };
    view! {
        <div class="panel-group" tabindex="0" on:keydown=on_key
            aria-label=format!("{label}: space plays, arrow keys step")>
            <Controls driver=driver/>
            <Scoreboard sessions=scoreboard/>
            <div class="panel-grid">
                {panels
                    .into_iter()
                    .map(|(program, session, error)| match session {
                        Some(session) => {
                            let key = group_key(&program.id);
                            view! { <PanelView program=program session=session driver=driver url_key=key/> }.into_any()
                        }
                        None => view! { <StartError title=program.title error=error.unwrap_or_default()/> }.into_any(),
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

/// A group's panels keep their URL state apart from single panels of the same program.
fn group_key(id: &str) -> String {
    format!("cmp.{id}")
}

/// One line per program: its result so far and what the detectors say, so
/// the four can be compared at a glance.
#[component]
fn Scoreboard(sessions: Vec<(String, SessionSignal)>) -> impl IntoView {
    view! {
        <ul class="scoreboard" aria-label="Results so far">
            {sessions
                .into_iter()
                .map(|(title, session)| {
                    let result = move || session.with(|s| Frame::headline_of(s.world()));
                    let verdict = move || {
                        session.with(|s| {
                            let findings = s.world().findings();
                            let has = |f: fn(&Finding) -> bool| findings.iter().any(f);
                            let mut bad = Vec::new();
                            if has(|f| matches!(f, Finding::LostUpdate { .. })) { bad.push("lost update"); }
                            if has(|f| matches!(f, Finding::Race { .. })) { bad.push("data race"); }
                            if has(|f| matches!(f, Finding::Deadlock(_))) { bad.push("deadlock"); }
                            bad
                        })
                    };
                    view! {
                        <li class="score" class:score-bad=move || !verdict().is_empty()>
                            <span class="score-title">{title}</span>
                            <span class="score-result">{move || { let r = result(); if r.is_empty() { "—".to_string() } else { r } }}</span>
                            <span class="score-verdict">
                                {move || {
                                    let bad = verdict();
                                    if bad.is_empty() {
                                        session.with(|s: &Session| if s.world().is_over() { "✓ clean run" } else { "no problem so far" }).to_string()
                                    } else {
                                        format!("⚠ {}", bad.join(", "))
                                    }
                                }}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
