//! A lesson's ` ```quiz ` block, answered in place. Answers are saved, shown again on
//! the next visit, and can be tried again.

use leptos::prelude::*;
use leptos_router::components::A;
use lesson::{Lesson, Quiz};

use crate::model::progress::Saving;
use crate::model::quiz::lesson_questions;

use super::question::{CardMode, QuestionCard};
use super::store::with_progress;

/// Every question of one quiz block as an interactive card.
#[component]
pub fn InlineQuiz(
    /// The lesson the block is in.
    lesson: &'static Lesson,
    /// The block.
    quiz: &'static Quiz,
) -> impl IntoView {
    let questions: Vec<_> = lesson_questions(lesson)
        .into_iter()
        .filter(|q| quiz.questions.iter().any(|b| b.id == q.question.id))
        .collect();
    let count = questions.len();
    let cards = questions
        .into_iter()
        .map(|q| view! { <QuestionCard q=q mode=CardMode::Inline on_answer=|_: bool| ()/> })
        .collect_view();
    view! {
        <aside class="quiz-block" aria-label="Check yourself">
            <p class="quiz-block-title">
                {format!("Check yourself: {count} question{}", if count == 1 { "" } else { "s" })}
            </p>
            <p class="quiz-block-sub">
                {move || with_progress(|s| match s.saving() {
                    Saving::Saved => "Your answers are saved in this browser. ",
                    Saving::Unsaved(_) => "This browser does not let us save answers: they count for this visit only. ",
                })}
                <A href=crate::app::link(&format!("/quiz?lesson={}", lesson.meta.id))>"Take this lesson's whole quiz"</A>
            </p>
            {cards}
        </aside>
    }
}
