//! `explore=` expectations: the checker explores every schedule and reports a false claim at
//! the clause that makes it. Expected endings are worked out by hand for two threads that
//! each do `count += 1` once (a read, then a write): the count ends 1 when both read before
//! either writes, 2 otherwise, and never anything else.

use lesson::check::check_lesson;

/// A one-program lesson whose fence (line 9) carries `explore="CLAUSES"` straight after
/// `id=p`, so the first clause starts at column 29; the unlocked one says `expect=race`.
fn lesson(clauses: &str, locked: bool) -> String {
    // Round-robin runs the unlocked version into a race, but no lost update.
    let expect = if locked { "" } else { " expect=race" };
    let bump = if locked {
        "def bump():\n    global count\n    with lock:\n        count += 1\n"
    } else {
        "def bump():\n    global count\n    count += 1\n"
    };
    format!(
        "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n\
         ```sim python id=p explore=\"{clauses}\"{expect}\n\
         import threading\ncount = 0\nlock = threading.Lock()\n{bump}\
         a = threading.Thread(target=bump)\nb = threading.Thread(target=bump)\n\
         a.start()\nb.start()\na.join()\nb.join()\nprint(\"count is\", count)\n```\n"
    )
}

fn errors(text: &str) -> Vec<lesson::Diagnostic> {
    let check = check_lesson("x.md", text);
    check
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .collect()
}

#[test]
fn true_claims_pass_and_are_counted() {
    let text = lesson(
        "some: count = 1; some: count = 2; none: count = 3; some: lost-update; some: prints count is 1",
        false,
    );
    assert!(errors(&text).is_empty(), "{:?}", errors(&text));
    let check = check_lesson("x.md", &text);
    assert_eq!(check.summary.explorations, 5);
    assert_eq!(check.summary.explorations_ok, 5);
    let locked = lesson("all: count = 2; all: prints COUNT IS 2; none: race", true);
    assert!(errors(&locked).is_empty(), "{:?}", errors(&locked));
}

#[test]
fn a_false_all_is_reported_at_its_clause() {
    let errors = errors(&lesson("all: count = 2", false));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert_eq!(e.code, "explore-false");
    assert_eq!((e.line, e.col), (9, 29), "{e}");
    assert!(
        e.message.contains("not every schedule shows `count = 2`"),
        "{e}"
    );
    assert!(e.message.contains("count = 1"), "the counterexample: {e}");
    assert!(
        e.hint.as_deref().unwrap().contains("replay schedule"),
        "{e}"
    );
}

#[test]
fn false_some_and_none_are_reported_at_their_clauses() {
    // `some: count = 3; ` is 17 bytes, so the second clause starts at column 29 + 17.
    let errors = errors(&lesson("some: count = 3; none: count = 1", false));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!((errors[0].line, errors[0].col), (9, 29));
    assert!(
        errors[0].message.contains("no schedule shows `count = 3`"),
        "{}",
        errors[0]
    );
    assert_eq!((errors[1].line, errors[1].col), (9, 46));
    assert!(
        errors[1]
            .message
            .contains("some schedule shows `count = 1`"),
        "{}",
        errors[1]
    );
    let deadlock = errors_of("some: deadlock", true);
    assert!(deadlock[0].message.contains("no schedule shows `deadlock`"));
}

fn errors_of(clauses: &str, locked: bool) -> Vec<lesson::Diagnostic> {
    errors(&lesson(clauses, locked))
}

#[test]
fn an_unknown_variable_and_a_bad_clause_are_errors() {
    let unknown = errors_of("all: total = 2", false);
    assert_eq!(unknown[0].code, "unknown-variable");
    assert!(unknown[0].expected.as_deref().unwrap().contains("`count`"));
    let bad = errors_of("always: count = 2", false);
    assert_eq!(bad[0].code, "bad-explore");
    assert_eq!((bad[0].line, bad[0].col), (9, 29));
    assert_eq!(bad[0].expected.as_deref(), Some("`all`, `some` or `none`"));
}
