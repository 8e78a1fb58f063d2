//! `switchboard`: the instructors' command line. It checks lesson files, runs one program
//! the way a student will see it, and explores every schedule of a program.

mod check;
mod explore;
mod load;
mod report;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Check Switchboard lessons, and run or explore their programs.
#[derive(Parser)]
#[command(name = "switchboard", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse every lesson, compile and run every program, and verify every question.
    Check {
        /// Lesson files or folders of them (default: lessons/).
        paths: Vec<PathBuf>,
    },
    /// Run one program and print the narration, the output and the final shared state.
    Run {
        /// A lesson (`.md`, with --program) or a bare program (`.py`, `.erl`, `.go`).
        file: PathBuf,
        /// The program's id inside the lesson.
        #[arg(long)]
        program: Option<String>,
        /// Use the seeded random scheduler with this seed.
        #[arg(long, conflicts_with = "schedule")]
        seed: Option<u64>,
        /// `round-robin`, or a recorded schedule string from the app.
        #[arg(long)]
        schedule: Option<String>,
        /// An Erlang shell expression to start the module from, like `'tut:start()'`.
        #[arg(long)]
        entry: Option<String>,
    },
    /// Try every schedule of a program and print how many end in each outcome.
    Explore {
        /// A lesson (`.md`, with --program) or a bare program (`.py`, `.erl`, `.go`).
        file: PathBuf,
        /// The program's id inside the lesson.
        #[arg(long)]
        program: Option<String>,
        /// Print one JSON object instead of the histogram.
        #[arg(long)]
        json: bool,
        /// Stop after this many distinct states (schedules are counted exactly over them).
        #[arg(long, default_value_t = 100_000, alias = "max-schedules")]
        max_states: u64,
        /// Stop after this many seconds of searching, with the states seen so far.
        #[arg(long)]
        max_seconds: Option<f64>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { paths } => check::check(paths),
        Command::Run {
            file,
            program,
            seed,
            schedule,
            entry,
        } => run::run(
            &file,
            program.as_deref(),
            seed,
            schedule.as_deref(),
            entry.as_deref(),
        ),
        Command::Explore {
            file,
            program,
            json,
            max_states,
            max_seconds,
        } => explore::explore(
            &file,
            program.as_deref(),
            json,
            explore::Bounds {
                max_states,
                max_seconds,
            },
        ),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
