//! The quiz: test yourself on the whole course, one lesson, or the questions answered
//! wrong before; one question at a time, then the score, a retry of the wrong ones and
//! the answers.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use lesson::Course;
use wasm_bindgen::JsCast;

use crate::components::quiz::question::{CardMode, QuestionCard};
use crate::components::quiz::store::{reset_progress, update_progress, with_progress};
use crate::components::quiz::{inline_html, plain_text, prose_html};
use crate::course::quiz_course;
use crate::model::quiz::{
    course_questions, find_question, lesson_questions, shown_answer, QuestionRef,
};
use crate::model::quiz_run::{QuizRun, Scope};

/// Where the keyboard goes when a question appears.
const QUESTION_FOCUS: &[&str] = &[
    ".quiz-card .quiz-text",
    ".quiz-card .quiz-challenge",
    ".quiz-card",
];

/// Where the page scrolls when it moves the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Land {
    /// To the top: a new question or screen.
    Top,
    /// Just enough to show the feedback of the answer given.
    Feedback,
}

/// Which screen the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    /// Choose what to be asked.
    Menu,
    /// One question at a time.
    Asking,
    /// The score of the run just finished.
    Score,
    /// Every question of the run with its right answer.
    Answers,
}

/// The Quiz page. `?lesson=ID` starts (or resumes) that lesson's quiz at once.
#[component]
pub fn QuizPage() -> impl IntoView {
    // A course.toml's `quiz = […]` narrows the lessons the quiz draws from.
    let course: &'static Course = quiz_course();
    let run = RwSignal::new(None::<QuizRun>);
    let screen = RwSignal::new(Screen::Menu);
    let announce = RwSignal::new(String::new());
    let holder = NodeRef::<leptos::html::Div>::new();

    // Puts the keyboard focus where the next key belongs: the first of `selectors` that
    // exists (a question's text box, its challenge board, the card, a screen's heading).
    // A new screen starts at the top; after an answer, the feedback stays in view.
    let focus_later = move |selectors: &'static [&'static str], land: Land| {
        request_animation_frame(move || {
            let Some(root) = holder.get_untracked() else {
                return;
            };
            let found = selectors
                .iter()
                .find_map(|s| root.query_selector(s).ok().flatten());
            let Some(el) = found.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) else {
                return;
            };
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
            match land {
                Land::Top => window().scroll_to_with_x_and_y(0.0, 0.0),
                Land::Feedback => {
                    if let Ok(Some(feedback)) = root.query_selector(".quiz-feedback") {
                        let options = web_sys::ScrollIntoViewOptions::new();
                        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                        feedback.scroll_into_view_with_scroll_into_view_options(&options);
                    }
                }
            }
        });
    };
    let begin = move |new_run: QuizRun| {
        let saved = new_run.clone();
        update_progress(move |p| p.last = Some(saved));
        announce.set(format!(
            "{}. Question {}.",
            scope_label(course, &Scope::parse(&new_run.scope).unwrap_or(Scope::All)),
            new_run.position_text()
        ));
        run.set(Some(new_run));
        screen.set(Screen::Asking);
        focus_later(QUESTION_FOCUS, Land::Top);
    };

    // A deep link to one lesson's quiz starts it, or resumes it after a reload.
    if let Some(id) = use_query_map().with_untracked(|q| q.get("lesson")) {
        if let Some(lesson) = course.lesson(&id) {
            let scope = Scope::Lesson(id.clone());
            let resumed = saved_run(course).filter(|r| r.scope == scope.code());
            let keys = lesson_questions(lesson)
                .iter()
                .map(QuestionRef::key)
                .collect::<Vec<_>>();
            if let Some(r) = resumed {
                begin(r);
            } else if !keys.is_empty() {
                begin(QuizRun::new(&scope, keys));
            }
        }
    }

    let on_answer = Callback::new(move |correct: bool| {
        run.update(|r| {
            if let Some(r) = r {
                r.record(correct);
            }
        });
        let saved = run.get_untracked();
        update_progress(move |p| p.last = saved);
        focus_later(&[".quiz-next-button"], Land::Feedback);
    });
    let next = move || {
        let mut finished = None;
        run.update(|r| {
            if let Some(r) = r {
                if !r.advance() {
                    finished = Some(r.clone());
                }
            }
        });
        if let Some(done) = finished {
            let (right, total) = done.score();
            update_progress(|p| {
                p.record_score(&done.scope, right, total);
                p.last = None;
            });
            announce.set(format!("Quiz finished. Your score: {}.", done.score_text()));
            screen.set(Screen::Score);
            focus_later(&["#quiz-screen-title"], Land::Top);
        } else {
            let saved = run.get_untracked();
            if let Some(r) = &saved {
                announce.set(format!("Question {}.", r.position_text()));
            }
            update_progress(move |p| p.last = saved);
            focus_later(QUESTION_FOCUS, Land::Top);
        }
    };
    let to_menu = move || {
        screen.set(Screen::Menu);
        announce.set("Quiz menu.".to_string());
        focus_later(&["#quiz-screen-title"], Land::Top);
    };

    let body = move || {
        match screen.get() {
        Screen::Menu => view! { <Menu course=course begin=Callback::new(begin)/> }.into_any(),
        Screen::Asking => view! {
            <Asking course=course run=run on_answer=on_answer
                next=Callback::new(move |()| next()) leave=Callback::new(move |()| to_menu())/>
        }
        .into_any(),
        Screen::Score => view! {
            <ScoreScreen course=course run=run begin=Callback::new(begin)
                answers=Callback::new(move |()| { screen.set(Screen::Answers); focus_later(&["#quiz-screen-title"], Land::Top); })
                menu=Callback::new(move |()| to_menu())/>
        }
        .into_any(),
        Screen::Answers => view! {
            <AnswerSheet course=course run=run begin=Callback::new(begin) menu=Callback::new(move |()| to_menu())/>
        }
        .into_any(),
    }
    };

    view! {
        <section class="page quiz-page" aria-labelledby="page-title">
            <h1 id="page-title">"Quiz"</h1>
            <div class="quiz-screen" node_ref=holder>{body}</div>
            <p class="quiz-sr" aria-live="polite" aria-atomic="true">{move || announce.get()}</p>
        </section>
    }
}

/// The saved run, checked against the course, if it is not finished.
fn saved_run(course: &Course) -> Option<QuizRun> {
    let last = with_progress(|s| s.progress().last.clone())?;
    last.repaired(|key| find_question(course, key).is_some())
        .filter(|r| !r.is_finished())
}

/// A scope in words.
fn scope_label(course: &Course, scope: &Scope) -> String {
    match scope {
        Scope::All => "Every question".to_string(),
        Scope::Lesson(id) => match course.lesson(id) {
            Some(l) => format!("Lesson: {}", l.meta.title),
            None => "One lesson".to_string(),
        },
        Scope::Wrong => "The ones you got wrong".to_string(),
        Scope::Retry => "Retrying the wrong ones".to_string(),
    }
}

/// The keys of the questions answered wrong last time, in course order.
fn wrong_keys(course: &Course) -> Vec<String> {
    with_progress(|s| {
        course_questions(course)
            .iter()
            .map(QuestionRef::key)
            .filter(|k| s.progress().is_wrong(k))
            .collect()
    })
}

/// Choose what to be asked; resume; see how far you are; reset.
#[component]
fn Menu(course: &'static Course, begin: Callback<QuizRun>) -> impl IntoView {
    let all = course_questions(course);
    let total = all.len();
    let simulated = all
        .iter()
        .filter(|q| q.question.kind.is_simulator_graded())
        .count();
    let lessons: Vec<_> = course
        .lessons
        .iter()
        .filter(|l| l.questions().next().is_some())
        .collect();
    let chosen = RwSignal::new(
        lessons
            .first()
            .map(|l| l.meta.id.clone())
            .unwrap_or_default(),
    );
    let confirming = RwSignal::new(false);
    let reset_note = RwSignal::new(String::new());

    let resume = move || {
        saved_run(course).map(|r| {
            let label = scope_label(course, &Scope::parse(&r.scope).unwrap_or(Scope::All));
            let at = format!("You were on question {} ({label}).", r.position_text());
            let again = r.clone();
            view! {
                <div class="quiz-resume">
                    <p><strong>"Pick up where you left off. "</strong>{at}</p>
                    <button type="button" class="quiz-button primary" on:click=move |_| begin.run(again.clone())>"Continue"</button>
                    <button type="button" class="quiz-button quiz-quiet"
                        on:click=move |_| update_progress(|p| p.last = None)>"Discard it"</button>
                </div>
            }
        })
    };
    let all_keys: Vec<String> = all.iter().map(QuestionRef::key).collect();
    let start_all = move |_| begin.run(QuizRun::new(&Scope::All, all_keys.clone()));
    let start_lesson = move |_| {
        let id = chosen.get_untracked();
        if let Some(lesson) = course.lesson(&id) {
            let keys = lesson_questions(lesson)
                .iter()
                .map(QuestionRef::key)
                .collect();
            begin.run(QuizRun::new(&Scope::Lesson(id), keys));
        }
    };
    let wrong_count = move || wrong_keys(course).len();
    let start_wrong = move |_| {
        let keys = wrong_keys(course);
        if !keys.is_empty() {
            begin.run(QuizRun::new(&Scope::Wrong, keys));
        }
    };
    let stats = move || {
        with_progress(|s| {
            let p = s.progress();
            let answered = all.iter().filter(|q| p.answer(&q.key()).is_some()).count();
            let right = all
                .iter()
                .filter(|q| p.answer(&q.key()).is_some_and(|a| a.correct))
                .count();
            let done = course
                .lessons
                .iter()
                .filter(|l| p.is_done(&l.meta.id))
                .count();
            let last = p.scores.last().map(|s| {
                let label = scope_label(course, &Scope::parse(&s.scope).unwrap_or(Scope::All));
                format!(
                    "Your last quiz ({label}): {} of {} right.",
                    s.right, s.total
                )
            });
            (answered, right, done, last)
        })
    };
    let options = lessons
        .iter()
        .map(|l| {
            let n = l.questions().count();
            view! { <option value=l.meta.id.clone()>{format!("{} ({n})", l.meta.title)}</option> }
        })
        .collect_view();
    let reset_now = move |_| {
        reset_progress();
        confirming.set(false);
        reset_note.set("Your progress was reset.".to_string());
    };

    view! {
        <h2 id="quiz-screen-title" class="quiz-sr" tabindex="-1">"Quiz menu"</h2>
        <p class="lead">
            {format!("Test yourself on what the lessons teach: {total} questions, {simulated} of them graded by the simulator itself. ")}
            "Predictions are checked by running the program; challenges by replaying the schedule you played."
        </p>
        {resume}
        <div class="quiz-menu">
            <div class="quiz-option">
                <h2>"Every question"</h2>
                <p>{format!("All {total} questions, lesson by lesson.")}</p>
                <button type="button" class="quiz-button primary" on:click=start_all>"Start the full quiz"</button>
            </div>
            <div class="quiz-option quiz-option-lesson">
                <h2>"One lesson"</h2>
                <label class="quiz-select">
                    "Lesson"
                    <select prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {options}
                    </select>
                </label>
                <button type="button" class="quiz-button primary" on:click=start_lesson>"Start this lesson's quiz"</button>
            </div>
            <div class="quiz-option">
                <h2>"The ones I got wrong"</h2>
                <p>{move || match wrong_count() {
                    0 => "Nothing answered wrong so far.".to_string(),
                    1 => "1 question you last answered wrong.".to_string(),
                    n => format!("{n} questions you last answered wrong."),
                }}</p>
                <button type="button" class="quiz-button primary" disabled=move || wrong_count() == 0
                    on:click=start_wrong>"Retry them"</button>
            </div>
        </div>
        <div class="quiz-stats">
            {move || {
                let (answered, right, done, last) = stats();
                view! {
                    <p>{format!("You have answered {answered} of {total} questions; {right} right at the latest try. Lessons done: {done} of {}.", course.lessons.len())}</p>
                    {last.map(|l| view! { <p>{l}</p> })}
                }
            }}
        </div>
        <div class="quiz-reset">
            <Show when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="quiz-button quiz-quiet" on:click=move |_| {
                        reset_note.set(String::new());
                        confirming.set(true);
                    }>"Reset my progress…"</button>
                }>
                <div class="quiz-confirm" role="alertdialog" aria-labelledby="quiz-confirm-text">
                    <p id="quiz-confirm-text">"Forget every answer, score and lesson marked done in this browser? This cannot be undone."</p>
                    <button type="button" class="quiz-button quiz-danger" on:click=reset_now>"Yes, reset my progress"</button>
                    <button type="button" class="quiz-button" on:click=move |_| confirming.set(false)>"Keep my progress"</button>
                </div>
            </Show>
            <p class="quiz-reset-note" role="status">{move || reset_note.get()}</p>
        </div>
    }
}

/// One question at a time, with the position and a progress bar.
#[component]
fn Asking(
    course: &'static Course,
    run: RwSignal<Option<QuizRun>>,
    on_answer: Callback<bool>,
    next: Callback<()>,
    leave: Callback<()>,
) -> impl IntoView {
    // Only a new position rebuilds the card; recording a result must not.
    let current = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .and_then(|r| r.current().map(|k| (r.index, k.to_string())))
        })
    });
    let position = move || run.with(|r| r.as_ref().map(QuizRun::position_text).unwrap_or_default());
    let total = move || run.with(|r| r.as_ref().map_or(0, QuizRun::len));
    let done = move || run.with(|r| r.as_ref().map_or(0, QuizRun::answered));
    let scope = move || {
        run.with(|r| {
            r.as_ref()
                .map(|r| scope_label(course, &Scope::parse(&r.scope).unwrap_or(Scope::All)))
                .unwrap_or_default()
        })
    };
    let answered = move || run.with(|r| r.as_ref().and_then(QuizRun::current_result).is_some());
    let last = move || run.with(|r| r.as_ref().is_some_and(|r| r.index + 1 >= r.len()));
    let card = move || {
        current
            .get()
            .map(|(_, key)| match find_question(course, &key) {
                Some(q) => {
                    view! { <QuestionCard q=q mode=CardMode::Page on_answer=on_answer/> }.into_any()
                }
                None => {
                    view! { <p class="quiz-hint">"This question is no longer in the course."</p> }
                        .into_any()
                }
            })
    };
    view! {
        <div class="quiz-run-head">
            <p class="quiz-position">
                <span id="quiz-position">{move || format!("Question {}", position())}</span>
                <span class="quiz-scope">{scope}</span>
            </p>
            <progress class="quiz-progress" max=move || total().to_string() value=move || done().to_string()
                aria-label=move || format!("{} of {} answered", done(), total())></progress>
        </div>
        {card}
        <div class="quiz-next">
            <Show when=answered>
                <button type="button" class="quiz-button primary quiz-next-button" on:click=move |_| next.run(())>
                    {move || if last() { "See your score" } else { "Next question →" }}
                </button>
            </Show>
            <button type="button" class="quiz-button quiz-quiet" on:click=move |_| leave.run(())>
                "Leave the quiz (it is saved)"
            </button>
        </div>
    }
}

/// The score and what to do next.
#[component]
fn ScoreScreen(
    course: &'static Course,
    run: RwSignal<Option<QuizRun>>,
    begin: Callback<QuizRun>,
    answers: Callback<()>,
    menu: Callback<()>,
) -> impl IntoView {
    let Some(finished) = run.get_untracked() else {
        return view! { <p>"No quiz finished yet."</p> }.into_any();
    };
    let (right, total) = finished.score();
    let scope = scope_label(course, &Scope::parse(&finished.scope).unwrap_or(Scope::All));
    let cheer = if right == total {
        "Every one right. Well done!"
    } else if right * 2 >= total {
        "Good work. Retry the ones you missed while they are fresh."
    } else {
        "Worth another look: each question links back to the lesson section it comes from."
    };
    let retry = finished.retry_wrong();
    let wrong = retry.as_ref().map_or(0, QuizRun::len);
    let list = results_list(course, &finished);
    view! {
        <div class="quiz-score">
            <h2 id="quiz-screen-title" tabindex="-1">"Your score"</h2>
            <p class="quiz-score-scope">{scope}</p>
            <p class="quiz-score-big">{finished.score_text()}</p>
            <p>{cheer}</p>
            <div class="quiz-actions">
                {retry.map(|r| view! {
                    <button type="button" class="quiz-button primary" on:click=move |_| begin.run(r.clone())>
                        {format!("Retry the wrong ones ({wrong})")}
                    </button>
                })}
                <button type="button" class="quiz-button" on:click=move |_| answers.run(())>"Show answers"</button>
                <button type="button" class="quiz-button quiz-quiet" on:click=move |_| menu.run(())>"Back to the quiz menu"</button>
            </div>
            {list}
        </div>
    }
    .into_any()
}

/// Each question of a run, right or wrong, with a link to its lesson section.
fn results_list(course: &'static Course, run: &QuizRun) -> impl IntoView {
    let items = run
        .keys
        .iter()
        .zip(&run.results)
        .filter_map(|(key, result)| Some((find_question(course, key)?, *result == Some(true))))
        .map(|(q, right)| {
            view! {
                <li class=if right { "quiz-result quiz-result-right" } else { "quiz-result quiz-result-wrong" }>
                    <span class="quiz-result-mark">{if right { "✓ right" } else { "✗ wrong" }}</span>
                    <span class="quiz-result-prompt">{plain_text(&q.question.prompt)}</span>
                    <A href=crate::app::link(&q.href())>{q.section_title()}</A>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="quiz-results">{items}</ol> }
}

/// Every question of the run with its right answer, the student's, and why.
#[component]
fn AnswerSheet(
    course: &'static Course,
    run: RwSignal<Option<QuizRun>>,
    begin: Callback<QuizRun>,
    menu: Callback<()>,
) -> impl IntoView {
    let finished = run
        .get_untracked()
        .unwrap_or_else(|| QuizRun::new(&Scope::All, Vec::new()));
    let retry = finished.retry_wrong();
    let items = finished
        .keys
        .iter()
        .zip(&finished.results)
        .filter_map(|(key, result)| Some((find_question(course, key)?, *result)))
        .map(|(q, result)| view! { <AnswerItem q=q result=result/> })
        .collect_view();
    view! {
        <div class="quiz-answers">
            <h2 id="quiz-screen-title" tabindex="-1">"The answers"</h2>
            <ol class="quiz-answer-list">{items}</ol>
            <div class="quiz-actions">
                {retry.map(|r| {
                    let n = r.len();
                    view! {
                        <button type="button" class="quiz-button primary" on:click=move |_| begin.run(r.clone())>
                            {format!("Retry the wrong ones ({n})")}
                        </button>
                    }
                })}
                <button type="button" class="quiz-button quiz-quiet" on:click=move |_| menu.run(())>"Back to the quiz menu"</button>
            </div>
        </div>
    }
}

/// One question on the answer sheet.
#[component]
fn AnswerItem(q: QuestionRef<'static>, result: Option<bool>) -> impl IntoView {
    let mark = match result {
        Some(true) => "✓ You got it right",
        Some(false) => "✗ You got it wrong",
        None => "Not answered",
    };
    let given = with_progress(|s| s.progress().answer(&q.key()).map(|a| a.given.clone()));
    let yours = given.filter(|g| !g.is_empty()).map(|g| {
        let text = match &q.question.kind {
            lesson::QuestionKind::ScheduleChallenge(_) => "the schedule you played".to_string(),
            lesson::QuestionKind::FixTheBug(_) => "the program you edited".to_string(),
            _ => g.join("; "),
        };
        view! { <p class="quiz-yours">{format!("Your answer: {text}")}</p> }
    });
    let answer = match shown_answer(q.lesson, q.question) {
        Ok(shown) => {
            let body = if shown.output {
                view! { <pre class="quiz-output">{shown.lines.join("\n")}</pre> }.into_any()
            } else {
                view! {
                    <ul class="quiz-answer-lines">
                        {shown.lines.into_iter().map(|l| view! { <li inner_html=inline_html(&l)></li> }).collect_view()}
                    </ul>
                }
                .into_any()
            };
            view! { <p class="quiz-expected">{format!("{}:", shown.label)}</p>{body} }.into_any()
        }
        Err(e) => {
            view! { <p class="quiz-hint">{format!("No answer to show: {e}.")}</p> }.into_any()
        }
    };
    let explanation = q
        .question
        .explanation
        .as_ref()
        .map(|e| view! { <div class="quiz-explanation prose" inner_html=prose_html(e)></div> });
    let class = match result {
        Some(true) => "quiz-answer-item quiz-result-right",
        _ => "quiz-answer-item quiz-result-wrong",
    };
    view! {
        <li class=class>
            <p class="quiz-result-mark">{mark}</p>
            <div class="quiz-prompt prose" inner_html=prose_html(&q.question.prompt)></div>
            {yours}
            {answer}
            {explanation}
            <p><A attr:class="quiz-back" href=crate::app::link(&q.href())>{format!("Back to the lesson: {}", q.section_title())}</A></p>
        </li>
    }
}
