//! How much work the checker may spend on one lesson. The defaults are what `switchboard
//! check` and the tests use; a fuzzer passes a smaller budget so that a lesson whose programs
//! have many states is reported as over budget within a fraction of a second instead of
//! being explored to the end.

use sim::explore::SearchBounds;

use super::explore::EXPLORE_MAX_STATES;
use super::run::MAX_RUN_STEPS;

/// The checker's bounds: steps per run, and distinct states per exploration and per
/// challenge search. Work past a bound is never done; the checker reports the bound it hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckBudget {
    /// Steps one run (the program's own schedule, or a seed tried for a hint) may take
    /// before it counts as runaway.
    pub max_run_steps: u64,
    /// Distinct states an `explore=` expectation may need.
    pub max_explore_states: u64,
    /// Distinct states a schedule challenge's goal search may discover.
    pub max_search_states: u64,
    /// Steps from the start beyond which a goal search does not look.
    pub max_search_depth: usize,
}

impl Default for CheckBudget {
    /// The bounds the course is checked with.
    fn default() -> CheckBudget {
        let search = SearchBounds::default();
        CheckBudget {
            max_run_steps: MAX_RUN_STEPS,
            max_explore_states: EXPLORE_MAX_STATES,
            max_search_states: search.max_states,
            max_search_depth: search.max_depth,
        }
    }
}

impl CheckBudget {
    /// The goal search's bounds under this budget.
    pub fn search_bounds(&self) -> SearchBounds {
        SearchBounds {
            max_states: self.max_search_states,
            max_depth: self.max_search_depth,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check_lesson, check_lesson_with};

    /// The course's worker pool: 154,435 distinct states, counted by the explorer's benchmark.
    const POOL_LESSON: &str = include_str!("../../../../lessons/06-real-world-shapes.md");

    #[test]
    fn a_small_budget_reports_the_bound_it_hit_instead_of_exploring() {
        let small = CheckBudget {
            max_explore_states: 1_000,
            ..CheckBudget::default()
        };
        let check = check_lesson_with("06.md", POOL_LESSON, &small);
        let bound: Vec<_> = check
            .diagnostics
            .iter()
            .filter(|d| d.code == "explore-bound")
            .collect();
        // The pool and its unbuffered variant each pass 1,000 states; each stops there.
        assert!(
            bound
                .iter()
                .any(|d| d.message.starts_with("exploring `pool` hit its bound")),
            "{:#?}",
            check.diagnostics
        );
        for d in &bound {
            assert!(
                d.message.contains("bound of 1000 distinct states"),
                "{}",
                d.message
            );
        }
        assert!(check.summary.explorations_ok < check.summary.explorations);
    }

    #[test]
    fn a_run_budget_names_its_steps() {
        // Two threads of 20 locked increments: each increment is at least a lock, a read, a
        // write and an unlock, so well over 10 steps; the default budget runs it to the end.
        let text =
            "+++\nid = \"t\"\ntitle = \"T\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n\
                    ```sim python id=p\nimport threading\ncount = 0\nlock = threading.Lock()\n\
                    def bump():\n    global count\n    for i in range(20):\n        with lock:\n\
                    \x20           count += 1\n\
                    a = threading.Thread(target=bump)\nb = threading.Thread(target=bump)\n\
                    a.start()\nb.start()\na.join()\nb.join()\nprint(count)\n```\n";
        let tiny = CheckBudget {
            max_run_steps: 10,
            ..CheckBudget::default()
        };
        let check = check_lesson_with("t.md", text, &tiny);
        let runaway = check
            .diagnostics
            .iter()
            .find(|d| d.code == "runaway-program")
            .unwrap_or_else(|| panic!("{:#?}", check.diagnostics));
        assert!(
            runaway.message.contains("after 10 steps"),
            "{}",
            runaway.message
        );
        assert_eq!(check_lesson("t.md", text).errors(), 0);
    }
}
