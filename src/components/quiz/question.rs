//! One question, asked and graded in place: the prompt, the way to answer it, and the
//! feedback afterwards. Lessons show it inline; the Quiz page shows one at a time.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use lesson::QuestionKind;
use wasm_bindgen::JsCast;

use crate::model::quiz::{
    grade, lesson_questions, prediction_schedule, schedule_text, Answer, Expected, QuestionRef,
    Verdict,
};

use super::challenge::ChallengeBoard;
use super::predict::{PredictRun, ProgramCode};
use super::store::{update_progress, with_progress};
use super::{inline_html, plain_text, prose_html};

/// Where a card is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardMode {
    /// Inside a lesson: the saved answer is shown, and the student may try again.
    Inline,
    /// On the Quiz page: a fresh question; the page moves on after it.
    Page,
}

/// What the student answered and how it was graded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The answer given.
    pub answer: Answer,
    /// The grade, or why the question could not be graded.
    pub verdict: Result<Verdict, String>,
}

impl Outcome {
    /// True when the answer was right.
    pub fn correct(&self) -> bool {
        self.verdict.as_ref().is_ok_and(|v| v.correct)
    }
}

/// A question card. `on_answer` hears whether each answer was right.
#[component]
pub fn QuestionCard(
    /// The question.
    q: QuestionRef<'static>,
    /// Inline in a lesson, or on the Quiz page.
    mode: CardMode,
    /// Called after each answer with whether it was right.
    #[prop(into)]
    on_answer: Callback<bool>,
) -> impl IntoView {
    // "Try again" rebuilds the card's insides from scratch.
    let attempt = RwSignal::new(0u32);
    move || {
        let attempt_no = attempt.get();
        // Untracked: saving this card's own answer must not rebuild it.
        let restored = (mode == CardMode::Inline && attempt_no == 0)
            .then(|| untrack(|| saved_outcome(q)))
            .flatten();
        view! {
            <CardBody q=q mode=mode on_answer=on_answer restored=restored
                on_retry=Callback::new(move |()| attempt.update(|n| *n += 1))/>
        }
    }
}

/// The saved answer to a question, graded again (so an edited lesson grades it anew).
fn saved_outcome(q: QuestionRef<'static>) -> Option<Outcome> {
    let given = with_progress(|s| s.progress().answer(&q.key()).map(|a| a.given.clone()))?;
    let answer = match &q.question.kind {
        QuestionKind::MultipleChoice(_) => Answer::Picked(given),
        QuestionKind::PredictOutcome(p) if !p.choices.is_empty() => Answer::Picked(given),
        QuestionKind::ShortAnswer(_) | QuestionKind::PredictOutcome(_) => {
            Answer::Typed(given.into_iter().next().unwrap_or_default())
        }
        QuestionKind::ScheduleChallenge(_) => match given.into_iter().next() {
            Some(schedule) => Answer::Played(schedule),
            None => Answer::GaveUp,
        },
        QuestionKind::FixTheBug(_) => match given.into_iter().next() {
            Some(source) => Answer::Typed(source),
            None => Answer::GaveUp,
        },
    };
    let verdict = grade(q.lesson, q.question, &answer);
    Some(Outcome { answer, verdict })
}

/// The choices a question offers, in this student's order: multiple choice, or a
/// prediction with choices.
fn choices_of(q: QuestionRef<'static>, student: &str) -> Option<(Vec<String>, bool)> {
    let key = q.key();
    match &q.question.kind {
        QuestionKind::MultipleChoice(mc) => Some((
            crate::model::quiz::shuffled_choices(mc, student, &key),
            mc.select_all,
        )),
        QuestionKind::PredictOutcome(p) if !p.choices.is_empty() => Some((
            crate::model::quiz::shuffled(p.choices.clone(), student, &key),
            false,
        )),
        _ => None,
    }
}

/// What kind of answer the question wants, in a few words.
fn kind_text(q: QuestionRef<'static>) -> String {
    match &q.question.kind {
        QuestionKind::MultipleChoice(mc) if mc.select_all => {
            "Multiple choice: pick every right answer".to_string()
        }
        QuestionKind::MultipleChoice(_) => "Multiple choice: pick one".to_string(),
        QuestionKind::ShortAnswer(_) => "Short answer".to_string(),
        QuestionKind::PredictOutcome(p) if !p.choices.is_empty() => {
            "Predict the outcome: pick one".to_string()
        }
        QuestionKind::PredictOutcome(_) => "Predict the outcome".to_string(),
        QuestionKind::ScheduleChallenge(_) => {
            "Schedule challenge: you are the scheduler".to_string()
        }
        QuestionKind::FixTheBug(_) => {
            "Fix the bug: the explorer checks every schedule of your program".to_string()
        }
    }
}

#[component]
fn CardBody(
    q: QuestionRef<'static>,
    mode: CardMode,
    on_answer: Callback<bool>,
    restored: Option<Outcome>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let key = q.key();
    let dom_id = format!("q-{}", key.replace('/', "--"));
    let student = untrack(|| with_progress(|s| s.progress().student.clone()));
    let choices = choices_of(q, &student);
    let n_choices = choices.as_ref().map_or(0, |(c, _)| c.len());
    let multi = choices.as_ref().is_some_and(|(_, m)| *m);
    let options: Vec<String> = choices.map(|(c, _)| c).unwrap_or_default();

    // Input state, restored from a saved answer when there is one.
    let (picked0, text0) = match restored.as_ref().map(|o| &o.answer) {
        Some(Answer::Picked(given)) => (
            given
                .iter()
                .filter_map(|g| options.iter().position(|o| o == g))
                .collect(),
            String::new(),
        ),
        Some(Answer::Typed(text)) => (Vec::new(), text.clone()),
        // A fix-the-bug exercise starts from the broken program.
        _ => match (&q.question.kind, q.program()) {
            (QuestionKind::FixTheBug(_), Some(program)) => (Vec::new(), program.source.clone()),
            _ => (Vec::new(), String::new()),
        },
    };
    let restored_schedule = match restored.as_ref().map(|o| &o.answer) {
        Some(Answer::Played(s)) => Some(s.clone()),
        _ => None,
    };
    let was_restored = restored.is_some();
    let picked = RwSignal::new(picked0);
    let text = RwSignal::new(text0);
    let outcome = RwSignal::new(restored);
    let hint = RwSignal::new(String::new());
    let announce = RwSignal::new(String::new());
    let answered = Signal::derive(move || outcome.with(Option::is_some));
    let options = StoredValue::new(options);

    let card_ref = NodeRef::<leptos::html::Section>::new();
    let lesson_keys: Vec<String> = lesson_questions(q.lesson)
        .iter()
        .map(QuestionRef::key)
        .collect();
    let lesson_id = q.lesson.meta.id.clone();
    let key_for_submit = key.clone();
    let submit = Callback::new(move |answer: Answer| {
        if outcome.with_untracked(Option::is_some) {
            return;
        }
        let verdict = grade(q.lesson, q.question, &answer);
        let result = Outcome { answer, verdict };
        if result.verdict.is_ok() {
            let given = result.answer.given();
            let correct = result.correct();
            update_progress(|p| {
                p.record_answer(&key_for_submit, correct, given);
                p.note_answered(&lesson_id, &lesson_keys);
            });
        }
        announce.set(announcement(&result));
        hint.set(String::new());
        let correct = result.correct();
        outcome.set(Some(result));
        on_answer.run(correct);
        if mode == CardMode::Inline {
            // A challenge's feedback sits below its panel: bring it into view. (The Quiz
            // page does this itself, as it moves the focus to its Next button.)
            request_animation_frame(move || {
                let feedback = card_ref
                    .get_untracked()
                    .and_then(|card| card.query_selector(".quiz-feedback").ok().flatten());
                if let Some(feedback) = feedback {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    feedback.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        }
    });

    // Builds the answer from the inputs; `None` (with a hint) when there is none yet.
    let current_answer = move || -> Option<Answer> {
        match &q.question.kind {
            QuestionKind::ScheduleChallenge(_) => None,
            _ if n_choices > 0 => {
                let chosen: Vec<String> = picked.with_untracked(|p| {
                    options.with_value(|o| p.iter().filter_map(|i| o.get(*i).cloned()).collect())
                });
                if chosen.is_empty() {
                    hint.set(format!(
                        "Pick an answer first: click it, or press 1 to {n_choices}."
                    ));
                    announce.set(hint.get_untracked());
                    return None;
                }
                Some(Answer::Picked(chosen))
            }
            _ => {
                let typed = text.get_untracked();
                if typed.trim().is_empty() {
                    hint.set("Type an answer first.".to_string());
                    announce.set(hint.get_untracked());
                    return None;
                }
                Some(Answer::Typed(typed))
            }
        }
    };
    let check = move || {
        if let Some(answer) = current_answer() {
            submit.run(answer);
        }
    };

    // Picks or unpicks choice `i` and says so.
    let pick = move |i: usize| {
        if answered.get_untracked() || i >= n_choices {
            return;
        }
        let now_on = if multi {
            let mut on = false;
            picked.update(|p| {
                if let Some(at) = p.iter().position(|x| *x == i) {
                    p.remove(at);
                } else {
                    p.push(i);
                    on = true;
                }
            });
            on
        } else {
            picked.set(vec![i]);
            true
        };
        let text = options.with_value(|o| o.get(i).map(|t| plain_text(t)).unwrap_or_default());
        hint.set(String::new());
        announce.set(format!(
            "{} {}: {text}",
            if now_on { "Picked" } else { "Unpicked" },
            i + 1
        ));
    };

    let is_challenge = matches!(q.question.kind, QuestionKind::ScheduleChallenge(_));
    // In an edited program Enter is a new line; only the button checks it.
    let is_fix = matches!(q.question.kind, QuestionKind::FixTheBug(_));
    let on_key = move |ev: KeyboardEvent| {
        if is_challenge || answered.get_untracked() {
            return;
        }
        let (tag, typing) = target_kind(&ev);
        let key = ev.key();
        if let Some(n) = digit(&key) {
            if !typing && n_choices > 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
                ev.prevent_default();
                pick(n - 1);
            }
        } else if key == "Enter" && !is_fix && tag != "BUTTON" && tag != "A" && tag != "SUMMARY" {
            // Shift+Enter is a new line; Enter while an input method composes is its own.
            if (tag == "TEXTAREA" && ev.shift_key()) || ev.is_composing() {
                return;
            }
            ev.prevent_default();
            check();
        }
    };

    let prompt_id = format!("{dom_id}-prompt");
    let labelled_by = prompt_id.clone();
    let prompt_html = prose_html(&q.question.prompt);
    let input = match &q.question.kind {
        QuestionKind::ScheduleChallenge(challenge) => view! {
            <ChallengeBoard q=q challenge=challenge restore=restored_schedule answered=answered
                on_answer=submit announce=announce/>
        }
        .into_any(),
        kind => {
            let predict_intro = match kind {
                QuestionKind::PredictOutcome(p) => q.program().map(|program| {
                    let spec_text = if p.every {
                        "every schedule; the explorer tries them all".to_string()
                    } else {
                        schedule_text(prediction_schedule(program, p))
                    };
                    view! { <PredictIntro program=program spec_text=spec_text mode=mode answered=answered/> }
                }),
                _ => None,
            };
            let answer_input = if n_choices > 0 {
                view! {
                    <ChoiceList name=dom_id.clone() options=options multi=multi picked=picked
                        answered=answered outcome=outcome output=matches!(kind, QuestionKind::PredictOutcome(_))
                        on_pick=Callback::new(pick)/>
                }
                .into_any()
            } else {
                let multiline = is_fix
                    || matches!(kind, QuestionKind::PredictOutcome(p) if p.target == lesson::PredictTarget::Output);
                let rows = if is_fix {
                    text.with_untracked(|t| t.lines().count().clamp(6, 40))
                } else {
                    3
                };
                view! { <TextAnswer id=format!("{dom_id}-answer") text=text answered=answered multiline=multiline rows=rows kind=kind_hint(kind)/> }.into_any()
            };
            view! {
                {predict_intro}
                {answer_input}
                <Show when=move || !answered.get()>
                    <div class="quiz-actions">
                        <button type="button" class="quiz-button primary" on:click=move |_| check()>"Check answer"</button>
                        <span class="quiz-keys">
                            {if n_choices > 0 {
                                format!("Keys 1–{} pick, Enter checks", n_choices.min(9))
                            } else if is_fix {
                                "Edit the program, then check it".to_string()
                            } else {
                                "Enter checks".to_string()
                            }}
                        </span>
                    </div>
                </Show>
            }
            .into_any()
        }
    };

    let feedback = move || {
        outcome.get().map(|o| {
            view! { <Feedback q=q outcome=o mode=mode restored=was_restored on_retry=on_retry/> }
        })
    };

    view! {
        <section class="quiz-card" id=dom_id.clone() tabindex="-1" on:keydown=on_key node_ref=card_ref
            aria-labelledby=labelled_by data-question=key.clone()
            class:quiz-card-answered=move || answered.get()>
            <header class="quiz-card-head">
                <span class="quiz-kind">{kind_text(q)}</span>
            </header>
            <div class="quiz-prompt prose" id=prompt_id inner_html=prompt_html></div>
            {input}
            <p class="quiz-hint" class:quiz-hidden=move || hint.with(String::is_empty)>{move || hint.get()}</p>
            {feedback}
            <p class="quiz-sr" aria-live="polite" aria-atomic="true">{move || announce.get()}</p>
        </section>
    }
}

/// What a typed answer should look like.
fn kind_hint(kind: &QuestionKind) -> String {
    match kind {
        QuestionKind::PredictOutcome(p) => match &p.target {
            lesson::PredictTarget::Output => {
                "Your prediction: type exactly what it prints, one printed line per line \
                 (Shift+Enter starts a new line). Extra spaces do not matter."
                    .to_string()
            }
            lesson::PredictTarget::Variable(name) => {
                format!("Your prediction: the value of {name} at the end.")
            }
            lesson::PredictTarget::Line(lesson::OutputLine::Last) => {
                "Your prediction: the last line it prints. Extra spaces do not matter.".to_string()
            }
            lesson::PredictTarget::Line(line) => {
                format!("Your prediction: {line} of what it prints, just that one line. Extra spaces do not matter.")
            }
        },
        QuestionKind::FixTheBug(_) => {
            "Your program: change it until the bug is gone. Check explores every schedule of it."
                .to_string()
        }
        _ => "Your answer:".to_string(),
    }
}

/// What to say when an answer is graded.
fn announcement(outcome: &Outcome) -> String {
    match &outcome.verdict {
        Err(e) => format!("This question could not be graded: {e}"),
        Ok(v) if v.correct => "Right!".to_string(),
        Ok(v) => {
            let expected = match &v.expected {
                Expected::Choices(c) => format!(
                    "The answer: {}.",
                    c.iter()
                        .map(|c| plain_text(c))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                Expected::Text { answer, .. } => format!("The answer: {answer}."),
                Expected::Computed(a) => {
                    format!("The simulator's answer: {}.", a.replace('\n', " / "))
                }
                Expected::Goal(_) | Expected::Fix(_) => String::new(),
            };
            format!("Not quite. {expected}")
        }
    }
}

/// The digit 1–9 a key is, if it is one.
fn digit(key: &str) -> Option<usize> {
    match key.as_bytes() {
        [d @ b'1'..=b'9'] => Some(usize::from(d - b'0')),
        _ => None,
    }
}

/// The tag of a key event's target and whether it takes typed text.
pub(super) fn target_kind(ev: &KeyboardEvent) -> (String, bool) {
    let Some(element) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return (String::new(), false);
    };
    let tag = element.tag_name().to_ascii_uppercase();
    let typing = match tag.as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => {
            let kind = element.get_attribute("type").unwrap_or_default();
            !matches!(kind.as_str(), "radio" | "checkbox" | "button" | "submit")
        }
        _ => false,
    };
    (tag, typing)
}

/// The program and schedule of a prediction. Once answered, the run's panel shows the
/// code, so the plain copy goes.
#[component]
fn PredictIntro(
    program: &'static lesson::Program,
    spec_text: String,
    mode: CardMode,
    answered: Signal<bool>,
) -> impl IntoView {
    let title = program.title.clone().unwrap_or_else(|| program.id.clone());
    let code = move || {
        let code = view! { <ProgramCode program=program/> };
        if mode == CardMode::Inline {
            // The program's panel is just above in the lesson; keep the card short.
            view! {
                <details class="quiz-program">
                    <summary>{format!("Show the program: {title}")}</summary>
                    {code}
                </details>
            }
            .into_any()
        } else {
            view! {
                <div class="quiz-program">
                    <p class="quiz-program-title">{title.clone()}</p>
                    {code}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <Show when=move || !answered.get()>{code.clone()}</Show>
        <p class="quiz-schedule"><span class="quiz-schedule-label">"Schedule: "</span>{spec_text}</p>
    }
}

/// The choices as radio buttons or checkboxes, numbered for the keyboard, marked after
/// answering.
#[component]
fn ChoiceList(
    name: String,
    options: StoredValue<Vec<String>>,
    multi: bool,
    picked: RwSignal<Vec<usize>>,
    answered: Signal<bool>,
    outcome: RwSignal<Option<Outcome>>,
    /// True for predicted outputs: shown as program text, line breaks kept.
    output: bool,
    on_pick: Callback<usize>,
) -> impl IntoView {
    let kind = if multi { "checkbox" } else { "radio" };
    let items = options.get_value();
    let rows = items
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let is_right = {
                let text = text.clone();
                move || {
                    outcome.with(|o| match o.as_ref().and_then(|o| o.verdict.as_ref().ok()) {
                        Some(Verdict { expected: Expected::Choices(right), .. }) => right.contains(&text),
                        Some(Verdict { expected: Expected::Computed(answer), .. }) => {
                            lesson::check::prediction_matches(answer, &text)
                        }
                        _ => false,
                    })
                }
            };
            let is_picked = move || picked.with(|p| p.contains(&i));
            let right_for_class = is_right.clone();
            let class = move || {
                let mut c = String::from("quiz-choice");
                if is_picked() {
                    c.push_str(" quiz-picked");
                }
                if answered.get() {
                    if right_for_class() {
                        c.push_str(" quiz-right");
                    } else if is_picked() {
                        c.push_str(" quiz-wrong");
                    }
                }
                c
            };
            let mark = move || {
                if !answered.get() {
                    return "";
                }
                match (is_right(), is_picked()) {
                    (true, true) => "✓ right, your pick",
                    (true, false) => "✓ right answer",
                    (false, true) => "✗ your pick",
                    (false, false) => "",
                }
            };
            let body = if output {
                view! { <code class="quiz-choice-output">{text.clone()}</code> }.into_any()
            } else {
                view! { <span class="quiz-choice-text" inner_html=inline_html(&text)></span> }.into_any()
            };
            view! {
                <label class=class>
                    <input type=kind name=name.clone() prop:checked=is_picked disabled=move || answered.get()
                        on:change=move |_| on_pick.run(i)/>
                    <kbd class="quiz-key" aria-hidden="true">{(i < 9).then(|| (i + 1).to_string())}</kbd>
                    {body}
                    <span class="quiz-mark">{mark}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="quiz-choices">
            <legend class="quiz-sr">{if multi { "Pick every right answer" } else { "Pick one answer" }}</legend>
            {rows}
        </fieldset>
    }
}

/// A typed answer: one line, or several for a predicted output.
#[component]
fn TextAnswer(
    id: String,
    text: RwSignal<String>,
    answered: Signal<bool>,
    multiline: bool,
    /// Lines the box shows when `multiline`.
    #[prop(default = 3)]
    rows: usize,
    kind: String,
) -> impl IntoView {
    let input = if multiline {
        view! {
            <textarea id=id.clone() class="quiz-text quiz-text-lines" rows=rows.to_string() spellcheck="false"
                autocomplete="off" prop:value=move || text.get() disabled=move || answered.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() class="quiz-text" type="text" spellcheck="false" autocomplete="off"
                prop:value=move || text.get() disabled=move || answered.get()
                on:input=move |ev| text.set(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="quiz-answer">
            <label class="quiz-answer-label" for=id>{kind}</label>
            {input}
        </div>
    }
}

/// Right or wrong, the right answer, the explanation and the way back to the lesson.
#[component]
fn Feedback(
    q: QuestionRef<'static>,
    outcome: Outcome,
    mode: CardMode,
    restored: bool,
    on_retry: Callback<()>,
) -> impl IntoView {
    let retry = (mode == CardMode::Inline).then(|| {
        view! { <button type="button" class="quiz-button" on:click=move |_| on_retry.run(())>"Try again"</button> }
    });
    let back = view! {
        <A attr:class="quiz-back" href=crate::app::link(&q.href())>{format!("Back to the lesson: {}", q.section_title())}</A>
    };
    let verdict =
        match outcome.verdict {
            Err(e) => return view! {
                <div class="quiz-feedback quiz-feedback-error" role="alert">
                    <p class="quiz-verdict">{format!("This question could not be graded: {e}")}</p>
                    <p>{back}</p>
                </div>
            }
            .into_any(),
            Ok(v) => v,
        };
    let (class, title) = if verdict.correct {
        ("quiz-feedback quiz-feedback-right", "✓ Right!")
    } else {
        ("quiz-feedback quiz-feedback-wrong", "✗ Not quite.")
    };
    let saved = restored.then(|| view! { <span class="quiz-saved">" (your saved answer)"</span> });
    let expected = expected_view(&verdict.expected, verdict.correct, &outcome.answer);
    let note = verdict.note.clone().map(|n| {
        n.lines()
            .map(|line| view! { <p class="quiz-note-text">{line.to_string()}</p> })
            .collect_view()
    });
    let explanation = q
        .question
        .explanation
        .as_ref()
        .map(|e| view! { <div class="quiz-explanation prose" inner_html=prose_html(e)></div> });
    let run = match (&q.question.kind, q.program()) {
        (QuestionKind::PredictOutcome(p), Some(program)) if !p.every => {
            let spec = prediction_schedule(program, p).clone();
            // A saved answer shown again on a later visit does not start playing by itself.
            Some(view! { <PredictRun program=program spec=spec autoplay=!restored/> })
        }
        _ => None,
    };
    view! {
        <div class=class>
            <p class="quiz-verdict">{title}{saved}</p>
            {expected}
            {note}
            {explanation}
            <p class="quiz-feedback-links">{back}{retry}</p>
        </div>
        {run}
    }
    .into_any()
}

/// The right answer, shown after answering.
fn expected_view(expected: &Expected, correct: bool, answer: &Answer) -> impl IntoView {
    match expected {
        // The marked choices already show it.
        Expected::Choices(_) => None,
        Expected::Text {
            answer: right,
            alternatives,
        } => {
            let also = (!alternatives.is_empty())
                .then(|| format!(" (also accepted: {})", alternatives.join(", ")));
            let yours = match answer {
                Answer::Typed(t) if !correct => Some(format!("You wrote: {}", t.trim())),
                _ => None,
            };
            Some(
                view! {
                    <p class="quiz-expected">"The answer: "<strong>{right.clone()}</strong>{also}</p>
                    {yours.map(|y| view! { <p class="quiz-yours">{y}</p> })}
                }
                .into_any(),
            )
        }
        Expected::Computed(value) => {
            let yours = match answer {
                Answer::Typed(t) if !correct => Some(t.clone()),
                _ => None,
            };
            Some(
                view! {
                    <p class="quiz-expected">"The simulator ran the program and got:"</p>
                    <pre class="quiz-output">{value.clone()}</pre>
                    {yours.map(|y| view! { <p class="quiz-yours">"You wrote:"</p><pre class="quiz-output quiz-output-yours">{y}</pre> })}
                }
                .into_any(),
            )
        }
        Expected::Goal(_) => None,
        Expected::Fix(solution) => Some(
            view! {
                <details class="quiz-program" open=!correct>
                    <summary>"A fix the explorer accepts"</summary>
                    <pre class="quiz-output">{solution.clone()}</pre>
                </details>
            }
            .into_any(),
        ),
    }
}
