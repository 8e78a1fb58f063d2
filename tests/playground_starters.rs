//! The playground's starter programs print what the real languages print, in every schedule
//! where the real language's output is fixed, and the racy one can end in every way its race
//! allows.
//!
//! Expected outputs were recorded by running each starter with the real toolchain: `go run`
//! (go1.27.3) and `erl -noshell` (Erlang/OTP 25, the Erlang starter wrapped in a module) print
//! `total: 2`; CPython 3.11 prints `count: 4` (its switch interval almost never splits
//! `count += 1`, but nothing in the program forbids it).

use std::collections::BTreeSet;

use lang::{compile, Dialect};
use sim::explore::{explore, Ending, ExploreConfig};
use sim::{Options, World};
use switchboard::model::playground::starter;

/// The printed output of every ending the explorer finds, with whether the search completed.
fn endings(dialect: Dialect) -> (BTreeSet<Vec<String>>, bool) {
    let program = compile(dialect, starter(dialect))
        .unwrap_or_else(|d| panic!("the {dialect} starter compiles: {d}"));
    let world = World::new(program, Options::default()).expect("valid program");
    let report = explore(
        &world,
        ExploreConfig {
            output: true,
            ..ExploreConfig::default()
        },
    );
    for class in &report.classes {
        // The Erlang tally server outlives `main`, waiting in `receive` as it would in erl.
        let clean = match dialect {
            Dialect::Erlang => Ending::Idle,
            _ => Ending::Finished,
        };
        assert_eq!(
            class.outcome.ending, clean,
            "the {dialect} starter ends cleanly in every schedule"
        );
    }
    let outputs = report
        .classes
        .iter()
        .map(|c| c.outcome.output.iter().map(|t| t.to_string()).collect())
        .collect();
    (outputs, report.complete)
}

#[test]
fn the_go_and_erlang_starters_print_what_go_and_erl_print_in_every_schedule() {
    for dialect in [Dialect::Go, Dialect::Erlang] {
        let (outputs, complete) = endings(dialect);
        assert!(complete, "{dialect}: every schedule explored");
        assert_eq!(
            outputs,
            BTreeSet::from([vec!["total: 2".to_string()]]),
            "{dialect}"
        );
    }
}

#[test]
fn the_python_starter_can_print_cpythons_answer_and_every_lost_update() {
    // Worked out by hand: two threads each load and store `count` twice. With no update lost
    // the total is 4; a thread's store can overwrite one or two of the other's increments, but
    // each thread's own second store follows its own first, so the total is at least 2.
    let (outputs, complete) = endings(Dialect::Python);
    assert!(complete, "every schedule explored");
    let expected: BTreeSet<Vec<String>> = ["count: 2", "count: 3", "count: 4"]
        .iter()
        .map(|line| vec![line.to_string()])
        .collect();
    assert_eq!(outputs, expected);
}
