//! ` ```quiz ` blocks: `[[questions]]` tables in TOML.

use std::ops::Range;

use toml::de::DeValue;

use crate::diagnostic::{Problem, Sink};
use crate::model::{
    Goal, MultipleChoice, OutputLine, PredictOutcome, PredictTarget, ProgramRef, Question,
    QuestionKind, Quiz, ScheduleChallenge, ShortAnswer,
};
use crate::suggest::{did_you_mean, one_of};

use super::fix::fix_the_bug;
use super::ids::check_id;
use super::program::FencedBlock;
use super::schedule::resolve_schedule;
use super::toml_fields::{parse_toml, type_name, Fields};

/// Every question `type` a quiz block accepts.
pub const TYPES: [&str; 5] = [
    "MultipleChoice",
    "ShortAnswer",
    "PredictOutcome",
    "ScheduleChallenge",
    "FixTheBug",
];
/// The fields every question accepts, whatever its type.
pub const COMMON: [&str; 4] = ["id", "type", "prompt", "explanation"];
/// Every `goal` a schedule challenge accepts.
pub const GOALS: [&str; 6] = [
    "lost-update",
    "deadlock",
    "race",
    "overflow",
    "output",
    "final-value",
];

/// Builds a quiz from its block; questions with problems are reported and left out.
pub(crate) fn parse_quiz(sink: &mut Sink<'_>, block: &FencedBlock) -> Option<Quiz> {
    let table = parse_toml(sink, &block.content, block.content_start, "a quiz block")?;
    let mut top = Fields::new(
        table.get_ref(),
        block.content_start,
        block.info_span.clone(),
        "the quiz block",
    );
    let Some(list) = top.value("questions") else {
        sink.push(
            top.missing("questions", "…")
                .expected("one `[[questions]]` table per question")
                .hint("start each question with a `[[questions]]` line"),
        );
        top.finish(sink, &["questions"]);
        return None;
    };
    let list_span = top.place(list.span());
    let items = match list.get_ref() {
        DeValue::Array(items) => items,
        other => {
            sink.push(top.wrong_type(
                "questions",
                "a list of tables written as `[[questions]]`",
                other,
                list_span,
            ));
            return None;
        }
    };
    let mut questions = Vec::new();
    for item in items.iter() {
        let span = top.place(item.span());
        match item.get_ref() {
            DeValue::Table(table) => {
                let fields =
                    Fields::new(table, block.content_start, span.clone(), "a quiz question");
                if let Some(q) = parse_question(sink, fields, span) {
                    questions.push(q);
                }
            }
            other => sink.push(
                Problem::error(
                    "wrong-type",
                    span,
                    format!("a question must be a table, found {}", type_name(other)),
                )
                .expected("a `[[questions]]` table"),
            ),
        }
    }
    top.finish(sink, &["questions"]);
    Some(Quiz {
        questions,
        span: block.span.clone(),
    })
}

fn parse_question(
    sink: &mut Sink<'_>,
    mut fields: Fields<'_, '_>,
    span: Range<usize>,
) -> Option<Question> {
    let id = fields.required_string(sink, "id", "\"why-no-lock\"");
    let id = id.filter(|(id, span)| check_id(sink, id, span.clone(), "question id"));
    let kind_name = fields.required_string(sink, "type", "\"MultipleChoice\"");
    let prompt = fields.required_string(sink, "prompt", "\"What does `Pid ! hello` return?\"");
    let explanation = fields.string(sink, "explanation").map(|(e, _)| e);
    let (kind_name, kind_span) = kind_name?;
    let Some(kind_name) = TYPES.iter().copied().find(|t| *t == kind_name) else {
        sink.push(
            Problem::error(
                "unknown-question-type",
                kind_span,
                format!("unknown question type `{kind_name}`"),
            )
            .expected(format!("one of {}", one_of(&TYPES)))
            .maybe_hint(did_you_mean(&kind_name, TYPES)),
        );
        return None;
    };
    fields.set_what(format!("a {kind_name} question"));
    let kind = match kind_name {
        "MultipleChoice" => multiple_choice(sink, &mut fields).map(QuestionKind::MultipleChoice),
        "ShortAnswer" => short_answer(sink, &mut fields).map(QuestionKind::ShortAnswer),
        "PredictOutcome" => predict_outcome(sink, &mut fields).map(QuestionKind::PredictOutcome),
        "FixTheBug" => fix_the_bug(sink, &mut fields).map(QuestionKind::FixTheBug),
        _ => schedule_challenge(sink, &mut fields).map(QuestionKind::ScheduleChallenge),
    };
    let allowed: Vec<&str> = COMMON
        .iter()
        .chain(match kind_name {
            "MultipleChoice" => &["answer", "distractors"][..],
            "ShortAnswer" => &["answer", "alternatives"][..],
            "PredictOutcome" => &["program", "seed", "schedule", "variable", "line", "choices"][..],
            "FixTheBug" => &["program", "goal", "solution"][..],
            _ => &["program", "goal", "variable", "value", "output"][..],
        })
        .copied()
        .collect();
    fields.finish(sink, &allowed);
    let (id, id_span) = id?;
    Some(Question {
        id,
        id_span,
        prompt: prompt?.0,
        explanation,
        kind: kind?,
        span,
    })
}

fn multiple_choice(sink: &mut Sink<'_>, fields: &mut Fields<'_, '_>) -> Option<MultipleChoice> {
    if !fields.has("answer") {
        sink.push(fields.missing("answer", "\"a mailbox\"").hint(
            "write a list, `answer = [\"a\", \"b\"]`, when several answers must all be picked",
        ));
    }
    if !fields.has("distractors") {
        sink.push(
            fields
                .missing("distractors", "[\"a lock\", \"a thread\"]")
                .hint("distractors are the wrong choices shown beside the answer"),
        );
    }
    let answers = fields.string_or_list(sink, "answer");
    let distractors = fields.string_list(sink, "distractors");
    let (answers, select_all, answer_span) = answers?;
    let (distractors, distractor_span) = distractors?;
    let mut ok = true;
    if answers.is_empty() {
        sink.push(
            Problem::error("empty-value", answer_span, "`answer` is an empty list")
                .expected("at least one right answer"),
        );
        ok = false;
    }
    if distractors.is_empty() {
        sink.push(
            Problem::error("empty-value", distractor_span, "`distractors` is empty")
                .expected("at least one wrong choice")
                .hint("a question with only right answers cannot be got wrong; use ShortAnswer instead?"),
        );
        ok = false;
    }
    for (i, (text, span)) in answers.iter().chain(&distractors).enumerate() {
        if text.trim().is_empty() {
            sink.push(
                Problem::error("empty-value", span.clone(), "a choice is blank")
                    .expected("some text for every choice"),
            );
            ok = false;
        }
        let earlier = answers
            .iter()
            .chain(&distractors)
            .take(i)
            .find(|(other, _)| other.trim() == text.trim());
        if let Some((_, first)) = earlier {
            let in_answers = answers
                .iter()
                .any(|(a, s)| a.trim() == text.trim() && s == first);
            let (code, message, hint) = if in_answers && i >= answers.len() {
                (
                    "answer-in-distractors",
                    format!("`{text}` is both an answer and a distractor"),
                    "a student who picks it would be both right and wrong; remove it from `distractors`",
                )
            } else {
                (
                    "duplicate-choice",
                    format!("the choice `{text}` appears twice"),
                    "remove the repeat",
                )
            };
            sink.push(
                Problem::error(code, span.clone(), message)
                    .expected("every choice different")
                    .hint(hint)
                    .related(first.clone(), "also given here"),
            );
            ok = false;
        }
    }
    ok.then(|| MultipleChoice {
        answers: answers.into_iter().map(|(a, _)| a).collect(),
        distractors: distractors.into_iter().map(|(d, _)| d).collect(),
        select_all,
    })
}

fn short_answer(sink: &mut Sink<'_>, fields: &mut Fields<'_, '_>) -> Option<ShortAnswer> {
    let answer = fields.required_string(sink, "answer", "\"mailbox\"");
    let alternatives = fields
        .string_list(sink, "alternatives")
        .map(|(list, _)| list)
        .unwrap_or_default();
    Some(ShortAnswer {
        answer: answer?.0,
        alternatives: alternatives.into_iter().map(|(a, _)| a).collect(),
    })
}

fn predict_outcome(sink: &mut Sink<'_>, fields: &mut Fields<'_, '_>) -> Option<PredictOutcome> {
    let program = program_ref(sink, fields);
    let seed = if fields.has("seed") {
        fields.integer(sink, "seed", 0..u64::MAX)
    } else {
        None
    };
    let schedule = fields.string(sink, "schedule");
    // `schedule = "every"` asks what exploring every schedule finds, not what one run does.
    let every = schedule.as_ref().is_some_and(|(name, _)| name == "every");
    let every_span = schedule.as_ref().map(|(_, span)| span.clone());
    let schedule = if every {
        if let Some((_, seed_span)) = &seed {
            sink.push(
                Problem::error(
                    "seed-without-random",
                    seed_span.clone(),
                    "`seed` does not apply to `schedule = \"every\"`",
                )
                .hint("every schedule is explored, so there is no seed to pick"),
            );
            None
        } else {
            Some(None)
        }
    } else {
        resolve_schedule(sink, seed, schedule)
    };
    let target = predict_target(sink, fields);
    if every && !matches!(target, Some(PredictTarget::Variable(_))) && target.is_some() {
        sink.push(
            Problem::error(
                "every-needs-variable",
                every_span.unwrap_or_default(),
                "`schedule = \"every\"` asks which final values a variable can take",
            )
            .expected("`variable = \"NAME\"` beside `schedule = \"every\"`")
            .hint("the answer is every final value of that variable, smallest first"),
        );
        return None;
    }
    let choices = match fields.string_list(sink, "choices") {
        Some((choices, span)) => {
            if choices.len() < 2 {
                sink.push(
                    Problem::error(
                        "too-few-choices",
                        span,
                        "`choices` needs at least two values",
                    )
                    .hint("leave `choices` out to let the student type the answer"),
                );
                return None;
            }
            for (i, (choice, span)) in choices.iter().enumerate() {
                if let Some((_, first)) =
                    choices[..i].iter().find(|(c, _)| c.trim() == choice.trim())
                {
                    sink.push(
                        Problem::error(
                            "duplicate-choice",
                            span.clone(),
                            format!("the choice `{choice}` appears twice"),
                        )
                        .related(first.clone(), "also given here"),
                    );
                    return None;
                }
            }
            choices.into_iter().map(|(c, _)| c).collect()
        }
        None => Vec::new(),
    };
    if fields.has("answer") {
        let span = fields.value_span("answer").unwrap_or_default();
        fields.value("answer");
        sink.push(
            Problem::error(
                "typed-answer",
                span,
                "a PredictOutcome question must not state its answer",
            )
            .expected("no `answer`: the checker and the app run the program to find it")
            .hint("remove `answer`; if you want the student to pick, give `choices` instead"),
        );
    }
    Some(PredictOutcome {
        program: program?,
        schedule: schedule?,
        target: target?,
        choices,
        every,
    })
}

/// What a prediction asks for: `variable`, `line`, or (with neither) the whole output.
fn predict_target(sink: &mut Sink<'_>, fields: &mut Fields<'_, '_>) -> Option<PredictTarget> {
    if fields.has("line") && fields.has("variable") {
        let span = fields.value_span("line").unwrap_or_default();
        let variable_span = fields.value_span("variable").unwrap_or_default();
        fields.value("line");
        fields.value("variable");
        sink.push(
            Problem::error(
                "line-and-variable",
                span,
                "a PredictOutcome question asks for a printed `line` and a `variable` at once",
            )
            .expected("one of them: `line = \"last\"` for a printed line, or `variable = \"count\"` for a final value")
            .hint("keep the one the prompt asks about and remove the other")
            .related(variable_span, "`variable` is given here"),
        );
        return None;
    }
    if fields.has("line") {
        return output_line(sink, fields).map(PredictTarget::Line);
    }
    match fields.string(sink, "variable") {
        Some((name, span)) if name.trim().is_empty() => {
            sink.push(
                Problem::error("empty-value", span, "`variable` is empty")
                    .expected("the name of a shared variable, such as `\"count\"`"),
            );
            None
        }
        Some((name, _)) => Some(PredictTarget::Variable(name)),
        None if fields.has("variable") => None,
        None => Some(PredictTarget::Output),
    }
}

/// `line = N` (counting from 1) or `line = "last"`.
fn output_line(sink: &mut Sink<'_>, fields: &mut Fields<'_, '_>) -> Option<OutputLine> {
    const EXPECTED: &str = "a line number counting from 1 (`line = 1` is the first line printed), or `line = \"last\"`";
    let value = fields.value("line")?;
    let span = fields.place(value.span());
    match value.get_ref() {
        DeValue::Integer(int) => {
            let text = int.as_str();
            let number = usize::from_str_radix(text, int.radix())
                .ok()
                .filter(|n| *n >= 1);
            if number.is_none() {
                let negative_or_zero =
                    text.starts_with('-') || text.trim_start_matches(['0', '_', '+']).is_empty();
                let (message, hint) = if negative_or_zero {
                    (
                        format!("`line = {text}` is not a line: lines are counted from 1"),
                        "write `line = 1` for the first line the program prints",
                    )
                } else {
                    (
                        format!("`line = {text}` is too large"),
                        "no program in a lesson prints that many lines; use `line = \"last\"` for the last one",
                    )
                };
                sink.push(
                    Problem::error("bad-line", span, message)
                        .expected(EXPECTED)
                        .hint(hint),
                );
            }
            number.map(OutputLine::Number)
        }
        DeValue::String(text) if text.trim() == "last" => Some(OutputLine::Last),
        DeValue::String(text) => {
            let trimmed = text.trim();
            let hint = if let Ok(n) = trimmed.parse::<u64>() {
                format!("write the number without quotes: `line = {n}`")
            } else if trimmed.eq_ignore_ascii_case("first") {
                "write `line = 1` for the first line".to_string()
            } else if trimmed.eq_ignore_ascii_case("last") {
                "write `\"last\"` in lower case".to_string()
            } else {
                "`\"last\"` is the only word `line` understands; give any other line by its number"
                    .to_string()
            };
            sink.push(
                Problem::error(
                    "bad-line",
                    span,
                    format!("`line = \"{text}\"` is not a line number or `\"last\"`"),
                )
                .expected(EXPECTED)
                .hint(hint),
            );
            None
        }
        other => {
            sink.push(fields.wrong_type(
                "line",
                "a line number such as `1`, or `\"last\"`",
                other,
                span,
            ));
            None
        }
    }
}

fn schedule_challenge(
    sink: &mut Sink<'_>,
    fields: &mut Fields<'_, '_>,
) -> Option<ScheduleChallenge> {
    let program = program_ref(sink, fields);
    let (goal_name, goal_span) = fields.required_string(sink, "goal", "\"lost-update\"")?;
    let goal = match goal_name.as_str() {
        "lost-update" => Goal::LostUpdate,
        "deadlock" => Goal::Deadlock,
        "race" => Goal::Race,
        "overflow" => Goal::Overflow,
        "output" => {
            let (output, _) = fields.required_string(sink, "output", "\"ping\\npong\"")?;
            Goal::Output { output }
        }
        "final-value" => {
            let variable = fields.required_string(sink, "variable", "\"count\"");
            let value = final_value(sink, fields);
            Goal::FinalValue {
                variable: variable?.0,
                value: value?,
            }
        }
        other => {
            sink.push(
                Problem::error("unknown-goal", goal_span, format!("unknown goal `{other}`"))
                    .expected(format!("one of {}", one_of(&GOALS)))
                    .maybe_hint(did_you_mean(other, GOALS)),
            );
            return None;
        }
    };
    for (key, owner) in [
        ("variable", "final-value"),
        ("value", "final-value"),
        ("output", "output"),
    ] {
        if goal.name() == owner {
            continue;
        }
        if let Some(span) = fields.value_span(key) {
            fields.value(key);
            sink.push(
                Problem::error(
                    "unused-key",
                    span,
                    format!("`{key}` only applies to `goal = \"{owner}\"`"),
                )
                .hint(format!("remove `{key}`, or change the goal to \"{owner}\"")),
            );
        }
    }
    Some(ScheduleChallenge {
        program: program?,
        goal,
    })
}

/// `value` of a final-value goal: a number, a string or a boolean, kept as text.
fn final_value(sink: &mut Sink<'_>, fields: &mut Fields<'_, '_>) -> Option<String> {
    let Some(value) = fields.value("value") else {
        sink.push(fields.missing("value", "3"));
        return None;
    };
    let span = fields.place(value.span());
    match value.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|n| n.to_string()),
        DeValue::Boolean(b) => Some(b.to_string()),
        other => {
            sink.push(fields.wrong_type(
                "value",
                "a whole number, a string or a boolean",
                other,
                span,
            ));
            None
        }
    }
}

pub(super) fn program_ref(sink: &mut Sink<'_>, fields: &mut Fields<'_, '_>) -> Option<ProgramRef> {
    fields
        .required_string(sink, "program", "\"racy\"")
        .map(|(id, span)| ProgramRef { id, span })
}
