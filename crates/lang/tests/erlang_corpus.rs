//! The Erlang corpus: modules written in the style of the official guide and the well-known
//! books (in our own words), each started from its shell entry, compared character for
//! character with what the real Erlang prints.
//!
//! How the expected outputs were obtained: on 2026-12-01, with Debian's `erlang-base`
//! 1:25.2.3+dfsg-1+deb12u4 (Erlang/OTP 25.2.3, erts 13.1.5), `erlang_corpus/record.sh` ran, for
//! every NAME.erl with its entry ENTRY in NAME.entry,
//!
//! ```text
//! erlc NAME.erl && erl -noshell -eval 'ENTRY, timer:sleep(300), halt().'
//! ```
//!
//! 20 times and kept a module only when all 20 runs printed the same. NAME.out is that
//! standard output. When a process dies of an error, the logger prints an "=ERROR REPORT===="
//! block with a time stamp on standard output, whenever it gets to it; record.sh cuts those
//! blocks out into NAME.err (without the time-stamp line). No output file is edited by hand:
//! `erlang_corpus/record.sh` re-records them all, `record.sh --check` compares.
//!
//! Under `erl -noshell -eval` the entry runs in a process that traps exits and is linked to
//! `init`; the modules never depend on that (they set `trap_exit` themselves when they rely
//! on it, and the entry process is never linked to a process that dies).
//!
//! Each module runs under round-robin and under seeded random schedules (see `run::SEEDS`);
//! its output is fixed by its own synchronisation, so every schedule must print the same.
//! Modules in [`PENDING`] are not expected to pass yet: their test checks that they still
//! fail, so a module that starts passing says so and must be taken off the list. The
//! `summary` test prints passes / total and the first error of each failing module
//! (`cargo test -p lang --test erlang_corpus summary -- --nocapture`).

#[path = "erlang_corpus/run.rs"]
mod run;

use std::collections::BTreeSet;

/// Modules not expected to match `erl` yet, with the front-end as it is.
const PENDING: &[&str] = &[];

macro_rules! corpus {
    ($($test:ident: $name:literal,)*) => {
        /// Every module of the corpus, as named in its test.
        const MODULES: &[&str] = &[$($name),*];
        $(
            #[test]
            fn $test() {
                expect($name);
            }
        )*
    };
}

corpus! {
    alarm_clock: "alarm_clock",
    baton_ring: "baton_ring",
    beacon: "beacon",
    doorbell: "doorbell",
    exchange: "exchange",
    fuse_box: "fuse_box",
    keeper: "keeper",
    layout: "layout",
    library_card: "library_card",
    listwork: "listwork",
    lookout: "lookout",
    mishaps: "mishaps",
    orchard: "orchard",
    pantry: "pantry",
    progress: "progress",
    seating: "seating",
    stockroom: "stockroom",
    tethered: "tethered",
    ticket_counter: "ticket_counter",
    triage: "triage",
    volley: "volley",
    construct_catch_expr: "constructs/catch_expr",
    construct_demonitor_flush: "constructs/demonitor_flush",
    construct_exit2_kill_trapped: "constructs/exit2_kill_trapped",
    construct_exit2_normal_ignored: "constructs/exit2_normal_ignored",
    construct_exit2_normal_trapped: "constructs/exit2_normal_trapped",
    construct_exit2_reason_trapped: "constructs/exit2_reason_trapped",
    construct_exit2_reason_untrapped: "constructs/exit2_reason_untrapped",
    construct_exit_self_normal: "constructs/exit_self_normal",
    construct_format_no_newline: "constructs/format_no_newline",
    construct_format_p_wrap: "constructs/format_p_wrap",
    construct_format_widths: "constructs/format_widths",
    construct_kill_reaches_links_as_killed: "constructs/kill_reaches_links_as_killed",
    construct_link_abnormal_exit: "constructs/link_abnormal_exit",
    construct_link_chain: "constructs/link_chain",
    construct_link_dead_process: "constructs/link_dead_process",
    construct_link_normal_exit: "constructs/link_normal_exit",
    construct_link_trap_abnormal: "constructs/link_trap_abnormal",
    construct_link_trap_normal: "constructs/link_trap_normal",
    construct_monitor_down_reason: "constructs/monitor_down_reason",
    construct_monitor_error_reason: "constructs/monitor_error_reason",
    construct_monitor_noproc: "constructs/monitor_noproc",
    construct_registered_badarg: "constructs/registered_badarg",
    construct_selective_receive_order: "constructs/selective_receive_order",
    construct_spawn_link_error: "constructs/spawn_link_error",
    construct_trap_exit_flag: "constructs/trap_exit_flag",
    construct_try_after_order: "constructs/try_after_order",
    construct_try_of_clauses: "constructs/try_of_clauses",
    construct_unlink_stops_propagation: "constructs/unlink_stops_propagation",
    construct_whereis_after_exit: "constructs/whereis_after_exit",
}

/// Passes when the module matches `erl`, or when it is pending and still does not.
fn expect(name: &str) {
    let case = run::Case::load(name);
    match (PENDING.contains(&name), run::check(&case)) {
        (false, Ok(())) | (true, Err(_)) => {}
        (false, Err(e)) => panic!("{name}: {e}"),
        (true, Ok(())) => panic!("{name} now prints what erl prints: take it off PENDING"),
    }
}

/// The names of the recorded modules on disk, `pantry` or `constructs/link_chain`.
fn modules_on_disk() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (dir, prefix) in [("", ""), ("constructs", "constructs/")] {
        let path = run::corpus_dir().join(dir);
        for entry in std::fs::read_dir(&path).expect("corpus directory") {
            let file = entry.expect("directory entry").path();
            if file.extension().is_some_and(|e| e == "erl") {
                let stem = file.file_stem().expect("file name").to_string_lossy();
                out.insert(format!("{prefix}{stem}"));
            }
        }
    }
    out
}

#[test]
fn every_module_on_disk_has_a_test_and_a_recording() {
    let listed: BTreeSet<String> = MODULES.iter().map(|m| m.to_string()).collect();
    assert_eq!(
        modules_on_disk(),
        listed,
        "the corpus! list and the .erl files differ"
    );
    for name in MODULES {
        let base = run::corpus_dir().join(name);
        for ext in ["entry", "out"] {
            assert!(base.with_extension(ext).exists(), "{name}.{ext} is missing");
        }
    }
}

#[test]
fn pending_names_only_corpus_modules() {
    for name in PENDING {
        assert!(
            MODULES.contains(name),
            "PENDING names {name}, which is not in the corpus"
        );
    }
    let unique: BTreeSet<&&str> = PENDING.iter().collect();
    assert_eq!(unique.len(), PENDING.len(), "PENDING lists a module twice");
}

#[test]
fn reported_reasons_read_the_leading_atom() {
    // Worked out by hand from the report format shown in fuse_box.err.
    let err = "Error in process <0.80.0> with exit value:\n{badarith,[{erlang,'div',[1,0],[]}]}\n\
               Error in process <0.81.0> with exit value:\n{{nocatch,ball},[]}\n";
    assert_eq!(run::reported_reasons(err), vec!["badarith", "nocatch"]);
}

#[test]
fn first_difference_names_the_line() {
    assert_eq!(
        run::first_difference("a\nb\n", "a\nc"),
        "output line 2: erl printed \"b\\n\", we printed \"c\""
    );
    assert_eq!(
        run::first_difference("a\n", "a\nextra\n"),
        "output line 2: erl printed \"<end>\", we printed \"extra\\n\""
    );
}

/// Prints passes / total and, for each failing module, the first thing that went wrong.
#[test]
fn summary() {
    let mut passes = 0;
    let mut rows = Vec::new();
    for name in MODULES {
        match run::check(&run::Case::load(name)) {
            Ok(()) => passes += 1,
            Err(e) => rows.push(format!("| {name} | {} |", e.replace('|', "\\|"))),
        }
    }
    println!(
        "erlang corpus: {passes} / {} modules print what erl prints",
        MODULES.len()
    );
    if !rows.is_empty() {
        println!("| module | first error |\n|---|---|");
        for row in rows {
            println!("{row}");
        }
    }
    assert_eq!(
        passes,
        MODULES.len() - PENDING.len(),
        "the pass count disagrees with PENDING"
    );
}
