//! Python dialect programs run through the real simulator.

mod common;

use common::*;
use lang::Dialect::Python;

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
