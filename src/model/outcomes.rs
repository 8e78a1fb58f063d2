//! An exploration's report as the histogram shows it: one bar per outcome
//! class, worst first, a line of figures ("N distinct states, M schedules"),
//! the livelocks found, and a sentence a student can check at a glance that
//! names every red bar.

use sim::explore::{Count, Ending, Livelock, Report, StopReason};
use sim::schedule::Schedule;
use sim::World;

/// One bar of the histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The outcome in words ("count = 1, race, lost update").
    pub label: String,
    /// How many schedules end this way, exactly.
    pub count: Count,
    /// Whether the outcome is a failure: race, lost update, deadlock, crash, or
    /// a run stopped by a budget or the depth bound.
    pub bad: bool,
    /// A lost update happened.
    pub lost_update: bool,
    /// A data race happened.
    pub race: bool,
    /// The run deadlocked.
    pub deadlock: bool,
    /// A process crashed.
    pub crash: bool,
    /// The run was stopped by a budget or the depth bound, not by the program.
    pub cut: bool,
    /// The shortest schedule that ends this way, to replay.
    pub schedule: String,
}

impl Bar {
    /// The count as the bar's number shows it: exact digits or "infinitely many".
    pub fn count_text(&self) -> String {
        self.count.to_string()
    }

    /// The bar's length as a share of the longest bar (0 to 1). An infinite
    /// count is as long as the longest; the rest scale among the finite ones.
    pub fn share(&self, bars: &[Bar]) -> f64 {
        if self.count.is_infinite() {
            return 1.0;
        }
        let longest = bars
            .iter()
            .filter(|b| !b.count.is_infinite())
            .map(|b| b.count.to_u64_saturating())
            .max()
            .unwrap_or(1)
            .max(1);
        let mine = self.count.to_u64_saturating() as f64 / longest as f64;
        if bars.iter().any(|b| b.count.is_infinite()) {
            mine * 0.8
        } else {
            mine
        }
    }
}

/// The histogram of a report.
pub fn bars(report: &Report, world: &World) -> Vec<Bar> {
    let mut bars: Vec<Bar> = report
        .classes
        .iter()
        .map(|c| {
            let cut = matches!(c.outcome.ending, Ending::Budget(_) | Ending::DepthLimit);
            Bar {
                label: c.outcome.label(world),
                count: c.exact.clone(),
                bad: c.outcome.race
                    || c.outcome.lost_update
                    || c.outcome.crash
                    || cut
                    || matches!(c.outcome.ending, Ending::Deadlock),
                lost_update: c.outcome.lost_update,
                race: c.outcome.race,
                deadlock: matches!(c.outcome.ending, Ending::Deadlock),
                crash: c.outcome.crash,
                cut,
                schedule: c.schedule.encode(),
            }
        })
        .collect();
    bars.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    bars
}

/// The figures line: "3,012 distinct states, 41,414 schedules, every one
/// checked", or where the search stopped and how much was still queued.
pub fn figures(report: &Report) -> String {
    let states = grouped(&report.states.to_string());
    let plural_states = if report.states == 1 { "" } else { "s" };
    let total = schedules_text(&report.total);
    if report.complete {
        if report.total == Count::zero() {
            return format!(
                "{states} distinct state{plural_states}, every one checked: no schedule ever ends."
            );
        }
        let every = match &report.total {
            Count::Infinite => "every state checked".to_string(),
            Count::Finite(_) if is_one(&report.total) => "checked".to_string(),
            Count::Finite(_) => "every one checked".to_string(),
        };
        format!("{states} distinct state{plural_states}, {total}, {every}.")
    } else {
        let why = match report.stop {
            Some(StopReason::Depth) => "some runs went deeper than the step bound",
            _ => "it reached its bound of states",
        };
        format!(
            "{states} distinct state{plural_states}, at least {total}: the search stopped because {why}, with {} still queued.",
            grouped(&report.queued.to_string())
        )
    }
}

/// A livelock as the explore view lists it, with the schedule that shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trap {
    /// What happens, in words.
    pub text: String,
    /// The way in followed by one turn of the cycle, to replay.
    pub schedule: String,
    /// Steps from the start to where the cycle begins.
    pub entry_steps: usize,
    /// Steps once round the cycle.
    pub cycle_steps: usize,
}

/// The livelocks of a report, as replayable traps.
pub fn traps(report: &Report) -> Vec<Trap> {
    report.livelocks.iter().map(trap).collect()
}

fn trap(livelock: &Livelock) -> Trap {
    let mut picks = livelock.entry.picks().to_vec();
    picks.extend_from_slice(livelock.cycle.picks());
    let entry_steps = livelock.entry.len();
    let cycle_steps = livelock.cycle.len();
    let states = livelock.states;
    Trap {
        text: format!(
            "Livelock: after {entry_steps} step{}, the program can go round a cycle of {cycle_steps} step{} forever, among {states} state{} from which no run ever ends.",
            plural(entry_steps as u64),
            plural(cycle_steps as u64),
            plural(states)
        ),
        schedule: Schedule::from_picks(picks).encode(),
        entry_steps,
        cycle_steps,
    }
}

/// One sentence on the whole report, naming the worst things first: "52 of
/// 69 schedules lose an update, and all 69 have a data race", or "Every one of
/// 924 schedules ends the same way: count = 6". Every red bar is named, so the
/// sentence never calls a run clean that a bar shows as failed.
pub fn summary(report: &Report, classes: &[Bar]) -> String {
    let n = &report.total;
    let cut = if report.complete {
        String::new()
    } else {
        " so far (the search stopped before the end)".to_string()
    };
    let counted = |f: &dyn Fn(&Bar) -> bool| {
        let mut total = Count::zero();
        for b in classes.iter().filter(|b| f(b)) {
            total += &b.count;
        }
        total
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
        (
            counted(&|b| b.cut),
            "are stopped by a budget before they end",
            "is stopped by a budget before it ends",
        ),
    ]
    .into_iter()
    .filter(|(k, _, _)| *k != Count::zero())
    .map(|(k, many, one)| share(&k, n, many, one))
    .collect();
    let livelock = if report.livelocks.is_empty() {
        String::new()
    } else {
        let k = report.livelocks.len();
        format!(
            "; {} livelock{} where no run ever ends",
            if k == 1 {
                "there is a".to_string()
            } else {
                k.to_string()
            },
            if k == 1 { "" } else { "s" }
        )
    };
    match (classes, phrases.as_slice()) {
        ([], _) if !report.livelocks.is_empty() => {
            "No schedule ever ends: every run is caught in a livelock.".to_string()
        }
        ([], _) => "No schedule finished.".to_string(),
        ([only], []) => format!(
            "{} ends the same way: {}{cut}{livelock}.",
            capitalise(&every_one(n)),
            only.label
        ),
        (_, []) => format!(
            "{} end cleanly, in {} different ways{cut}{livelock}.",
            capitalise(&all_of(n)),
            classes.len()
        ),
        (_, [first, rest @ ..]) => {
            let mut sentence = capitalise(first);
            for (i, p) in rest.iter().enumerate() {
                sentence.push_str(if i + 1 == rest.len() { ", and " } else { ", " });
                sentence.push_str(p);
            }
            format!("{sentence}{cut}{livelock}.")
        }
    }
}

/// "52 of 69 lose an update", "all 69 …", "infinitely many schedules …".
fn share(k: &Count, n: &Count, many: &str, one: &str) -> String {
    let is_one = is_one(k);
    let verb = if is_one { one } else { many };
    match (k, n) {
        (Count::Infinite, _) => format!("infinitely many schedules {verb}"),
        (_, Count::Infinite) => format!("{} {verb}", schedules_text(k)),
        _ if k == n && !is_one => format!("all {} {verb}", grouped(&n.to_string())),
        _ => format!(
            "{} of {} {verb}",
            grouped(&k.to_string()),
            grouped(&n.to_string())
        ),
    }
}

fn every_one(n: &Count) -> String {
    match n {
        Count::Infinite => "every one of infinitely many schedules".to_string(),
        Count::Finite(_) if is_one(n) => "the one schedule".to_string(),
        _ => format!("every one of {}", schedules_text(n)),
    }
}

fn all_of(n: &Count) -> String {
    match n {
        Count::Infinite => "all of infinitely many schedules".to_string(),
        _ => format!("all {}", schedules_text(n)),
    }
}

/// "1 schedule", "41,414 schedules", "infinitely many schedules".
pub fn schedules_text(n: &Count) -> String {
    match n {
        Count::Infinite => "infinitely many schedules".to_string(),
        Count::Finite(_) if is_one(n) => "1 schedule".to_string(),
        _ => format!("{} schedules", grouped(&n.to_string())),
    }
}

/// Digits in groups of three, so a long count stays readable: 17,153,136.
pub fn grouped(digits: &str) -> String {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn is_one(n: &Count) -> bool {
    !n.is_infinite() && n.to_u64_saturating() == 1
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
    use crate::model::session::{Policy, Session};
    use sim::explore::{explore, ExploreConfig};
    use sim::ir::{Expr, Program, ProgramBuilder, Style};
    use std::sync::Arc;

    fn world(src: &str) -> World {
        let program = lang::compile(lang::Dialect::Python, src).expect("compiles");
        World::new(program, sim::Options::default()).expect("starts")
    }

    /// `threads` threads each doing `increments` × (read count; tmp + 1; write
    /// count), the add a local step.
    fn racy(threads: usize, increments: i64) -> Program {
        let mut p = ProgramBuilder::new(Style::Python);
        let count = p.global("count", 0);
        let worker = p.function("worker", &[], |f| {
            let tmp = f.local("tmp");
            f.repeat(increments, |f| {
                f.read(tmp, count);
                f.eval(tmp, tmp + 1);
                f.write(count, tmp);
            });
        });
        for i in 0..threads {
            p.thread(&format!("T{}", i + 1), worker, vec![]);
        }
        p.build()
    }

    /// The same with a lock around each increment: no race, no lost update.
    fn locked(threads: usize, increments: i64) -> Program {
        let mut p = ProgramBuilder::new(Style::Python);
        let count = p.global("count", 0);
        let lock = p.global_lock("lock");
        let worker = p.function("worker", &[], |f| {
            let tmp = f.local("tmp");
            f.repeat(increments, |f| {
                f.acquire(lock);
                f.read(tmp, count);
                f.eval(tmp, tmp + 1);
                f.write(count, tmp);
                f.release(lock);
            });
        });
        for i in 0..threads {
            p.thread(&format!("T{}", i + 1), worker, vec![]);
        }
        p.build()
    }

    const RACY: &str = "import threading\ncount = 0\ndef inc():\n    global count\n    count += 1\na = threading.Thread(target=inc)\nb = threading.Thread(target=inc)\na.start()\nb.start()\na.join()\nb.join()\n";

    fn total(bars: &[Bar]) -> Count {
        let mut n = Count::zero();
        for b in bars {
            n += &b.count;
        }
        n
    }

    #[test]
    fn the_racy_counter_has_bad_and_clean_outcomes_that_add_up() {
        let w = world(RACY);
        let report = explore(&w, ExploreConfig::default());
        let bars = bars(&report, &w);
        assert!(report.complete);
        assert_eq!(total(&bars), report.total);
        assert!(bars.iter().any(|b| b.bad), "some schedules race");
        let sentence = summary(&report, &bars);
        let lost: u64 = bars
            .iter()
            .filter(|b| b.lost_update)
            .map(|b| b.count.to_u64_saturating())
            .sum();
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
    fn the_figures_line_counts_every_schedule_of_two_by_three() {
        // Two threads of three (read, write) pairs: choose which 6 of the 12
        // visible steps are the first thread's, C(12, 6) = 924 by hand.
        let w = World::new(racy(2, 3), sim::Options::default()).unwrap();
        let report = explore(&w, ExploreConfig::default());
        let line = figures(&report);
        assert!(
            line.contains(", 924 schedules, every one checked."),
            "{line}"
        );
        assert!(
            line.starts_with(&format!("{} distinct states", report.states)),
            "{line}"
        );
    }

    /// T1 spins until `flag` is set; T2 sets it when `set_flag`, else nobody does.
    fn spin(set_flag: bool) -> Program {
        let mut p = ProgramBuilder::new(Style::Python);
        let flag = p.global("flag", 0);
        let spinner = p.function("spinner", &[], |f| {
            let t = f.local("t");
            let top = f.label();
            f.bind(top);
            f.read(t, flag);
            f.jump_if(Expr::from(t).eq(0), top);
        });
        let setter = p.function("setter", &[], move |f| {
            if set_flag {
                f.write(flag, 1);
            }
        });
        p.thread("T1", spinner, vec![]);
        p.thread("T2", setter, vec![]);
        p.build()
    }

    #[test]
    fn a_run_cut_by_a_budget_is_named_and_never_called_clean() {
        // The lock counter's one clean ending, plus the same ending marked as
        // cut by the step budget: the red bar must be in the sentence.
        let w = World::new(locked(2, 1), sim::Options::default()).unwrap();
        let mut report = explore(&w, ExploreConfig::default());
        assert_eq!(report.classes.len(), 1);
        let mut cut = report.classes[0].clone();
        cut.outcome.ending = Ending::Budget(sim::detect::BudgetKind::Steps);
        report.classes.push(cut);
        report.total += &report.classes[0].exact.clone();
        let bars = bars(&report, &w);
        assert_eq!(bars.iter().filter(|b| b.bad).count(), 1, "{bars:?}");
        let sentence = summary(&report, &bars);
        assert!(!sentence.contains("cleanly"), "{sentence}");
        let half = bars[0].count_text();
        let all = report.total.to_string();
        assert_eq!(
            sentence,
            format!("{half} of {all} are stopped by a budget before they end.")
        );
    }

    #[test]
    fn a_cycle_on_the_way_out_counts_infinitely_many() {
        let w = World::new(spin(true), sim::Options::default()).unwrap();
        let report = explore(&w, ExploreConfig::default());
        assert!(report.livelocks.is_empty());
        let line = figures(&report);
        assert!(
            line.contains(", infinitely many schedules, every state checked."),
            "{line}"
        );
        let bars = bars(&report, &w);
        assert!(bars.iter().any(|b| b.count_text() == "infinitely many"));
        assert_eq!(bars.iter().map(|b| b.share(&bars)).fold(0.0, f64::max), 1.0);
    }

    #[test]
    fn a_spin_wait_is_a_livelock_that_replays_into_its_cycle() {
        let program = Arc::new(spin(false));
        let w = World::from_shared(program.clone(), sim::Options::default()).unwrap();
        let report = explore(&w, ExploreConfig::default());
        let found = traps(&report);
        assert_eq!(found.len(), 1, "{report:?}");
        let trap = &found[0];
        assert!(trap.cycle_steps > 0);
        assert!(trap.text.starts_with("Livelock: "), "{}", trap.text);
        assert!(summary(&report, &bars(&report, &w)).contains("livelock"));
        assert_eq!(
            figures(&report),
            format!(
                "{} distinct states, every one checked: no schedule ever ends.",
                report.states
            )
        );
        // The schedule fits the program step for step and leaves it running.
        let mut s = Session::new(program, sim::Options::default(), Policy::Manual).unwrap();
        assert_eq!(
            s.replay(&trap.schedule).unwrap(),
            trap.entry_steps + trap.cycle_steps
        );
        assert!(s.can_step(), "a livelocked run never ends");
    }

    #[test]
    fn a_single_clean_outcome_says_so() {
        let w = world("x = 1\nprint(x)\n");
        let report = explore(&w, ExploreConfig::default());
        let bars = bars(&report, &w);
        assert_eq!(bars.len(), 1);
        let sentence = summary(&report, &bars);
        assert!(
            sentence.starts_with("The one schedule ends the same way"),
            "{sentence}"
        );
        assert_eq!(
            figures(&report),
            format!("{} distinct states, 1 schedule, checked.", report.states)
        );
    }

    #[test]
    fn long_counts_are_grouped_in_threes() {
        assert_eq!(grouped("17153136"), "17,153,136");
        assert_eq!(grouped("924"), "924");
        assert_eq!(grouped("1000"), "1,000");
        assert_eq!(grouped("infinitely many"), "infinitely many");
    }
}
