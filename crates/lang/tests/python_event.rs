//! `threading.Event` and the queue peeks `qsize()`, `empty()` and `full()` through the real
//! simulator. Expected outputs were recorded by running the same programs with CPython 3.11
//! (`python3`); each program's output is fixed by its synchronisation (waiters are released
//! by `set()` and joined, timeouts are far apart on the clock).

mod common;

use common::*;
use lang::Dialect::Python;
use sim::ir::Value;
use sim::EventKind;

const GATE: &str = "\
import threading

gate = threading.Event()
log = []
log_lock = threading.Lock()

def runner(n):
    gate.wait()
    with log_lock:
        log.append(n)

crew = [threading.Thread(target=runner, args=(i,)) for i in range(3)]
for t in crew:
    t.start()
print(\"before\", gate.is_set(), len(log))
gate.set()
for t in crew:
    t.join()
print(\"after\", gate.is_set(), sorted(log))
gate.clear()
print(\"cleared\", gate.is_set())
print(\"timed out\", gate.wait(0.2))
gate.set()
print(\"set again\", gate.wait(timeout=0.2))
";

#[test]
fn event_releases_every_waiter_and_clear_rearms_it() {
    let p = program(Python, GATE);
    for seed in [0, 1, 7, 42] {
        let w = run_seeded(&p, seed);
        assert_finished(&w, GATE);
        assert_eq!(
            lines(&w),
            [
                "before False 0",
                "after True [0, 1, 2]",
                "cleared False",
                "timed out False",
                "set again True",
            ]
        );
    }
}

#[test]
fn event_flag_is_atomic_not_a_race() {
    // `set()` writes the flag and `is_set()` in main reads it while runners wait: each a
    // visible step (a write of `True`, then of `False` for `clear()`), never a data race.
    let w = run_seeded(&program(Python, GATE), 5);
    let flag_writes: Vec<&Value> = w
        .trace()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Write(wr) if matches!(wr.value, Value::Bool(_)) => Some(&wr.value),
            _ => None,
        })
        .collect();
    assert_eq!(
        flag_writes,
        [&Value::Bool(true), &Value::Bool(false), &Value::Bool(true)],
        "set, clear, set should each write the flag once"
    );
    assert!(w.findings().is_empty(), "{:?}", w.findings());
}

const TIMED: &str = "\
import threading
import time

flag = threading.Event()

def setter():
    time.sleep(0.3)
    flag.set()

def waiter():
    print(\"short wait\", flag.wait(0.1))
    print(\"long wait\", flag.wait(1))

s = threading.Thread(target=setter)
w = threading.Thread(target=waiter)
w.start()
s.start()
w.join()
s.join()
";

#[test]
fn event_wait_with_timeout_reports_whether_it_was_set() {
    let p = program(Python, TIMED);
    for seed in [0, 3, 9] {
        let w = run_seeded(&p, seed);
        assert_finished(&w, TIMED);
        assert_eq!(lines(&w), ["short wait False", "long wait True"]);
    }
}

const PEEKS: &str = "\
import queue
import threading

box = queue.Queue(maxsize=2)
print(box.qsize(), box.empty(), box.full())
box.put(\"a\")
print(box.qsize(), box.empty(), box.full())
box.put(\"b\")
print(box.qsize(), box.empty(), box.full())
print(box.get())
print(box.qsize(), box.empty(), box.full())
free = queue.Queue()
for i in range(5):
    free.put(i)
print(free.qsize(), free.full())
";

#[test]
fn queue_peeks_follow_the_fill_level() {
    assert_eq!(
        output(Python, PEEKS),
        [
            "0 True False",
            "1 False False",
            "2 False True",
            "a",
            "1 False False",
            "5 False",
        ]
    );
}

#[test]
fn event_misuse_is_refused_with_position() {
    check_errors(
        Python,
        &[
            (
                "import threading\ne = threading.Event(1)\n",
                "`threading.Event` takes 0 arguments, but 1 was given",
                "2:5",
            ),
            (
                "import threading\ne = threading.Event()\ne.wait(1, 2)\n",
                "`.wait()` takes at most one argument, `timeout`",
                "3:1",
            ),
            (
                "import threading\ne = threading.Event()\ne.set(True)\n",
                "`set` takes 0 arguments, but 1 was given",
                "3:1",
            ),
            (
                "import queue\nq = queue.Queue()\nq.qsize(1)\n",
                "`qsize` takes 0 arguments, but 1 was given",
                "3:1",
            ),
        ],
    );
}
