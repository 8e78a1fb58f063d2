//! Merging the progress two tabs wrote at the same time, so neither tab's answers are
//! lost (a plain "last write wins" would drop whatever the other tab saved meanwhile).
//!
//! The merge is three-way. Each tab remembers `base`, the progress it last read from or
//! wrote to storage. When it saves, it reads what is stored now (`theirs`) and combines
//! it with its own copy (`mine`): whatever only one side changed since `base` is taken
//! from that side, so an answer given in either tab is kept, and a lesson marked not
//! done or a reset in one tab is not undone by the other tab's older copy.
//!
//! When both sides changed the same question, the answer kept is the **right** one (a
//! student who got it right in one tab has shown they know it); if both or neither are
//! right, this tab's own answer is kept. Its try count adds up both tabs' new tries.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::progress::{AnswerRecord, Progress, ScoreRecord, MAX_SCORES};

/// Combines `mine` and `theirs`, both descended from `base`. See the module notes for
/// the rules; the result is what both tabs should hold and what is stored.
pub fn merge(base: &Progress, mine: &Progress, theirs: &Progress) -> Progress {
    Progress {
        version: mine.version,
        // Two tabs opened at once in a fresh browser each make an id: the stored one
        // wins, so every tab settles on the same choice order.
        student: pick(&base.student, &mine.student, &theirs.student, |_, t| t).clone(),
        answers: merge_answers(&base.answers, &mine.answers, &theirs.answers),
        scores: merge_scores(&base.scores, &mine.scores, &theirs.scores),
        lessons_done: merge_sets(&base.lessons_done, &mine.lessons_done, &theirs.lessons_done),
        // The quiz run in progress is this tab's own when both moved.
        last: pick(&base.last, &mine.last, &theirs.last, |m, _| m).clone(),
    }
}

/// The side that changed since `base`, or `both(mine, theirs)` when both did.
fn pick<'a, T: PartialEq>(
    base: &T,
    mine: &'a T,
    theirs: &'a T,
    both: impl FnOnce(&'a T, &'a T) -> &'a T,
) -> &'a T {
    if mine == base {
        theirs
    } else if theirs == base {
        mine
    } else {
        both(mine, theirs)
    }
}

fn merge_answers(
    base: &BTreeMap<String, AnswerRecord>,
    mine: &BTreeMap<String, AnswerRecord>,
    theirs: &BTreeMap<String, AnswerRecord>,
) -> BTreeMap<String, AnswerRecord> {
    let keys: BTreeSet<&String> = base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .collect();
    let mut out = BTreeMap::new();
    for key in keys {
        let (b, m, t) = (base.get(key), mine.get(key), theirs.get(key));
        let kept = match (m == b, t == b) {
            (true, _) => t.cloned(),
            (false, true) => m.cloned(),
            (false, false) => match (m, t) {
                // Answered in one tab, forgotten (reset) in the other: the answer is newer.
                (Some(m), None) => Some(m.clone()),
                (None, Some(t)) => Some(t.clone()),
                (None, None) => None,
                (Some(m), Some(t)) => {
                    let before = b.map_or(0, |b| b.tries);
                    let tries = m
                        .tries
                        .saturating_add(t.tries)
                        .saturating_sub(before)
                        .max(1);
                    let chosen = if t.correct && !m.correct { t } else { m };
                    Some(AnswerRecord {
                        tries,
                        ..chosen.clone()
                    })
                }
            },
        };
        if let Some(record) = kept {
            out.insert(key.clone(), record);
        }
    }
    out
}

/// `theirs`, less what this tab removed since `base`, plus what this tab added.
fn merge_sets(
    base: &BTreeSet<String>,
    mine: &BTreeSet<String>,
    theirs: &BTreeSet<String>,
) -> BTreeSet<String> {
    theirs
        .iter()
        // Kept unless this tab removed it since `base`.
        .filter(|id| !base.contains(*id) || mine.contains(*id))
        .chain(mine.difference(base))
        .cloned()
        .collect()
}

/// Scores are a list, oldest first: `theirs` without the scores this tab dropped since
/// `base` (a reset, or the oldest trimmed), then the scores this tab added, trimmed to
/// the latest [`MAX_SCORES`].
fn merge_scores(
    base: &[ScoreRecord],
    mine: &[ScoreRecord],
    theirs: &[ScoreRecord],
) -> Vec<ScoreRecord> {
    let mut removed = bag_difference(base, mine);
    let added = bag_difference(mine, base);
    let mut out: Vec<ScoreRecord> = Vec::with_capacity(theirs.len() + added.len());
    for score in theirs {
        match removed.iter().position(|r| r == score) {
            Some(i) => {
                removed.swap_remove(i);
            }
            None => out.push(score.clone()),
        }
    }
    out.extend(added);
    let excess = out.len().saturating_sub(MAX_SCORES);
    out.drain(..excess);
    out
}

/// The items of `a` left after taking away one copy of each item of `b`, in `a`'s order.
fn bag_difference(a: &[ScoreRecord], b: &[ScoreRecord]) -> Vec<ScoreRecord> {
    let mut left: Vec<&ScoreRecord> = b.iter().collect();
    let mut out = Vec::new();
    for item in a {
        match left.iter().position(|l| *l == item) {
            Some(i) => {
                left.swap_remove(i);
            }
            None => out.push(item.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each expected result below is worked out by hand from the rules in the module
    // notes, not by calling the merge.

    fn base() -> Progress {
        let mut p = Progress::fresh("s1".to_string());
        p.record_answer("l/shared", false, vec!["0".into()]);
        p.record_score("all", 1, 2);
        p.set_done("intro", true);
        p
    }

    fn record(correct: bool, given: &str, tries: u32) -> AnswerRecord {
        AnswerRecord {
            correct,
            given: vec![given.to_string()],
            tries,
        }
    }

    #[test]
    fn answers_to_different_questions_in_two_tabs_are_both_kept() {
        let b = base();
        let mut mine = b.clone();
        mine.record_answer("l/a", true, vec!["x".into()]);
        let mut theirs = b.clone();
        theirs.record_answer("l/b", false, vec!["y".into()]);
        let merged = merge(&b, &mine, &theirs);
        assert_eq!(merged.answer("l/a"), Some(&record(true, "x", 1)));
        assert_eq!(merged.answer("l/b"), Some(&record(false, "y", 1)));
        assert_eq!(merged.answer("l/shared"), Some(&record(false, "0", 1)));
        assert_eq!(merged.answers.len(), 3);
        // Merging is the same from either tab's side here.
        assert_eq!(merge(&b, &theirs, &mine).answers, merged.answers);
    }

    #[test]
    fn the_same_question_in_both_tabs_keeps_the_right_answer_and_counts_every_try() {
        let b = base();
        let mut mine = b.clone();
        mine.record_answer("l/shared", false, vec!["2".into()]);
        let mut theirs = b.clone();
        theirs.record_answer("l/shared", true, vec!["1".into()]);
        theirs.record_answer("l/shared", true, vec!["1".into()]);
        // Base had 1 try; this tab added 1, the other 2: 4 in all. The right one is kept.
        let merged = merge(&b, &mine, &theirs);
        assert_eq!(merged.answer("l/shared"), Some(&record(true, "1", 4)));
        // Both wrong: this tab's own answer is kept.
        let mut wrong = b.clone();
        wrong.record_answer("l/shared", false, vec!["3".into()]);
        let merged = merge(&b, &mine, &wrong);
        assert_eq!(merged.answer("l/shared"), Some(&record(false, "2", 3)));
    }

    #[test]
    fn a_change_made_in_one_tab_only_is_taken_from_that_tab() {
        let b = base();
        let mut mine = b.clone();
        mine.record_answer("l/shared", true, vec!["1".into()]);
        let merged = merge(&b, &mine, &b);
        assert_eq!(merged.answer("l/shared"), Some(&record(true, "1", 2)));
        let merged = merge(&b, &b, &mine);
        assert_eq!(merged.answer("l/shared"), Some(&record(true, "1", 2)));
    }

    #[test]
    fn a_reset_or_an_unmarked_lesson_is_not_undone_by_the_other_tab() {
        let b = base();
        let mut mine = b.clone();
        mine.reset();
        // The other tab did nothing since: the reset stands entirely.
        assert_eq!(merge(&b, &mine, &b), Progress::fresh("s1".to_string()));
        // The other tab answered a new question meanwhile: that answer survives the reset.
        let mut theirs = b.clone();
        theirs.record_answer("l/new", true, vec![]);
        theirs.set_done("actors", true);
        let merged = merge(&b, &mine, &theirs);
        assert_eq!(
            merged.answers.keys().collect::<Vec<_>>(),
            ["l/new"],
            "only the other tab's new answer"
        );
        assert_eq!(merged.lessons_done.iter().collect::<Vec<_>>(), ["actors"]);
        assert!(merged.scores.is_empty(), "the reset dropped the old score");

        let mut unmarked = b.clone();
        unmarked.set_done("intro", false);
        assert!(!merge(&b, &unmarked, &b).is_done("intro"));
        assert!(!merge(&b, &b, &unmarked).is_done("intro"));
    }

    #[test]
    fn scores_from_both_tabs_are_kept_in_order_and_trimmed() {
        let b = base();
        let mut mine = b.clone();
        mine.record_score("wrong", 3, 4);
        let mut theirs = b.clone();
        theirs.record_score("lesson:actors", 2, 2);
        let merged = merge(&b, &mine, &theirs);
        let scopes: Vec<&str> = merged.scores.iter().map(|s| s.scope.as_str()).collect();
        assert_eq!(scopes, ["all", "lesson:actors", "wrong"]);

        let mut many = b.clone();
        // 1 base score + 49 new = 50 here; the other tab's 1 new makes 51, so the oldest
        // (the base's `all 1/2`) is trimmed.
        for i in 0..MAX_SCORES - 1 {
            many.record_score("all", i, 100);
        }
        let merged = merge(&b, &many, &theirs);
        assert_eq!(merged.scores.len(), MAX_SCORES);
        assert_eq!(merged.scores.last().map(|s| s.right), Some(48));
        assert!(merged.scores.iter().any(|s| s.scope == "lesson:actors"));
    }

    #[test]
    fn a_fresh_tab_adopts_the_stored_student_id() {
        let b = Progress::fresh("mine1".to_string());
        let mut mine = b.clone();
        mine.record_answer("l/a", true, vec![]);
        let mut theirs = Progress::fresh("theirs1".to_string());
        theirs.record_answer("l/b", true, vec![]);
        let merged = merge(&b, &mine, &theirs);
        assert_eq!(merged.student, "theirs1");
        assert_eq!(merged.answers.len(), 2);
    }
}
