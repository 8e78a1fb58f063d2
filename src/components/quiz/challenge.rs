//! A schedule challenge: the student is the scheduler, picking who runs next until the
//! goal is reached, then submits the schedule for the simulator to judge. Giving up
//! shows a winning schedule found by the checker's search, and plays it.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use lesson::{Goal, ScheduleChallenge};

use crate::components::panel::driver::{Driver, SPEEDS_MS};
use crate::components::panel::{PanelView, StartError};
use crate::model::programs::panel_program;
use crate::model::quiz::{
    goal_text, judge_world, schedule_steps, winning_schedule, Answer, Judgement, QuestionRef,
};
use crate::model::session::{Policy, Session};

use super::question::target_kind;

/// A winning schedule and its steps in words, or why there is none.
type Winning = Result<(String, Vec<String>), String>;

/// The board: the goal, the challenge controls and a panel in "you choose" mode.
#[component]
pub fn ChallengeBoard(
    /// The question.
    q: QuestionRef<'static>,
    /// Its challenge.
    challenge: &'static ScheduleChallenge,
    /// A schedule to start from (a saved answer).
    restore: Option<String>,
    /// Whether the question has been answered.
    answered: Signal<bool>,
    /// Hears the student's schedule, or that they gave up.
    on_answer: Callback<Answer>,
    /// The card's live region.
    announce: RwSignal<String>,
) -> impl IntoView {
    let Some(program) = q.program() else {
        return view! { <StartError title=q.question.id.clone() error="its program is missing".to_string()/> }
            .into_any();
    };
    let panel = match panel_program(program) {
        Ok(panel) => panel,
        Err(e) => return view! { <StartError title=program.id.clone() error=e/> }.into_any(),
    };
    let session = match panel.session(Policy::Manual) {
        Ok(session) => session,
        Err(e) => return view! { <StartError title=panel.title error=e/> }.into_any(),
    };
    if let Some(schedule) = &restore {
        session.update(|s| {
            // A saved schedule that no longer fits replays as far as it goes.
            let _ = s.replay(schedule);
        });
    }
    let driver = Driver::new(vec![session]);
    let demo = StoredValue::new(None::<IntervalHandle>);
    let demo_running = RwSignal::new(false);
    let stop_demo = move || {
        if let Some(handle) = demo.try_get_value().flatten() {
            handle.clear();
        }
        demo.try_set_value(None);
        demo_running.try_set(false);
    };
    on_cleanup(move || {
        driver.stop();
        stop_demo();
    });
    let goal: &'static Goal = &challenge.goal;
    let hint = RwSignal::new(String::new());
    let winning = RwSignal::new(None::<Winning>);
    let program_ir = StoredValue::new((panel.program.clone(), panel.options.clone()));
    let board = NodeRef::<leptos::html::Div>::new();

    let submit = move || {
        stop_demo();
        let judgement = session.with_untracked(|s| judge_world(s.world(), goal));
        if judgement == Judgement::Running {
            let text = "The run is still going and has not reached the goal yet. Keep choosing who runs next, or step back and try another order.";
            hint.set(text.to_string());
            announce.set(text.to_string());
            return;
        }
        hint.set(String::new());
        on_answer.run(Answer::Played(session.with_untracked(Session::schedule)));
    };
    let find_winning = move || {
        if winning.with_untracked(Option::is_some) {
            return;
        }
        let found = winning_schedule(q.lesson, challenge).and_then(|schedule| {
            let (ir, options) = program_ir.get_value();
            schedule_steps(ir, options, &schedule).map(|steps| (schedule, steps))
        });
        winning.set(Some(found));
    };
    // Plays the winning schedule from the start, one pick per tick.
    let watch = move || {
        stop_demo();
        let Some(Ok((schedule, _))) = winning.get_untracked() else {
            return;
        };
        // The whole schedule is replayed at once, then shown from the start one
        // recorded step per tick.
        let steps = session
            .try_update(|s| {
                let steps = s.replay(&schedule).unwrap_or(0);
                s.jump_to(0);
                steps
            })
            .unwrap_or(0);
        announce.set("Playing a winning schedule from the start.".to_string());
        let next = Rc::new(Cell::new(0usize));
        let ms = SPEEDS_MS[driver.speed.get_untracked().min(SPEEDS_MS.len() - 1)];
        let handle = set_interval_with_handle(
            move || {
                let i = next.get();
                next.set(i + 1);
                let stepped = session.try_update(Session::redo).unwrap_or(false);
                if !stepped || i + 1 >= steps {
                    stop_demo();
                }
            },
            Duration::from_millis(u64::from(ms)),
        )
        .ok();
        demo.set_value(handle);
        demo_running.set(handle.is_some());
    };
    let give_up = move || {
        stop_demo();
        find_winning();
        on_answer.run(Answer::GaveUp);
        watch();
    };
    let back = move || {
        stop_demo();
        session.update(|s| {
            s.back();
        });
    };
    let start_over = move || {
        stop_demo();
        hint.set(String::new());
        session.update(Session::reset);
        announce.set("Back at the start.".to_string());
    };
    // Choice buttons are rebuilt after every step, which drops the keyboard focus;
    // bring it back to the board so the next key still lands here.
    let keep_focus = move || {
        request_animation_frame(move || {
            let lost = document()
                .active_element()
                .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if lost {
                if let Some(el) = board.get_untracked() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = el.focus_with_options(&options);
                }
            }
        });
    };
    let on_key = move |ev: KeyboardEvent| {
        let (tag, typing) = target_kind(&ev);
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        match key.as_str() {
            "ArrowLeft" => back(),
            "Home" => start_over(),
            "Enter"
                if tag != "BUTTON"
                    && tag != "A"
                    && tag != "SUMMARY"
                    && !answered.get_untracked() =>
            {
                submit()
            }
            _ => {
                let Some(n) = key.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) else {
                    return;
                };
                stop_demo();
                session.update(|s| {
                    if let Some(option) = s.options().into_iter().nth(n - 1) {
                        s.choose(option.choice);
                    }
                });
            }
        }
        ev.prevent_default();
        keep_focus();
    };

    let goal_view = match goal {
        Goal::Output { output } => view! {
            <div class="quiz-goal">
                <span class="quiz-goal-label">"Your goal: "</span>"make the program print exactly"
                <pre class="quiz-output">{output.clone()}</pre>
            </div>
        }
        .into_any(),
        other => view! {
            <p class="quiz-goal"><span class="quiz-goal-label">"Your goal: "</span>{goal_text(other)}"."</p>
        }
        .into_any(),
    };
    let winning_view = move || {
        winning.get().map(|found| match found {
            Err(e) => view! { <p class="quiz-hint">{format!("No winning schedule to show: {e}.")}</p> }.into_any(),
            Ok((_, steps)) => {
                let count = steps.len();
                view! {
                    <div class="quiz-winning">
                        <p class="quiz-winning-title">
                            {format!("A winning schedule ({count} steps), found by the simulator's search:")}
                        </p>
                        <ol class="quiz-steps">
                            {steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                        </ol>
                        <button type="button" class="quiz-button" disabled=move || demo_running.get()
                            on:click=move |_| watch()>"▶ Watch it again"</button>
                    </div>
                }
                .into_any()
            }
        })
    };

    view! {
        <div class="quiz-challenge" node_ref=board tabindex="-1" on:keydown=on_key on:click=move |_| keep_focus()>
            {goal_view}
            <p class="quiz-challenge-help">
                "Click who runs next, or press 1–9 for the choices in order. ← undoes a step, Home starts over. "
                "When the goal is reached, submit your schedule."
            </p>
            <div class="quiz-actions" role="toolbar" aria-label="Challenge controls">
                <button type="button" class="quiz-button" on:click=move |_| back()
                    disabled=move || !session.with(Session::can_back)>"◀ Undo step"</button>
                <button type="button" class="quiz-button" on:click=move |_| start_over()>"⟲ Start over"</button>
                <Show when=move || !answered.get()>
                    <button type="button" class="quiz-button primary" on:click=move |_| submit()>"Submit my schedule"</button>
                    <button type="button" class="quiz-button quiz-quiet" on:click=move |_| give_up()>"Give up and show me"</button>
                </Show>
                <Show when=move || answered.get() && winning.with(Option::is_none)>
                    <button type="button" class="quiz-button" on:click=move |_| { find_winning(); watch(); }>"Show a winning schedule"</button>
                </Show>
            </div>
            <p class="quiz-hint" class:quiz-hidden=move || hint.with(String::is_empty)>{move || hint.get()}</p>
            <PanelView program=panel session=session driver=driver/>
            {winning_view}
        </div>
    }
    .into_any()
}
