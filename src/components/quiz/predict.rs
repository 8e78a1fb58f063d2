//! Predict-the-outcome pieces: the program as read-only code before answering, and
//! afterwards the graded run itself, playing in a simulation panel.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use lesson::check::lang_dialect;
use lesson::ScheduleSpec;

use crate::components::panel::code_view::CodeView;
use crate::components::panel::controls::Controls;
use crate::components::panel::driver::Driver;
use crate::components::panel::{PanelView, StartError};
use crate::model::code_lines::code_lines;
use crate::model::programs::panel_program;
use crate::model::quiz::{prediction_session, schedule_text};

/// The speed the graded run plays at: one notch faster than a lesson panel.
const RUN_SPEED: usize = 3;

/// A program's source, highlighted, without a simulation.
#[component]
pub fn ProgramCode(
    /// The program block.
    program: &'static lesson::Program,
) -> impl IntoView {
    let tokens = lang::highlight(lang_dialect(program.dialect), &program.source);
    let lines = code_lines(&program.source, &tokens, &[]);
    let title = program.title.clone().unwrap_or_else(|| program.id.clone());
    view! { <CodeView lines=Signal::stored(lines) names=Signal::stored(Vec::new()) title=title/> }
}

/// The run that produced a prediction's answer, played from the start: the same
/// scheduler and seed the grader used.
#[component]
pub fn PredictRun(
    /// Its program.
    program: &'static lesson::Program,
    /// The schedule it was graded under.
    spec: ScheduleSpec,
    /// Whether the run starts playing at once.
    autoplay: bool,
) -> impl IntoView {
    let panel = match panel_program(program) {
        Ok(panel) => panel,
        Err(e) => return view! { <StartError title=program.id.clone() error=e/> }.into_any(),
    };
    let session = match prediction_session(panel.program.clone(), panel.options.clone(), &spec) {
        Ok(session) => RwSignal::new_local(session),
        Err(e) => return view! { <StartError title=panel.title error=e/> }.into_any(),
    };
    let driver = Driver::new(vec![session]);
    driver.speed.set(RUN_SPEED);
    on_cleanup(move || {
        driver.stop();
    });
    if autoplay {
        driver.play();
    }
    let on_key = move |ev: KeyboardEvent| {
        if driver.key(&ev.key()) {
            ev.prevent_default();
        }
    };
    let label = format!(
        "The graded run of {}: space plays, arrow keys step",
        panel.title
    );
    view! {
        <div class="quiz-run">
            <p class="quiz-run-title">
                {format!(
                    "Here is the run that gives this answer ({}). {}",
                    schedule_text(&spec),
                    if autoplay { "It plays by itself; pause it or step back with the controls." } else { "Press Play to watch it." },
                )}
            </p>
            <div class="sim-single" tabindex="0" on:keydown=on_key
                aria-label=label>
                <Controls driver=driver/>
                <PanelView program=panel session=session driver=driver/>
            </div>
        </div>
    }
    .into_any()
}
