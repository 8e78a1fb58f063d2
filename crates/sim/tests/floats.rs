//! Float values: IEEE arithmetic and comparison, a total order for fingerprints, and printing.
//! Expected Go texts are what `fmt.Println` prints for these values (Go's `%v`: shortest
//! digits, exponent form from 1e6 and below 1e-4), checked against go1.27.3's output.

mod common;

use std::collections::HashSet;

use common::*;
use sim::ir::{BinOp, Builtin, Expr, Float, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};

fn go_show(x: f64) -> String {
    Value::from(x).show(Style::Go)
}

#[test]
fn go_prints_floats_with_shortest_digits() {
    assert_eq!(go_show(2.75), "2.75");
    assert_eq!(go_show(2.0), "2");
    assert_eq!(go_show(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(go_show(1e21), "1e+21");
    assert_eq!(go_show(1e20), "1e+20");
    // go1.27.3 `fmt.Println(999999.0, 1234567.0, 12345678.5)`.
    assert_eq!(go_show(999999.0), "999999");
    assert_eq!(go_show(1234567.0), "1.234567e+06");
    assert_eq!(go_show(12345678.5), "1.23456785e+07");
    assert_eq!(go_show(0.0001), "0.0001");
    assert_eq!(go_show(0.00001), "1e-05");
    assert_eq!(go_show(-2.5e-7), "-2.5e-07");
    assert_eq!(go_show(f64::INFINITY), "+Inf");
    assert_eq!(go_show(f64::NAN), "NaN");
    assert_eq!(Value::from(2.0).show(Style::Python), "2.0");
    assert_eq!(Value::from(1e16).show(Style::Python), "1e+16");
}

#[test]
fn floats_have_a_total_order_and_hash_for_fingerprints() {
    let nan = Float(f64::NAN);
    assert_eq!(nan, nan);
    assert_ne!(Float(0.0), Float(-0.0));
    assert!(Float(-1.0) < Float(0.5));
    let set: HashSet<Value> = [Value::from(1.5), Value::from(1.5), Value::from(f64::NAN)]
        .into_iter()
        .collect();
    assert_eq!(set.len(), 2);
}

#[test]
fn programs_compute_with_floats() {
    // x := 7.0 / 2; y := x * 2 - 0.5; fmt.Println(x, y, x < y, int(y), float64(3) / 0)
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let x = f.local("x");
        let y = f.local("y");
        f.eval(x, Expr::from(7.0) / 2.0);
        f.eval(y, Expr::from(x) * 2.0 - 0.5);
        f.print(Expr::Format(vec![
            sim::ir::FmtPart::Show(x.into()),
            sim::ir::FmtPart::Lit(" ".into()),
            sim::ir::FmtPart::Show(y.into()),
            sim::ir::FmtPart::Lit(" ".into()),
            sim::ir::FmtPart::Show(Expr::from(x).lt(y)),
            sim::ir::FmtPart::Lit(" ".into()),
            sim::ir::FmtPart::Show(Expr::Call(Builtin::ToInt, vec![y.into()])),
            sim::ir::FmtPart::Lit(" ".into()),
            sim::ir::FmtPart::Show(
                Expr::Call(Builtin::ToFloat, vec![Expr::int(3)]).bin(BinOp::Div, 0.0),
            ),
        ]));
        // NaN is not equal to itself in the language, even though the value order says so.
        f.print(Expr::from(f64::NAN).eq(f64::NAN));
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(w.output_text(), "3.5 6.5 true 6 +Inf\nfalse\n");
}

/// Prints each expression on its own line in a one-thread Python program and returns the
/// output, then the crash message if the thread crashed.
fn python_prints(exprs: Vec<Expr>) -> String {
    let mut p = ProgramBuilder::new(Style::Python);
    let main = p.function("main", &[], |f| {
        for e in exprs {
            f.print(e);
        }
    });
    p.thread("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    let mut out = w.output_text();
    if let sim::world::Status::Crashed(why) = w.processes()[0].status() {
        out.push_str(&format!("crashed: {why}"));
    }
    out
}

#[test]
fn python_mixes_ints_and_floats_as_cpython_does() {
    // Expected texts are what CPython 3.11 prints for each expression, worked out by hand:
    // 2.5 * 4 = 10.0, 7 / 2.0 = 3.5, 7.5 // 2 = 3.0, -7.5 % 2 = 0.5 (the remainder takes the
    // divisor's sign), 1 == 1.0 is True, 3 < 3.5 is True.
    let out = python_prints(vec![
        Expr::from(2.5) * 4,
        Expr::int(7).bin(BinOp::Div, 2.0),
        Expr::from(7.5).bin(BinOp::FloorDiv, 2),
        Expr::from(-7.5).bin(BinOp::Mod, 2),
        Expr::int(1).eq(1.0),
        Expr::int(3).lt(3.5),
    ]);
    assert_eq!(out, "10.0\n3.5\n3.0\n0.5\nTrue\nTrue\n");
}

#[test]
fn python_float_division_by_zero_crashes_instead_of_giving_infinity() {
    // CPython: `1.0 / 0` raises ZeroDivisionError: float division by zero. Nothing prints.
    let out = python_prints(vec![Expr::from(1.0).bin(BinOp::Div, 0)]);
    assert!(
        out.starts_with("crashed: ") && out.contains("float division by zero"),
        "{out}"
    );
}
