//! Program blocks: a runnable program panel and how it is run.

use std::ops::Range;

use serde::Serialize;

/// A ` ```sim DIALECT ` block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Program {
    /// Id, unique in the lesson; compare blocks and questions refer to it.
    pub id: String,
    /// Where the id is written in the lesson file.
    pub id_span: Range<usize>,
    /// Caption above the panel.
    pub title: Option<String>,
    /// Which language the source is written in.
    pub dialect: Dialect,
    /// The program text, exactly as between the fences.
    pub source: String,
    /// How the panel schedules the program when it first loads (and how the checker runs it).
    pub schedule: ScheduleSpec,
    /// Network mode: each send is in flight until a separate delivery (or drop) step.
    pub network: bool,
    /// Show local steps, such as the add in `count += 1`, as steps of their own.
    pub expand: bool,
    /// A bound on every actor's mailbox, if the lesson sets one.
    pub mailbox: Option<MailboxBound>,
    /// What the checker must see when the program runs under `schedule`.
    pub expect: Expect,
    /// An Erlang shell expression that starts the program (`entry="tut:start()"`), for a
    /// module that does not start itself.
    pub entry: Option<String>,
    /// 1-based line in the lesson file of the first source line; add `line - 1` to a line
    /// inside `source` to find it in the file.
    pub source_line: usize,
    /// Byte offset in the lesson file where `source` starts.
    pub source_offset: usize,
    /// Columns the fence was indented by; the dialect sees the lines without it.
    pub source_indent: usize,
    /// The whole block, fences included.
    pub span: Range<usize>,
    /// The opening fence line's info string (`sim python id=...`).
    pub info_span: Range<usize>,
}

/// The three lesson languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// Python-shaped: threads, locks, `queue.Queue`.
    Python,
    /// Erlang-shaped: actors, mailboxes, `receive`.
    Erlang,
    /// Go-shaped: goroutines, channels, `select`.
    Go,
}

impl Dialect {
    /// Every dialect with its fence spelling.
    pub const ALL: [(&'static str, Dialect); 3] = [
        ("python", Dialect::Python),
        ("erlang", Dialect::Erlang),
        ("go", Dialect::Go),
    ];

    /// The fence spelling (`python`, `erlang`, `go`).
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Python => "python",
            Dialect::Erlang => "erlang",
            Dialect::Go => "go",
        }
    }

    /// The dialect of a bare program file, from its extension (`py`, `erl`, `go`).
    pub fn from_extension(ext: &str) -> Option<Dialect> {
        match ext {
            "py" => Some(Dialect::Python),
            "erl" => Some(Dialect::Erlang),
            "go" => Some(Dialect::Go),
            _ => None,
        }
    }
}

/// How a program is scheduled.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ScheduleSpec {
    /// Take runnable processes in turn.
    #[default]
    RoundRobin,
    /// The simulator's seeded random scheduler.
    Random {
        /// The seed; the same seed always gives the same run.
        seed: u64,
    },
    /// Play back a recorded schedule string (as found in a share URL).
    Replay {
        /// The schedule as the simulator serializes it.
        schedule: String,
    },
}

/// A bound on actor mailboxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MailboxBound {
    /// How many messages a mailbox holds.
    pub capacity: u32,
    /// What a send to a full mailbox does.
    pub when_full: OverflowPolicy,
}

/// What a send to a full mailbox does. Either way the simulator records an overflow event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OverflowPolicy {
    /// The sender waits until there is room.
    #[default]
    Block,
    /// The message is thrown away.
    Drop,
}

/// Something a detector can report about a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// Nothing can run but something is blocked.
    Deadlock,
    /// Two unordered accesses to the same shared location, one a write.
    Race,
    /// A write overwrote a value its process had not read.
    LostUpdate,
    /// A bounded mailbox or channel buffer overflowed.
    Overflow,
    /// A process crashed.
    Crash,
}

impl Finding {
    /// Every finding with its attribute spelling.
    pub const ALL: [(&'static str, Finding); 5] = [
        ("deadlock", Finding::Deadlock),
        ("race", Finding::Race),
        ("lost-update", Finding::LostUpdate),
        ("overflow", Finding::Overflow),
        ("crash", Finding::Crash),
    ];

    /// The attribute spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Finding::Deadlock => "deadlock",
            Finding::Race => "race",
            Finding::LostUpdate => "lost-update",
            Finding::Overflow => "overflow",
            Finding::Crash => "crash",
        }
    }
}

/// What a program is meant to show under its stated schedule: exactly these findings.
/// Empty means "runs to the end cleanly".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Expect {
    /// The findings, sorted and without repeats.
    pub findings: Vec<Finding>,
    /// Where `expect=` is written, if it is.
    pub span: Option<Range<usize>>,
    /// What exploring every schedule must find (`explore=`), checked by the explorer.
    pub explore: Vec<crate::model::ExploreExpectation>,
}
