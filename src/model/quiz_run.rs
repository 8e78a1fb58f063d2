//! One pass through a set of questions on the Quiz page: which question is current,
//! what was right, the score, and the retry of the wrong ones. Plain state, so it is
//! tested natively and saved as the student's last position.

use serde::{Deserialize, Serialize};

/// Which questions a run asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every question in the course.
    All,
    /// One lesson's questions.
    Lesson(String),
    /// The questions answered wrong before.
    Wrong,
    /// The wrong ones of the run just finished.
    Retry,
}

impl Scope {
    /// The scope as saved: `all`, `lesson:ID`, `wrong` or `retry`.
    pub fn code(&self) -> String {
        match self {
            Scope::All => "all".to_string(),
            Scope::Lesson(id) => format!("lesson:{id}"),
            Scope::Wrong => "wrong".to_string(),
            Scope::Retry => "retry".to_string(),
        }
    }

    /// Reads a saved scope; `None` for anything else.
    pub fn parse(code: &str) -> Option<Scope> {
        match code {
            "all" => Some(Scope::All),
            "wrong" => Some(Scope::Wrong),
            "retry" => Some(Scope::Retry),
            _ => code
                .strip_prefix("lesson:")
                .filter(|id| !id.is_empty())
                .map(|id| Scope::Lesson(id.to_string())),
        }
    }
}

/// A run through some questions, one at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRun {
    /// The scope, as [`Scope::code`] writes it.
    pub scope: String,
    /// The questions' progress keys, in the order asked.
    pub keys: Vec<String>,
    /// The current question.
    pub index: usize,
    /// Per question: right, wrong, or not answered yet.
    pub results: Vec<Option<bool>>,
}

impl QuizRun {
    /// A fresh run over `keys`.
    pub fn new(scope: &Scope, keys: Vec<String>) -> QuizRun {
        QuizRun {
            scope: scope.code(),
            results: vec![None; keys.len()],
            keys,
            index: 0,
        }
    }

    /// Repairs a run read from storage: results as long as the keys, the index in range,
    /// only keys the course still has, and the position on the first unanswered question.
    /// `None` when nothing usable is left.
    pub fn repaired(mut self, known: impl Fn(&str) -> bool) -> Option<QuizRun> {
        self.results.resize(self.keys.len(), None);
        let (keys, results): (Vec<_>, Vec<_>) = self
            .keys
            .into_iter()
            .zip(self.results)
            .filter(|(k, _)| known(k))
            .unzip();
        self.keys = keys;
        self.results = results;
        if self.keys.is_empty() || Scope::parse(&self.scope).is_none() {
            return None;
        }
        self.index = self
            .results
            .iter()
            .position(Option::is_none)
            .unwrap_or(self.keys.len());
        Some(self)
    }

    /// How many questions the run asks.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when the run asks nothing.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The current question's key, or `None` once the run is over.
    pub fn current(&self) -> Option<&str> {
        self.keys.get(self.index).map(String::as_str)
    }

    /// The current question's result, once answered.
    pub fn current_result(&self) -> Option<bool> {
        self.results.get(self.index).copied().flatten()
    }

    /// "4 of 12": the current question's position.
    pub fn position_text(&self) -> String {
        format!("{} of {}", (self.index + 1).min(self.len()), self.len())
    }

    /// How many questions are answered.
    pub fn answered(&self) -> usize {
        self.results.iter().filter(|r| r.is_some()).count()
    }

    /// The share of questions answered, 0 to 100, for the progress bar.
    pub fn percent_done(&self) -> u32 {
        if self.is_empty() {
            return 0;
        }
        (self.answered() * 100 / self.len()) as u32
    }

    /// Records the current question's result.
    pub fn record(&mut self, correct: bool) {
        if let Some(slot) = self.results.get_mut(self.index) {
            *slot = Some(correct);
        }
    }

    /// Moves to the next question. Returns false when the run is over.
    pub fn advance(&mut self) -> bool {
        self.index = (self.index + 1).min(self.len());
        self.index < self.len()
    }

    /// True once every question has been passed.
    pub fn is_finished(&self) -> bool {
        self.index >= self.len()
    }

    /// Right answers and questions asked.
    pub fn score(&self) -> (usize, usize) {
        let right = self.results.iter().filter(|r| **r == Some(true)).count();
        (right, self.len())
    }

    /// The score in words: "9 of 12 right (75%)".
    pub fn score_text(&self) -> String {
        let (right, total) = self.score();
        let percent = (right * 100).checked_div(total).unwrap_or(0);
        format!("{right} of {total} right ({percent}%)")
    }

    /// The keys answered wrong (or skipped) in this run, in order.
    pub fn wrong_keys(&self) -> Vec<String> {
        self.keys
            .iter()
            .zip(&self.results)
            .filter(|(_, r)| **r != Some(true))
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// A new run over the wrong ones, or `None` when everything was right.
    pub fn retry_wrong(&self) -> Option<QuizRun> {
        let wrong = self.wrong_keys();
        (!wrong.is_empty()).then(|| QuizRun::new(&Scope::Retry, wrong))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("l/q{i}")).collect()
    }

    #[test]
    fn a_run_counts_positions_scores_and_retries_the_wrong_ones() {
        let mut run = QuizRun::new(&Scope::All, keys(4));
        assert_eq!(run.position_text(), "1 of 4");
        assert_eq!(run.percent_done(), 0);
        for right in [true, false, true, false] {
            run.record(right);
            run.advance();
        }
        assert!(run.is_finished());
        assert_eq!(run.current(), None);
        assert_eq!(run.score(), (2, 4));
        assert_eq!(run.score_text(), "2 of 4 right (50%)");
        assert_eq!(run.percent_done(), 100);
        let retry = run.retry_wrong().expect("two were wrong");
        assert_eq!(retry.keys, ["l/q1", "l/q3"]);
        assert_eq!(retry.scope, "retry");
        assert_eq!(retry.position_text(), "1 of 2");
    }

    #[test]
    fn a_perfect_run_has_nothing_to_retry() {
        let mut run = QuizRun::new(&Scope::Lesson("x".into()), keys(2));
        run.record(true);
        run.advance();
        run.record(true);
        assert!(!run.advance());
        assert!(run.retry_wrong().is_none());
        assert!(!run.advance(), "advancing past the end stays at the end");
        assert_eq!(run.index, 2);
    }

    #[test]
    fn scopes_round_trip_and_junk_is_refused() {
        for scope in [
            Scope::All,
            Scope::Wrong,
            Scope::Retry,
            Scope::Lesson("actors".into()),
        ] {
            assert_eq!(Scope::parse(&scope.code()), Some(scope));
        }
        assert_eq!(Scope::parse("lesson:"), None);
        assert_eq!(Scope::parse("everything"), None);
    }

    #[test]
    fn a_saved_run_is_repaired_against_the_course() {
        let saved = QuizRun {
            scope: "all".into(),
            keys: vec!["l/a".into(), "gone/b".into(), "l/c".into()],
            index: 99,
            results: vec![Some(true)],
        };
        let run = saved
            .repaired(|k| k.starts_with("l/"))
            .expect("two keys left");
        assert_eq!(run.keys, ["l/a", "l/c"]);
        assert_eq!(run.results, [Some(true), None]);
        assert_eq!(run.index, 1, "resumes at the first unanswered question");
        let junk = QuizRun {
            scope: "nonsense".into(),
            keys: vec!["l/a".into()],
            index: 0,
            results: vec![],
        };
        assert!(junk.repaired(|_| true).is_none());
    }
}
