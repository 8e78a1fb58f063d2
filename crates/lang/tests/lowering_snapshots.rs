//! Golden listings of lowered code: which instruction each source piece becomes, and the
//! span the UI will highlight for it. A change here is a change in what students see.

mod common;

use lang::Dialect;
use sim::ir::Program;

/// One line per instruction: position, instruction kind, and the highlighted source.
fn listing(program: &Program, src: &str, function: &str) -> String {
    let id = program.function_named(function).expect("function exists");
    let f = &program.functions[id.index()];
    let mut out = String::new();
    for (pc, instr) in f.code.iter().enumerate() {
        let debug = format!("{:?}", instr.op);
        let kind: String = debug.chars().take_while(|c| c.is_alphanumeric()).collect();
        let visible = if instr.op.is_visible() {
            "step"
        } else {
            "    "
        };
        let text = src
            .get(instr.span.start as usize..instr.span.end as usize)
            .unwrap_or("?")
            .lines()
            .next()
            .unwrap_or("");
        out.push_str(&format!(
            "{pc:>2} {:>2}:{:<2} {visible} {kind:<12} {text}\n",
            instr.span.line, instr.span.col
        ));
    }
    out
}

#[test]
fn python_counter_worker() {
    let src = "import threading\n\ntotal = 0\nguard = threading.Lock()\n\ndef bump(times):\n    global total\n    for _ in range(times):\n        with guard:\n            total += 1\n\nbump(2)\n";
    let p = common::program(Dialect::Python, src);
    insta::assert_snapshot!(listing(&p, src, "bump"));
}

#[test]
fn erlang_counter_loop() {
    let src = "tally(N) ->\n    receive\n        bump -> tally(N + 1);\n        {read, From} -> From ! {tally, N}, tally(N)\n    end.\n\nmain() -> spawn(fun() -> tally(0) end).\n";
    let p = common::program(Dialect::Erlang, src);
    insta::assert_snapshot!(listing(&p, src, "tally"));
}

#[test]
fn go_shared_counter_goroutine() {
    let src = "package main\n\nfunc main() {\n\tcount := 0\n\tdone := make(chan bool)\n\tgo func() {\n\t\tcount++\n\t\tdone <- true\n\t}()\n\t<-done\n}\n";
    let p = common::program(Dialect::Go, src);
    insta::assert_snapshot!(listing(&p, src, "main.func1"));
}
