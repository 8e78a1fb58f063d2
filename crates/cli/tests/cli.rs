//! The `switchboard` binary end to end: exit codes, summaries, narration.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn switchboard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("the binary runs")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes a scratch file unique to this test process.
fn scratch(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("switchboard-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write scratch file");
    path
}

const CLEAN: &str = "+++\nid = \"clean\"\ntitle = \"Clean\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n```sim python id=hello\nprint(\"hello\")\n```\n\n```quiz\n[[questions]]\nid = \"says\"\ntype = \"PredictOutcome\"\nprogram = \"hello\"\nprompt = \"What does it print?\"\n```\n";

#[test]
fn check_exits_zero_and_summarises_a_clean_lesson() {
    let path = scratch("clean.md", CLEAN);
    let out = switchboard(&["check", path.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // The lesson's row reads `PATH  ok  …`: the status is its own column, so a word that
    // merely contains "ok" (a lock, a token) cannot pass for it.
    let row = stdout
        .lines()
        .find(|l| l.starts_with(path.to_str().expect("utf-8 path")))
        .unwrap_or_else(|| panic!("no row for the lesson:\n{stdout}"));
    let status = row[path.to_str().expect("utf-8 path").len()..]
        .split_whitespace()
        .next();
    assert_eq!(status, Some("ok"), "{stdout}");
    assert!(
        stdout.contains("1 programs, 1 questions (1 answers computed"),
        "{stdout}"
    );
}

#[test]
fn check_exits_one_with_a_caret_under_the_mistake() {
    let out = switchboard(&[
        "check",
        "crates/lesson/tests/malformed/program-misspelt-attribute.md",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("program-misspelt-attribute.md:9:23"),
        "{stderr}"
    );
    assert!(stderr.contains("^^^^^"), "{stderr}");
    assert!(stderr.contains("did you mean `seed`?"), "{stderr}");
}

#[test]
fn run_narrates_a_lesson_program() {
    let path = scratch("narrated.md", CLEAN);
    let out = switchboard(&[
        "run",
        path.to_str().expect("utf-8 path"),
        "--program",
        "hello",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("narration:") && stdout.contains("output:\n  hello"),
        "{stdout}"
    );
    assert!(stdout.contains("schedule: "), "{stdout}");
}

#[test]
fn run_takes_a_bare_program_and_fails_on_deadlock() {
    let path = scratch(
        "stuck.py",
        "import threading\n\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n",
    );
    let out = switchboard(&["run", path.to_str().expect("utf-8 path")]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("deadlock"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn run_fails_on_a_compile_error_and_points_at_it() {
    let path = scratch("broken.py", "count = 0\ncount +=\n");
    let out = switchboard(&["run", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("broken.py:2:"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn explore_prints_json_with_every_outcome() {
    let path = scratch(
        "two.py",
        "import threading\n\nn = 0\n\ndef add():\n    global n\n    n += 1\n\na = threading.Thread(target=add)\nb = threading.Thread(target=add)\na.start()\nb.start()\na.join()\nb.join()\n",
    );
    let out = switchboard(&["explore", path.to_str().expect("utf-8 path"), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"complete\":true"), "{stdout}");
    assert!(
        stdout.contains("n = 1") && stdout.contains("n = 2"),
        "{stdout}"
    );
}

#[test]
fn explore_stops_at_its_time_bound_and_says_so() {
    // Four threads of ten racy increments: far more states than a millisecond can search.
    let path = scratch(
        "many.py",
        "import threading\n\nn = 0\n\ndef add():\n    global n\n    for _ in range(10):\n        n += 1\n\nts = [threading.Thread(target=add) for _ in range(4)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\n",
    );
    let file = path.to_str().expect("utf-8 path");
    let out = switchboard(&["explore", file, "--json", "--max-seconds", "0.001"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"complete\":false"), "{stdout}");
    assert!(stdout.contains("\"stop\":\"time\""), "{stdout}");
    let out = switchboard(&["explore", file, "--max-seconds", "0.001"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("stopped by the time bound with"),
        "{stdout}"
    );
}
