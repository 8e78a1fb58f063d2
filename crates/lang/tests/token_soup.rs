//! Property tests: random soups of each dialect's real tokens (and junk) never make the
//! lexer, parser or lowering panic, hang, or produce IR the simulator rejects.

use std::time::{Duration, Instant};

use lang::{compile, highlight, Dialect};
use proptest::prelude::*;
use sim::schedule::RoundRobin;
use sim::{run, Options, World};

const PYTHON: &[&str] = &[
    "def",
    "global",
    "for",
    "in",
    "range",
    "(",
    ")",
    ":",
    "while",
    "if",
    "elif",
    "else",
    "print",
    "return",
    "with",
    "lock",
    "count",
    "+=",
    "=",
    "1",
    "0",
    "-",
    "+",
    "//",
    "%",
    "==",
    "<",
    "not",
    "and",
    "or",
    "True",
    "None",
    "import",
    "threading",
    "queue",
    "Thread",
    "target",
    "args",
    ",",
    ".",
    "start",
    "join",
    "Lock",
    "Queue",
    "put",
    "get",
    "acquire",
    "release",
    "[",
    "]",
    "{",
    "}",
    "\"s\"",
    "f\"{count}\"",
    "'x'",
    "_",
    "break",
    "continue",
    "pass",
    "class",
    "lambda",
    "async",
    "#c",
    "\n",
    "\n    ",
    "\n        ",
    "\t",
    "\\",
    "1.5",
    "$",
    "\"",
    "'''",
    "from",
    "dict",
    "time",
    "sleep",
    "len",
    "d",
    "append",
    "x",
    "worker",
];

const ERLANG: &[&str] = &[
    "main",
    "(",
    ")",
    "->",
    ".",
    ",",
    ";",
    "receive",
    "end",
    "after",
    "when",
    "case",
    "of",
    "if",
    "fun",
    "spawn",
    "self",
    "!",
    "X",
    "Pid",
    "From",
    "_",
    "N",
    "+",
    "-",
    "*",
    "div",
    "rem",
    "=",
    "==",
    "=:=",
    "<",
    ">=",
    "andalso",
    "orelse",
    "not",
    "{",
    "}",
    "[",
    "]",
    "|",
    "io",
    ":",
    "format",
    "\"~p~n\"",
    "\"~w\"",
    "ok",
    "inc",
    "get",
    "counter",
    "loop",
    "1",
    "0",
    "42",
    "-module(m).",
    "-export([main/0]).",
    "%c",
    "\n",
    " ",
    "begin",
    "try",
    "catch",
    "'q a'",
    "$a",
    "16#ff",
    "1.5",
    "§",
    "\"",
    "?M",
    "#",
    "timer",
    "sleep",
    "/",
    "exit",
    "normal",
    "true",
];

const GO: &[&str] = &[
    "defer",
    "panic",
    "Print",
    "Go",
    "\"%5d|%-4s|%T\\n\"",
    "[]int",
    "[",
    "]",
    "append",
    "len",
    "range 3",
    "package",
    "main",
    "import",
    "\"fmt\"",
    "\"sync\"",
    "func",
    "(",
    ")",
    "{",
    "}",
    "go",
    "chan",
    "<-",
    "make",
    "int",
    ",",
    "select",
    "case",
    "default",
    ":",
    "for",
    "range",
    "if",
    "else",
    ":=",
    "=",
    "++",
    "--",
    "+=",
    "var",
    "x",
    "ch",
    "v",
    "ok",
    "close",
    "fmt",
    ".",
    "Println",
    "Printf",
    "\"%d\\n\"",
    "sync",
    "Mutex",
    "WaitGroup",
    "Lock",
    "Unlock",
    "Add",
    "Done",
    "Wait",
    "mu",
    "wg",
    "&",
    "map",
    "[",
    "]",
    "string",
    "1",
    "0",
    ";",
    "\n",
    "return",
    "break",
    "continue",
    "defer",
    "switch",
    "type",
    "struct",
    "//c",
    "/* c */",
    "`raw`",
    "'a'",
    "1.5",
    "\"",
    "@",
    "time",
    "Sleep",
    "true",
    "nil",
    "const",
    "*",
    "-",
    "!",
    "&&",
    "||",
    "==",
    "<",
];

fn soup(vocab: &'static [&'static str]) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(vocab).prop_map(str::to_string),
        1 => "[ -~]{0,3}",
        1 => proptest::sample::select(&[" ", "\n", "  ", "\n\t"][..]).prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|parts| parts.join(" "))
}

fn check(dialect: Dialect, src: &str) {
    let start = Instant::now();
    let tokens = highlight(dialect, src);
    let mut last_end = 0;
    for t in &tokens {
        assert!(t.span.start <= t.span.end && t.span.end as usize <= src.len());
        assert!(t.span.start >= last_end, "overlapping tokens in {src:?}");
        assert!(src.is_char_boundary(t.span.start as usize));
        last_end = t.span.end;
    }
    match compile(dialect, src) {
        Ok(program) => {
            let mut world = World::new(program, Options::default()).expect("compiled IR is valid");
            run(&mut world, &mut RoundRobin::new(), 500);
        }
        Err(diags) => {
            let d = diags.first().expect("an error has at least one diagnostic");
            assert!(d.span.line >= 1 && d.span.col >= 1, "{d:?}");
            assert!(d.span.end as usize <= src.len(), "{d:?}");
            assert!(!d.message.is_empty() && !d.hint.is_empty(), "{d:?}");
        }
    }
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "took {:?} on {src:?}",
        start.elapsed()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn python_soup_never_panics(src in soup(PYTHON)) {
        check(Dialect::Python, &src);
    }

    #[test]
    fn erlang_soup_never_panics(src in soup(ERLANG)) {
        check(Dialect::Erlang, &src);
    }

    #[test]
    fn go_soup_never_panics(src in soup(GO)) {
        check(Dialect::Go, &src);
    }

    #[test]
    fn arbitrary_text_never_panics(src in "\\PC{0,200}") {
        for d in Dialect::ALL {
            check(d, &src);
        }
    }
}

const PY_BASE: &str = "import threading\nimport queue\n\ncount = 0\nlock = threading.Lock()\nq = queue.Queue()\nd = {}\n\ndef worker(n):\n    global count\n    for _ in range(n):\n        with lock:\n            count += 1\n        d[n] = count\n    q.put(n)\n\nts = []\nfor i in range(2):\n    t = threading.Thread(target=worker, args=(i,))\n    t.start()\n    ts.append(t)\nfor t in ts:\n    t.join()\nprint(f\"{count} {q.get()}\", d.get(1, 0))\n";

const ERL_BASE: &str = "-module(m).\ncounter(N) ->\n    receive\n        inc -> counter(N + 1);\n        {get, From} when is_pid(From) -> From ! {count, N}, counter(N)\n    after 100 -> N\n    end.\n\nmain() ->\n    P = spawn(fun() -> counter(0) end),\n    P ! inc,\n    P ! {get, self()},\n    receive {count, C} -> io:format(\"~p~n\", [C]) end,\n    case C of 1 -> ok; _ -> error end.\n";

const GO_BASE: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar mu sync.Mutex\n\nfunc server(inc <-chan int, get chan chan int) {\n\tn := 0\n\tfor {\n\t\tselect {\n\t\tcase <-inc:\n\t\t\tn++\n\t\tcase r := <-get:\n\t\t\tr <- n\n\t\t}\n\t}\n}\n\nfunc main() {\n\tinc := make(chan int)\n\tget := make(chan chan int)\n\tvar wg sync.WaitGroup\n\tgo server(inc, get)\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tinc <- 1\n\t\t}()\n\t}\n\twg.Wait()\n\tr := make(chan int)\n\tget <- r\n\tm := map[string]int{}\n\tm[\"a\"]++\n\ts := make([]int, 2, 4)\n\tfor i := range 3 {\n\t\ts = append(s, i)\n\t}\n\tfmt.Println(<-r, m[\"a\"])\n}\n";

/// A valid program with a few random edits: a deleted range or an inserted token.
fn mutated(base: &'static str, vocab: &'static [&'static str]) -> impl Strategy<Value = String> {
    let edit = (
        any::<prop::sample::Index>(),
        0usize..12,
        proptest::option::of(proptest::sample::select(vocab)),
    );
    proptest::collection::vec(edit, 1..4).prop_map(move |edits| {
        let mut text = base.to_string();
        for (at, len, insert) in edits {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let start = bounds[at.index(bounds.len())];
            let end = bounds
                .iter()
                .copied()
                .find(|&b| b >= start + len)
                .unwrap_or(text.len());
            match insert {
                Some(tok) => text.insert_str(start, tok),
                None => text.replace_range(start..end, ""),
            }
        }
        text
    })
}

#[test]
fn base_programs_compile() {
    for (d, src) in [
        (Dialect::Python, PY_BASE),
        (Dialect::Erlang, ERL_BASE),
        (Dialect::Go, GO_BASE),
    ] {
        if let Err(e) = compile(d, src) {
            panic!("{d}: {e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn mutated_python_never_panics(src in mutated(PY_BASE, PYTHON)) {
        check(Dialect::Python, &src);
    }

    #[test]
    fn mutated_erlang_never_panics(src in mutated(ERL_BASE, ERLANG)) {
        check(Dialect::Erlang, &src);
    }

    #[test]
    fn mutated_go_never_panics(src in mutated(GO_BASE, GO)) {
        check(Dialect::Go, &src);
    }
}
