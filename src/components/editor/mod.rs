//! A code editor: a plain textarea over the same coloured lines the code view
//! uses, with line numbers and inline errors.

use leptos::prelude::*;

use crate::model::code_lines::code_lines;
use crate::model::playground::Placed;

/// Edits `source` in `dialect`, colouring with the dialect's own lexer and
/// showing `errors` under the lines they belong to.
#[component]
pub fn Editor(
    /// The text being edited.
    source: RwSignal<String>,
    /// The dialect, for colouring.
    dialect: Signal<lang::Dialect>,
    /// Errors to show inline.
    errors: Signal<Vec<Placed>>,
) -> impl IntoView {
    // The overlay must keep exactly the textarea's lines, so errors are marked
    // in place (line tint, underlined span) and described below the editor.
    let highlighted = move || {
        let text = source.get();
        let tokens = lang::highlight(dialect.get(), &text);
        let marks: Vec<_> = errors
            .get()
            .iter()
            .map(|e| (ERROR_MARK, e.span, e.line))
            .collect();
        code_lines(&text, &tokens, &marks)
            .into_iter()
            .map(|line| {
                let has_error = !line.here.is_empty();
                view! {
                    <span class="ed-line" class:has-error=has_error>
                        {line
                            .segments
                            .into_iter()
                            .map(|s| {
                                let mut class = s.class.unwrap_or("").to_string();
                                if !s.current.is_empty() {
                                    class.push_str(" ed-error-span");
                                }
                                view! { <span class=class>{s.text}</span> }
                            })
                            .collect_view()}
                        "\n"
                    </span>
                }
            })
            .collect_view()
    };
    let escaped = StoredValue::new(false);
    let numbers = move || {
        let n = source.with(|s| s.split('\n').count());
        (1..=n).map(|i| format!("{i}\n")).collect::<String>()
    };
    view! {
        <div class="editor">
            <pre class="ed-numbers" aria-hidden="true">{numbers}</pre>
            <div class="ed-stack">
            <pre class="ed-view" aria-hidden="true"><code>{highlighted}</code></pre>
            <textarea
                class="ed-input"
                spellcheck="false"
                autocomplete="off"
                aria-label="Program source"
                prop:value=move || source.get()
                on:input=move |ev| source.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    // Tab indents inside the editor; Escape then Tab leaves it, so a
                    // keyboard user is never trapped.
                    match ev.key().as_str() {
                        "Escape" => escaped.set_value(true),
                        "Tab" if !ev.shift_key() && !escaped.get_value() => {
                            ev.prevent_default();
                            insert_tab(&ev);
                        }
                        _ => escaped.set_value(false),
                    }
                }
            ></textarea>
            </div>
        </div>
        <ul class="ed-errors" aria-live="polite">
            {move || errors.get().into_iter().map(|e| view! {
                <li class="ed-error">
                    <span class="ed-where">{format!("line {}, column {}", e.line, e.col)}</span>
                    <span class="ed-message">{e.message}</span>
                    <span class="ed-hint">{e.hint}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The pseudo-process id that marks an error span in the coloured lines.
const ERROR_MARK: u32 = u32::MAX;

/// Inserts four spaces at the caret of the textarea the event came from.
fn insert_tab(ev: &leptos::ev::KeyboardEvent) {
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
