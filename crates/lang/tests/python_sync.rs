//! `threading.Semaphore`, `BoundedSemaphore`, `Condition` and `Barrier` through the real
//! simulator. Expected outputs were recorded by running the same programs with CPython 3.11
//! (`python3`); each output is fixed by the program's synchronisation, so every seed must
//! give it.

mod common;

use common::*;
use lang::Dialect::Python;

/// Runs `src` under several seeds; each run must finish and print `want`.
fn always(src: &str, want: &[&str]) {
    let p = program(Python, src);
    for seed in [0, 1, 7, 42] {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), want, "seed {seed}");
    }
}

const VISITORS: &str = "\
import threading
import time

slots = threading.Semaphore(2)
count_lock = threading.Lock()
inside = 0
peak = 0

def visitor(n):
    global inside, peak
    with slots:
        with count_lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.1)
        with count_lock:
            inside -= 1

crowd = [threading.Thread(target=visitor, args=(i,)) for i in range(5)]
for t in crowd:
    t.start()
for t in crowd:
    t.join()
print(\"inside\", inside, \"peak\", peak)
print(\"try now\", slots.acquire(blocking=False))
print(\"try again\", slots.acquire(blocking=False))
print(\"try third\", slots.acquire(blocking=False))
print(\"wait a bit\", slots.acquire(timeout=0.2))
slots.release()
slots.release()
slots.release()
print(\"after three releases\", slots.acquire(blocking=False), slots.acquire(blocking=False), slots.acquire(blocking=False), slots.acquire(blocking=False))
";

const OVER_RELEASE: &str = "\
import threading

pass_ = threading.BoundedSemaphore(1)

def use():
    pass_.acquire()
    print(\"got the pass\")
    pass_.release()
    print(\"gave it back\")
    pass_.release()
    print(\"never printed\")

t = threading.Thread(target=use, name=\"holder\")
t.start()
t.join()
print(\"main done\")
";

const STOCK: &str = "\
import threading

stock = 0
cv = threading.Condition()
log = []

def buyer(n):
    global stock
    with cv:
        while stock == 0:
            cv.wait()
        stock -= 1
        log.append(n)

def restock(k):
    global stock
    with cv:
        stock += k
        cv.notify(k)

buyers = [threading.Thread(target=buyer, args=(i,)) for i in range(4)]
for b in buyers:
    b.start()
restock(1)
restock(3)
for b in buyers:
    b.join()
print(\"sold to\", sorted(log), \"left\", stock)
";

const START_LINE: &str = "\
import threading

lock = threading.Lock()
go = threading.Condition(lock)
started = False
seen = []

def runner(n):
    go.acquire()
    while not started:
        go.wait()
    seen.append(n)
    go.release()

rs = [threading.Thread(target=runner, args=(i,)) for i in range(3)]
for r in rs:
    r.start()
with lock:
    started = True
    go.notify_all()
for r in rs:
    r.join()
print(\"all ran:\", sorted(seen))
";

const LAPS: &str = "\
import threading

line = threading.Barrier(3)
marks = []
seen = []
marks_lock = threading.Lock()

def racer(n):
    for lap in range(2):
        with marks_lock:
            marks.append(lap)
        line.wait()
        with marks_lock:
            seen.append(sum(1 for m in marks if m == lap))

rs = [threading.Thread(target=racer, args=(i,)) for i in range(3)]
for r in rs:
    r.start()
for r in rs:
    r.join()
print(\"parties\", line.parties)
print(\"each saw every arrival:\", seen)
";

const INDICES: &str = "\
import threading

gate = threading.Barrier(2)
got = []
got_lock = threading.Lock()

def arrive():
    i = gate.wait()
    with got_lock:
        got.append(i)

t = threading.Thread(target=arrive)
t.start()
arrive()
t.join()
print(sorted(got))
";

#[test]
fn semaphore_admits_at_most_its_value_and_counts_releases() {
    always(
        VISITORS,
        &[
            "inside 0 peak 2",
            "try now True",
            "try again True",
            "try third False",
            "wait a bit False",
            "after three releases True True True False",
        ],
    );
}

#[test]
fn semaphore_waiters_are_never_a_race() {
    let w = run_seeded(&program(Python, VISITORS), 3);
    assert!(w.findings().is_empty(), "{:?}", w.findings());
}

#[test]
fn bounded_semaphore_released_too_often_raises_value_error() {
    let p = program(Python, OVER_RELEASE);
    let w = run_seeded(&p, 0);
    assert_eq!(lines(&w), ["got the pass", "gave it back", "main done"]);
    let reasons = crash_reasons(&w);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(
        reasons[0].contains("ValueError: Semaphore released too many times"),
        "{reasons:?}"
    );
}

#[test]
fn condition_notify_wakes_as_many_as_asked() {
    always(STOCK, &["sold to [0, 1, 2, 3] left 0"]);
}

#[test]
fn condition_over_a_given_lock_and_notify_all() {
    always(START_LINE, &["all ran: [0, 1, 2]"]);
}

#[test]
fn condition_guarded_state_is_not_a_race() {
    for seed in [0, 5] {
        let w = run_seeded(&program(Python, STOCK), seed);
        assert!(w.findings().is_empty(), "{:?}", w.findings());
    }
}

#[test]
fn barrier_holds_every_party_and_is_reusable() {
    always(
        LAPS,
        &["parties 3", "each saw every arrival: [3, 3, 3, 3, 3, 3]"],
    );
}

#[test]
fn barrier_wait_returns_distinct_arrival_indices() {
    always(INDICES, &["[0, 1]"]);
}

#[test]
fn misuse_of_the_new_primitives_is_refused_with_position() {
    check_errors(
        Python,
        &[
            (
                "import threading\ns = threading.Semaphore(1, 2)\n",
                "`threading.Semaphore` takes at most one argument, `value`",
                "2:5",
            ),
            (
                "import threading\ns = threading.Semaphore(-1)\n",
                "initial value must be >= 0",
                "2:25",
            ),
            (
                "import threading\ns = threading.Semaphore(2)\ns.wait()\n",
                "a semaphore has no method `.wait()`",
                "3:3",
            ),
            (
                "import threading\nc = threading.Condition()\nwith c:\n    c.wait(1)\n",
                "`Condition.wait()` with a timeout is not part",
                "4:12",
            ),
            (
                "import threading\nb = threading.Barrier()\n",
                "`threading.Barrier` takes one argument",
                "2:5",
            ),
            (
                "import threading\nb = threading.Barrier(2)\nb.reset()\n",
                "a Barrier has no method `.reset()`",
                "3:3",
            ),
            (
                "import threading\nr = threading.RLock()\n",
                "`threading.RLock` is not part of the Python lesson dialect",
                "2:5",
            ),
        ],
    );
}
