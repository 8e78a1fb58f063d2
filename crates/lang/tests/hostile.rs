//! Hostile programs in every dialect: each one stops at the budget that its behaviour
//! exhausts, with a message that names the budget, and nothing panics.
//!
//! The expected budget of each program is worked out by hand from [`sim::Budgets`]'s defaults
//! (the ones the CLI, the checker and the browser use): an endless loop with no visible step
//! runs out of local instructions (100,000) before anything else; a loop that writes shared
//! memory makes visible steps, so it meets the step budget (1,000,000); a function that calls
//! itself forever without a visible step meets the call-depth budget (10,000 frames) before its
//! 100,000 local instructions, since a call costs fewer than ten; threads that start two more
//! each reach 10,000 processes; an actor that sends to one that never receives fills its
//! mailbox (10,000); a value doubled in a loop passes 100,000 value nodes within twenty rounds;
//! printing forever passes 100,000 lines before a million steps. Sizes that must be accepted
//! (a program of 100,000 lines) run to the end.
//!
//! Run with `-- --nocapture` for the table of programs, budgets, messages and times.

mod common;

use std::time::Instant;

use lang::{compile, Dialect};
use sim::detect::{BudgetKind, Finding};
use sim::schedule::RoundRobin;
use sim::{run, Options, World, WorldStatus};

/// One hostile program and the budget it must stop at.
struct Case {
    name: &'static str,
    dialect: Dialect,
    source: String,
    budget: BudgetKind,
    /// Words the budget's message must contain, so a student can tell which limit it was.
    names: &'static str,
}

fn case(
    name: &'static str,
    dialect: Dialect,
    source: &str,
    budget: BudgetKind,
    names: &'static str,
) -> Case {
    Case {
        name,
        dialect,
        source: source.to_string(),
        budget,
        names,
    }
}

fn cases() -> Vec<Case> {
    use BudgetKind::*;
    use Dialect::{Erlang, Go, Python};
    vec![
        // Python
        case("endless loop", Python, "while True:\n    pass\n", LocalOps, "instruction budget"),
        case(
            "endless shared writes",
            Python,
            "import threading\n\ncount = 0\n\ndef bump():\n    global count\n    while True:\n        count += 1\n\nthreading.Thread(target=bump).start()\n",
            Steps,
            "step budget",
        ),
        case(
            "spawn bomb",
            Python,
            "import threading\n\ndef bomb():\n    threading.Thread(target=bomb).start()\n    threading.Thread(target=bomb).start()\n\nbomb()\n",
            Processes,
            "process budget",
        ),
        case(
            "unbounded recursion",
            Python,
            "def dive(n):\n    return dive(n + 1)\n\ndive(0)\n",
            CallDepth,
            "call-depth budget",
        ),
        case(
            "doubling string",
            Python,
            "s = \"ab\"\nwhile True:\n    s = s + s\n",
            ValueSize,
            "size budget",
        ),
        case(
            "doubling list",
            Python,
            "xs = [0]\nwhile True:\n    xs = xs + xs\n",
            ValueSize,
            "size budget",
        ),
        case(
            "printing forever",
            Python,
            "while True:\n    print(\"again\")\n",
            Output,
            "output budget",
        ),
        // Erlang
        case(
            "endless loop",
            Erlang,
            "main() -> spin().\nspin() -> spin().\n",
            LocalOps,
            "instruction budget",
        ),
        case(
            "spawn bomb",
            Erlang,
            "main() -> bomb().\nbomb() ->\n    spawn(fun bomb/0),\n    spawn(fun bomb/0).\n",
            Processes,
            "process budget",
        ),
        case(
            "mailbox flood",
            Erlang,
            "main() ->\n    Sink = spawn(fun() -> receive never -> ok end end),\n    flood(Sink).\nflood(Sink) ->\n    Sink ! hello,\n    flood(Sink).\n",
            Mailbox,
            "mailbox budget",
        ),
        case(
            "unbounded recursion",
            Erlang,
            "main() -> depth(0).\ndepth(N) -> 1 + depth(N + 1).\n",
            CallDepth,
            "call-depth budget",
        ),
        case(
            "doubling list",
            Erlang,
            "main() -> grow([1]).\ngrow(L) -> grow(L ++ L).\n",
            ValueSize,
            "size budget",
        ),
        case(
            "printing forever",
            Erlang,
            "main() -> spam().\nspam() ->\n    io:format(\"again~n\"),\n    spam().\n",
            Output,
            "output budget",
        ),
        // Go
        case(
            "endless loop",
            Go,
            "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n",
            LocalOps,
            "instruction budget",
        ),
        case(
            "endless shared writes",
            Go,
            "package main\n\nvar count int\n\nfunc main() {\n\tfor {\n\t\tcount++\n\t}\n}\n",
            Steps,
            "step budget",
        ),
        case(
            "spawn bomb",
            Go,
            "package main\n\nfunc bomb() {\n\tgo bomb()\n\tgo bomb()\n}\n\nfunc main() {\n\tbomb()\n\tselect {}\n}\n",
            Processes,
            "process budget",
        ),
        case(
            "unbounded recursion",
            Go,
            "package main\n\nfunc dive(n int) int {\n\treturn dive(n + 1)\n}\n\nfunc main() {\n\tdive(0)\n}\n",
            CallDepth,
            "call-depth budget",
        ),
        case(
            "doubling string",
            Go,
            "package main\n\nfunc main() {\n\ts := \"ab\"\n\tfor {\n\t\ts = s + s\n\t}\n}\n",
            ValueSize,
            "size budget",
        ),
        case(
            "printing forever",
            Go,
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(\"again\")\n\t}\n}\n",
            Output,
            "output budget",
        ),
    ]
}

/// Runs a world round-robin until it stops by itself (the step budget guarantees it does).
fn run_to_the_end(program: sim::ir::Program) -> World {
    let mut world = World::new(program, Options::default()).expect("valid program");
    run(&mut world, &mut RoundRobin::new(), u64::MAX);
    world
}

#[test]
fn every_hostile_program_stops_at_its_budget_with_a_message_naming_it() {
    let mut failures = Vec::new();
    println!(
        "{:<8} {:<22} {:<10} {:>8}  message",
        "dialect", "program", "budget", "ms"
    );
    for c in cases() {
        let started = Instant::now();
        let program = match compile(c.dialect, &c.source) {
            Ok(p) => p,
            Err(d) => {
                failures.push(format!(
                    "{:?} {}: does not compile:\n{d}",
                    c.dialect, c.name
                ));
                continue;
            }
        };
        let world = run_to_the_end(program);
        let ms = started.elapsed().as_millis();
        let budget = world.findings().iter().find_map(|f| match f {
            Finding::Budget { kind, message } => Some((*kind, message.to_string())),
            _ => None,
        });
        match budget {
            Some((kind, message)) => {
                println!(
                    "{:<8} {:<22} {:<10} {:>8}  {message}",
                    format!("{:?}", c.dialect),
                    c.name,
                    format!("{kind:?}"),
                    ms
                );
                if kind != c.budget || *world.status() != WorldStatus::Stopped(c.budget) {
                    failures.push(format!(
                        "{:?} {}: want {:?}, got {kind:?} ({:?}): {message}",
                        c.dialect,
                        c.name,
                        c.budget,
                        world.status()
                    ));
                } else if !message.to_lowercase().contains(c.names) {
                    failures.push(format!(
                        "{:?} {}: the message does not name the budget ({:?}): {message}",
                        c.dialect, c.name, c.names
                    ));
                }
            }
            None => failures.push(format!(
                "{:?} {}: no budget finding; status {:?}, findings {:?}",
                c.dialect,
                c.name,
                world.status(),
                world.findings()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A program of 100,000 lines is long but legal: it compiles and runs to the end.
#[test]
fn a_program_of_a_hundred_thousand_lines_runs() {
    let lines = 100_000;
    let python = "total = 0\n".to_string() + &"total = total + 1\n".repeat(lines - 1);
    let go = format!(
        "package main\n\nimport \"fmt\"\n\nfunc main() {{\n\ttotal := 0\n{}\tfmt.Println(total)\n}}\n",
        "\ttotal++\n".repeat(lines - 8)
    );
    let erlang = format!(
        "main() -> io:format(\"~p~n\", [f{}()]).\n{}",
        lines - 2,
        (0..lines - 1)
            .map(|i| format!("f{i}() -> {i}.\n"))
            .collect::<String>()
    );
    for (dialect, source, last) in [
        (Dialect::Python, python, None),
        (Dialect::Go, go, Some((lines - 8).to_string())),
        (Dialect::Erlang, erlang, Some((lines - 2).to_string())),
    ] {
        assert!(
            source.lines().count() >= lines - 1,
            "{dialect:?} program too short"
        );
        let started = Instant::now();
        let program = compile(dialect, &source).unwrap_or_else(|d| panic!("{dialect:?}: {d}"));
        let compiled = started.elapsed();
        let world = run_to_the_end(program);
        println!(
            "{dialect:?}: {} lines compiled in {} ms, ran in {} ms, {} steps",
            source.lines().count(),
            compiled.as_millis(),
            (started.elapsed() - compiled).as_millis(),
            world.step_count()
        );
        assert!(
            matches!(world.status(), WorldStatus::Finished),
            "{dialect:?}: {:?} {:?}",
            world.status(),
            world.findings()
        );
        if let Some(last) = last {
            assert_eq!(common::lines(&world), vec![last], "{dialect:?}");
        }
    }
}

/// Nesting deeper than a parser can take is a compile error at a position, never a stack
/// overflow.
#[test]
fn nesting_ten_thousand_deep_is_an_error_with_a_position() {
    let deep = 10_000;
    let parens = format!("{}1{}", "(".repeat(deep), ")".repeat(deep));
    let blocks: String = (0..deep)
        .map(|i| format!("{}if True:\n", " ".repeat(i)))
        .collect::<String>()
        + &" ".repeat(deep)
        + "pass\n";
    let lists = format!("main() -> {}{}.\n", "[".repeat(deep), "]".repeat(deep));
    let go_blocks = format!(
        "package main\n\nfunc main() {{\n{}{}}}\n",
        "{\n".repeat(deep),
        "}\n".repeat(deep)
    );
    for (dialect, source) in [
        (Dialect::Python, format!("x = {parens}\n")),
        (Dialect::Python, blocks),
        (Dialect::Erlang, format!("main() -> {parens}.\n")),
        (Dialect::Erlang, lists),
        (
            Dialect::Go,
            format!("package main\n\nfunc main() {{\n\tx := {parens}\n\t_ = x\n}}\n"),
        ),
        (Dialect::Go, go_blocks),
    ] {
        // The parsers' nesting guard makes the stack they need independent of the input's
        // depth: 4 MiB (a debug build's frames are several times a release build's) is far
        // less than ten thousand levels of recursive descent would take.
        let result = std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(move || {
                compile(dialect, &source)
                    .map(|_| ())
                    .map_err(|d| d.to_string())
            })
            .expect("thread")
            .join();
        match result {
            Ok(Err(message)) => {
                assert!(
                    message.contains("nested too deeply"),
                    "{dialect:?}: {message}"
                );
                assert!(
                    message.contains(':'),
                    "{dialect:?}: no position in {message}"
                );
            }
            Ok(Ok(())) => panic!("{dialect:?}: compiled a program nested {deep} deep"),
            Err(_) => panic!("{dialect:?}: the compiler panicked or overflowed its stack"),
        }
    }
}

/// Macros that never stop expanding are errors at their use, found before they eat memory.
/// "circular macro 'B'" is erlc's wording (Erlang/OTP 25) for the first two programs.
#[test]
fn macros_that_expand_forever_or_explosively_are_errors() {
    // Each macro uses the one before three times: thirteen of them make 3^13 copies of the
    // first, 1.6 million tokens, past the preprocessor's bound of one million.
    let tripling: String = (1..=13)
        .map(|k| format!("-define(M{k}, [?M{j}, ?M{j}, ?M{j}]).\n", j = k - 1))
        .collect();
    let cases = [
        (
            "-define(A, [?A, ?A]).\nmain() -> ?A.\n".to_string(),
            "circular macro 'A'",
            "2:11",
        ),
        (
            "-define(B, 1 + ?C).\n-define(C, ?B).\nmain() -> ?B.\n".to_string(),
            "circular macro 'B'",
            "3:11",
        ),
        (
            format!("-define(M0, 1).\n{tripling}main() -> ?M13.\n"),
            "past 1000000 tokens",
            "15:11",
        ),
        // Found by the fuzzer: a macro whose body uses itself twice (it used to double its
        // tokens sixteen times over, a gigabyte from 1 KB of text).
        (
            "-define(GAP, 2 - ?GAP + ?GAP).\nmain() -> timer:sleep(?GAP).\n".to_string(),
            "circular macro 'GAP'",
            "2:23",
        ),
    ];
    for (source, needle, at) in cases {
        let err = compile(Dialect::Erlang, &source).expect_err("must not compile");
        let d = err.first().expect("a diagnostic");
        assert!(d.message.contains(needle), "{source}\n{}", d.message);
        assert_eq!(d.line_col(), at, "{source}\n{}", d.message);
        assert!(!d.hint.is_empty());
    }
}
