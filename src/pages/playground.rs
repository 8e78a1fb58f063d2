//! The playground: your own program in any of the three dialects.

use leptos::prelude::*;

use crate::components::editor::Editor;
use crate::components::panel::SimPanel;
use crate::model::playground::{compile, starter, Placed};

/// Write a program, run it, and watch it in a panel.
#[component]
pub fn PlaygroundPage() -> impl IntoView {
    let dialect = RwSignal::new(lang::Dialect::Python);
    let source = RwSignal::new(starter(lang::Dialect::Python).to_string());
    let errors: RwSignal<Vec<Placed>> = RwSignal::new(Vec::new());
    let runs = RwSignal::new(0u32);
    let network = RwSignal::new(false);
    let program = RwSignal::new_local(None);

    let run = move || {
        let n = runs.get_untracked() + 1;
        runs.set(n);
        match compile(
            dialect.get_untracked(),
            &source.get_untracked(),
            n,
            network.get_untracked(),
        ) {
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
            <Editor source=source dialect=dialect.into() errors=errors.into()/>
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
