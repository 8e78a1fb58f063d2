//! Output as a stream of characters: prints that do not end the line, the exact text, and
//! the per-step record. Expected texts are worked out by hand from the program.

mod common;

use common::*;
use sim::ir::{Expr, Pid, ProgramBuilder, Style};
use sim::schedule::{run, RoundRobin};
use sim::{Choice, EventKind, WorldStatus};

#[test]
fn prints_without_line_break_continue_the_line() {
    // fmt.Print("a"); fmt.Print("b", 1); fmt.Println("!"); fmt.Print("tail")
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        f.output("a");
        f.output(Expr::str("b").bin(sim::ir::BinOp::Add, "1"));
        f.print("!");
        f.output("tail");
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    let out = run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(out.status, WorldStatus::Finished);
    assert_eq!(w.output_text(), "ab1!\ntail");
    let lines: Vec<&str> = w.output().iter().map(|t| t.as_str()).collect();
    assert_eq!(lines, ["ab1!", "tail"]);
    // One record per print step, each with its own text.
    let printed: Vec<(u64, &str, bool)> = w
        .printed()
        .iter()
        .map(|r| (r.step, r.text.as_str(), r.newline))
        .collect();
    assert_eq!(
        printed,
        [
            (1, "a", false),
            (2, "b1", false),
            (3, "!", true),
            (4, "tail", false)
        ]
    );
    let story = story(&w);
    assert_eq!(story[0], "  1 main prints \"a\" (the line goes on)");
    assert_eq!(story[2], "  3 main prints \"!\"");
}

#[test]
fn line_breaks_inside_unended_text_split_lines() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        f.output("x\ny\n");
        f.output("z");
        f.output("\n");
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(w.output_text(), "x\ny\nz\n");
    let lines: Vec<&str> = w.output().iter().map(|t| t.as_str()).collect();
    assert_eq!(lines, ["x", "y", "z"]);
}

#[test]
fn two_goroutines_interleave_characters_not_lines() {
    // main: go g(); Print("1"); Print("2")   g: Print("A")
    // Round-robin: main prints "1" (step 1: spawn first), hand-worked below.
    let mut p = ProgramBuilder::new(Style::Go);
    let g = p.function("g", &[], |f| {
        f.output("A");
    });
    let main = p.function("main", &[], |f| {
        f.spawn(None, sim::ir::ProcKind::Goroutine, g, vec![]);
        f.output("1");
        f.output("2");
        f.fail("never reached by this schedule");
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    // step 1: main spawns g; step 2: g prints A; step 3: main prints 1; step 4: main prints 2
    w.step(Choice::Run(Pid(0))).unwrap();
    w.step(Choice::Run(Pid(1))).unwrap();
    w.step(Choice::Run(Pid(0))).unwrap();
    let events = w.step(Choice::Run(Pid(0))).unwrap().to_vec();
    assert!(events.iter().any(|e| matches!(
        &e.kind,
        EventKind::Print { text, newline: false } if text.as_str() == "2"
    )));
    assert_eq!(w.output_text(), "A12");
    let who: Vec<u32> = w.printed().iter().map(|r| r.pid.0).collect();
    assert_eq!(who, [1, 0, 0]);
}
