//! Runs one corpus module the way its reader runs it: compiled with its shell entry, then
//! run on the simulator under a deterministic scheduler and several seeded random ones.
//! Every run must end and print exactly, character for character, what `erl` printed.

use std::path::{Path, PathBuf};

use lang::Dialect;
use sim::ir::{Program, Style};
use sim::schedule::{Random, RoundRobin};
use sim::world::Status;
use sim::{run, Options, Scheduler, World, WorldStatus};

/// Seeds of the random schedules each module runs under, besides round-robin. Output fixed by
/// the program's own synchronisation cannot depend on them.
pub const SEEDS: [u64; 4] = [1, 7, 42, 2026];

/// Steps one run may take; a module still running after that counts as a runaway.
pub const MAX_STEPS: u64 = 1_000_000;

/// A recorded module: its source, its shell entry and what `erl` printed.
pub struct Case {
    /// The module's source text.
    pub source: String,
    /// The shell expression that starts it, without the final `.`.
    pub entry: String,
    /// Standard output of `erl`, with the logger's error reports cut out.
    pub out: String,
    /// The logger's error reports, when some process died of an error.
    pub err: Option<String>,
}

/// Where the corpus lives.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/erlang_corpus")
}

impl Case {
    /// Reads NAME.erl, NAME.entry, NAME.out and NAME.err if there is one.
    pub fn load(name: &str) -> Case {
        let base = corpus_dir().join(name);
        let read = |ext: &str| {
            let path = base.with_extension(ext);
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        };
        let err_path = base.with_extension("err");
        Case {
            source: read("erl"),
            entry: read("entry").trim().to_string(),
            out: read("out"),
            err: err_path
                .exists()
                .then(|| std::fs::read_to_string(&err_path).expect("readable .err")),
        }
    }
}

/// Compiles a module so that it starts from `entry`, as `erl -eval` starts it.
pub fn compile_entry(source: &str, entry: &str) -> Result<Program, String> {
    lang::compile_with_entry(Dialect::Erlang, source, Some(entry)).map_err(|d| {
        let text = d.to_string();
        format!("compile: {}", text.lines().next().unwrap_or(""))
    })
}

/// Everything the world printed, exactly as a stream of characters.
pub fn printed(world: &World) -> String {
    world.output_text()
}

/// Checks a module against its recording; the error says what went wrong first.
/// A panic anywhere below counts as a failure too, with its message.
pub fn check(case: &Case) -> Result<(), String> {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_inner(case)));
    match outcome {
        Ok(result) => result,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(format!("panicked: {}", msg.lines().next().unwrap_or("")))
        }
    }
}

fn check_inner(case: &Case) -> Result<(), String> {
    let program = compile_entry(&case.source, &case.entry)?;
    let mut schedulers: Vec<(String, Box<dyn Scheduler>)> =
        vec![("round-robin".to_string(), Box::new(RoundRobin::new()))];
    for seed in SEEDS {
        schedulers.push((format!("seed {seed}"), Box::new(Random::new(seed))));
    }
    for (label, mut scheduler) in schedulers {
        let mut world = World::new(program.clone(), Options::default())
            .map_err(|e| format!("{label}: the world refused the program: {e:?}"))?;
        run(&mut world, scheduler.as_mut(), MAX_STEPS);
        if !world.is_over() {
            return Err(format!("{label}: still running after {MAX_STEPS} steps"));
        }
        if !matches!(world.status(), WorldStatus::Finished | WorldStatus::Idle) {
            return Err(format!(
                "{label}: ended {:?}; findings {:?}",
                world.status(),
                world.findings()
            ));
        }
        let got = printed(&world);
        if got != case.out {
            return Err(format!("{label}: {}", first_difference(&case.out, &got)));
        }
        if let Some(err) = &case.err {
            check_reports(err, &world).map_err(|e| format!("{label}: {e}"))?;
        }
    }
    Ok(())
}

/// Where two outputs first part, by line, quoting both lines.
pub fn first_difference(want: &str, got: &str) -> String {
    let mut want_lines = want.split_inclusive('\n');
    let mut got_lines = got.split_inclusive('\n');
    let mut n = 1;
    loop {
        match (want_lines.next(), got_lines.next()) {
            (Some(w), Some(g)) if w == g => n += 1,
            (w, g) => {
                return format!(
                    "output line {n}: erl printed {:?}, we printed {:?}",
                    w.unwrap_or("<end>"),
                    g.unwrap_or("<end>")
                )
            }
        }
    }
}

/// The logger reports that a process died of an error with a reason such as
/// `{badarith, Stack}`; the simulator must show a crashed process whose reason names it.
fn check_reports(err: &str, world: &World) -> Result<(), String> {
    // A process that died of an exception has its Erlang exit reason; other crashes
    // (the simulator's own faults) have only their message.
    let crashes: Vec<String> = world
        .processes()
        .iter()
        .filter_map(|p| match (p.exit_reason(), p.status()) {
            (Some(reason), Status::Crashed(_)) => Some(reason.repr(Style::Erlang)),
            (None, Status::Crashed(why)) => Some(why.to_string()),
            _ => None,
        })
        .collect();
    for reason in reported_reasons(err) {
        if !crashes.iter().any(|c| c.contains(&reason)) {
            return Err(format!(
                "erl reported a process dying of {reason}; crashed here: {crashes:?}"
            ));
        }
    }
    Ok(())
}

/// The leading atom of each reported exit value: `badarith` in `{badarith,[…]}`,
/// `nocatch` in `{{nocatch,ball},[…]}`.
pub fn reported_reasons(err: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = err.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("Error in process ") {
            if let Some(value) = lines.next() {
                let atom: String = value
                    .trim_start_matches('{')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !atom.is_empty() {
                    out.push(atom);
                }
            }
        }
    }
    out
}
