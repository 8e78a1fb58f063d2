//! An exploration's report as the histogram shows it: one bar per outcome
//! class, worst first, and a sentence a student can check at a glance.

use sim::explore::{Ending, Report};
use sim::World;

/// One bar of the histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The outcome in words ("count = 1, race, lost update").
    pub label: String,
    /// How many schedules end this way.
    pub count: u64,
    /// Whether the outcome is a failure: race, lost update, deadlock, crash or budget.
    pub bad: bool,
    /// A lost update happened.
    pub lost_update: bool,
    /// A data race happened.
    pub race: bool,
    /// The run deadlocked.
    pub deadlock: bool,
    /// A process crashed.
    pub crash: bool,
    /// A schedule that ends this way, to replay.
    pub schedule: String,
}

/// The histogram of a report.
pub fn bars(report: &Report, world: &World) -> Vec<Bar> {
    let mut bars: Vec<Bar> = report
        .classes
        .iter()
        .map(|c| Bar {
            label: c.outcome.label(world),
            count: c.count,
            bad: c.outcome.race
                || c.outcome.lost_update
                || c.outcome.crash
                || matches!(c.outcome.ending, Ending::Deadlock | Ending::Budget(_)),
            lost_update: c.outcome.lost_update,
            race: c.outcome.race,
            deadlock: matches!(c.outcome.ending, Ending::Deadlock),
            crash: c.outcome.crash,
            schedule: c.schedule.encode(),
        })
        .collect();
    bars.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    bars
}

/// One sentence on the whole report, naming the worst things first: "52 of
/// 69 schedules lose an update, and all 69 have a data race", or "Every one of
/// 924 schedules ends the same way: count = 6".
pub fn summary(report: &Report, classes: &[Bar]) -> String {
    let n = report.schedules;
    let cut = if report.complete {
        String::new()
    } else {
        " (the search stopped at its bound)".to_string()
    };
    let counted = |f: &dyn Fn(&Bar) -> bool| {
        classes
            .iter()
            .filter(|b| f(b))
            .map(|b| b.count)
            .sum::<u64>()
    };
    let phrases: Vec<String> = [
        (
            counted(&|b| b.lost_update),
            "lose an update",
            "loses an update",
        ),
        (counted(&|b| b.deadlock), "deadlock", "deadlocks"),
        (counted(&|b| b.crash), "crash", "crashes"),
        (counted(&|b| b.race), "have a data race", "has a data race"),
    ]
    .into_iter()
    .filter(|(k, _, _)| *k > 0)
    .map(|(k, many, one)| {
        let verb = if k == 1 { one } else { many };
        if k == n && n > 1 {
            format!("all {n} {verb}")
        } else {
            format!("{k} of {n} {verb}")
        }
    })
    .collect();
    match (classes, phrases.as_slice()) {
        ([], _) => "No schedule finished.".to_string(),
        ([only], []) => format!(
            "Every one of {n} schedule{} ends the same way: {}{cut}.",
            plural(n),
            only.label
        ),
        (_, []) => format!(
            "All {n} schedules end cleanly, in {} different ways{cut}.",
            classes.len()
        ),
        (_, [first, rest @ ..]) => {
            let mut sentence = capitalise(first);
            for (i, p) in rest.iter().enumerate() {
                sentence.push_str(if i + 1 == rest.len() { ", and " } else { ", " });
                sentence.push_str(p);
            }
            format!("{sentence}{cut}.")
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::explore::{explore, ExploreConfig};

    fn world(src: &str) -> World {
        let program = lang::compile(lang::Dialect::Python, src).expect("compiles");
        World::new(program, sim::Options::default()).expect("starts")
    }

    const RACY: &str = "import threading\ncount = 0\ndef inc():\n    global count\n    count += 1\na = threading.Thread(target=inc)\nb = threading.Thread(target=inc)\na.start()\nb.start()\na.join()\nb.join()\n";

    #[test]
    fn the_racy_counter_has_bad_and_clean_outcomes_that_add_up() {
        let w = world(RACY);
        let report = explore(&w, ExploreConfig::default());
        let bars = bars(&report, &w);
        assert!(report.complete);
        assert_eq!(bars.iter().map(|b| b.count).sum::<u64>(), report.schedules);
        assert!(bars.iter().any(|b| b.bad), "some schedules race");
        let sentence = summary(&report, &bars);
        let lost: u64 = bars.iter().filter(|b| b.lost_update).map(|b| b.count).sum();
        assert!(
            lost > 0 && lost < report.schedules,
            "some, not all, schedules lose an update"
        );
        assert!(
            sentence.starts_with(&format!("{lost} of {} lose an update", report.schedules)),
            "{sentence}"
        );
        assert!(sentence.contains("data race"), "{sentence}");
    }

    #[test]
    fn a_single_clean_outcome_says_every_one() {
        let w = world("x = 1\nprint(x)\n");
        let report = explore(&w, ExploreConfig::default());
        let bars = bars(&report, &w);
        assert_eq!(bars.len(), 1);
        assert!(summary(&report, &bars).starts_with("Every one of 1 schedule ends the same way"));
    }
}
