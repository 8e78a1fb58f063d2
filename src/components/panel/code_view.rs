//! The program's source, coloured by the dialect's own lexer, with each
//! process's current statement marked in that process's colour.

use leptos::prelude::*;

use crate::model::code_lines::CodeLine;

use super::{content_key, RACE_MARK};

/// Renders prepared code lines. Lines where a process stands get its marker
/// in the gutter; the exact span it is about to run is underlined.
#[component]
pub fn CodeView(
    /// The lines to show.
    lines: Signal<Vec<CodeLine>>,
    /// Process names by pid, for the markers' labels.
    names: Signal<Vec<(u32, String)>>,
    /// The program's title, for screen readers.
    title: String,
) -> impl IntoView {
    // Keyed by a hash of the line's whole content: a step re-renders only the
    // lines a cursor left or reached, and the rest of the listing stays as it is.
    view! {
        <figure class="code-view" tabindex="0" aria-label=format!("Source of {title}")>
            <pre>
                <code>
                    <For each=move || lines.get() key=content_key let:line>
                        {render_line(line, names)}
                    </For>
                </code>
            </pre>
        </figure>
    }
}

/// One line: its gutter with the markers of the processes standing on it,
/// and its coloured segments with the current spans underlined.
fn render_line(line: CodeLine, names: Signal<Vec<(u32, String)>>) -> impl IntoView {
    // A pid's name never changes, and a marker for a new pid changes the
    // line's key, so the names are read once, untracked.
    let name_of = |pid: u32| {
        names.with_untracked(|names| {
            names
                .iter()
                .find(|(p, _)| *p == pid)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        })
    };
    let busy = !line.here.is_empty();
    let first = line.here.first().copied().unwrap_or(0);
    let markers = line
        .here
        .iter()
        .map(|pid| {
            view! {
                <span class=format!("marker proc-{}", pid % 6) title=name_of(*pid)>
                    {initials(&name_of(*pid))}
                </span>
            }
        })
        .collect_view();
    let segments = line
        .segments
        .into_iter()
        .map(|s| {
            let mut class = s.class.unwrap_or("").to_string();
            if s.current.contains(&RACE_MARK) {
                class.push_str(" race-span");
            }
            if let Some(pid) = s.current.iter().find(|p| **p != RACE_MARK) {
                class.push_str(&format!(" current proc-{}", pid % 6));
            }
            view! { <span class=class>{s.text}</span> }
        })
        .collect_view();
    view! {
        <span class=format!("line proc-{}{}", first % 6, if busy { " busy" } else { "" })>
            <span class="gutter" aria-hidden="true">
                <span class="markers">{markers}</span>
                <span class="number">{line.number}</span>
            </span>
            <span class="text">{segments}</span>
            "\n"
        </span>
    }
}

/// A short marker label: "T1" stays, "counter" becomes "co".
fn initials(name: &str) -> String {
    name.chars().take(2).collect()
}
