//! `sync/atomic` through the real simulator: atomic counters never race or lose updates.
//! Expected outputs are what `go run` (go1.27.3) printed for the same program.

mod common;

use common::*;
use lang::Dialect::Go;

const COUNTERS: &str = r#"package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var hits int64

func main() {
	var wg sync.WaitGroup
	var local int64
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&hits, 2)
			atomic.AddInt64(&local, 1)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&hits), atomic.LoadInt64(&local))
	fmt.Println(atomic.SwapInt64(&local, 9), local)
}
"#;

#[test]
fn atomic_adds_from_goroutines_always_sum_and_never_race() {
    let p = program(Go, COUNTERS);
    for seed in 0..20 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, COUNTERS);
        assert_eq!(lines(&w), ["10 5", "5 9"], "seed {seed}");
        assert!(!w.has_race(), "seed {seed}: {:?}", w.findings());
    }
}

#[test]
fn the_same_counter_without_atomics_races() {
    let src = COUNTERS
        .replace("atomic.AddInt64(&local, 1)", "local++")
        .replace("atomic.LoadInt64(&local)", "local");
    let p = program(Go, &src);
    assert!((0..20).any(|seed| run_seeded(&p, seed).has_race()));
}

#[test]
fn malformed_atomic_calls_are_errors() {
    check_errors(
        Go,
        &[
            (
                "import \"sync/atomic\"\nfunc main() {\n\tvar n int64\n\tatomic.AddInt64(n, 1)\n}\n",
                "is not the address of a variable",
                "4:18",
            ),
            (
                "import \"sync/atomic\"\nfunc main() {\n\tvar n int64\n\tatomic.AddInt64(&n)\n}\n",
                "atomic.AddInt64",
                "4:2",
            ),
            (
                "import \"sync/atomic\"\nfunc main() {\n\tvar b atomic.Bool\n\tb.Add(1)\n}\n",
                "has no method `Add`",
                "4:4",
            ),
        ],
    );
}
