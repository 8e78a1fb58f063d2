//! Python dialect programs run through the real simulator.

mod common;

use common::*;
use lang::Dialect::Python;
use sim::World;

const RACY: &str = "\
import threading

total = 0

def bump():
    global total
    for _ in range(3):
        total += 1

a = threading.Thread(target=bump)
b = threading.Thread(target=bump)
a.start()
b.start()
a.join()
b.join()
print(\"total is\", total)
";

#[test]
fn racy_counter_loses_updates_under_some_seed() {
    let p = program(Python, RACY);
    let mut finals = std::collections::BTreeSet::new();
    for seed in 0..200 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, RACY);
        finals.insert(lines(&w).join("\n"));
    }
    assert!(finals.contains("total is 6"), "{finals:?}");
    assert!(
        finals.iter().any(|f| f != "total is 6"),
        "no lost update in 200 seeds: {finals:?}"
    );
}

const LOCKED: &str = "\
import threading

total = 0
guard = threading.Lock()

def bump(times):
    global total
    for _ in range(times):
        with guard:
            total += 1

workers = []
for _ in range(2):
    t = threading.Thread(target=bump, args=(3,))
    t.start()
    workers.append(t)
for t in workers:
    t.join()
print(f\"total is {total}\")
";

#[test]
fn locked_counter_always_reaches_total() {
    let p = program(Python, LOCKED);
    for seed in 0..200 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, LOCKED);
        assert_eq!(lines(&w), vec!["total is 6"], "seed {seed}");
        assert!(!w.has_race(), "seed {seed}: {:?}", w.findings());
    }
}

#[test]
fn explorer_finds_lost_updates_and_the_lock_prevents_them() {
    let racy = explore_all(&program(Python, RACY), 1_000_000);
    assert!(racy.complete);
    let outputs: Vec<String> = racy
        .classes
        .iter()
        .map(|c| {
            c.outcome
                .output
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join("")
        })
        .collect();
    assert!(outputs.iter().any(|o| o == "total is 6"));
    assert!(outputs.iter().any(|o| o == "total is 2"), "{outputs:?}");
}

#[test]
fn explorer_locked_counter_has_one_outcome() {
    let src = LOCKED.replace("args=(3,)", "args=(2,)");
    let report = explore_all(&program(Python, &src), 2_000_000);
    assert!(report.complete, "exploration was cut");
    for class in &report.classes {
        let out: Vec<String> = class.outcome.output.iter().map(|t| t.to_string()).collect();
        assert_eq!(out, vec!["total is 4"]);
        assert!(!class.outcome.race && !class.outcome.crash);
    }
}

#[test]
fn count_plus_equals_is_read_add_write_with_sub_spans() {
    let src = "count = 0\n\ndef bump():\n    global count\n    count += 1\n\nbump()\n";
    let p = program(Python, src);
    let f = &p.functions[p.function_named("bump").unwrap().index()];
    let ops: Vec<&sim::ir::Instr> = f.code.iter().collect();
    let read = ops
        .iter()
        .position(|i| matches!(i.op, sim::ir::Op::Read { .. }))
        .unwrap();
    assert!(matches!(ops[read + 1].op, sim::ir::Op::Eval { .. }));
    assert!(matches!(ops[read + 2].op, sim::ir::Op::Write { .. }));
    let text = |s: sim::ir::Span| &src[s.start as usize..s.end as usize];
    assert_eq!(text(ops[read].span), "count");
    assert_eq!(text(ops[read + 1].span), "+= 1");
    assert_eq!(text(ops[read + 2].span), "count += 1");
    assert_eq!((ops[read].span.line, ops[read].span.col), (5, 5));
    assert_eq!((ops[read + 1].span.line, ops[read + 1].span.col), (5, 11));
    // Every instruction carries a real position.
    for func in &p.functions {
        for i in &func.code {
            assert!(
                i.span.line >= 1,
                "{} has an instruction without a line",
                func.name
            );
        }
    }
}

#[test]
fn expand_mode_makes_the_add_its_own_step() {
    let src = "import threading\ncount = 0\n\ndef bump():\n    global count\n    count += 1\n\nt = threading.Thread(target=bump)\nt.start()\nt.join()\n";
    let p = program(Python, src);
    let add_steps = |expand: bool| {
        let w = run_with(
            &p,
            1,
            sim::Options {
                expand,
                ..Default::default()
            },
        );
        w.trace()
            .iter()
            .filter(|e| matches!(e.kind, sim::EventKind::Compute { .. }))
            .filter(|e| &src[e.span.start as usize..e.span.end as usize] == "+= 1")
            .count()
    };
    assert_eq!(add_steps(false), 0);
    assert_eq!(add_steps(true), 1);
}

#[test]
fn def_global_return_and_call() {
    let out = output(
        Python,
        "limit = 3\n\ndef double(n):\n    return n * 2\n\ndef show():\n    print(double(limit))\n\nshow()\n",
    );
    assert_eq!(out, vec!["6"]);
}

#[test]
fn ranges_while_break_continue() {
    let src = "\
total = 0
for i in range(3):
    total += i
for i in range(5, 8):
    total += i
for i in range(10, 0, -3):
    total += i
n = 0
while True:
    n += 1
    if n == 2:
        continue
    if n > 4:
        break
    total += 100
print(total)
";
    // 0+1+2 + 5+6+7 + 10+7+4+1 + 100*3
    assert_eq!(output(Python, src), vec![(3 + 18 + 22 + 300).to_string()]);
}

#[test]
fn if_elif_else_and_truthiness() {
    let src = "\
def sign(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    else:
        return 'positive'

for v in [-2, 0, 5]:
    print(sign(v))
items = []
if not items:
    print('empty')
if items or 'x':
    print('truthy')
";
    assert_eq!(
        output(Python, src),
        vec!["negative", "zero", "positive", "empty", "truthy"]
    );
}

#[test]
fn print_forms() {
    let src = "\
name = 'ada'
n = 3
print('hello', name, n)
print('a', 'b', sep='-')
print(f'{name} has {n} items, repr {name!r}')
print(repr(name), str(n) + '!', len('four'))
print((1, 'x'), [1, 2], None, True)
";
    assert_eq!(
        output(Python, src),
        vec![
            "hello ada 3",
            "a-b",
            "ada has 3 items, repr 'ada'",
            "'ada' 3! 4",
            "(1, 'x') [1, 2] None True",
        ]
    );
}

#[test]
fn threads_with_args_names_start_and_join() {
    let src = "\
import threading

def greet(who, times):
    for _ in range(times):
        print('hi', who)

a = threading.Thread(target=greet, args=('ann', 2), name='Ann')
a.start()
a.join()
threading.Thread(target=greet, args=('bob', 1)).start()
";
    let p = program(Python, src);
    let w = run_seeded(&p, 3);
    assert_finished(&w, src);
    assert_eq!(lines(&w), vec!["hi ann", "hi ann", "hi bob"]);
    assert!(w.processes().iter().any(|p| p.name() == "Ann"));
}

#[test]
fn lock_acquire_release_and_return_inside_with() {
    let src = "\
import threading

lock = threading.Lock()
hits = 0

def take():
    global hits
    lock.acquire()
    hits += 1
    lock.release()

def first():
    with lock:
        return 'got it'

def worker():
    take()
    print(first())

ts = []
for _ in range(2):
    t = threading.Thread(target=worker)
    t.start()
    ts.append(t)
for t in ts:
    t.join()
print(hits)
";
    let p = program(Python, src);
    for seed in 0..50 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["got it", "got it", "2"], "seed {seed}");
        assert!(!w.has_race());
    }
}

#[test]
fn queue_is_a_blocking_channel() {
    let src = "\
import threading
import queue

jobs = queue.Queue()
small = queue.Queue(maxsize=1)

def consumer():
    for _ in range(3):
        item = jobs.get()
        small.put(item * 10)

c = threading.Thread(target=consumer)
c.start()
for i in range(3):
    jobs.put(i)
for _ in range(3):
    print(small.get())
c.join()
";
    let p = program(Python, src);
    for seed in 0..50 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["0", "10", "20"], "seed {seed}");
    }
}

#[test]
fn dict_entries_are_shared_memory() {
    let src = "\
import threading

counts = {}
counts['a'] = 0

def bump():
    counts['a'] += 1

t1 = threading.Thread(target=bump)
t2 = threading.Thread(target=bump)
t1.start()
t2.start()
t1.join()
t2.join()
print(counts['a'], counts.get('b', 'none'))
";
    let p = program(Python, src);
    let mut raced = false;
    let mut finals = std::collections::BTreeSet::new();
    for seed in 0..100 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        raced |= w.has_race();
        finals.insert(lines(&w).join(""));
    }
    assert!(raced, "two threads updating one dict entry must race");
    assert!(
        finals.contains("2 none") && finals.contains("1 none"),
        "{finals:?}"
    );
}

#[test]
fn from_imports_sleep_lists_and_tuples() {
    let src = "\
from threading import Thread, Lock
import time

def nap():
    time.sleep(2)
    print('woke')

t = Thread(target=nap)
t.start()
t.join()
xs = [1, 2]
xs.append(3)
first, second = xs[0], xs[1]
print(len(xs), first, second, xs)
";
    assert_eq!(output(Python, src), vec!["woke", "3 1 2 [1, 2, 3]"]);
}

#[test]
fn and_or_only_run_the_right_side_when_needed() {
    let src = "\
calls = 0

def probe():
    global calls
    calls += 1
    return True

if False and probe():
    print('no')
if True or probe():
    print('yes')
print(calls)
";
    assert_eq!(output(Python, src), vec!["yes", "0"]);
}

#[test]
fn docstrings_empty_strings_and_is_none() {
    let src = "\
def find(items, wanted):
    \"\"\"Returns the index of wanted, or None.\"\"\"
    i = 0
    for item in items:
        if item == wanted:
            return i
        i += 1
    return None

print(\"\", find([4, 5], 5), find([4], 9) is None, find([1], 1) is not None)
";
    assert_eq!(output(Python, src), vec![" 1 True True"]);
}

const RACY_LOOP: &str = "\
import threading

count = 0

def bump():
    global count
    for _ in range(2):
        count += 1

a = threading.Thread(target=bump)
b = threading.Thread(target=bump)
a.start()
b.start()
a.join()
b.join()
print(\"count is\", count)
";

#[test]
fn expand_mode_steps_are_the_counter_reads_adds_and_writes_and_nothing_else() {
    let p = program(Python, RACY_LOOP);
    for seed in 0..20 {
        let w = run_expanded(&p, seed);
        assert_finished(&w, RACY_LOOP);
        let actions = step_actions(&w);
        // Per thread and iteration: read, add, write. Main: two starts, two joins, the
        // read for `print` and the print. No loop counter, no thread-object bookkeeping.
        assert_eq!(
            action_counts(&actions),
            counts(&[
                ("read count", 5),
                ("compute tmp", 4),
                ("write count", 4),
                ("spawn", 2),
                ("join", 2),
                ("print", 1),
            ]),
            "seed {seed}: {actions:#?}"
        );
    }
}

#[test]
fn expand_mode_two_single_increments_have_twenty_schedules() {
    // Two threads, one `count += 1` each inside a `for` loop, no main thread: 3 steps
    // each, C(6, 3) interleavings. A visible loop counter would make it C(10, 5).
    let src = RACY_LOOP.replace("range(2)", "range(1)");
    let report =
        explore_two_without_main(&program(Python, &src), "bump", sim::ir::ProcKind::Thread);
    assert!(report.complete);
    assert_eq!(report.schedules, 20);
}

#[test]
fn shared_reads_go_into_tmp_and_the_narration_says_so() {
    let p = program(Python, RACY_LOOP);
    let w = run_expanded(&p, 3);
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    assert!(
        story
            .iter()
            .any(|l| l.starts_with("T1 reads count = ") && l.ends_with(" into tmp")),
        "{story:#?}"
    );
    assert!(story.iter().any(|l| l.starts_with("T1 computes tmp = ")));
    assert!(story.iter().any(|l| l.starts_with("T1 writes count = ")));
    // Every local a student can see is one they wrote, or the scratch copy `tmp`.
    for f in &p.functions {
        let visible: Vec<&str> = f
            .locals
            .iter()
            .map(String::as_str)
            .filter(|n| !n.starts_with('$') && !n.starts_with('_'))
            .collect();
        match f.name.as_str() {
            "bump" => assert_eq!(visible, vec!["tmp"]),
            _ => assert_eq!(visible, vec!["a", "b", "tmp"]),
        }
    }
}

#[test]
fn the_scratch_copy_avoids_the_students_own_names() {
    let src = "\
count = 0

def bump():
    global count
    tmp = 5
    count += tmp
    print(tmp)

bump()
print(count)
";
    let p = program(Python, src);
    let w = run_seeded(&p, 0);
    assert_eq!(lines(&w), vec!["5", "5"]);
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    assert!(
        story.iter().any(|l| l == "main reads count = 0 into tmp2"),
        "{story:#?}"
    );
}

#[test]
fn a_thread_variable_holds_no_function_value_before_start() {
    // Both shapes: one variable per thread, and one variable reused in a loop (then rebound
    // by `for t in workers`).
    for src in [RACY_LOOP, LOCKED] {
        check_no_function_values(src);
    }
}

fn check_no_function_values(src: &str) {
    let p = program(Python, src);
    let mut w = World::new(
        p.clone(),
        sim::Options {
            expand: true,
            ..Default::default()
        },
    )
    .unwrap();
    let mut seen_thread = false;
    while !w.is_over() {
        let main = &w.processes()[0];
        if let Some(frame) = main.frames().last() {
            let f = &p.functions[frame.func.index()];
            for (name, value) in f.locals.iter().zip(&frame.locals) {
                if name.starts_with('$') || name.starts_with('_') {
                    continue;
                }
                assert!(
                    !matches!(value, sim::ir::Value::Fun(_)),
                    "{name} shows a function value"
                );
                seen_thread |= matches!(value, sim::ir::Value::Record(_));
            }
        }
        let Some(choice) = w.enabled_choices().first().copied() else {
            break;
        };
        w.step(choice).unwrap();
    }
    assert!(seen_thread, "the variables hold thread objects");
    assert_finished(&w, src);
}

#[test]
fn thread_objects_still_behave_like_python_threads() {
    let src = "\
import threading

def hello(name):
    print(\"hello\", name)

t = threading.Thread(target=hello, args=(\"ana\",))
t.start()
t.join()
u = threading.Thread(target=hello, args=(\"bo\",))
u.start()
u.start()
";
    let p = program(Python, src);
    let w = run_seeded(&p, 0);
    assert!(lines(&w).contains(&"hello ana".to_string()));
    let main = &w.processes()[0];
    match main.status() {
        sim::world::Status::Crashed(reason) => {
            // CPython 3.11's wording for a second start().
            assert_eq!(
                reason.as_str(),
                "RuntimeError: threads can only be started once"
            )
        }
        other => panic!("a second start() must crash, got {other:?}"),
    }
}

#[test]
fn len_of_a_dict_and_in_tests_are_shared_reads() {
    let src = "\
seen = {}
seen[\"a\"] = 1
seen[\"b\"] = 2
print(len(seen), \"a\" in seen, \"z\" in seen, \"z\" not in seen)
n = len(seen)
if \"b\" in seen:
    print(\"b is there, of\", n)
";
    let p = program(Python, src);
    let w = run_seeded(&p, 0);
    assert_finished(&w, src);
    assert_eq!(lines(&w), vec!["2 True False True", "b is there, of 2"]);
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    assert!(story
        .iter()
        .any(|l| l == "main reads len(seen) = 2 into tmp"));
    assert!(story.iter().any(|l| l == "main reads len(seen) = 2 into n"));
    assert!(story
        .iter()
        .any(|l| l == "main looks up seen['z']: the key is missing"));
    assert!(story.iter().any(|l| l == "main reads seen['a'] = 1"));
}

#[test]
fn len_of_a_dict_races_with_an_insert_from_another_thread() {
    let src = "\
import threading

seen = {}

def add(key):
    seen[key] = 1

def count():
    print(len(seen))

a = threading.Thread(target=add, args=(\"x\",))
b = threading.Thread(target=count)
a.start()
b.start()
a.join()
b.join()
";
    let report = explore_all(&program(Python, src), 100_000);
    assert!(report.complete);
    assert!(report.classes.iter().all(|c| c.outcome.race));
    let outputs: std::collections::BTreeSet<String> = report
        .classes
        .iter()
        .map(|c| c.outcome.output.iter().map(|t| t.to_string()).collect())
        .collect();
    assert_eq!(outputs, ["0", "1"].iter().map(|s| s.to_string()).collect());
    // With a lock around both, no race.
    let locked = src
        .replace("seen = {}\n", "seen = {}\nguard = threading.Lock()\n")
        .replace(
            "    seen[key] = 1",
            "    with guard:\n        seen[key] = 1",
        )
        .replace(
            "    print(len(seen))",
            "    with guard:\n        n = len(seen)\n    print(n)",
        );
    let report = explore_all(&program(Python, &locked), 100_000);
    assert!(report.complete);
    assert!(report.classes.iter().all(|c| !c.outcome.race));
}

#[test]
fn in_on_a_shared_dict_races_with_an_insert() {
    let src = "\
import threading

seen = {}

def add():
    seen[\"k\"] = 1

def look():
    if \"k\" in seen:
        print(\"found\")
    else:
        print(\"missing\")

a = threading.Thread(target=add)
b = threading.Thread(target=look)
a.start()
b.start()
a.join()
b.join()
";
    let report = explore_all(&program(Python, src), 100_000);
    assert!(report.complete);
    assert!(report.classes.iter().all(|c| c.outcome.race));
    assert_eq!(report.classes.len(), 2);
}

#[test]
fn plain_assignments_that_compute_are_read_compute_write_in_expand_mode() {
    let src = "\
count = 0
hits = {}
hits[\"a\"] = 0

def bump():
    global count
    count = count + 1
    hits[\"a\"] = hits[\"a\"] + 1
    n = count
    print(n, hits[\"a\"])

bump()
";
    let w = run_expanded(&program(Python, src), 0);
    assert_finished(&w, src);
    assert_eq!(lines(&w), vec!["1 1"]);
    assert_eq!(
        step_actions(&w),
        vec![
            "main: write hits['a']",
            "main: read count",
            "main: compute tmp",
            "main: write count",
            "main: read hits['a']",
            "main: compute tmp",
            "main: write hits['a']",
            "main: read count",
            "main: read hits['a']",
            "main: print",
        ]
    );
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    assert!(
        story.iter().any(|l| l == "main reads count = 1 into n"),
        "{story:#?}"
    );
}

#[test]
fn thread_objects_kept_in_a_list_before_start_still_start_the_right_threads() {
    let src = "\
import threading

def hello(n):
    print(\"hello\", n)

threads = []
for i in range(3):
    t = threading.Thread(target=hello, args=(i,))
    threads.append(t)
for t in threads:
    t.start()
t = None
print(t)
";
    let p = program(Python, src);
    let w = run_seeded(&p, 0);
    let mut out = lines(&w);
    out.sort();
    assert_eq!(out, vec!["None", "hello 0", "hello 1", "hello 2"]);
}
