//! Go slices on the heap: shared backing arrays, `append` aliasing and growth, bounds
//! panics, element races and `copy`. Expected values are worked out by hand from Go's
//! specification (and its growth rule for `cap`).

mod common;

use common::*;
use sim::ir::{Expr, FmtPart, HeaderPart, Local, ProcKind, ProgramBuilder, Style, Value};
use sim::schedule::{run, Random, RoundRobin};
use sim::world::Status;
use sim::WorldStatus;

fn show(parts: &[Local]) -> Expr {
    let mut out = Vec::new();
    for (i, l) in parts.iter().enumerate() {
        if i > 0 {
            out.push(FmtPart::Lit(" ".into()));
        }
        out.push(FmtPart::Show((*l).into()));
    }
    Expr::Format(out)
}

fn lines(w: &sim::World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

fn crash_reason(w: &sim::World) -> String {
    w.processes()
        .iter()
        .find_map(|p| match p.status() {
            Status::Crashed(r) => Some(r.to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn append_within_capacity_shares_the_array_and_growth_copies() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let base = f.local("base");
        let shared = f.local("shared");
        let grown = f.local("grown");
        let (n, c, gc) = (f.local("n"), f.local("c"), f.local("gc"));
        // base := make([]int, 3, 4); shared := append(base, 1); shared[0] = 99
        f.make_slice(base, 3, Some(Expr::int(4)), 0);
        f.append(shared, base, vec![Expr::int(1)], 8, 0);
        f.slice_put(shared, 0, 99);
        f.slice_header(n, base, HeaderPart::Len);
        f.slice_header(c, base, HeaderPart::Cap);
        f.print(show(&[base, shared, n, c]));
        // No room left: grown gets a new array of capacity 8 (4 ints doubled, 64 bytes).
        f.append(grown, shared, vec![Expr::int(2)], 8, 0);
        f.slice_put(grown, 1, 55);
        f.slice_header(gc, grown, HeaderPart::Cap);
        f.print(show(&[shared, grown, gc]));
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    let out = run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(out.status, WorldStatus::Finished);
    assert_eq!(
        lines(&w),
        ["[99 0 0] [99 0 0 1] 3 4", "[99 0 0 1] [99 55 0 1 2] 8"]
    );
}

#[test]
fn reslicing_shares_storage_and_checks_bounds_against_capacity() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let s = f.local("s");
        let t = f.local("t");
        let (n, c) = (f.local("n"), f.local("c"));
        let bad = f.local("bad");
        f.slice_literal(
            s,
            ["a", "b", "c", "d", "e"]
                .iter()
                .map(|x| Expr::str(x))
                .collect(),
        );
        // t := s[1:3]; len 2, cap 4; t = t[:4] reaches into s's spare elements.
        f.reslice(t, s, Some(Expr::int(1)), Some(Expr::int(3)), None);
        f.slice_header(n, t, HeaderPart::Len);
        f.slice_header(c, t, HeaderPart::Cap);
        f.print(show(&[t, n, c]));
        f.reslice(t, t, None, Some(Expr::int(4)), None);
        f.slice_put(t, 0, Expr::str("B"));
        f.print(show(&[t, s]));
        f.reslice(bad, s, Some(Expr::int(2)), Some(Expr::int(6)), None);
        f.print(show(&[bad]));
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(lines(&w), ["[b c] 2 4", "[B c d e] [a B c d e]"]);
    assert!(w.has_crash());
    assert_eq!(
        crash_reason(&w),
        "runtime error: slice bounds out of range [:6] with capacity 5"
    );
    assert_eq!(
        sim::world::go_message(&crash_reason(&w)).as_deref(),
        Some("panic: runtime error: slice bounds out of range [:6] with capacity 5")
    );
}

#[test]
fn index_out_of_range_panics_with_gos_wording() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let s = f.local("s");
        let v = f.local("v");
        f.slice_literal(s, vec![Expr::int(1), Expr::int(2), Expr::int(3)]);
        f.slice_get(v, s, 2);
        f.print(show(&[v]));
        f.slice_get(v, s, 5);
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(lines(&w), ["3"]);
    assert_eq!(
        crash_reason(&w),
        "runtime error: index out of range [5] with length 3"
    );
}

/// Two goroutines write `s[a]` and `s[b]` of one shared slice; main waits for both.
fn element_writers(a: i64, b: i64) -> sim::ir::Program {
    let mut p = ProgramBuilder::new(Style::Go);
    let writer = p.function("writer", &["s", "i", "wg"], |f| {
        let (s, i, wg) = (Local(0), Local(1), Local(2));
        f.slice_put(s, i, 7);
        f.wg_done(wg);
    });
    let main = p.function("main", &[], |f| {
        let s = f.local("s");
        let wg = f.local("wg");
        f.make_slice(s, 2, None, 0);
        f.make_waitgroup(wg);
        f.wg_add(wg, 2);
        for i in [a, b] {
            f.spawn(
                None,
                ProcKind::Goroutine,
                writer,
                vec![s.into(), Expr::int(i), wg.into()],
            );
        }
        f.wg_wait(wg);
        f.print(show(&[s]));
    });
    p.goroutine("main", main, vec![]);
    p.build()
}

#[test]
fn writes_to_one_element_race_and_to_different_elements_do_not() {
    let mut same = world(element_writers(0, 0));
    run(&mut same, &mut RoundRobin::new(), 100);
    assert!(same.has_race());
    assert_eq!(lines(&same), ["[7 0]"]);
    for seed in 0..5 {
        let mut apart = world(element_writers(0, 1));
        run(&mut apart, &mut Random::new(seed), 100);
        assert!(!apart.has_race(), "seed {seed}");
        assert_eq!(lines(&apart), ["[7 7]"]);
    }
}

#[test]
fn copy_counts_the_shorter_slice_and_handles_overlap() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let src = f.local("src");
        let small = f.local("small");
        let tail = f.local("tail");
        let n = f.local("n");
        f.slice_literal(src, (1..=5).map(Expr::int).collect());
        f.make_slice(small, 3, None, 0);
        f.copy_slice(Some(n), small, src);
        f.print(show(&[n, small]));
        // copy(src[1:], src) shifts right by one: [1 1 2 3 4], 4 copied.
        f.reslice(tail, src, Some(Expr::int(1)), None, None);
        f.copy_slice(Some(n), tail, src);
        f.print(show(&[n, src]));
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(lines(&w), ["3 [1 2 3]", "4 [1 1 2 3 4]"]);
}

#[test]
fn the_nil_slice_prints_empty_and_appending_allocates() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let s = f.local("s");
        let c = f.local("c");
        f.set(s, Expr::Const(Value::slice(sim::ir::SliceRef::NIL)));
        f.print(show(&[s]));
        // Five ints into nil: 40 bytes round up to the 48-byte class, capacity 6.
        f.append(s, s, (1..=5).map(Expr::int).collect(), 8, 0);
        f.slice_header(c, s, HeaderPart::Cap);
        f.print(show(&[s, c]));
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(lines(&w), ["[]", "[1 2 3 4 5] 6"]);
}
