//! Go dialect programs run through the real simulator.

mod common;

use common::*;
use lang::Dialect::Go;

const CHANNEL_COUNTER: &str = r#"package main

import "fmt"

// tally owns the number; everyone else talks to it through channels.
func tally(bump <-chan int, ask <-chan chan int) {
	n := 0
	for {
		select {
		case d := <-bump:
			n += d
		case answer := <-ask:
			answer <- n
		}
	}
}

func main() {
	bump := make(chan int)
	ask := make(chan chan int)
	done := make(chan bool)
	go tally(bump, ask)
	for w := 0; w < 2; w++ {
		go func() {
			for i := 0; i < 3; i++ {
				bump <- 1
			}
			done <- true
		}()
	}
	<-done
	<-done
	answer := make(chan int)
	ask <- answer
	fmt.Println("tally is", <-answer)
}
"#;

#[test]
fn channel_counter_always_reaches_total() {
    let p = program(Go, CHANNEL_COUNTER);
    for seed in 0..200 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, CHANNEL_COUNTER);
        assert_eq!(lines(&w), vec!["tally is 6"], "seed {seed}");
    }
}

#[test]
fn explorer_channel_counter_has_one_outcome() {
    let src = CHANNEL_COUNTER.replace("i < 3", "i < 1");
    let report = explore_all(&program(Go, &src), 2_000_000);
    assert!(
        report.complete,
        "exploration was cut after {} schedules",
        report.schedules
    );
    for class in &report.classes {
        let out: Vec<String> = class.outcome.output.iter().map(|t| t.to_string()).collect();
        assert_eq!(out, vec!["tally is 2"]);
        assert!(!class.outcome.race && !class.outcome.crash);
    }
}

#[test]
fn closure_counter_races_and_mutex_fixes_it() {
    let racy = r#"
import ("fmt"; "sync")

func main() {
	count := 0
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			for i := 0; i < 3; i++ {
				count++
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(count)
}
"#;
    let p = program(Go, racy);
    let mut finals = std::collections::BTreeSet::new();
    let mut raced = false;
    for seed in 0..200 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, racy);
        raced |= w.has_race();
        finals.insert(lines(&w).join(""));
    }
    assert!(raced);
    assert!(
        finals.contains("6") && finals.iter().any(|f| f != "6"),
        "{finals:?}"
    );

    let locked = racy
        .replace("count := 0", "count := 0\n\tvar mu sync.Mutex")
        .replace("count++", "mu.Lock()\n\t\t\t\tcount++\n\t\t\t\tmu.Unlock()");
    let p = program(Go, &locked);
    for seed in 0..200 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, &locked);
        assert_eq!(lines(&w), vec!["6"], "seed {seed}");
        assert!(!w.has_race());
    }
}

#[test]
fn package_vars_are_shared_and_waitgroup_by_pointer() {
    let src = r#"package main

import (
	"fmt"
	"sync"
)

var hits int
var mu sync.Mutex

func visit(wg *sync.WaitGroup, times int) {
	for i := 0; i < times; i++ {
		mu.Lock()
		hits += 1
		mu.Unlock()
	}
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go visit(&wg, 2)
	go visit(&wg, 3)
	wg.Wait()
	fmt.Printf("hits=%d\n", hits)
}
"#;
    let p = program(Go, src);
    for seed in 0..100 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["hits=5"], "seed {seed}");
    }
    assert!(run_seeded(&p, 0)
        .processes()
        .iter()
        .any(|p| p.name() == "visit"));
}

#[test]
fn declarations_and_arithmetic() {
    let src = r#"
func main() {
	var a int
	var b = 10
	c := 3
	a++
	b--
	c += 4
	c -= 1
	c *= 2
	x, y := b/c, b%c
	const greeting = "hi"
	fmt.Println(a, b, c, x, y, greeting+"!", -c, !(a > 0))
}
"#;
    assert_eq!(output(Go, src), vec!["1 9 12 0 9 hi! -12 false"]);
}

#[test]
fn for_in_all_its_forms() {
    let src = r#"
func main() {
	sum := 0
	for i := 0; i < 3; i++ {
		sum += i
	}
	n := 0
	for n < 5 {
		n++
	}
	for {
		n++
		if n == 7 {
			continue
		}
		if n > 8 {
			break
		}
	}
	for i := range 4 {
		sum += i * 10
	}
	for i, v := range []int{5, 6} {
		sum += i + v
	}
	fmt.Println(sum, n)
}
"#;
    assert_eq!(output(Go, src), vec![(3 + 60 + 12).to_string() + " 9"]);
}

#[test]
fn if_else_chains() {
    let src = r#"
func grade(n int) string {
	if n >= 90 {
		return "A"
	} else if n >= 50 {
		return "B"
	} else {
		return "C"
	}
}

func main() {
	if g := grade(95); g == "A" {
		fmt.Println("top", g)
	}
	fmt.Println(grade(60), grade(10))
}
"#;
    assert_eq!(output(Go, src), vec!["top A", "B C"]);
}

#[test]
fn channels_buffered_close_comma_ok_and_range() {
    let src = r#"
func produce(out chan<- int, n int) {
	for i := 1; i <= n; i++ {
		out <- i * i
	}
	close(out)
}

func main() {
	squares := make(chan int, 2)
	go produce(squares, 3)
	for s := range squares {
		fmt.Println(s)
	}
	v, ok := <-squares
	fmt.Println(v, ok)
}
"#;
    let p = program(Go, src);
    for seed in 0..50 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["1", "4", "9", "0 false"], "seed {seed}");
    }
}

#[test]
fn select_with_receive_send_and_default() {
    let src = r#"
func main() {
	ready := make(chan int, 1)
	select {
	case v := <-ready:
		fmt.Println("got", v)
	default:
		fmt.Println("nothing yet")
	}
	select {
	case ready <- 42:
		fmt.Println("sent")
	}
	select {
	case v, ok := <-ready:
		fmt.Println("got", v, ok)
	}
}
"#;
    assert_eq!(output(Go, src), vec!["nothing yet", "sent", "got 42 true"]);
}

#[test]
fn request_reply_over_chan_chan_int() {
    let src = r#"
func server(get chan chan int) {
	stock := 40
	for {
		select {
		case reply := <-get:
			stock++
			reply <- stock
		}
	}
}

func main() {
	get := make(chan chan int)
	go server(get)
	for i := 0; i < 2; i++ {
		reply := make(chan int)
		get <- reply
		fmt.Println(<-reply)
	}
}
"#;
    assert_eq!(output(Go, src), vec!["41", "42"]);
}

#[test]
fn go_statements_and_per_iteration_loop_variables() {
    let src = r#"
func main() {
	done := make(chan string)
	for i := 0; i < 3; i++ {
		go func() {
			done <- fmt.Sprintf("job %d", i)
		}()
	}
	seen := map[string]int{}
	for i := 0; i < 3; i++ {
		seen[<-done]++
	}
	fmt.Println(seen["job 0"], seen["job 1"], seen["job 2"], seen["job 3"])
}
"#;
    let p = program(Go, src);
    for seed in 0..50 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["1 1 1 0"], "seed {seed}");
    }
}

#[test]
fn a_shared_map_sent_through_a_channel_races() {
    let src = r#"
func main() {
	inbox := make(chan map[string]int)
	done := make(chan bool)
	go func() {
		m := <-inbox
		m["n"]++
		done <- true
	}()
	m := make(map[string]int)
	inbox <- m
	m["n"]++
	<-done
	fmt.Println(m["n"])
}
"#;
    let p = program(Go, src);
    let mut raced = false;
    for seed in 0..100 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        raced |= w.has_race();
    }
    assert!(raced, "the race detector must see the shared map");
}

#[test]
fn multiple_results_sleep_and_strconv() {
    let src = r#"
import (
	"fmt"
	"strconv"
	"time"
)

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func main() {
	q, r := divmod(17, 5)
	time.Sleep(10 * time.Millisecond)
	fmt.Println(strconv.Itoa(q) + "r" + strconv.Itoa(r))
	fmt.Printf("%v %q %t%%\n", q, "s", r > 1)
}
"#;
    assert_eq!(output(Go, src), vec!["3r2", "3 \"s\" true%"]);
}

#[test]
fn main_returning_ends_the_program() {
    let src = r#"
func spin(c chan int) {
	for {
		c <- 1
	}
}

func main() {
	c := make(chan int)
	go spin(c)
	<-c
	fmt.Println("bye")
}
"#;
    assert_eq!(output(Go, src), vec!["bye"]);
}

#[test]
fn if_with_receive_init_slices_and_print() {
    let src = r#"
func main() {
	ch := make(chan string, 1)
	ch <- "hello"
	if v, ok := <-ch; ok {
		fmt.Print(v, "!", 1, 2)
	}
	s := []int{1, 2}
	s = append(s, 3)
	fmt.Println(len(s), s[2], s, struct{}{} == struct{}{})
	fmt.Println(fmt.Sprintf("%v-%v", "a", 7), fmt.Sprint("x", 1))
}
"#;
    // From `go run` (go1.27.3): `fmt.Print` does not end the line, so the next Println
    // continues it.
    assert_eq!(output(Go, src), vec!["hello!1 23 3 [1 2 3] true", "a-7 x1"]);
}

const RACY_LOOP: &str = r#"package main

import (
	"fmt"
	"sync"
)

var count int

func bump(wg *sync.WaitGroup) {
	for i := 0; i < 2; i++ {
		count++
	}
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go bump(&wg)
	go bump(&wg)
	wg.Wait()
	fmt.Println("count is", count)
}
"#;

#[test]
fn expand_mode_steps_are_the_counter_reads_adds_and_writes_and_nothing_else() {
    let ranged = RACY_LOOP.replace("for i := 0; i < 2; i++ {", "for i := range 2 {\n\t\t_ = i");
    let ranged_blank = RACY_LOOP.replace("for i := 0; i < 2; i++ {", "for range 2 {");
    for src in [RACY_LOOP.to_string(), ranged, ranged_blank] {
        let p = program(Go, &src);
        for seed in 0..20 {
            let w = run_expanded(&p, seed);
            assert_finished(&w, &src);
            let actions = step_actions(&w);
            // Per goroutine and iteration: read, add, write; the WaitGroup is Go's join.
            assert_eq!(
                action_counts(&actions),
                counts(&[
                    ("read count", 5),
                    ("compute tmp", 4),
                    ("write count", 4),
                    ("spawn", 2),
                    ("wg add", 1),
                    ("wg done", 2),
                    ("wg wait", 1),
                    ("print", 1),
                ]),
                "seed {seed}: {actions:#?}\n{src}"
            );
        }
    }
}

#[test]
fn expand_mode_two_single_increments_have_twenty_schedules() {
    // Two goroutines, one `count++` each inside a `for` loop, no main: 3 steps each,
    // C(6, 3) interleavings. Ranging over a slice also reads the element `v` from the
    // slice's backing array, a fourth step each: C(8, 4) = 70.
    let loops = [
        ("for i := 0; i < 1; i++ {", 20),
        ("for i := range 1 {\n\t\t_ = i", 20),
        ("for _, v := range []int{7} {\n\t\t_ = v", 70),
    ];
    for (header, schedules) in loops {
        let src = format!(
            "package main\n\nvar count int\n\nfunc bump() {{\n\t{header}\n\t\tcount++\n\t}}\n}}\n\nfunc main() {{\n\tgo bump()\n\tgo bump()\n}}\n"
        );
        let report =
            explore_two_without_main(&program(Go, &src), "bump", sim::ir::ProcKind::Goroutine);
        assert!(report.complete);
        assert_eq!(report.schedules, schedules, "{src}");
    }
}

#[test]
fn loop_variables_of_the_header_are_bookkeeping_but_the_body_is_not() {
    // `n *= 2` is the student's own computation: a step in expand mode; `i++` is not.
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 1\n\tfor i := 0; i < 3; i++ {\n\t\tn *= 2\n\t}\n\tfmt.Println(n)\n}\n";
    let w = run_expanded(&program(Go, src), 0);
    assert_eq!(lines(&w), vec!["8"]);
    assert_eq!(
        action_counts(&step_actions(&w)),
        counts(&[("compute n", 3), ("print", 1)])
    );
}

#[test]
fn shared_reads_go_into_tmp_and_resources_take_their_variables_names() {
    let src = r#"package main

import "fmt"

func main() {
	hits := 0
	jobs := make(chan int, 1)
	done := make(chan bool)
	go func() {
		hits++
		jobs <- hits
		done <- true
	}()
	<-done
	got := <-jobs
	fmt.Println(hits, got)
}
"#;
    let p = program(Go, src);
    let w = run_seeded(&p, 0);
    assert_finished(&w, src);
    assert_eq!(lines(&w), vec!["1 1"]);
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    for line in [
        "g1 reads hits = 0 into tmp",
        "g1 writes hits = 1",
        "g1 puts 1 into jobs (1 buffered)",
        "g1 hands true to main over done",
        "main takes 1 from jobs",
    ] {
        assert!(story.iter().any(|l| l == line), "no {line:?} in {story:#?}");
    }
    // The cell that holds `hits` is hidden: the whiteboard shows its value.
    for f in &p.functions {
        let visible: Vec<&str> = f
            .locals
            .iter()
            .map(String::as_str)
            .filter(|n| !n.starts_with('$') && !n.starts_with('_'))
            .collect();
        match f.name.as_str() {
            "main" => assert_eq!(visible, vec!["jobs", "done", "got", "tmp"]),
            _ => assert_eq!(visible, vec!["jobs", "done", "tmp"]),
        }
    }
}

#[test]
fn map_len_and_comma_ok_reads() {
    let src = r#"package main

import "fmt"

func main() {
	m := map[string]int{"a": 1}
	m["b"] = 2
	v, ok := m["a"]
	fmt.Println(len(m), v, ok)
	w, found := m["zzz"]
	fmt.Println(w, found, len(m))
	v, ok = m["b"]
	fmt.Println(v, ok)
	if _, there := m["a"]; there {
		fmt.Println("a is there")
	}
	n := len(m)
	fmt.Println(n)
}
"#;
    let p = program(Go, src);
    let w = run_seeded(&p, 0);
    assert_finished(&w, src);
    assert_eq!(
        lines(&w),
        vec!["2 1 true", "0 false 2", "2 true", "a is there", "2"]
    );
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    for line in [
        "main reads m[\"a\"] = 1 into tmp",
        "main looks up m[\"zzz\"]: the key is missing, so tmp = 0",
        "main reads len(m) = 2 into n",
    ] {
        assert!(story.iter().any(|l| l == line), "no {line:?} in {story:#?}");
    }
}

#[test]
fn map_len_races_with_an_insert_from_another_goroutine() {
    let src = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	m := make(map[string]int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		m["x"] = 1
		wg.Done()
	}()
	fmt.Println(len(m))
	wg.Wait()
}
"#;
    let report = explore_all(&program(Go, src), 100_000);
    assert!(report.complete);
    assert!(report.classes.iter().all(|c| c.outcome.race));
    // After Wait the goroutine's insert happened before: no race.
    let ordered = src.replace(
        "\tfmt.Println(len(m))\n\twg.Wait()\n",
        "\twg.Wait()\n\tfmt.Println(len(m))\n",
    );
    let report = explore_all(&program(Go, &ordered), 100_000);
    assert!(report.complete);
    assert!(report.classes.iter().all(|c| !c.outcome.race));
    let outputs: Vec<String> = report
        .classes
        .iter()
        .flat_map(|c| c.outcome.output.iter().map(|t| t.to_string()))
        .collect();
    assert!(outputs.iter().all(|o| o == "1"), "{outputs:?}");
}

#[test]
fn plain_assignments_that_compute_are_read_compute_write_in_expand_mode() {
    let src = "package main\n\nimport \"fmt\"\n\nvar count int\n\nfunc main() {\n\tm := map[string]int{}\n\tcount = count + 1\n\tm[\"a\"] = m[\"a\"] + 2\n\tx := count * 10\n\tfmt.Println(x, m[\"a\"])\n}\n";
    let w = run_expanded(&program(Go, src), 0);
    assert_finished(&w, src);
    assert_eq!(lines(&w), vec!["10 2"]);
    assert_eq!(
        step_actions(&w),
        vec![
            "main: read count",
            "main: compute tmp",
            "main: write count",
            "main: read m[\"a\"]",
            "main: compute tmp",
            "main: write m[\"a\"]",
            "main: read count",
            "main: compute x",
            "main: read m[\"a\"]",
            "main: print",
        ]
    );
}
