//! loom on the racy counter (2 threads × 3 increments, each a separate atomic load and
//! store): `cargo run --release -p switchboard-benches --example loom_counter` checks the
//! model once and prints its result line. `work` is the number of executions loom ran.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering as StdOrdering};
use std::sync::Mutex;
use std::time::Instant;

use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::sync::Arc;
use loom::thread;
use switchboard_benches::result_line;

/// Executions run and final counts seen, kept outside loom so loom does not model them.
static EXECUTIONS: AtomicU64 = AtomicU64::new(0);
static FINALS: Mutex<BTreeMap<usize, u64>> = Mutex::new(BTreeMap::new());

fn main() {
    let mut builder = loom::model::Builder::new();
    // Exhaustive, whatever LOOM_* variables say: no preemption bound, no time or count cap.
    builder.preemption_bound = None;
    builder.max_permutations = None;
    builder.max_duration = None;

    let start = Instant::now();
    builder.check(|| {
        let count = Arc::new(AtomicUsize::new(0));
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let count = count.clone();
                thread::spawn(move || {
                    for _ in 0..3 {
                        // SeqCst, like the simulator's shared memory; load then store, so an
                        // update can be lost.
                        let v = count.load(Ordering::SeqCst);
                        count.store(v + 1, Ordering::SeqCst);
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        let last = count.load(Ordering::SeqCst);
        EXECUTIONS.fetch_add(1, StdOrdering::Relaxed);
        *FINALS.lock().unwrap().entry(last).or_insert(0) += 1;
    });
    let seconds = start.elapsed().as_secs_f64();

    let outcomes: Vec<String> = FINALS
        .lock()
        .unwrap()
        .iter()
        .map(|(n, c)| format!("{n}:{c}"))
        .collect();
    let note = format!("outcomes={}", outcomes.join(","));
    let executions = EXECUTIONS.load(StdOrdering::Relaxed);
    println!("{}", result_line("loom", seconds, executions, &note));
}
