//! Exceptions: raise, handlers, unwinding through calls, `after` blocks, catch-as-value and
//! the exit reason of an uncaught exception. Programs built with the IR builder; expected
//! values worked out by hand from the Erlang reference manual's chapter on errors
//! (`{Reason, Stack}` for an uncaught error, `{nocatch, V}` for an uncaught throw).

use sim::ir::{Expr, FunctionBuilder, Local, Pattern, Pid, ProcKind, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};
use sim::world::ExceptionClass;
use sim::{Options, World};

fn run_world(p: ProgramBuilder) -> World {
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run(&mut w, &mut RoundRobin::new(), 10_000);
    w
}

fn output(w: &World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

fn handler_locals(f: &mut FunctionBuilder) -> (Local, Local, Local) {
    (f.local("Class"), f.local("Why"), f.local("Stack"))
}

fn print_class_reason(f: &mut FunctionBuilder, class: Local, why: Local) {
    f.print(Expr::tuple([class.into(), why.into()]).show());
}

#[test]
fn a_throw_is_caught_with_its_class_and_value() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let main = p.function("main", &[], |f| {
        let (class, why, stack) = handler_locals(f);
        f.try_catch(
            class,
            why,
            stack,
            |f| {
                f.raise("throw", Expr::atom("ball"));
                f.print(Expr::str("unreachable"));
            },
            move |f| print_class_reason(f, class, why),
        );
        f.print(Expr::str("after the try"));
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    assert_eq!(output(&w), ["{throw,ball}", "after the try"]);
}

#[test]
fn an_error_in_a_callee_unwinds_to_the_caller_with_a_stack() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let g = p.function("g", &[], |f| {
        let x = f.local("X");
        f.line(7);
        f.eval(x, Expr::int(1) / Expr::int(0));
    });
    let h = p.function("h", &[], move |f| {
        f.line(3);
        f.call(None, g, vec![]);
    });
    let main = p.function("main", &[], move |f| {
        let (class, why, stack) = handler_locals(f);
        f.try_catch(
            class,
            why,
            stack,
            move |f| f.call(None, h, vec![]),
            move |f| {
                print_class_reason(f, class, why);
                f.print(Expr::Local(stack).show());
            },
        );
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    assert_eq!(
        output(&w),
        [
            "{error,badarith}",
            "[{g,0,[{line,7}]},{h,0,[{line,3}]},{main,0,[{line,0}]}]"
        ]
    );
    assert_eq!(
        w.process(Pid(0)).unwrap().exit_reason(),
        Some(&Value::atom("normal"))
    );
}

#[test]
fn an_after_block_runs_on_both_paths_and_the_exception_goes_on() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let main = p.function("main", &[], |f| {
        let (class, why, stack) = handler_locals(f);
        f.try_after(
            |f| f.print(Expr::str("body 1")),
            |f| f.print(Expr::str("after 1")),
        );
        f.try_catch(
            class,
            why,
            stack,
            |f| {
                f.try_after(
                    |f| {
                        f.print(Expr::str("body 2"));
                        f.raise("exit", Expr::atom("boom"));
                    },
                    |f| f.print(Expr::str("after 2")),
                )
            },
            move |f| print_class_reason(f, class, why),
        );
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    assert_eq!(
        output(&w),
        ["body 1", "after 1", "body 2", "after 2", "{exit,boom}"]
    );
}

#[test]
fn a_handler_can_reraise_and_an_outer_one_sees_the_same_exception() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let main = p.function("main", &[], |f| {
        let (class, why, stack) = handler_locals(f);
        let (c2, w2, s2) = (f.local("C2"), f.local("W2"), f.local("S2"));
        f.try_catch(
            class,
            why,
            stack,
            move |f| {
                f.try_catch(
                    c2,
                    w2,
                    s2,
                    |f| f.raise("error", Expr::atom("oops")),
                    move |f| {
                        f.print(Expr::str("inner sees it"));
                        f.reraise(c2, w2, s2);
                    },
                )
            },
            move |f| print_class_reason(f, class, why),
        );
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    assert_eq!(output(&w), ["inner sees it", "{error,oops}"]);
}

#[test]
fn catch_as_a_value_gives_throws_errors_and_exits_their_erlang_shapes() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let main = p.function("main", &[], |f| {
        let (a, b, c, d) = (f.local("A"), f.local("B"), f.local("C"), f.local("D"));
        f.catch_value(a, |f| f.raise("throw", Expr::int(42)));
        f.catch_value(b, |f| f.raise("exit", Expr::atom("boom")));
        f.catch_value(c, move |f| f.matches(Pattern::int(1), Expr::int(3)));
        f.catch_value(d, move |f| f.set(d, Expr::atom("fine")));
        f.print(Expr::tuple([a.into(), b.into(), Expr::Local(c).index(0), d.into()]).show());
        // The error case: {'EXIT', {{badmatch, 3}, Stack}}.
        f.print(Expr::Local(c).index(1).index(0).show());
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    assert_eq!(
        output(&w),
        ["{42,{'EXIT',boom},'EXIT',fine}", "{badmatch,3}"]
    );
}

#[test]
fn an_uncaught_error_ends_the_process_with_reason_and_stack_and_a_report() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let main = p.function("main", &[], |f| {
        f.line(2);
        f.raise("error", Expr::atom("oops"));
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    let proc0 = w.process(Pid(0)).unwrap();
    let expected = Value::tuple([
        Value::atom("oops"),
        Value::list([Value::tuple([
            Value::atom("main"),
            Value::Int(0),
            Value::list([Value::tuple([Value::atom("line"), Value::Int(2)])]),
        ])]),
    ]);
    assert_eq!(proc0.exit_reason(), Some(&expected));
    assert_eq!(proc0.exit_class(), Some(ExceptionClass::Error));
    assert_eq!(
        w.crash_report(Pid(0)).unwrap(),
        "=ERROR REPORT====\nError in process <0.0.0> with exit value:\n{oops,[{main,0,[{line,2}]}]}"
    );
}

#[test]
fn an_uncaught_throw_becomes_nocatch_and_exit_normal_is_a_normal_end() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let thrower = p.function("thrower", &[], |f| f.raise("throw", Expr::atom("ball")));
    let quitter = p.function("quitter", &[], |f| {
        f.raise("exit", Expr::atom("normal"));
        f.print(Expr::str("unreachable"));
    });
    let main = p.function("main", &[], move |f| {
        f.spawn(None, ProcKind::Actor, thrower, vec![]);
        f.spawn(None, ProcKind::Actor, quitter, vec![]);
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    match w.process(Pid(1)).unwrap().exit_reason() {
        Some(Value::Tuple(t)) => assert_eq!(
            t.items()[0],
            Value::tuple([Value::atom("nocatch"), Value::atom("ball")])
        ),
        other => panic!("expected {{{{nocatch, ball}}, Stack}}, got {other:?}"),
    }
    let q = w.process(Pid(2)).unwrap();
    assert_eq!(q.exit_reason(), Some(&Value::atom("normal")));
    assert_eq!(q.status(), &sim::world::Status::Done);
    assert!(w.crash_report(Pid(2)).is_none());
    assert!(output(&w).is_empty());
}
