//! Grading, judging and the answer sheet, over small lessons and over the bundled course.

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

    /// Every prediction's answer, written down independently of the code under test, with
    /// the reasoning that gives it. Where the answer holds for every schedule the reason says
    /// why; the four that depend on one schedule's order (marked "traced") were followed
    /// step by step through `switchboard run`'s narration, one action per line.
    const HAND_WORKED: [(&str, &str); 15] = [
        // One process: countdown(3), (2) and (1) print "3...", "2...", "1..."; countdown(0)
        // matches the first clause and prints the fourth line.
        ("start-here/countdown-lines", "liftoff"),
        // Round-robin: both threads read 0 before either writes back.
        ("shared-memory/racy-round-robin", "1"),
        // The lock makes each read-add-write one unit, so both additions land under any seed.
        ("shared-memory/locked-final", "2"),
        // Each client's bumps precede its `finished`, and main asks only after both
        // `finished`s, so all four bumps are counted before the report, under any seed.
        ("actors/tally-output", "total is 4"),
        // Traced: the reader receives on step 3, main prints on step 4, the reader on step 5.
        (
            "actors/no-wait-first-line",
            "sender is already past the send",
        ),
        // Traced: the cook places dish 1; the waiter serves it; with room for two the cook
        // then places 2 and 3 before the waiter's next turn, and so on.
        (
            "csp/tray-output",
            "placed dish 1\nserved dish 1\nplaced dish 2\nplaced dish 3\nserved dish 2\n\
             placed dish 4\nserved dish 3\nserved dish 4",
        ),
        // One goroutine: round 1 finds the buffer empty, then leaves a note for round 2.
        (
            "csp/peek-output",
            "round 1 inbox empty, moving on\nround 2 got a note",
        ),
        // Every write is at least 1, so each thread's second write is at least 2, and the
        // last write is someone's second; stale writes can undo one or two additions.
        ("same-counter-three-ways/racy-every-ending", "2, 3, 4"),
        // tally reports after both `finished`s, each behind its sender's two adds.
        ("same-counter-three-ways/actor-output", "count = 4"),
        // 1 + 4 + 9 + 16 + 25, whichever worker squares which job.
        ("real-world-shapes/pool-sum", "sum of squares: 55"),
        // Traced with seed 4: bo is at the head of games' list (joins are prepended), so the
        // games post reaches bo, then ana; the music post reaches bo last.
        (
            "real-world-shapes/rooms-lines",
            "bo in games hears rematch\nana in games hears rematch\nbo in music hears new_album",
        ),
        // Each hand-off fixes the order: ada, then ben, then main.
        (
            "mental-models/relay-output",
            "ada passes the bucket\nben passes the bucket\non the fire: bucket",
        ),
        // Traced: three pages get in before the mailbox is full, the other three are dropped.
        ("common-mistakes/flood-printed", "printed 3 pages"),
        // Round-robin: each thread's read and write come before the next thread's read.
        ("test-yourself/quiz-racy-rr", "15"),
        // One sender to one receiver keeps order: three deposits of 5 precede the request.
        ("test-yourself/quiz-bank-balance", "balance: 15"),
    ];

    fn hand_worked(key: &str) -> &'static str {
        HAND_WORKED
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("{key} has a hand-worked answer"))
    }

    /// The right answer as a student would give it.
    fn right_answer(q: &QuestionRef) -> Answer {
        match &q.question.kind {
            QuestionKind::MultipleChoice(mc) => Answer::Picked(mc.answers.clone()),
            QuestionKind::ShortAnswer(s) => {
                Answer::Typed(format!("  {}  ", s.answer.to_uppercase()))
            }
            QuestionKind::PredictOutcome(p) => {
                let expected = hand_worked(&q.key());
                if p.choices.is_empty() {
                    Answer::Typed(expected.to_string())
                } else {
                    let pick = p.choices.iter().find(|c| lesson::lines_match(expected, c));
                    Answer::Picked(vec![pick.expect("the answer is a choice").clone()])
                }
            }
            QuestionKind::ScheduleChallenge(c) => {
                Answer::Played(winning_schedule(q.lesson, c).expect("a winning schedule"))
            }
            QuestionKind::FixTheBug(f) => Answer::Typed(f.solution.clone()),
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
            // The broken program handed in unchanged.
            QuestionKind::FixTheBug(_) => Answer::Typed(q.program().unwrap().source.clone()),
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
    fn every_prediction_has_exactly_one_hand_worked_answer() {
        let keys: Vec<String> = course_questions(the_course())
            .iter()
            .filter(|q| matches!(q.question.kind, QuestionKind::PredictOutcome(_)))
            .map(QuestionRef::key)
            .collect();
        let mut hand: Vec<&str> = HAND_WORKED.iter().map(|(k, _)| *k).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        hand.sort();
        assert_eq!(sorted, hand);
        for key in &keys {
            let q = question(key);
            let QuestionKind::PredictOutcome(p) = &q.question.kind else {
                unreachable!()
            };
            assert!(
                lesson::lines_match(&computed_answer(q.lesson, p).unwrap(), hand_worked(key)),
                "{key}: the simulator agrees with the hand-worked answer"
            );
        }
    }

    #[test]
    fn a_fix_is_graded_on_the_students_program_with_a_schedule_when_it_fails() {
        let q = question("shared-memory/fix-racy");
        let broken = q.program().unwrap().source.clone();
        let v = grade(q.lesson, q.question, &Answer::Typed(broken.clone())).unwrap();
        assert!(!v.correct);
        let note = v.note.unwrap();
        assert!(note.contains("replay schedule"), "{note}");
        // The same lock the lesson shows next, typed by the student.
        let fixed = broken
            .replace("count = 0\n", "count = 0\nm = threading.Lock()\n")
            .replace("    count += 1", "    with m:\n        count += 1");
        let v = grade(q.lesson, q.question, &Answer::Typed(fixed)).unwrap();
        assert!(v.correct, "{:?}", v.note);
        let v = grade(q.lesson, q.question, &Answer::Typed("def (:".into())).unwrap();
        assert!(!v.correct && v.note.unwrap().contains("does not compile"));
    }

    #[test]
    fn the_app_computes_every_answer_the_checker_computes() {
        let questions = course_questions(the_course());
        let kinds =
            |f: fn(&QuestionKind) -> bool| questions.iter().filter(|q| f(&q.question.kind)).count();
        // Counted in the lesson files: 15 predictions, 11 schedule challenges, 12 fixes.
        assert_eq!(
            (
                kinds(|k| matches!(k, QuestionKind::PredictOutcome(_))),
                kinds(|k| matches!(k, QuestionKind::ScheduleChallenge(_))),
                kinds(|k| matches!(k, QuestionKind::FixTheBug(_))),
            ),
            (15, 11, 12)
        );
        // The checker and the app reach each prediction's answer by their own runs; the
        // answers themselves must agree, question by question.
        for lesson in &the_course().lessons {
            let file = lesson.file.clone();
            let text = crate::course::LESSON_FILES
                .iter()
                .find(|(name, _)| *name == file)
                .map(|(_, t)| *t)
                .expect("the lesson file is bundled");
            let check = lesson::check::check_lesson(&file, text);
            assert_eq!(check.errors(), 0, "{file}");
            let mut mine: Vec<(String, String)> = lesson_questions(lesson)
                .iter()
                .filter_map(|q| match &q.question.kind {
                    QuestionKind::PredictOutcome(p) => computed_answer(lesson, p)
                        .ok()
                        .map(|a| (q.question.id.clone(), a)),
                    _ => None,
                })
                .collect();
            let mut theirs = check.answers.clone();
            mine.sort();
            theirs.sort();
            assert_eq!(mine, theirs, "{file}");
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
        let mut session = Session::new(ir.clone(), sim_options(program), Policy::Manual).unwrap();
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
        let mut serial = Session::new(ir.clone(), sim_options(program), Policy::Manual).unwrap();
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
            if predict.every {
                continue; // answered by the explorer; the panel plays no single run
            }
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
            let shown =
                shown_answer(q.lesson, q.question).unwrap_or_else(|e| panic!("{}: {e}", q.key()));
            // A program keeps its blank lines; any other answer has none.
            let is_fix = matches!(q.question.kind, QuestionKind::FixTheBug(_));
            assert!(
                !shown.lines.is_empty()
                    && (is_fix || shown.lines.iter().all(|l| !l.trim().is_empty())),
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

/// Typed answers are graded on what the student meant: the program below prints
/// `pages: 3` (worked out by reading it), so spacing, case and the bare number all count.
#[test]
fn typed_predictions_ignore_spacing_case_and_the_words_around_a_lone_number() {
    let text = "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n\
                ```sim python id=p\npages = 1 + 2\nprint(\"pages:\", pages)\n```\n\n\
                ```quiz\n[[questions]]\nid = \"q\"\ntype = \"PredictOutcome\"\nprogram = \"p\"\n\
                line = 1\nprompt = \"How many pages?\"\n\n\
                [[questions]]\nid = \"s\"\ntype = \"ShortAnswer\"\nprompt = \"Who gets it?\"\n\
                answer = \"the receiver\"\n```\n";
    let lesson = lesson::parse_lesson("x.md", text)
        .into_result()
        .expect("parses");
    let graded = |id: &str, typed: &str| {
        let (_, question) = lesson.questions().find(|(_, q)| q.id == id).unwrap();
        grade(&lesson, question, &Answer::Typed(typed.to_string()))
            .unwrap()
            .correct
    };
    for right in ["pages: 3", "  PAGES:   3 ", "3", " 3 "] {
        assert!(graded("q", right), "{right:?} is right");
    }
    for wrong in ["4", "pages: 4", "pages", "3 pages", ""] {
        assert!(!graded("q", wrong), "{wrong:?} is wrong");
    }
    assert!(graded("s", "The  Receiver"));
    assert!(
        !graded("s", "receiver"),
        "only the answer or its alternatives"
    );
}
