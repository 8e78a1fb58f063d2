//! The Go corpus: tutorial-style concurrency programs, each run through the Go front-end and
//! the simulator and compared character for character with what the real Go printed.
//!
//! How the expected outputs were obtained: every `NAME.out` is the exact stdout of
//! `go run NAME.go`, run in `tests/go_corpus/` (or `tests/go_corpus/constructs/`) with
//! go1.27.3 linux/amd64 on 2026-12-01, by `GO=/path/to/go bash tests/go_corpus/record.sh`.
//! The script runs each program 20 times and keeps only programs whose stdout, exit status
//! and first stderr line were identical every time. For a program that fails, `NAME.err`
//! holds the exit status of `go run` and Go's first stderr line (`panic: …`,
//! `fatal error: …`); the simulator must crash or deadlock and repeat Go's wording.
//! No `.out` or `.err` file is written by hand.
//!
//! Programs the front-end cannot run yet are listed in [`PENDING`]: their test passes while
//! they still fail and fails once they pass, so the list stays accurate. The `summary` test
//! prints passes / total and the first error of each failing program
//! (`cargo test -p lang --test go_corpus summary -- --nocapture`).

#[path = "go_corpus/check.rs"]
mod check;

/// Programs (paths under `tests/go_corpus/`, without `.go`) not yet expected to pass.
const PENDING: &[&str] = &[];

/// Checks one program, honouring [`PENDING`].
fn verdict(name: &str) {
    let result = check::check(name);
    if PENDING.contains(&name) {
        if result.is_ok() {
            panic!("{name} now passes: take it off PENDING in go_corpus.rs");
        }
    } else if let Err(why) = result {
        panic!("{name}: {why}");
    }
}

/// One test per program, plus the list of all of them.
macro_rules! corpus {
    ($list:ident, $dir:literal: $($name:ident),* $(,)?) => {
        /// Every program of this group, as paths under the corpus directory.
        pub const $list: &[&str] = &[$(concat!($dir, stringify!($name))),*];
        $(
            #[test]
            fn $name() {
                super::verdict(concat!($dir, stringify!($name)));
            }
        )*
    };
}

mod programs {
    corpus!(ALL, "":
        atomic_ticket_counter,
        atomic_turnout,
        atomic_typed_beacon,
        batch_pipeline,
        buffered_pantry,
        bursty_turnstile,
        closing_bakery,
        closures_lanterns,
        deadlock_forgotten_reader,
        defer_camp_cleanup,
        directions_relay,
        done_kettle,
        fan_in_census,
        float_rain_gauge,
        float_recipe_scaling,
        fmt_verbs_receipt,
        goroutine_lighthouse,
        heartbeat_monitor,
        mutex_vote_tally,
        nonblocking_doorbell,
        once_observatory,
        panic_negative_waitgroup,
        panic_send_on_closed,
        pipeline_mill,
        printing_values_zoo,
        range_playlist,
        rwmutex_timetable,
        select_weather,
        slices_train,
        stateful_library,
        struct_bank_ledger,
        struct_pointer_turnstile,
        struct_receivers_garden,
        ticker_batches,
        ticker_rate_limit,
        time_since_marathon,
        timeout_courier,
        timer_stop_oven,
        unbuffered_postcard,
        waitgroup_go_choir,
        waitgroup_orchard,
        worker_pool_laundry,
    );
}

mod constructs {
    corpus!(ALL, "constructs/":
        append_aliasing,
        append_spread,
        atomic_cas,
        copy_counts,
        defer_closure_lifo,
        duration_verbs,
        fmt_widths,
        once_do,
        panic_runs_defers,
        pointer_method,
        rwmutex_readers,
        since_logical_clock,
        slicing_bounds,
        string_bytes,
        string_conversions,
        struct_literals,
        ticker_stop,
    );
}

/// Every program of the corpus.
fn all() -> Vec<&'static str> {
    programs::ALL
        .iter()
        .chain(constructs::ALL)
        .copied()
        .collect()
}

#[test]
fn every_program_file_is_listed_and_recorded() {
    let listed = all();
    let mut missing = Vec::new();
    for dir in ["", "constructs/"] {
        let path = check::corpus_dir().join(dir);
        for entry in std::fs::read_dir(&path).expect("corpus directory") {
            let file = entry.expect("entry").path();
            if file.extension().is_some_and(|e| e == "go") {
                let stem = file.file_stem().unwrap().to_string_lossy();
                let name = format!("{dir}{stem}");
                if !listed.contains(&name.as_str()) {
                    missing.push(format!("{name}.go is not listed"));
                }
                if !file.with_extension("out").exists() {
                    missing.push(format!("{name}.go has no recorded .out"));
                }
            }
        }
    }
    for name in PENDING {
        if !listed.contains(name) {
            missing.push(format!("PENDING names unknown program {name}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn summary() {
    let names = all();
    let mut failures = Vec::new();
    for name in &names {
        if let Err(why) = check::check(name) {
            failures.push(format!("| {name} | {} |", why.replace('|', "\\|")));
        }
    }
    println!(
        "go corpus: {} / {} programs pass",
        names.len() - failures.len(),
        names.len()
    );
    if !failures.is_empty() {
        println!(
            "| program | first error |\n|---|---|\n{}",
            failures.join("\n")
        );
    }
}
