//! The Studio: write a lesson file, see it as students will, with the
//! checker's findings beside it; open, autosave and download the file.

mod editor;
mod files;
mod findings;
mod preview;
mod reference;

use std::time::Duration;

use leptos::prelude::*;
use lesson::Lesson;

use crate::course::LESSON_FILES;
use crate::model::studio::findings::{check_findings, parse_findings, Finding};
use crate::model::studio::pacing::{Pacing, CHECK_AFTER_MS, PARSE_AFTER_MS};
use crate::model::studio::template::{download_name, starts, TEMPLATE, TEMPLATE_FILE};
use editor::LessonEditor;
use findings::Findings;
use preview::Preview;
use reference::Reference;

/// Whether the draft is in localStorage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Saved {
    Yes,
    Pending,
    Refused,
}

/// The Studio page.
#[component]
pub fn StudioPage() -> impl IntoView {
    let (first_name, first_text) =
        files::load_draft().unwrap_or_else(|| (TEMPLATE_FILE.to_string(), TEMPLATE.to_string()));
    let name = RwSignal::new(first_name);
    let text = RwSignal::new(first_text);
    let findings: RwSignal<Vec<Finding>> = RwSignal::new(Vec::new());
    let status = RwSignal::new(String::from("Checking…"));
    let preview: RwSignal<Option<&'static Lesson>> = RwSignal::new(None);
    let stale = RwSignal::new(false);
    let saved = RwSignal::new(Saved::Yes);
    let pacing = StoredValue::new(Pacing::default());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let problem = RwSignal::new(None::<String>);

    // The parser's pass: findings, preview and autosave, after a short pause.
    let quick = move || {
        let (file, body) = (name.get_untracked(), text.get_untracked());
        let parsed = lesson::parse_lesson(&file, &body);
        if parsed.has_errors() {
            stale.set(preview.get_untracked().is_some());
        } else {
            // The preview's components hold `&'static` lessons, as the bundled
            // course's do; one small lesson per pause in typing is kept.
            preview.set(Some(Box::leak(Box::new(parsed.lesson))));
            stale.set(false);
        }
        findings.set(parse_findings(&file, &body));
        saved.set(if files::save_draft(&file, &body) {
            Saved::Yes
        } else {
            Saved::Refused
        });
    };
    // The whole checker's pass: programs run, answers worked out, timed.
    let full = move |stamp: u64| {
        let (file, body) = (name.get_untracked(), text.get_untracked());
        let started = js_sys::Date::now();
        let found = check_findings(&file, &body);
        let ms = js_sys::Date::now() - started;
        pacing.update_value(|p| p.checked(stamp, ms));
        let errors = found.iter().filter(|f| f.error).count();
        let warnings = found.len() - errors;
        status.set(format!(
            "Checked: {errors} error(s), {warnings} warning(s); every program run and every answer worked out ({:.1} s).",
            ms / 1000.0
        ));
        findings.set(found);
    };
    let describe_wait = move || {
        let p = pacing.get_value();
        status.set(if p.automatic() {
            "Checking after you pause…".to_string()
        } else {
            format!(
                "Parser findings only. The last full check took {:.1} s, so it runs when you press Check.",
                p.last_check_ms.unwrap_or_default() / 1000.0
            )
        });
    };
    let on_edit = Callback::new(move |()| {
        let stamp = pacing.try_update_value(|p| p.edited()).unwrap_or_default();
        saved.set(Saved::Pending);
        set_timeout(
            move || {
                if pacing.with_value(|p| p.current(stamp)) {
                    quick();
                    describe_wait();
                }
            },
            Duration::from_millis(PARSE_AFTER_MS.into()),
        );
        set_timeout(
            move || {
                if pacing.with_value(|p| p.current(stamp) && p.automatic()) {
                    full(stamp);
                }
            },
            Duration::from_millis(CHECK_AFTER_MS.into()),
        );
    });
    let check_now = move || {
        quick();
        full(pacing.with_value(|p| p.edit));
    };
    // Replaces the whole file (a start, an opened file) and checks it.
    let replace = move |file: String, body: String| {
        name.set(file);
        text.set(body);
        preview.set(None);
        on_edit.run(());
    };
    on_edit.run(());

    let jump = Callback::new(move |(start, end): (usize, usize)| {
        if let Some(el) = area.get_untracked() {
            // Byte offsets to the textarea's UTF-16 offsets.
            let to_utf16 = |at: usize| {
                text.with_untracked(|t| {
                    t.get(..at.min(t.len()))
                        .map_or(0, |s| s.encode_utf16().count()) as u32
                })
            };
            let _ = el.focus();
            let _ = el.set_selection_range(to_utf16(start), to_utf16(end));
        }
    });

    let all_starts = starts(LESSON_FILES);
    let picked = RwSignal::new(0usize);
    let open_start = {
        let all_starts = all_starts.clone();
        move || {
            if let Some(s) = all_starts.get(picked.get_untracked()) {
                replace(s.file.to_string(), s.text.to_string());
            }
        }
    };
    let receive = move |result: Result<(String, String), String>| match result {
        Ok((file, body)) => {
            problem.set(None);
            replace(file, body);
        }
        Err(e) => problem.set(Some(e)),
    };
    let dragging = RwSignal::new(false);

    view! {
        <section class="page studio" aria-labelledby="page-title"
            class:st-dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                files::read_first(ev.data_transfer().and_then(|d| d.files()), receive);
            }>
            <h1 id="page-title">"Studio"</h1>
            <p class="lead">"Write a lesson and see it as students will. The checker runs every program and works out every answer as you type."</p>
            <div class="st-toolbar" role="toolbar" aria-label="Lesson file">
                <label>
                    "Start from "
                    <select aria-label="Start from" on:change=move |ev| picked.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {all_starts.iter().enumerate().map(|(i, s)| view! {
                            <option value=i.to_string()>{if i == 0 { "Template lesson".to_string() } else { s.file.to_string() }}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=move |_| open_start()
                    title="Replaces the editor's text with the chosen start">"Use it"</button>
                <label class="st-file">
                    "Open .md…"
                    <input type="file" accept=".md,text/markdown" class="st-file-input"
                        on:change=move |ev| files::read_first(files::input_files(&ev), receive)/>
                </label>
                <a class="st-download" download=move || download_name(&name.get())
                    href=move || files::download_href(&text.get())>"Download .md"</a>
                <button type="button" on:click=move |_| check_now()>"Check"</button>
                <span class="st-saved" role="status" aria-live="polite" data-saved=move || format!("{:?}", saved.get()).to_lowercase()>
                    {move || match saved.get() {
                        Saved::Yes => "✓ Saved in this browser",
                        Saved::Pending => "Editing…",
                        Saved::Refused => "Not saved: this browser refuses to store it; download the file",
                    }}
                </span>
            </div>
            {move || problem.get().map(|p| view! { <p class="notice" role="alert">{p}</p> })}
            <p class="st-note">{move || format!("Editing {}. Drop a .md file anywhere on this page to open it.", name.get())}</p>
            <div class="st-columns">
                <div class="st-write">
                    <Reference/>
                    <LessonEditor text=text findings=findings.into() on_edit=on_edit area=area/>
                    <h2 id="st-findings-title" class="st-subhead">"Checker findings"</h2>
                    <Findings findings=findings.into() status=status.into() jump=jump/>
                </div>
                <div class="st-see">
                    <h2 class="st-subhead">"Preview"</h2>
                    <Preview lesson=preview.into() stale=stale.into()/>
                </div>
            </div>
        </section>
    }
}
