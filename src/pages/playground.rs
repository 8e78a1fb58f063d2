//! The playground: your own program in any of the three dialects.

use leptos::prelude::*;

use crate::components::editor::Editor;
use crate::components::panel::SimPanel;
use crate::model::playground::{compile, entry_errors, source_errors, starter, Input, Placed};

/// Write a program, run it, and watch it in a panel.
#[component]
pub fn PlaygroundPage() -> impl IntoView {
    let dialect = RwSignal::new(lang::Dialect::Python);
    let source = RwSignal::new(starter(lang::Dialect::Python).to_string());
    let errors: RwSignal<Vec<Placed>> = RwSignal::new(Vec::new());
    let runs = RwSignal::new(0u32);
    let network = RwSignal::new(false);
    let entry = RwSignal::new(String::new());
    let program = RwSignal::new_local(None);
    let input = move || Input {
        dialect: dialect.get(),
        source: source.get(),
        entry: entry.get(),
        network: network.get(),
    };
    let takes_entry = Memo::new(move |_| input().takes_entry());
    let in_source = Signal::derive(move || source_errors(&errors.get()));
    let in_entry = Memo::new(move |_| entry_errors(&errors.get()));

    let run = move || {
        let n = runs.get_untracked() + 1;
        runs.set(n);
        match compile(&input_untracked(dialect, source, entry, network), n) {
            Ok(p) => {
                errors.set(Vec::new());
                program.set(Some(p));
            }
            Err(e) => {
                errors.set(e);
                program.set(None);
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

    view! {
        <section class="page playground" aria-labelledby="page-title">
            <h1 id="page-title">"Playground"</h1>
            <p class="lead">"Write a small program in Python, Erlang or Go style, then run it and step through it."</p>
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
                <button type="button" class="primary" on:click=move |_| run()>"Run ▶"</button>
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
                        on:keydown=move |ev| if ev.key() == "Enter" { run() }/>
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

/// The input as it is now, read without subscribing (for the run button).
fn input_untracked(
    dialect: RwSignal<lang::Dialect>,
    source: RwSignal<String>,
    entry: RwSignal<String>,
    network: RwSignal<bool>,
) -> Input {
    Input {
        dialect: dialect.get_untracked(),
        source: source.get_untracked(),
        entry: entry.get_untracked(),
        network: network.get_untracked(),
    }
}

fn dialect_label(d: lang::Dialect) -> &'static str {
    match d {
        lang::Dialect::Python => "Python (threads)",
        lang::Dialect::Erlang => "Erlang (actors)",
        lang::Dialect::Go => "Go (goroutines)",
    }
}
