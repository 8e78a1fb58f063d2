//! Python thread objects through the real simulator: values that are stored, started later,
//! joined from anywhere, named as CPython names them, and started only once. Expected
//! outputs are what CPython 3.11 prints for the same programs.

mod common;

use common::*;
use lang::Dialect::Python;

const STORED: &str = "\
import threading

def worker(n):
    print(\"worker\", n)

threads = []
for i in range(3):
    t = threading.Thread(target=worker, args=(i,))
    threads.append(t)
print(threads[0].name, threads[2].name, threads[1].is_alive())
for t in threads:
    t.start()
    t.join()
named = threading.Thread(target=worker, args=(9,), name=\"nine\")
print(named.name, named.daemon)
named.start()
named.join()
print(named.is_alive())
";

#[test]
fn thread_objects_are_stored_named_started_and_joined_later() {
    let p = program(Python, STORED);
    for seed in 0..10 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, STORED);
        assert_eq!(
            lines(&w),
            vec![
                "Thread-1 (worker) Thread-3 (worker) False",
                "worker 0",
                "worker 1",
                "worker 2",
                "nine False",
                "worker 9",
                "False",
            ]
        );
    }
}

#[test]
fn the_classic_list_of_threads_starts_all_then_joins_all() {
    let src = "\
import threading

done = {}
lock = threading.Lock()

def work(i):
    with lock:
        done[i] = i * 10

threads = []
for i in range(3):
    t = threading.Thread(target=work, args=(i,))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
print(done[0], done[1], done[2], len(done))
";
    let p = program(Python, src);
    for seed in 0..20 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["0 10 20 3"]);
    }
}

#[test]
fn joining_a_thread_never_started_raises_runtime_error() {
    let src = "\
import threading

def worker():
    pass

t = threading.Thread(target=worker)
t.join()
";
    let w = run_seeded(&program(Python, src), 0);
    match w.processes()[0].status() {
        sim::world::Status::Crashed(reason) => assert!(
            reason.contains("RuntimeError")
                && reason.contains("cannot join thread before it is started"),
            "{reason}"
        ),
        other => panic!("join before start must raise, got {other:?}"),
    }
}

#[test]
fn a_thread_passed_to_a_function_is_joined_there() {
    let src = "\
import threading

def hello(who):
    print(\"hello\", who)

def finish(t):
    t.join()
    print(\"joined\", t.name)

t = threading.Thread(target=hello, args=(\"ana\",), name=\"greeter\")
t.start()
finish(t)
";
    let p = program(Python, src);
    for seed in 0..10 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["hello ana", "joined greeter"]);
    }
}
