//! Go's `time` package on the logical clock, through the real simulator: `select` with
//! `time.After`, timers and `time.Since`. Expected outputs are what `go run` (go1.27.3)
//! printed for the same program.

mod common;

use common::*;
use lang::Dialect::Go;

const COURIER: &str = r#"package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	results := make(chan string)
	go func() {
		time.Sleep(30 * time.Millisecond)
		results <- "fast"
	}()
	for i := 0; i < 2; i++ {
		select {
		case r := <-results:
			fmt.Println("got", r)
		case <-time.After(100 * time.Millisecond):
			fmt.Println("timeout")
		}
	}
	fmt.Println(time.Since(start) >= 130*time.Millisecond)
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println(t.Stop(), t.Stop())
}
"#;

#[test]
fn after_times_out_a_select_in_logical_time_under_every_schedule() {
    let p = program(Go, COURIER);
    for seed in 0..20 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, COURIER);
        assert_eq!(
            lines(&w),
            ["got fast", "timeout", "true", "true false"],
            "seed {seed}"
        );
    }
}

#[test]
fn malformed_time_calls_are_errors() {
    check_errors(
        Go,
        &[
            (
                "import \"time\"\nfunc main() {\n\t<-time.After(\"soon\")\n}\n",
                "cannot use a string as a time.Duration",
                "3:15",
            ),
            (
                "import \"time\"\nfunc main() {\n\tt := time.NewTimer(5)\n\tt.Reset(3)\n}\n",
                "has no method `Reset`",
                "4:4",
            ),
            (
                "import \"time\"\nfunc main() {\n\tt := time.NewTicker(5)\n\t<-t.D\n}\n",
                "has no field `D`",
                "4:6",
            ),
            (
                "import \"time\"\nfunc main() {\n\t_ = time.Now(1)\n}\n",
                "time.Now",
                "3:6",
            ),
        ],
    );
}
