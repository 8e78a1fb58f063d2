//! Erlang modules started the way their readers start them: `switchboard run FILE.erl
//! --entry 'mod:start()'`, and a lesson block's `entry="…"` attribute.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn switchboard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("switchboard-erl-entry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write scratch file");
    path
}

const GREETER: &str = "-module(greeter).\n-export([hello/1]).\n\nhello(Who) ->\n    io:format(\"hello, ~s~n\", [Who]).\n";

#[test]
fn run_starts_a_module_from_its_entry() {
    let path = scratch("greeter.erl", GREETER);
    let out = switchboard(&[
        "run",
        path.to_str().expect("utf-8 path"),
        "--entry",
        "greeter:hello(\"world\")",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("output:\n  hello, world\n"), "{stdout}");
}

#[test]
fn without_an_entry_a_module_with_no_start_has_no_entry_point() {
    let path = scratch("greeter_alone.erl", GREETER);
    let out = switchboard(&["run", path.to_str().expect("utf-8 path")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entry point"));
}

#[test]
fn a_lesson_block_names_its_entry() {
    let lesson = format!(
        "+++\nid = \"entry\"\ntitle = \"Entry\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n\
         ```sim erlang id=greet entry=\"greeter:hello(\\\"lesson\\\")\"\n{GREETER}```\n"
    );
    let path = scratch("entry.md", &lesson);
    let out = switchboard(&[
        "run",
        path.to_str().expect("utf-8 path"),
        "--program",
        "greet",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("output:\n  hello, lesson\n"), "{stdout}");
}
