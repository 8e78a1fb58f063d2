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

/// Each function's local slots as the stage sees them: the ones a student can see (their
/// own variables and the scratch copies `tmp`, `tmp2`, …), then the hidden ones (`$…`).
fn locals(program: &Program) -> String {
    let mut out = String::new();
    for f in &program.functions {
        let (hidden, visible): (Vec<&str>, Vec<&str>) = f
            .locals
            .iter()
            .map(String::as_str)
            .partition(|n| n.starts_with('$') || n.starts_with('_'));
        out.push_str(&format!(
            "{}\n  shown:  {}\n  hidden: {}\n",
            f.name,
            visible.join(" "),
            hidden.join(" ")
        ));
    }
    out
}

#[test]
fn python_locals() {
    let src = "import threading\n\ncount = 0\nguard = threading.Lock()\nseen = {}\n\ndef bump(times):\n    global count\n    for _ in range(times):\n        with guard:\n            count += 1\n            if count not in seen:\n                seen[count] = len(seen)\n\na = threading.Thread(target=bump, args=(2,))\nb = threading.Thread(target=bump, args=(2,))\na.start()\nb.start()\na.join()\nb.join()\nworkers = []\nfor i in range(2):\n    t = threading.Thread(target=bump, args=(i,))\n    t.start()\n    workers.append(t)\nfor t in workers:\n    t.join()\nprint(count, len(seen))\n";
    insta::assert_snapshot!(locals(&common::program(Dialect::Python, src)));
}

#[test]
fn go_locals() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar total int\n\nfunc main() {\n\thits := 0\n\tjobs := make(chan int, 3)\n\tseen := make(map[int]bool)\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tmu.Lock()\n\t\t\thits++\n\t\t\tif _, ok := seen[i]; !ok {\n\t\t\t\tseen[i] = true\n\t\t\t}\n\t\t\tmu.Unlock()\n\t\t\tjobs <- i\n\t\t\twg.Done()\n\t\t}()\n\t}\n\twg.Wait()\n\tfor range 3 {\n\t\tv := <-jobs\n\t\ttotal += v\n\t}\n\tfmt.Println(hits, total, len(seen))\n}\n";
    insta::assert_snapshot!(locals(&common::program(Dialect::Go, src)));
}

#[test]
fn erlang_locals() {
    let src = "-module(m).\n-export([main/0]).\n\nloop(N) ->\n    receive\n        {add, K} -> loop(N + K);\n        {get, From} -> From ! N, loop(N)\n    end.\n\nmain() ->\n    P = spawn(fun() -> loop(0) end),\n    Me = self(),\n    P ! {add, 2},\n    P ! {get, Me},\n    Got = receive V -> V end,\n    {ok, Twice} = {ok, Got * 2},\n    io:format(\"~p ~p~n\", [Got, Twice]).\n";
    insta::assert_snapshot!(locals(&common::program(Dialect::Erlang, src)));
}
