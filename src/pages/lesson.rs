//! A lesson: its prose rendered, its programs and comparisons live in place,
//! and links to the lessons before and after it.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use lesson::{Block, Lesson, Section};

use crate::components::panel::group::PanelGroup;
use crate::components::panel::{SimPanel, StartError};
use crate::components::quiz::inline::InlineQuiz;
use crate::course::course;
use crate::model::markdown;
use crate::model::programs::{panel_program, starting_policy};
use crate::model::session::Policy;
use crate::pages::not_found::NotFoundPage;

/// The lesson named by the `:id` route parameter.
#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let (course, _) = course();
        let Some(index) = course.lessons.iter().position(|l| l.meta.id == id) else {
            return view! { <NotFoundPage/> }.into_any();
        };
        let lesson = &course.lessons[index];
        let previous = index.checked_sub(1).and_then(|i| course.lessons.get(i));
        let next = course.lessons.get(index + 1);
        view! {
            <article class="page lesson" aria-labelledby="page-title">
                <p class="lesson-kicker">
                    {format!("Lesson {} of {}", index + 1, course.lessons.len())}
                    " · "
                    {lesson.meta.level.as_str()}
                    " · "
                    {format!("about {} min", lesson.meta.minutes)}
                </p>
                <h1 id="page-title">{lesson.meta.title.clone()}</h1>
                <p class="lead">{lesson.meta.summary.clone()}</p>
                {lesson.sections.iter().map(|s| view! { <LessonSection lesson=lesson section=s/> }).collect_view()}
                <nav class="lesson-nav" aria-label="Lessons">
                    {previous.map(|l| view! {
                        <A href=crate::app::link(&format!("/lessons/{}", l.meta.id)) attr:class="prev" attr:rel="prev">
                            <span class="dir">"← Previous"</span>
                            <span class="name">{l.meta.title.clone()}</span>
                        </A>
                    })}
                    {next.map(|l| view! {
                        <A href=crate::app::link(&format!("/lessons/{}", l.meta.id)) attr:class="next" attr:rel="next">
                            <span class="dir">"Next →"</span>
                            <span class="name">{l.meta.title.clone()}</span>
                        </A>
                    })}
                </nav>
            </article>
        }
        .into_any()
    }
}

/// One section: its heading and its blocks in order (the Studio's preview uses it too).
#[component]
pub fn LessonSection(lesson: &'static Lesson, section: &'static Section) -> impl IntoView {
    let heading = section
        .heading
        .clone()
        .map(|h| view! { <h2 id=section.anchor.clone()>{h}</h2> });
    view! {
        <section class="lesson-section">
            {heading}
            {section.blocks.iter().map(|b| view! { <LessonBlock lesson=lesson block=b/> }).collect_view()}
        </section>
    }
}

#[component]
fn LessonBlock(lesson: &'static Lesson, block: &'static Block) -> impl IntoView {
    let (course, _) = course();
    match block {
        Block::Prose(prose) => {
            let html = markdown::render(&prose.markdown, |word| {
                course.define(word).map(|e| e.definition.clone())
            });
            view! { <div class="prose" inner_html=html></div> }.into_any()
        }
        Block::Program(program) => match panel_program(program) {
            Ok(p) => view! { <SimPanel program=p policy=starting_policy(program)/> }.into_any(),
            Err(e) => view! { <StartError title=program.id.clone() error=e/> }.into_any(),
        },
        Block::Compare(compare) => {
            let programs: Vec<_> = compare
                .programs
                .iter()
                .filter_map(|r| lesson.program(&r.id))
                .filter_map(|p| panel_program(p).ok())
                .collect();
            let label = compare
                .title
                .clone()
                .unwrap_or_else(|| "Side by side".to_string());
            view! {
                <div class="compare-block">
                    <h3>{label.clone()}</h3>
                    <PanelGroup programs=programs policy=Policy::RoundRobin label=label/>
                </div>
            }
            .into_any()
        }
        Block::Quiz(quiz) => view! { <InlineQuiz lesson=lesson quiz=quiz/> }.into_any(),
        Block::Glossary(glossary) => view! {
            <dl class="glossary">
                {glossary
                    .entries
                    .iter()
                    .map(|e| {
                        let html = markdown::render(&e.definition, |_| None);
                        view! {
                            <dt id=format!("term-{}", slug(&e.term))>{e.term.clone()}</dt>
                            <dd inner_html=html></dd>
                        }
                    })
                    .collect_view()}
            </dl>
        }
        .into_any(),
    }
}

/// A term as an element id.
fn slug(term: &str) -> String {
    term.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}
