//! The lesson editor: a textarea over coloured lines, with a gutter of line
//! numbers that marks each line the checker found a problem on.

use leptos::prelude::*;

use crate::model::studio::findings::{gutter, Finding, Mark};
use crate::model::studio::lines::lesson_lines;

/// Edits the lesson `text`; `on_edit` hears every change.
#[component]
pub fn LessonEditor(
    /// The file's text.
    text: RwSignal<String>,
    /// The findings to mark in the gutter.
    findings: Signal<Vec<Finding>>,
    /// Called after each edit.
    on_edit: Callback<()>,
    /// The textarea, so findings can move the caret.
    area: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let coloured = move || {
        let lines = text.with(|t| lesson_lines(t));
        let marks = gutter(lines.len(), &findings.get());
        lines
            .into_iter()
            .zip(marks)
            .map(|(line, mark)| {
                let tint = match mark {
                    Mark::None => "",
                    Mark::Warning => " st-line-warning",
                    Mark::Error => " st-line-error",
                };
                view! {
                    <span class=format!("ed-line {}{tint}", line.kind)>
                        {line.pieces.into_iter().map(|p| view! { <span class=p.class.unwrap_or("")>{p.text}</span> }).collect_view()}
                        "\n"
                    </span>
                }
            })
            .collect_view()
    };
    let numbers = move || {
        let count = text.with(|t| t.split('\n').count());
        gutter(count, &findings.get())
            .into_iter()
            .enumerate()
            .map(|(i, mark)| {
                let class = match mark {
                    Mark::None => "st-num",
                    Mark::Warning => "st-num st-mark-warning",
                    Mark::Error => "st-num st-mark-error",
                };
                view! { <span class=class>{format!("{}\n", i + 1)}</span> }
            })
            .collect_view()
    };
    let escaped = StoredValue::new(false);
    view! {
        <div class="editor st-editor">
            <pre class="ed-numbers" aria-hidden="true">{numbers}</pre>
            <div class="ed-stack">
                <pre class="ed-view" aria-hidden="true"><code>{coloured}</code></pre>
                <textarea
                    node_ref=area
                    class="ed-input"
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    aria-label="Lesson file (Markdown with TOML front matter)"
                    aria-describedby="st-findings-title"
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        on_edit.run(());
                    }
                    on:keydown=move |ev| {
                        // Tab indents; Escape then Tab leaves, so a keyboard user is never trapped.
                        match ev.key().as_str() {
                            "Escape" => escaped.set_value(true),
                            "Tab" if !ev.shift_key() && !escaped.get_value() => {
                                ev.prevent_default();
                                insert_spaces(&ev);
                            }
                            _ => escaped.set_value(false),
                        }
                    }
                ></textarea>
            </div>
        </div>
    }
}

/// Inserts four spaces at the caret and reports it as an input.
fn insert_spaces(ev: &leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Some(area) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let _ = area.set_range_text_with_start_and_end_and_mode(
        "    ",
        area.selection_start().ok().flatten().unwrap_or(0),
        area.selection_end().ok().flatten().unwrap_or(0),
        "end",
    );
    let _ = area.dispatch_event(&web_sys::Event::new("input").expect("an input event"));
}
