//! The answer sheet: right answers as shown after a question, and the per-student order of
//! choices.

use super::*;

/// A right answer as the answer sheet shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// What the lines are ("Right answer", "The simulator's answer", …).
    pub label: String,
    /// The answer, one item per line.
    pub lines: Vec<String>,
    /// True when the lines are program output, shown as code.
    pub output: bool,
}

/// The right answer to a question for the answer sheet: written, computed by the
/// simulator, or (for a challenge) a winning schedule found by the search.
pub fn shown_answer(lesson: &Lesson, question: &Question) -> Result<Shown, String> {
    Ok(match &question.kind {
        QuestionKind::MultipleChoice(mc) => Shown {
            label: if mc.answers.len() == 1 {
                "Right answer"
            } else {
                "Right answers (all of them)"
            }
            .to_string(),
            lines: mc.answers.clone(),
            output: false,
        },
        QuestionKind::ShortAnswer(short) => {
            let mut lines = vec![short.answer.clone()];
            if !short.alternatives.is_empty() {
                lines.push(format!("also accepted: {}", short.alternatives.join(", ")));
            }
            Shown {
                label: "Answer".to_string(),
                lines,
                output: false,
            }
        }
        QuestionKind::PredictOutcome(predict) => Shown {
            label: "The simulator's answer".to_string(),
            lines: computed_answer(lesson, predict)?
                .lines()
                .map(str::to_string)
                .collect(),
            output: true,
        },
        QuestionKind::ScheduleChallenge(challenge) => {
            let program = program_of(lesson, &challenge.program.id)?;
            let schedule = winning_schedule(lesson, challenge)?;
            let steps =
                schedule_steps(Arc::new(compile(program)?), sim_options(program), &schedule)?;
            Shown {
                label: format!(
                    "A winning schedule ({} steps), picked in this order",
                    steps.len()
                ),
                lines: vec![steps.join(" → ")],
                output: false,
            }
        }
        QuestionKind::FixTheBug(fix) => Shown {
            label: "A fix the explorer accepts".to_string(),
            lines: fix.solution.lines().map(str::to_string).collect(),
            output: true,
        },
    })
}

/// The choices of a multiple-choice question in this student's order: shuffled, the same
/// way every time for the same student and question, differently between students.
pub fn shuffled_choices(mc: &MultipleChoice, student: &str, key: &str) -> Vec<String> {
    shuffled(mc.choices().map(str::to_string).collect(), student, key)
}

/// `items` in a stable pseudo-random order keyed by the student and the question.
pub fn shuffled<T>(mut items: Vec<T>, student: &str, key: &str) -> Vec<T> {
    let mut rng = SplitMix64::new(fnv1a(&[student.as_bytes(), b"/", key.as_bytes()]));
    // Fisher-Yates, from the end.
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    items
}

/// FNV-1a: a tiny, stable hash (std's hasher may change between releases, and the order
/// must not).
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
