//! Quiz questions as the app asks and grades them.
//!
//! Every simulator-graded answer goes through `lesson::check`, the same path the
//! `switchboard check` command uses, so the browser and the checker cannot disagree:
//! a prediction's answer is computed by running the program under the question's
//! schedule, and a challenge is judged by replaying the student's schedule on a fresh
//! world. Nothing here touches the DOM, so it is tested natively.

use std::sync::Arc;

use lesson::check::{
    find_schedule, goal_reached, lang_dialect, predicted_answer, prediction_matches, run_program,
    sim_options, SearchBounds, SearchResult,
};
use lesson::{
    Course, Goal, Lesson, MultipleChoice, PredictOutcome, PredictTarget, Program, Question,
    QuestionKind, ScheduleChallenge, ScheduleSpec, Section,
};
use sim::schedule::{Schedule, SplitMix64};
use sim::timeline::Timeline;
use sim::{World, WorldStatus};

use crate::model::session::{Policy, Session};

/// Longest answer text kept or compared; anything longer is cut, so a pasted novel
/// cannot stall the page.
pub const MAX_ANSWER_CHARS: usize = 2_000;

/// One question of the course, with the lesson and section it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct QuestionRef<'a> {
    /// The lesson holding the question.
    pub lesson: &'a Lesson,
    /// The section the question's quiz block sits in.
    pub section: &'a Section,
    /// The question.
    pub question: &'a Question,
}

impl<'a> QuestionRef<'a> {
    /// The key saved progress uses: `lesson-id/question-id`.
    pub fn key(&self) -> String {
        question_key(&self.lesson.meta.id, &self.question.id)
    }

    /// A link back to the lesson section that teaches this question.
    pub fn href(&self) -> String {
        if self.section.anchor.is_empty() {
            format!("/lessons/{}", self.lesson.meta.id)
        } else {
            format!("/lessons/{}#{}", self.lesson.meta.id, self.section.anchor)
        }
    }

    /// The section's heading, or the lesson title for the untitled introduction.
    pub fn section_title(&self) -> String {
        self.section
            .heading
            .clone()
            .unwrap_or_else(|| self.lesson.meta.title.clone())
    }

    /// The program a simulator-graded question runs, if it names one that exists.
    pub fn program(&self) -> Option<&'a Program> {
        question_program(self.lesson, self.question)
    }
}

/// The key of a question in saved progress.
pub fn question_key(lesson: &str, question: &str) -> String {
    format!("{lesson}/{question}")
}

/// Every question of the course, lesson by lesson, in file order.
pub fn course_questions(course: &Course) -> Vec<QuestionRef<'_>> {
    course.lessons.iter().flat_map(lesson_questions).collect()
}

/// Every question of one lesson, in file order.
pub fn lesson_questions(lesson: &Lesson) -> Vec<QuestionRef<'_>> {
    lesson
        .questions()
        .map(|(section, question)| QuestionRef {
            lesson,
            section,
            question,
        })
        .collect()
}

/// The question saved under `key`, if the course still has it.
pub fn find_question<'a>(course: &'a Course, key: &str) -> Option<QuestionRef<'a>> {
    let (lesson, question) = key.split_once('/')?;
    let lesson = course.lesson(lesson)?;
    lesson
        .questions()
        .find(|(_, q)| q.id == question)
        .map(|(section, question)| QuestionRef {
            lesson,
            section,
            question,
        })
}

/// The program a predict or challenge question names, looked up in its lesson.
pub fn question_program<'a>(lesson: &'a Lesson, question: &Question) -> Option<&'a Program> {
    match &question.kind {
        QuestionKind::PredictOutcome(p) => lesson.program(&p.program.id),
        QuestionKind::ScheduleChallenge(c) => lesson.program(&c.program.id),
        _ => None,
    }
}

/// What a student gave as an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Choices picked, by their text: a multiple-choice question or a prediction with
    /// choices.
    Picked(Vec<String>),
    /// Text typed: a short answer or a typed prediction.
    Typed(String),
    /// The schedule the student played in a challenge, as a schedule string.
    Played(String),
    /// The student gave up on a challenge.
    GaveUp,
}

impl Answer {
    /// The answer as saved in progress: the picked texts, the typed text, or the schedule.
    pub fn given(&self) -> Vec<String> {
        match self {
            Answer::Picked(picked) => picked.iter().map(|p| clip(p)).collect(),
            Answer::Typed(text) | Answer::Played(text) => vec![clip(text)],
            Answer::GaveUp => Vec::new(),
        }
    }
}

/// Cuts a text to [`MAX_ANSWER_CHARS`] characters.
pub fn clip(text: &str) -> String {
    text.chars().take(MAX_ANSWER_CHARS).collect()
}

/// The grade of one answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the answer was right.
    pub correct: bool,
    /// The right answer, to show after answering.
    pub expected: Expected,
    /// What the student's own answer did, when that helps (a challenge run that ended
    /// without reaching its goal).
    pub note: Option<String>,
}

/// The right answer to a question, as shown after answering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// The right choices (one, or the whole set).
    Choices(Vec<String>),
    /// The written answer and the alternatives that also count.
    Text {
        /// The answer.
        answer: String,
        /// Other accepted answers.
        alternatives: Vec<String>,
    },
    /// The answer the simulator computed by running the program.
    Computed(String),
    /// A challenge's goal, in words.
    Goal(String),
}

/// Grades `answer` to `question` of `lesson`. Simulator-graded questions run their
/// program, so grading against an edited program gives the edited answer. An error is a
/// question that cannot be graded (its program does not compile, say), never a panic.
pub fn grade(lesson: &Lesson, question: &Question, answer: &Answer) -> Result<Verdict, String> {
    match &question.kind {
        QuestionKind::MultipleChoice(mc) => {
            let correct = match answer {
                Answer::Picked(picked) => mc.is_correct(picked),
                _ => false,
            };
            Ok(Verdict {
                correct,
                expected: Expected::Choices(mc.answers.clone()),
                note: None,
            })
        }
        QuestionKind::ShortAnswer(short) => {
            let correct = match answer {
                Answer::Typed(text) => short.accepts(&clip(text)),
                _ => false,
            };
            Ok(Verdict {
                correct,
                expected: Expected::Text {
                    answer: short.answer.clone(),
                    alternatives: short.alternatives.clone(),
                },
                note: None,
            })
        }
        QuestionKind::PredictOutcome(predict) => {
            let expected = computed_answer(lesson, predict)?;
            let correct = match answer {
                Answer::Typed(text) => prediction_matches(&expected, &clip(text)),
                Answer::Picked(picked) => {
                    picked.len() == 1 && prediction_matches(&expected, &picked[0])
                }
                _ => false,
            };
            Ok(Verdict {
                correct,
                expected: Expected::Computed(expected),
                note: None,
            })
        }
        QuestionKind::ScheduleChallenge(challenge) => {
            let expected = Expected::Goal(goal_text(&challenge.goal));
            let (correct, note) = match answer {
                Answer::Played(schedule) => match judge_schedule(lesson, challenge, schedule)? {
                    Judgement::Reached => (true, None),
                    Judgement::Ended(what) => (false, Some(what)),
                    Judgement::Running => (
                        false,
                        Some("The run was still going and had not reached the goal.".to_string()),
                    ),
                },
                Answer::GaveUp => (false, Some("You gave up on this one.".to_string())),
                _ => (false, None),
            };
            Ok(Verdict {
                correct,
                expected,
                note,
            })
        }
    }
}

/// Compiles a lesson program for the simulator. The error names the first problem.
pub fn compile(program: &Program) -> Result<sim::ir::Program, String> {
    lang::compile(lang_dialect(program.dialect), &program.source).map_err(|errors| {
        errors.first().map_or_else(
            || format!("program `{}` does not compile", program.id),
            |e| {
                format!(
                    "program `{}` does not compile: {}:{}: {}",
                    program.id, e.span.line, e.span.col, e.message
                )
            },
        )
    })
}

fn program_of<'a>(lesson: &'a Lesson, id: &str) -> Result<&'a Program, String> {
    lesson
        .program(id)
        .ok_or_else(|| format!("the lesson has no program `{id}`"))
}

/// The answer to a predict-the-outcome question, computed by running its program under
/// its schedule, exactly as the checker does.
pub fn computed_answer(lesson: &Lesson, predict: &PredictOutcome) -> Result<String, String> {
    let program = program_of(lesson, &predict.program.id)?;
    let ir = compile(program)?;
    let run = run_program(&ir, program, predict.schedule.as_ref())?;
    if let Some(reason) = run.runaway() {
        return Err(format!("program `{}` has no outcome: {reason}", program.id));
    }
    predicted_answer(&run, &predict.target).ok_or_else(|| match &predict.target {
        PredictTarget::Variable(name) => {
            format!("program `{}` has no shared variable `{name}`", program.id)
        }
        PredictTarget::Output => format!("program `{}` has no output", program.id),
        PredictTarget::Line(line) => format!("program `{}` does not print {line}", program.id),
    })
}

/// The schedule a prediction runs under: the question's, or else the program's own.
pub fn prediction_schedule<'a>(
    program: &'a Program,
    predict: &'a PredictOutcome,
) -> &'a ScheduleSpec {
    predict.schedule.as_ref().unwrap_or(&program.schedule)
}

/// The schedule in words, for the question ("round-robin", "seeded random, seed 11").
pub fn schedule_text(spec: &ScheduleSpec) -> String {
    match spec {
        ScheduleSpec::RoundRobin => {
            "round-robin: the processes take turns, one step each".to_string()
        }
        ScheduleSpec::Random { seed } => format!("seeded random, seed {seed}"),
        ScheduleSpec::Replay { schedule } => format!("the recorded schedule {schedule}"),
    }
}

/// A session that plays exactly the graded run of a prediction: the same scheduler with
/// the same seed, or the recorded schedule replayed (then it stands at the end).
pub fn prediction_session(
    program: Arc<sim::ir::Program>,
    options: sim::Options,
    spec: &ScheduleSpec,
) -> Result<Session, String> {
    let policy = match spec {
        ScheduleSpec::RoundRobin => Policy::RoundRobin,
        ScheduleSpec::Random { seed } => Policy::Random(*seed),
        ScheduleSpec::Replay { .. } => Policy::Manual,
    };
    let mut session = Session::new(program, options, policy)?;
    if let ScheduleSpec::Replay { schedule } = spec {
        session.replay(schedule)?;
    }
    Ok(session)
}

/// How a student's challenge run stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Judgement {
    /// The goal is reached.
    Reached,
    /// The run is over without reaching the goal; the text says what happened instead.
    Ended(String),
    /// The run can go on and has not reached the goal yet.
    Running,
}

/// Judges a challenge by replaying `schedule` on a fresh world of the program. A
/// schedule that does not fit the program (a pick that is not enabled) is judged on
/// the steps that fit, so a stale or hand-edited string cannot count as a win.
pub fn judge_schedule(
    lesson: &Lesson,
    challenge: &ScheduleChallenge,
    schedule: &str,
) -> Result<Judgement, String> {
    let program = program_of(lesson, &challenge.program.id)?;
    let ir = compile(program)?;
    let world = World::new(ir, sim_options(program)).map_err(|e| e.to_string())?;
    let schedule = Schedule::parse(schedule).map_err(|e| e.to_string())?;
    let mut timeline = Timeline::new(world);
    timeline.apply(&schedule);
    Ok(judge_world(timeline.world(), &challenge.goal))
}

/// Judges a world against a challenge goal.
pub fn judge_world(world: &World, goal: &Goal) -> Judgement {
    if goal_reached(world, goal) {
        return Judgement::Reached;
    }
    if !world.is_over() && !world.enabled_choices().is_empty() {
        return Judgement::Running;
    }
    Judgement::Ended(ended_text(world, goal))
}

/// What a finished run did instead of reaching the goal.
fn ended_text(world: &World, goal: &Goal) -> String {
    let how = match world.status() {
        WorldStatus::Deadlock => "The run deadlocked",
        WorldStatus::Idle => "The run went idle",
        _ => "The run ended",
    };
    match goal {
        Goal::LostUpdate => format!("{how} without losing an update."),
        Goal::Deadlock => format!("{how}: every process could carry on, so nothing deadlocked."),
        Goal::Race => format!("{how} without the race detector firing."),
        Goal::Overflow => format!("{how} without any mailbox or buffer overflowing."),
        Goal::Output { .. } => {
            let printed: Vec<&str> = world.output().iter().map(|t| t.as_str()).collect();
            if printed.is_empty() {
                format!("{how} having printed nothing.")
            } else {
                format!("{how} having printed:\n{}", printed.join("\n"))
            }
        }
        Goal::FinalValue { variable, .. } => match world.global(variable) {
            Some(v) => format!("{how} with `{variable}` = {}.", v.show(world.style())),
            None => format!("{how} without a variable `{variable}`."),
        },
    }
}

/// A challenge goal in words.
pub fn goal_text(goal: &Goal) -> String {
    match goal {
        Goal::LostUpdate => "lose an update".to_string(),
        Goal::Deadlock => "reach a deadlock".to_string(),
        Goal::Race => "make the race detector fire".to_string(),
        Goal::Overflow => "overflow a mailbox or buffer".to_string(),
        Goal::Output { output } => format!("make the program print exactly:\n{output}"),
        Goal::FinalValue { variable, value } => {
            format!("end the run with `{variable}` = {value}")
        }
    }
}

/// A winning schedule for a challenge, found by the checker's search, as a schedule
/// string. This is the "give up" answer.
pub fn winning_schedule(lesson: &Lesson, challenge: &ScheduleChallenge) -> Result<String, String> {
    let program = program_of(lesson, &challenge.program.id)?;
    let ir = compile(program)?;
    let mut options = sim_options(program);
    options.record_trace = false;
    let world = World::new(ir, options).map_err(|e| e.to_string())?;
    match find_schedule(&world, &challenge.goal, SearchBounds::default()) {
        SearchResult::Found(schedule) => Ok(schedule.encode()),
        SearchResult::Impossible => Err("no schedule reaches this goal".to_string()),
        SearchResult::GaveUp { states, .. } => Err(format!(
            "the search stopped after {states} distinct states before finding a schedule"
        )),
    }
}

/// The steps of a schedule as the choice buttons name them ("T1", "deliver ping to pong").
pub fn schedule_steps(
    program: Arc<sim::ir::Program>,
    options: sim::Options,
    schedule: &str,
) -> Result<Vec<String>, String> {
    let schedule = Schedule::parse(schedule).map_err(|e| e.to_string())?;
    let mut session = Session::new(program, options, Policy::Manual)?;
    Ok(session.replay_labelled(&schedule))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shuffle_is_stable_per_student_and_differs_between_students() {
        let items: Vec<u32> = (0..8).collect();
        let a = shuffled(items.clone(), "alice", "l/q");
        assert_eq!(a, shuffled(items.clone(), "alice", "l/q"));
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, items, "a permutation");
        let others: Vec<Vec<u32>> = (0..10)
            .map(|i| shuffled(items.clone(), &format!("student{i}"), "l/q"))
            .collect();
        assert!(
            others.iter().any(|o| o != &a),
            "not every student gets one order"
        );
        assert!(
            others.iter().any(|o| o != &items),
            "the order is actually shuffled"
        );
    }

    #[test]
    fn the_shuffle_handles_empty_and_single_lists() {
        assert!(shuffled(Vec::<u8>::new(), "", "").is_empty());
        assert_eq!(shuffled(vec![7], "x", "y"), vec![7]);
    }

    #[test]
    fn answers_are_clipped_when_saved() {
        let long = "x".repeat(MAX_ANSWER_CHARS + 50);
        assert_eq!(Answer::Typed(long).given()[0].len(), MAX_ANSWER_CHARS);
        assert!(Answer::GaveUp.given().is_empty());
    }

    /// Tests over the bundled course: every question can be answered and graded.
    mod course {
        use super::super::*;
        use crate::course::course;
        use lesson::Lesson;

        fn the_course() -> &'static Course {
            &course().0
        }

        fn question(key: &str) -> QuestionRef<'static> {
            find_question(the_course(), key).unwrap_or_else(|| panic!("the course has {key}"))
        }

        /// The right answer as a student would give it.
        fn right_answer(q: &QuestionRef) -> Answer {
            match &q.question.kind {
                QuestionKind::MultipleChoice(mc) => Answer::Picked(mc.answers.clone()),
                QuestionKind::ShortAnswer(s) => {
                    Answer::Typed(format!("  {}  ", s.answer.to_uppercase()))
                }
                QuestionKind::PredictOutcome(p) => {
                    let computed = computed_answer(q.lesson, p).expect("the simulator answers");
                    if p.choices.is_empty() {
                        Answer::Typed(computed)
                    } else {
                        let pick = p.choices.iter().find(|c| prediction_matches(&computed, c));
                        Answer::Picked(vec![pick.expect("the answer is a choice").clone()])
                    }
                }
                QuestionKind::ScheduleChallenge(c) => {
                    Answer::Played(winning_schedule(q.lesson, c).expect("a winning schedule"))
                }
            }
        }

        /// A wrong answer as a student might give it.
        fn wrong_answer(q: &QuestionRef) -> Answer {
            match &q.question.kind {
                QuestionKind::MultipleChoice(mc) => Answer::Picked(vec![mc.distractors[0].clone()]),
                QuestionKind::ShortAnswer(_) => Answer::Typed("no idea".into()),
                QuestionKind::PredictOutcome(_) => Answer::Typed("no idea".into()),
                // Nothing played: the run has not even started.
                QuestionKind::ScheduleChallenge(_) => Answer::Played(String::new()),
            }
        }

        #[test]
        fn every_course_question_grades_its_right_answer_right_and_a_wrong_one_wrong() {
            let questions = course_questions(the_course());
            assert!(questions.len() >= 38, "{} questions", questions.len());
            for q in &questions {
                let right = grade(q.lesson, q.question, &right_answer(q))
                    .unwrap_or_else(|e| panic!("{}: {e}", q.key()));
                assert!(
                    right.correct,
                    "{}: the right answer is graded right",
                    q.key()
                );
                let wrong = grade(q.lesson, q.question, &wrong_answer(q)).unwrap();
                assert!(
                    !wrong.correct,
                    "{}: a wrong answer is graded wrong",
                    q.key()
                );
            }
        }

        #[test]
        fn the_simulator_grades_22_questions_like_the_checker() {
            let questions = course_questions(the_course());
            let computed = questions
                .iter()
                .filter(|q| matches!(q.question.kind, QuestionKind::PredictOutcome(_)))
                .count();
            let judged = questions
                .iter()
                .filter(|q| matches!(q.question.kind, QuestionKind::ScheduleChallenge(_)))
                .count();
            assert_eq!((computed, judged), (14, 8));
            // The checker agrees on every computed answer.
            for lesson in &the_course().lessons {
                let file = lesson.file.clone();
                let text = crate::course::LESSON_FILES
                    .iter()
                    .find(|(name, _)| *name == file)
                    .map(|(_, t)| *t)
                    .expect("the lesson file is bundled");
                let check = lesson::check::check_lesson(&file, text);
                assert_eq!(check.errors(), 0, "{file}");
                let mine = lesson_questions(lesson)
                    .iter()
                    .filter(|q| match &q.question.kind {
                        QuestionKind::PredictOutcome(p) => computed_answer(lesson, p).is_ok(),
                        _ => false,
                    })
                    .count();
                assert_eq!(mine, check.summary.computed_answers, "{file}");
            }
        }

        #[test]
        fn multiple_choice_sets_need_exactly_the_set() {
            let q = question("shared-memory/lock-costs");
            let QuestionKind::MultipleChoice(mc) = &q.question.kind else {
                panic!("a multiple-choice question");
            };
            assert!(mc.select_all && mc.answers.len() == 3);
            let grade_of = |picked: Vec<String>| {
                grade(q.lesson, q.question, &Answer::Picked(picked))
                    .unwrap()
                    .correct
            };
            let mut shuffled_set = mc.answers.clone();
            shuffled_set.reverse();
            assert!(grade_of(shuffled_set), "order does not matter");
            assert!(!grade_of(mc.answers[..2].to_vec()), "a subset is wrong");
            let mut superset = mc.answers.clone();
            superset.push(mc.distractors[0].clone());
            assert!(!grade_of(superset), "a superset is wrong");
            assert!(!grade_of(vec![]), "nothing picked is wrong");
        }

        #[test]
        fn short_answers_are_trimmed_case_blind_and_take_alternatives() {
            let q = question("actors/send-returns");
            for typed in ["address", "  Address ", "PID", "self()", "process   id"] {
                let v = grade(q.lesson, q.question, &Answer::Typed(typed.into())).unwrap();
                assert!(v.correct, "{typed:?}");
            }
            let v = grade(q.lesson, q.question, &Answer::Typed("mailbox".into())).unwrap();
            assert!(!v.correct);
            assert_eq!(
                v.expected,
                Expected::Text {
                    answer: "address".into(),
                    alternatives: vec![
                        "pid".into(),
                        "self()".into(),
                        "process id".into(),
                        "self".into()
                    ],
                }
            );
        }

        /// A copy of a lesson with one program's source edited.
        fn edited(lesson: &Lesson, program: &str, from: &str, to: &str) -> Lesson {
            let mut copy = lesson.clone();
            for section in &mut copy.sections {
                for block in &mut section.blocks {
                    if let lesson::Block::Program(p) = block {
                        if p.id == program {
                            assert!(p.source.contains(from), "{program} has {from:?}");
                            p.source = p.source.replace(from, to);
                        }
                    }
                }
            }
            copy
        }

        #[test]
        fn change_the_program_and_the_expected_answer_changes_with_it() {
            let q = question("shared-memory/racy-round-robin");
            let QuestionKind::PredictOutcome(predict) = &q.question.kind else {
                panic!("a prediction");
            };
            assert_eq!(
                computed_answer(q.lesson, predict).unwrap(),
                "1",
                "both threads read 0"
            );
            let edited = edited(q.lesson, "racy", "count += 1", "count += 3");
            assert_eq!(computed_answer(&edited, predict).unwrap(), "3");
            let old = Answer::Typed("1".into());
            assert!(grade(q.lesson, q.question, &old).unwrap().correct);
            let verdict = grade(&edited, q.question, &old).unwrap();
            assert!(
                !verdict.correct,
                "the old answer is wrong for the new program"
            );
            assert_eq!(verdict.expected, Expected::Computed("3".into()));
            assert!(
                grade(&edited, q.question, &Answer::Typed("3".into()))
                    .unwrap()
                    .correct
            );

            // Whole-output predictions follow the program too.
            let q = question("shared-memory/racy-round-robin");
            let output = PredictOutcome {
                target: PredictTarget::Output,
                ..predict.clone()
            };
            assert_eq!(computed_answer(q.lesson, &output).unwrap(), "count is 1");
            let louder = edited_print(q.lesson);
            assert_eq!(computed_answer(&louder, &output).unwrap(), "total is 1");

            // So do single-line predictions, and the old line is then graded wrong.
            let last = PredictOutcome {
                target: PredictTarget::Line(lesson::OutputLine::Last),
                ..predict.clone()
            };
            assert_eq!(computed_answer(q.lesson, &last).unwrap(), "count is 1");
            assert_eq!(computed_answer(&louder, &last).unwrap(), "total is 1");
            let beyond = PredictOutcome {
                target: PredictTarget::Line(lesson::OutputLine::Number(2)),
                ..predict.clone()
            };
            assert!(computed_answer(q.lesson, &beyond)
                .unwrap_err()
                .contains("does not print line 2"));
        }

        fn edited_print(lesson: &Lesson) -> Lesson {
            edited(
                lesson,
                "racy",
                "print(\"count is\", count)",
                "print(\"total is\", count)",
            )
        }

        #[test]
        fn change_the_program_and_the_challenge_judge_follows() {
            let q = question("shared-memory/racy-lose-it");
            let QuestionKind::ScheduleChallenge(challenge) = &q.question.kind else {
                panic!("a challenge");
            };
            let win = winning_schedule(q.lesson, challenge).unwrap();
            assert_eq!(
                judge_schedule(q.lesson, challenge, &win).unwrap(),
                Judgement::Reached
            );
            // Guard the addition with a lock: no schedule can lose it any more.
            let locked = edited(
                q.lesson,
                "racy",
                "count = 0\n",
                "count = 0\nlock = threading.Lock()\n",
            );
            let locked = edited(
                &locked,
                "racy",
                "    count += 1",
                "    with lock:\n        count += 1",
            );
            assert!(winning_schedule(&locked, challenge).is_err());
            let replayed = judge_schedule(&locked, challenge, &win).unwrap();
            assert_ne!(replayed, Judgement::Reached, "the old win does not count");
        }

        #[test]
        fn a_challenge_is_judged_on_the_run_the_student_played() {
            let q = question("shared-memory/racy-lose-it");
            let program = q.program().unwrap();
            let QuestionKind::ScheduleChallenge(challenge) = &q.question.kind else {
                panic!("a challenge");
            };
            let ir = Arc::new(compile(program).unwrap());
            // Play it like a student: first thread reads, second thread reads, then both write.
            let mut session =
                Session::new(ir.clone(), sim_options(program), Policy::Manual).unwrap();
            assert_eq!(
                judge_schedule(q.lesson, challenge, &session.schedule()).unwrap(),
                Judgement::Running
            );
            let mut picks_left = 200;
            while session.can_step() && picks_left > 0 {
                // Always the newest process: it interleaves the threads' reads and writes.
                let options = session.options();
                let last = options.last().unwrap().choice;
                session.choose(last);
                picks_left -= 1;
            }
            let judged = judge_schedule(q.lesson, challenge, &session.schedule()).unwrap();
            assert_eq!(
                judged == Judgement::Reached,
                goal_reached(session.world(), &challenge.goal)
            );
            // Round-robin finishes with a lost update too; a one-thread-at-a-time run does not.
            let mut serial =
                Session::new(ir.clone(), sim_options(program), Policy::Manual).unwrap();
            while serial.can_step() {
                let first = serial.options()[0].choice;
                serial.choose(first);
            }
            match judge_schedule(q.lesson, challenge, &serial.schedule()).unwrap() {
                Judgement::Ended(what) => {
                    assert!(what.contains("without losing an update"), "{what}")
                }
                other => panic!("a serial run loses nothing: {other:?}"),
            }
            let steps = schedule_steps(
                ir,
                sim_options(program),
                &winning_schedule(q.lesson, challenge).unwrap(),
            )
            .unwrap();
            assert!(
                !steps.is_empty() && steps.iter().all(|s| !s.is_empty()),
                "{steps:?}"
            );
        }

        #[test]
        fn a_junk_schedule_is_an_error_or_a_loss_never_a_panic_or_a_win() {
            let q = question("shared-memory/racy-lose-it");
            for junk in ["!!", "zzzzzzzz", "9999", "0.0.0", "\u{1F600}"] {
                if let Ok(v) = grade(q.lesson, q.question, &Answer::Played(junk.into())) {
                    assert!(!v.correct, "{junk:?}");
                }
            }
        }

        #[test]
        fn the_panel_plays_exactly_the_graded_run() {
            for q in course_questions(the_course()) {
                let QuestionKind::PredictOutcome(predict) = &q.question.kind else {
                    continue;
                };
                let program = q.program().unwrap();
                let spec = prediction_schedule(program, predict);
                let ir = Arc::new(compile(program).unwrap());
                let mut session = prediction_session(ir, sim_options(program), spec).unwrap();
                while session.step() {}
                let printed: Vec<&str> = session
                    .world()
                    .output()
                    .iter()
                    .map(|t| t.as_str())
                    .collect();
                let shown = match &predict.target {
                    PredictTarget::Output => printed.join("\n"),
                    PredictTarget::Line(line) => line.pick(&printed).unwrap().to_string(),
                    PredictTarget::Variable(v) => session
                        .world()
                        .global(v)
                        .map(|x| x.show(session.world().style()))
                        .unwrap(),
                };
                assert_eq!(
                    shown,
                    computed_answer(q.lesson, predict).unwrap(),
                    "{}",
                    q.key()
                );
            }
        }

        #[test]
        fn every_question_has_an_answer_for_the_answer_sheet() {
            for q in course_questions(the_course()) {
                let shown = shown_answer(q.lesson, q.question)
                    .unwrap_or_else(|e| panic!("{}: {e}", q.key()));
                assert!(
                    !shown.lines.is_empty() && shown.lines.iter().all(|l| !l.trim().is_empty()),
                    "{}",
                    q.key()
                );
            }
            let racy = question("shared-memory/racy-round-robin");
            assert_eq!(
                shown_answer(racy.lesson, racy.question).unwrap().lines,
                ["1"]
            );
        }

        #[test]
        fn links_go_back_to_the_lesson_section() {
            let q = question("shared-memory/racy-round-robin");
            assert_eq!(q.href(), "/lessons/shared-memory#the-racy-counter");
            assert_eq!(q.section_title(), "The racy counter");
            assert!(find_question(the_course(), "shared-memory/nope").is_none());
            assert!(find_question(the_course(), "no-slash").is_none());
        }

        #[test]
        fn every_winning_schedule_is_found_quickly_enough_for_a_browser() {
            for q in course_questions(the_course()) {
                let QuestionKind::ScheduleChallenge(c) = &q.question.kind else {
                    continue;
                };
                let started = std::time::Instant::now();
                let win = winning_schedule(q.lesson, c).unwrap();
                let took = started.elapsed();
                // The search runs on the page's thread when a student gives up.
                assert!(took.as_millis() < 1_000, "{}: {took:?}", q.key());
                assert!(!Schedule::parse(&win).unwrap().is_empty());
            }
        }
    }
}
