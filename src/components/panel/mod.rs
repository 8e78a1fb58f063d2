//! The simulation panel: code, stage, controls, narration and detector banners,
//! all read from a [`Session`].

pub mod choices;
pub mod code_view;
pub mod controls;
pub mod driver;
pub mod edit_link;
pub mod explore;
pub mod group;
pub mod narration;
pub mod stage;
pub mod timeline;
pub mod timing;
pub mod url_writer;

use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::browser;
use crate::model::code_lines::SourceLines;
use crate::model::frame::Frame;
use crate::model::motion::motions;
use crate::model::session::{Policy, Session};
use crate::model::url_state::{self, PanelState};
use choices::Choices;
use code_view::CodeView;
use controls::Controls;
use driver::{Driver, SessionSignal};
use edit_link::EditInPlayground;
use explore::Explore;
use narration::{Banners, Narration};
use stage::Stage;
use timeline::Timeline;

/// The pseudo-process id that marks a race's accesses in the code view.
pub const RACE_MARK: u32 = u32::MAX - 1;

/// A keyed list's key for an item keyed by its whole content: a 64-bit hash
/// of it, so the list neither clones every item into a key on each step nor
/// compares whole items to diff them. Two different items of one list sharing
/// a hash is about as likely as 2^-64 per pair.
pub fn content_key<T: std::hash::Hash>(item: &T) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(item)
}

/// A compiled program ready for a panel.
#[derive(Clone)]
pub struct PanelProgram {
    /// Its id, unique on the page.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The dialect it is written in.
    pub dialect: lang::Dialect,
    /// Its source.
    pub source: String,
    /// The compiled program.
    pub program: Arc<sim::ir::Program>,
    /// Simulator options (network mode, expand, mailbox bound).
    pub options: sim::Options,
}

impl PanelProgram {
    /// A fresh session on this program.
    pub fn session(&self, policy: Policy) -> Result<SessionSignal, String> {
        Session::new(self.program.clone(), self.options.clone(), policy).map(RwSignal::new_local)
    }

    /// A session restored from the page URL's `url_key`, when the URL holds a
    /// state for it; otherwise a fresh one with `policy`. The text is a notice for
    /// the reader when the URL held a state that could not be used.
    pub fn session_from_url(
        &self,
        url_key: &str,
        policy: Policy,
    ) -> Result<(SessionSignal, Option<String>), String> {
        let linked = browser::query_value(url_key);
        let saved = linked.as_deref().and_then(PanelState::parse);
        let mut notice = match (&linked, &saved) {
            (Some(text), None) => Some(url_state::unreadable_notice(text)),
            _ => None,
        };
        let mut session = Session::new(
            self.program.clone(),
            self.options.clone(),
            saved.as_ref().map_or(policy, |s| s.policy),
        )?;
        if let Some(state) = saved {
            // A stale link (the program changed) replays as far as it still fits; one
            // that is not a schedule at all starts from the beginning and says so.
            if session.replay(&state.schedule).is_err() {
                session.reset();
                notice = Some(url_state::unreadable_notice(&state.schedule));
            }
        }
        Ok((RwSignal::new_local(session), notice))
    }
}

/// One runnable program with its own control bar.
#[component]
pub fn SimPanel(
    /// The program.
    program: PanelProgram,
    /// The starting policy.
    #[prop(optional)]
    policy: Option<Policy>,
) -> impl IntoView {
    let url_key = program.id.clone();
    let (session, link_notice) =
        match program.session_from_url(&url_key, policy.unwrap_or(Policy::RoundRobin)) {
            Ok(s) => s,
            Err(e) => return view! { <StartError title=program.title error=e/> }.into_any(),
        };
    let driver = Driver::new(vec![session]);
    on_cleanup(move || driver.stop());
    let on_key = move |ev: KeyboardEvent| {
        if driver.key(&ev.key()) {
            ev.prevent_default();
        }
    };
    let label = format!("{}: space plays, arrow keys step", program.title);
    view! {
        <div class="sim-single" tabindex="0" on:keydown=on_key aria-label=label>
            {link_notice.map(|n| view! { <p class="notice panel-link-notice" role="status">{n}</p> })}
            <Controls driver=driver/>
            <PanelView program=program session=session driver=driver url_key=url_key/>
        </div>
    }
    .into_any()
}

/// A program that could not start.
#[component]
pub fn StartError(title: String, error: String) -> impl IntoView {
    view! {
        <div class="panel panel-error" role="alert">
            <p><strong>{title}</strong>{format!(" cannot start: {error}")}</p>
        </div>
    }
}

/// Code, stage, banners, choices and narration for one session, without controls.
/// With a `url_key`, its state is kept in the page URL under that key.
#[component]
pub fn PanelView(
    program: PanelProgram,
    session: SessionSignal,
    driver: Driver,
    #[prop(optional, into)] url_key: Option<String>,
) -> impl IntoView {
    Effect::new(move |_| {
        let Some(url_key) = url_key.as_deref() else {
            return;
        };
        let state = session.with(|s| PanelState {
            policy: s.policy(),
            schedule: s.schedule(),
        });
        let fresh = state.schedule.is_empty() && state.policy == Policy::RoundRobin;
        url_writer::write_later(url_key, (!fresh).then(|| state.encode()));
    });
    // The source is cut into coloured lines once; a step only moves the cursors.
    let source = SourceLines::new(
        &program.source,
        &lang::highlight(program.dialect, &program.source),
    );
    let frame = Memo::new(move |_| {
        session.with(|s| timing::measured("step: frame", || Frame::of(s.world(), s.last_events())))
    });
    let step = Signal::derive(move || session.with(Session::step_index));
    let moving = Signal::derive(move || session.with(|s| motions(s.world(), s.last_events())));
    let lines = Memo::new(move |_| {
        frame.with(|f| {
            let mut cursors: Vec<_> = f
                .processes
                .iter()
                .filter_map(|p| Some((p.pid, p.span?, p.line?)))
                .collect();
            // Both accesses of a race are marked in the code too.
            cursors.extend(
                f.highlights
                    .race_spans
                    .iter()
                    .map(|span| (RACE_MARK, *span, 0)),
            );
            timing::measured("step: code lines", || source.mark(&cursors))
        })
    });
    let names = Signal::derive(move || {
        frame.with(|f| {
            f.processes
                .iter()
                .map(|p| (p.pid, p.name.clone()))
                .collect()
        })
    });
    let duration = Signal::derive(move || driver.motion_ms());
    let outcome = move || frame.with(Frame::headline);
    let output = move || frame.with(|f| f.output.clone());

    view! {
        <section class="panel" aria-label=format!("Simulation: {}", program.title) data-program=program.id.clone()>
            <header class="panel-head">
                <h3 class="panel-title">{program.title.clone()}</h3>
                <span class="panel-dialect">{program.dialect.name()}</span>
                <span class="panel-status">{move || session.with(Session::status_text)}</span>
                <span class="panel-outcome">{outcome}</span>
                <EditInPlayground dialect=program.dialect network=program.options.network
                    source=program.source.clone() title=program.title.clone()/>
            </header>
            <Banners session=session/>
            <Explore session=session requests=driver.explore_requests/>
            <Choices session=session/>
            <div class="panel-body">
                <CodeView lines=lines.into() names=names title=program.title.clone()/>
                <Stage
                    frame=frame.into()
                    motions=moving
                    step=step
                    duration_ms=duration
                    label=format!("Stage of {}", program.title)
                />
            </div>
            <Show when=move || !output().is_empty()>
                <div class="output">
                    <span class="output-label">"Output"</span>
                    <pre aria-label="Program output">{move || output().join("\n")}</pre>
                </div>
            </Show>
            <Narration session=session/>
            <Timeline session=session/>
        </section>
    }
}
