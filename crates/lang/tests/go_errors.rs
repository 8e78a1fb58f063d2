//! Malformed and unsupported Go programs: each names its problem at an exact position.

mod common;

use lang::Dialect::Go;

#[test]
fn malformed_and_unsupported_programs() {
    common::check_errors(
        Go,
        &[
            (
                "func main() {\n\tswitch x {\n\t}\n}\n",
                "`switch` is not part of the Go lesson dialect; supported:",
                "2:2",
            ),
            // defer
            (
                "func main() {\n\tdefer wg.Done\n}\n",
                "`defer` must be followed by a function call",
                "2:8",
            ),
            (
                "func main() {\n\tdefer\n}\n",
                "expected an expression, found `}`",
                "3:1",
            ),
            (
                "func main() {\n\tdefer undefinedThing()\n}\n",
                "undefined: undefinedThing",
                "2:8",
            ),
            (
                "func main() {\n\tdefer f(1)\n}\nfunc f() {}\n",
                "too many arguments in call to f",
                "2:8",
            ),
            // wg.Go
            (
                "import \"sync\"\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Go()\n}\n",
                "not enough arguments in call to Go",
                "4:2",
            ),
            (
                "import \"sync\"\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Go(func() {}, 1)\n}\n",
                "too many arguments in call to Go",
                "4:2",
            ),
            // make([]T, n)
            (
                "func main() {\n\ts := make([]int)\n}\n",
                "`make` of a slice needs its length",
                "2:17",
            ),
            (
                "func main() {\n\ts := make([]int, \"a\")\n}\n",
                "a slice's length must be an int",
                "2:19",
            ),
            (
                "func main() {\n\ts := make([]int, 1, 2, 3)\n}\n",
                "`make` takes a type and at most one size here",
                "2:23",
            ),
            (
                "package main\nfunc helper() {}\n",
                "this program has no `func main()`",
                "1:1",
            ),
            ("func main() {\n\tx = 1\n}\n", "undefined: x", "2:2"),
            (
                "func main() {\n\tx := 1\n\tx <- 2\n}\n",
                "cannot send on `x`: it is an int, not a channel",
                "3:2",
            ),
            (
                "func f(c chan<- int) {\n\t<-c\n}\nfunc main() {}\n",
                "cannot receive from a send-only channel",
                "2:4",
            ),
            (
                "func f(c <-chan int) {\n\tc <- 1\n}\nfunc main() {}\n",
                "cannot send on a receive-only channel",
                "2:2",
            ),
            (
                "func f(a int) {}\nfunc main() {\n\tf(1, 2)\n}\n",
                "too many arguments in call to f: have 2, want 1",
                "3:2",
            ),
            (
                "func f(c chan int) {}\nfunc main() {\n\tf(1)\n}\n",
                "cannot use 1 (an int) as a chan int argument to f",
                "3:4",
            ),
            (
                "func main() {\n\tswitch {\n\t}\n}\n",
                "`switch` is not part of the Go lesson dialect",
                "2:2",
            ),
            (
                "type T int\nfunc main() {}\n",
                "only struct types can be declared",
                "1:8",
            ),
            (
                "func (c Counter) Inc() {}\nfunc main() {}\n",
                "undefined: Counter",
                "1:9",
            ),
            (
                "func main() {\n\tx := 1\n",
                "expected `}` to close the block opened on line 1",
                "3:1",
            ),
            (
                "func main() {\n\tif true {\n\t}\n\telse {\n\t}\n}\n",
                "`else` must be on the same line as the `}`",
                "4:2",
            ),
            (
                "func main() {\n\tx := 1.5e\n}\n",
                "this is not a valid floating-point number",
                "2:7",
            ),
            (
                "import \"os\"\nfunc main() {}\n",
                "package \"os\" is not part of the Go lesson dialect",
                "1:8",
            ),
            (
                "func f() {}\nfunc main() {\n\tgo f\n}\n",
                "`go` must be followed by a function call",
                "3:5",
            ),
            (
                "func main() {\n\tx := 1\n\tx := 2\n}\n",
                "no new variables on left side of :=",
                "3:2",
            ),
            (
                "func main() {\n\ta, b := 1\n}\n",
                "assignment mismatch: 2 variables but 1 value",
                "2:2",
            ),
            (
                "func main() {\nouter:\n\tfor {}\n}\n",
                "labels are not part of the Go lesson dialect",
                "2:1",
            ),
            (
                "func main() {\n\tif x := 1 {\n\t}\n}\n",
                "expected a condition after `if`",
                "2:5",
            ),
            (
                "func main() {\n\tm := map[string]int{}\n\tfmt.Println(cap(m))\n}\n",
                "`cap` of a map[string]int is not part",
                "3:18",
            ),
            (
                "func main() {\n\tm := map[string]int{}\n\tfor k := range m {\n\t}\n}\n",
                "ranging over a map is not part",
                "3:17",
            ),
            (
                "func main() {\n\ts := []int{1}\n\tv, ok := s[0]\n}\n",
                "`v, ok := x[key]` needs a map, but `s` is a []int",
                "3:11",
            ),
            (
                "func main() {\n\tx := 1\n\ty := *x\n}\n",
                "invalid operation: cannot indirect x (an int)",
                "3:7",
            ),
            ("var x Foo\nfunc main() {}\n", "undefined: Foo", "1:7"),
            (
                "func main() {\n\tif 1 {\n\t}\n}\n",
                "a condition must be a bool, but this is an int",
                "2:5",
            ),
            (
                "func main() {\n\tvar mu sync.Mutex\n\tmu.TryLock()\n}\n",
                "a sync.Mutex has no method `TryLock`",
                "3:5",
            ),
            (
                "func f(c <-chan int) {\n\tclose(c)\n}\nfunc main() {}\n",
                "cannot close a receive-only channel",
                "2:8",
            ),
            (
                "func f[T any](x T) {}\nfunc main() {}\n",
                "generics are not part",
                "1:7",
            ),
            (
                "func f() int {\n\treturn\n}\nfunc main() {}\n",
                "not enough return values in `f`",
                "2:2",
            ),
            (
                "const n = 3\nfunc main() {\n\tn++\n}\n",
                "cannot change `n`: it is not a variable",
                "3:2",
            ),
            (
                "func main() {\n\tfmt.Printf(\"%d %d\\n\", 1)\n}\n",
                "the format has more verbs than the 1 value given",
                "2:13",
            ),
            (
                "func main() {\n\tfmt.Printf(\"%e\\n\", 1)\n}\n",
                "`%e` is not part",
                "2:13",
            ),
            // Printf widths and %T
            (
                "func main() {\n\tfmt.Printf(\"%+d\\n\", 1)\n}\n",
                "this Printf flag or precision is not part",
                "2:13",
            ),
            (
                "func main() {\n\tfmt.Printf(\"%5\")\n}\n",
                "`%` is not part",
                "2:13",
            ),
            (
                "func main() {\n\tfmt.Printf(\"%T\\n\")\n}\n",
                "the format has more verbs than values given",
                "2:13",
            ),
            (
                "func main() {\n\tfmt.Printf(\"%T\\n\", nil)\n}\n",
                "the type of this value is not known before the program runs",
                "2:21",
            ),
            (
                "func main() {\n\tfmt.Print(undefinedThing)\n}\n",
                "undefined: undefinedThing",
                "2:12",
            ),
            (
                "func main() {\n\tfmt.Println(\"hi)\n}\n",
                "this string has no closing `\"`",
                "2:14",
            ),
            (
                "package lesson\nfunc main() {}\n",
                "lesson programs are `package main`",
                "1:9",
            ),
            (
                "func main() {\n\tfmt.Sprintln(1)\n}\n",
                "`fmt.Sprintln` is not part",
                "2:6",
            ),
            (
                "func main() {\n\ttype point struct { x int }\n}\n",
                "`type` is not part",
                "2:2",
            ),
            (
                "func main() {}\nimport \"fmt\"\n",
                "imports must come before everything else",
                "2:1",
            ),
            (
                "x := 1\nfunc main() {}\n",
                "expected `func`, `type`, `var` or `const` at the top level",
                "1:1",
            ),
            (
                "func main() {\n\tch := make(chan int)\n\tch <- \"text\"\n}\n",
                "cannot send a string on a channel of int",
                "3:8",
            ),
            (
                "func main() {\n\tx := 1 + \"a\"\n}\n",
                "mismatched types int and string",
                "2:7",
            ),
            (
                "func main() {\n\tfor i := 0; i < 3; i := 1 {\n\t}\n}\n",
                "the loop's last statement cannot declare a variable",
                "2:21",
            ),
            (
                "func main() {\n\tselect {\n\tcase x:\n\t}\n}\n",
                "a select case must send or receive on a channel",
                "3:7",
            ),
            (
                "func main() {\n\tx := 1\n\tx()\n}\n",
                "`x` is an int, not a function",
                "3:2",
            ),
            (
                "func main() {\n\tcontinue\n}\n",
                "`continue` is not in a loop",
                "2:2",
            ),
            (
                "func main() {\n\tvar wg sync.WaitGroup\n\twg.Add()\n}\n",
                "not enough arguments in call to Add: have 0, want 1",
                "3:2",
            ),
            (
                "func main() {\n\tx := 3 & 1\n}\n",
                "the `&` operator is not part",
                "2:9",
            ),
            (
                "func main() {\n\tn := 3\n\tn[0] = 5\n}\n",
                "cannot assign to an element of an int",
                "3:2",
            ),
            (
                "func main(args int) {}\n",
                "`main` must take no parameters and return nothing",
                "1:6",
            ),
        ],
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = format!(
        "func main() {{ x := {}1{} }}\n",
        "(".repeat(500),
        ")".repeat(500)
    );
    let err = lang::compile(Go, &src).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
    let src = format!("func main() {{ {}{} }}\n", "{".repeat(300), "}".repeat(300));
    let err = lang::compile(Go, &src).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
    let src = format!("func main() {{ x := 1{} }}\n", " + 1".repeat(5000));
    let err = lang::compile(Go, &src).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
}

/// Structs, methods, pointers, floats and variadic calls: mistakes name the problem and
/// where it is.
#[test]
fn malformed_struct_and_value_programs() {
    common::check_errors(
        Go,
        &[
            (
                "type P struct { x int }\nfunc main() {\n\tp := P{y: 1}\n\t_ = p\n}\n",
                "unknown field y in struct literal of type P",
                "3:9",
            ),
            (
                "type P struct { x, y int }\nfunc main() {\n\tp := P{1}\n\t_ = p\n}\n",
                "too few values in struct literal of type P",
                "3:7",
            ),
            (
                "type P struct { x, y int }\nfunc main() {\n\tp := P{x: 1, 2}\n\t_ = p\n}\n",
                "mixture of field:value and value elements",
                "3:15",
            ),
            (
                "type P struct { x int }\nfunc main() {\n\tp := P{x: \"a\"}\n\t_ = p\n}\n",
                "cannot use a string as int value in struct literal",
                "3:12",
            ),
            (
                "type P struct { x int; x int }\nfunc main() {}\n",
                "duplicate field x",
                "1:24",
            ),
            (
                "type P struct { next P }\nfunc main() {}\n",
                "invalid recursive type P",
                "1:6",
            ),
            (
                "type P struct { x int }\nfunc main() {\n\tvar p P\n\tp.y = 2\n}\n",
                "p.y undefined (type main.P has no field or method y)",
                "4:4",
            ),
            (
                "type P struct { x int }\nfunc main() {\n\tvar p P\n\tp.Grow()\n}\n",
                "p.Grow undefined",
                "4:4",
            ),
            (
                "type P struct { x int }\nfunc (p P) x() {}\nfunc main() {}\n",
                "field and method with the same name x",
                "2:12",
            ),
            (
                "type P struct { x int }\nfunc (p *P) M() {}\nfunc (p P) M() {}\nfunc main() {}\n",
                "`M` is already defined on line 2",
                "3:12",
            ),
            (
                "func (p *) M() {}\nfunc main() {}\n",
                "expected the receiver's type name",
                "1:10",
            ),
            (
                "func sum(xs ...int, y int) {}\nfunc main() {}\n",
                "only the last parameter can be variadic",
                "1:19",
            ),
            (
                "func f(a, b int) {}\nfunc main() {\n\txs := []int{1}\n\tf(xs...)\n}\n",
                "cannot use ... in call to non-variadic f",
                "4:4",
            ),
            (
                "func f(xs ...int) {}\nfunc main() {\n\tf(1...)\n}\n",
                "cannot spread 1 (an int): `...` needs a slice",
                "3:4",
            ),
            (
                "func main() {\n\ts := \"abc\"\n\ts[0] = 'x'\n}\n",
                "cannot assign to an element of a string",
                "3:2",
            ),
            (
                "func main() {\n\tx := float64(\"a\")\n\t_ = x\n}\n",
                "cannot convert \"a\" (a string) to type float64",
                "2:15",
            ),
            (
                "func main() {\n\tn := 1\n\tf := 2.5\n\tg := n * f\n\t_ = g\n}\n",
                "mismatched types int and float64",
                "4:7",
            ),
            (
                "type P struct { xs []int }\nfunc main() {\n\tvar a, b P\n\t_ = a == b\n}\n",
                "invalid operation: struct containing []int cannot be compared",
                "4:6",
            ),
            (
                "func main() {\n\tvar o sync.Once\n\to.Do(1)\n}\n",
                "cannot use 1 (an int) as func() value in argument to Do",
                "3:7",
            ),
            (
                "func main() {\n\tfmt.Printf(\"%.2f\\n\", \"a\")\n}\n",
                "%f prints a float64",
                "2:23",
            ),
        ],
    );
}

/// Strings as bytes and runes, `append(a, b...)` and `%c`: what Go's compiler rejects (and
/// its wording, where we follow it).
#[test]
fn malformed_text_and_spread_programs() {
    common::check_errors(
        Go,
        &[
            (
                "func main() {\n\ta := []int{1}\n\tb := []int{2}\n\ta = append(a, 1, b...)\n\t_ = a\n}\n",
                "too many arguments",
                "4:16",
            ),
            (
                "func main() {\n\ta := []int{1}\n\ta = append(a, \"x\"...)\n\t_ = a\n}\n",
                "cannot use \"x\" (a string) as []int in append",
                "3:16",
            ),
            (
                "func main() {\n\tx := string(2.5)\n\t_ = x\n}\n",
                "cannot convert 2.5 (a float64) to type string",
                "2:14",
            ),
            (
                "func main() {\n\tx := []int(\"ab\")\n\t_ = x\n}\n",
                "cannot convert \"ab\" (a string) to type []int",
                "2:7",
            ),
            (
                "func main() {\n\ts := \"abc\"\n\t_ = s[0:1:2]\n}\n",
                "3-index slice of string",
                "3:12",
            ),
            (
                "func main() {\n\tfmt.Printf(\"%c\\n\", \"a\")\n}\n",
                "%c prints a rune, not a string",
                "2:21",
            ),
            (
                "func main() {\n\tx := []byte(1)\n\t_ = x\n}\n",
                "cannot convert 1 (an int) to type []uint8",
                "2:7",
            ),
        ],
    );
}
