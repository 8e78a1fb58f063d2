//! Runs one corpus program through the Go front-end and the simulator and compares what it
//! printed (and how it ended) with what the real Go toolchain recorded for it.

use std::path::{Path, PathBuf};

use lang::{compile, Dialect};
use sim::ir::Program;
use sim::schedule::{Random, RoundRobin};
use sim::world::Status;
use sim::{run, Options, Scheduler, World, WorldStatus};

/// Steps one run may take before it counts as runaway.
const STEP_BUDGET: u64 = 2_000_000;

/// Seeds of the random schedules that must print the same as the round-robin one.
const SEEDS: [u64; 4] = [1, 7, 42, 1234];

/// The directory holding the corpus.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go_corpus")
}

/// How Go ended a program that is meant to fail, from `NAME.err`.
struct Failure {
    /// Go's own first line on stderr (`fatal error: …`, `panic: …`).
    first_line: String,
}

impl Failure {
    /// The part of Go's wording the simulator must repeat: the line without the
    /// `panic: ` / `fatal error: ` lead-in, which says only how Go reports it.
    fn wording(&self) -> &str {
        let line = self.first_line.trim();
        line.strip_prefix("panic: ")
            .or_else(|| line.strip_prefix("fatal error: "))
            .unwrap_or(line)
    }
}

/// What the real Go printed for one program.
struct Expected {
    stdout: String,
    failure: Option<Failure>,
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn expected(stem: &Path) -> Result<Expected, String> {
    let stdout = read(&stem.with_extension("out"))?;
    let err = stem.with_extension("err");
    let failure = if err.exists() {
        let text = read(&err)?;
        let first_line = text.lines().nth(1).unwrap_or_default().to_string();
        Some(Failure { first_line })
    } else {
        None
    };
    Ok(Expected { stdout, failure })
}

/// Everything the world printed, as one stream of characters. The simulator records output
/// as lines today, so each line is followed by the line break that ended it.
pub fn printed(w: &World) -> String {
    let mut out = String::new();
    for line in w.output() {
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// Every message the simulator gave about the end of the run: crash reasons and findings.
fn messages(w: &World) -> String {
    let mut out = Vec::new();
    for p in w.processes() {
        if let Status::Crashed(reason) = p.status() {
            out.push(format!("{} crashed: {reason}", p.name()));
        }
    }
    for f in w.findings() {
        out.push(f.narrate(w));
    }
    // How Go itself words the way the run ended (a deadlock), as the simulator gives it.
    if let Some(go) = sim::world::go_status_message(w.status()) {
        out.push(go.to_string());
    }
    out.join("\n")
}

/// The first line where two texts differ, shown side by side.
fn first_difference(want: &str, got: &str) -> String {
    let mut want_lines = want.split_inclusive('\n');
    let mut got_lines = got.split_inclusive('\n');
    for n in 1.. {
        match (want_lines.next(), got_lines.next()) {
            (Some(w), Some(g)) if w == g => continue,
            (None, None) => break,
            (w, g) => {
                return format!(
                    "output line {n}: Go printed {:?}, simulator printed {:?}",
                    w.unwrap_or("<end>"),
                    g.unwrap_or("<end>")
                )
            }
        }
    }
    "outputs are equal".to_string()
}

/// Runs `program` under `scheduler` to the end and checks it against `want`.
fn check_run(
    program: &Program,
    scheduler: &mut dyn Scheduler,
    label: &str,
    want: &Expected,
) -> Result<(), String> {
    let mut world = World::new(program.clone(), Options::default())
        .map_err(|e| format!("the simulator refused the program: {e:?}"))?;
    run(&mut world, scheduler, STEP_BUDGET);
    if !world.is_over() {
        return Err(format!("{label}: still running after {STEP_BUDGET} steps"));
    }
    let got = printed(&world);
    if got != want.stdout {
        let mut why = format!("{label}: {}", first_difference(&want.stdout, &got));
        let said = messages(&world);
        if !said.is_empty() {
            why.push_str(&format!(" [run ended: {}]", first_line(&said)));
        }
        return Err(why);
    }
    let status = world.status().clone();
    let crashed = world.has_crash();
    match &want.failure {
        None => {
            if crashed || !matches!(status, WorldStatus::Finished | WorldStatus::Idle) {
                return Err(format!(
                    "{label}: run ended {status:?} (Go exits normally): {}",
                    first_line(&messages(&world))
                ));
            }
        }
        Some(failure) => {
            if !crashed && status != WorldStatus::Deadlock {
                return Err(format!(
                    "{label}: run ended {status:?} without a crash; Go fails with {:?}",
                    failure.first_line
                ));
            }
            let said = messages(&world);
            if !said.contains(failure.wording()) {
                return Err(format!(
                    "{label}: Go's wording {:?} is missing from the simulator's message {:?}",
                    failure.wording(),
                    first_line(&said)
                ));
            }
        }
    }
    Ok(())
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or_default()
}

/// Compiles `NAME.go` (a path relative to the corpus directory, without `.go`) and runs it
/// round-robin and under a few seeded random schedules; every run must print exactly what Go
/// printed and end the way Go ended.
pub fn check(name: &str) -> Result<(), String> {
    let stem = corpus_dir().join(name);
    let src = read(&stem.with_extension("go"))?;
    let want = expected(&stem)?;
    let program = compile(Dialect::Go, &src).map_err(|d| {
        let first = d
            .iter()
            .next()
            .map(|d| format!("{}: {}", d.line_col(), d.message));
        format!("compile error {}", first.unwrap_or_default())
    })?;
    check_run(&program, &mut RoundRobin::new(), "round-robin", &want)?;
    for seed in SEEDS {
        check_run(
            &program,
            &mut Random::new(seed),
            &format!("seed {seed}"),
            &want,
        )?;
    }
    Ok(())
}
