//! The quiz: test yourself across the course.

use leptos::prelude::*;

use crate::components::planned::Planned;

/// Questions from every lesson, graded where possible by the simulator.
#[component]
pub fn QuizPage() -> impl IntoView {
    view! {
        <Planned
            title="Quiz"
            purpose="Test yourself on what each lesson taught."
            coming=&[
                "Questions one at a time, with your progress and a final score.",
                "Predict-the-outcome questions whose answers the simulator computes.",
                "Schedule challenges: you pick who runs next until the program loses an update or deadlocks.",
            ]
        />
    }
}
