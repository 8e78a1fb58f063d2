//! The playground: your own program in any of the three dialects. Its URL
//! carries the program (see `model::program_link`), so "Copy link" shares it.

use leptos::prelude::*;

use crate::browser;
use crate::components::editor::Editor;
use crate::components::panel::edit_link::InPlayground;
use crate::components::panel::PanelProgram;
use crate::components::panel::{url_writer, SimPanel};
use crate::model::playground::{compile, entry_errors, source_errors, starter, Input, Placed};
use crate::model::program_link::{ProgramLink, LINK_KEY};

/// The playground's one panel id: a link's schedule is kept under it.
const RUN_ID: u32 = 1;

/// Write a program, run it, and watch it in a panel.
#[component]
pub fn PlaygroundPage() -> impl IntoView {
    // Its own panel has no "Edit in playground" link.
    provide_context(InPlayground);
    // A link's program, or why it could not be read.
    let linked = browser::query_value(LINK_KEY).map(|v| ProgramLink::decode(&v));
    let (start, link_problem) = match linked {
        Some(Ok(link)) => (Some(link), None),
        Some(Err(e)) => (None, Some(e.to_string())),
        None => (None, None),
    };
    let dialect = RwSignal::new(start.as_ref().map_or(lang::Dialect::Python, |l| l.dialect));
    let source = RwSignal::new(start.as_ref().map_or_else(
        || starter(lang::Dialect::Python).to_string(),
        |l| l.source.clone(),
    ));
    let network = RwSignal::new(start.as_ref().is_some_and(|l| l.network));
    let entry = RwSignal::new(start.as_ref().map_or_else(String::new, |l| l.entry.clone()));
    let errors: RwSignal<Vec<Placed>> = RwSignal::new(Vec::new());
    let program: RwSignal<Option<PanelProgram>, LocalStorage> = RwSignal::new_local(None);
    let notice = RwSignal::new(link_problem);
    let takes_entry = Memo::new(move |_| {
        Input {
            dialect: dialect.get(),
            source: source.get(),
            entry: String::new(),
            network: false,
        }
        .takes_entry()
    });
    let in_source = Signal::derive(move || source_errors(&errors.get()));
    let in_entry = Memo::new(move |_| entry_errors(&errors.get()));
    // The link for what is in the editor now, read without subscribing.
    let current_link = move || ProgramLink {
        dialect: dialect.get_untracked(),
        network: network.get_untracked(),
        source: source.get_untracked(),
        entry: entry.get_untracked(),
    };

    let panel_key = format!("playground-{RUN_ID}");
    // Compiles what is in the editor; `fresh` drops the schedule a link brought.
    let run = {
        let panel_key = panel_key.clone();
        move |fresh: bool| {
            if fresh {
                browser::set_query_value(&panel_key, None);
                url_writer::write_later(&panel_key, None);
            }
            let link = current_link();
            match link.encode() {
                Ok(value) => browser::set_query_value(LINK_KEY, Some(&value)),
                Err(e) => {
                    browser::set_query_value(LINK_KEY, None);
                    notice.set(Some(e.to_string()));
                }
            }
            program.set(None);
            let input = Input {
                dialect: link.dialect,
                source: link.source,
                entry: link.entry,
                network: link.network,
            };
            match compile(&input, RUN_ID) {
                Ok(p) => {
                    errors.set(Vec::new());
                    program.set(Some(p));
                }
                Err(e) => errors.set(e),
            }
        }
    };
    if start.is_some() {
        run(false);
    }
    let copied = RwSignal::new(false);
    let copy_link = {
        let panel_key = panel_key.clone();
        move || {
            url_writer::flush();
            let link = current_link();
            // The schedule only belongs to the link when it is the shown program's.
            let shown = program.with_untracked(|p: &Option<PanelProgram>| {
                p.as_ref()
                    .is_some_and(|p| p.source == link.source && p.dialect == link.dialect)
            });
            if !shown {
                browser::set_query_value(&panel_key, None);
            }
            match link.encode() {
                Ok(value) => {
                    browser::set_query_value(LINK_KEY, Some(&value));
                    if let Some(url) = browser::current_url() {
                        copied.set(browser::copy_text(&url));
                    }
                    notice.set(None);
                }
                Err(e) => notice.set(Some(e.to_string())),
            }
        }
    };
    let pick_dialect = move |name: String| {
        if let Some(d) = lang::Dialect::from_name(&name) {
            dialect.set(d);
            source.set(starter(d).to_string());
            errors.set(Vec::new());
            program.set(None);
        }
    };
    // Copy, so the entry field (rebuilt whenever it appears) can hold it too.
    let run = StoredValue::new_local(run);

    view! {
        <section class="page playground" aria-labelledby="page-title">
            <h1 id="page-title">"Playground"</h1>
            <p class="lead">"Write a small program in Python, Erlang or Go style, then run it and step through it."</p>
            {move || notice.get().map(|n| view! { <p class="notice pg-notice" role="status">{n}</p> })}
            <div class="pg-toolbar">
                <label>
                    "Dialect "
                    <select on:change=move |ev| pick_dialect(event_target_value(&ev))
                        prop:value=move || dialect.get().name()>
                        {lang::Dialect::ALL.iter().map(|d| view! { <option value=d.name()>{dialect_label(*d)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="pg-network" title="Messages between actors travel separately and can arrive late or be lost; you choose when">
                    <input type="checkbox" prop:checked=move || network.get()
                        on:change=move |ev| network.set(event_target_checked(&ev))/>
                    " Network mode"
                </label>
                <button type="button" class="primary" on:click=move |_| run.with_value(|run| run(true))>"Run ▶"</button>
                <button type="button" class="pg-copy" on:click=move |_| copy_link()
                    title="Copies a link that opens this program, its mode and the steps taken">
                    {move || if copied.get() { "Program link copied ✓" } else { "Copy program link" }}
                </button>
                <span class="pg-hint">"Runs in your browser. Tab indents; Esc then Tab leaves the editor."</span>
            </div>
            <Show when=move || takes_entry.get()>
                <div class="pg-entry">
                    <label for="pg-entry-input">"Start with "</label>
                    <input id="pg-entry-input" type="text" class="pg-entry-input"
                        spellcheck="false" autocomplete="off" placeholder="start()"
                        aria-describedby="pg-entry-help pg-entry-errors"
                        aria-invalid=move || (!in_entry.get().is_empty()).to_string()
                        prop:value=move || entry.get()
                        on:input=move |ev| entry.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { run.with_value(|run| run(true)) }/>
                    <span id="pg-entry-help" class="pg-hint">
                        "What you would type in the erl shell, such as "<code>"mod:start(), mod:go(3)"</code>
                        ". Leave it blank to start from main() or an exported start()."
                    </span>
                    <ul id="pg-entry-errors" class="ed-errors" aria-live="polite">
                        {move || in_entry.get().into_iter().map(|e| view! {
                            <li class="ed-error"><span class="ed-message">{e}</span></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <Editor source=source dialect=dialect.into() errors=in_source/>
            {move || program.get().map(|p| view! { <SimPanel program=p/> })}
        </section>
    }
}

fn dialect_label(d: lang::Dialect) -> &'static str {
    match d {
        lang::Dialect::Python => "Python (threads)",
        lang::Dialect::Erlang => "Erlang (actors)",
        lang::Dialect::Go => "Go (goroutines)",
    }
}
