//! Exploration expectations: what every, some or no schedule of a program does, as the
//! checker verifies by exploring the program's states.

use std::ops::Range;

use serde::Serialize;

/// How many schedules a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Quantifier {
    /// Every schedule.
    All,
    /// At least one schedule.
    Some,
    /// No schedule.
    None,
}

impl Quantifier {
    /// Every quantifier with its spelling.
    pub const ALL: [(&'static str, Quantifier); 3] = [
        ("all", Quantifier::All),
        ("some", Quantifier::Some),
        ("none", Quantifier::None),
    ];

    /// The spelling in an `explore=` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Quantifier::All => "all",
            Quantifier::Some => "some",
            Quantifier::None => "none",
        }
    }
}

/// What a schedule's ending is claimed to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Claim {
    /// A shared variable ends with this value, as the dialect prints it.
    Value {
        /// The variable.
        variable: String,
        /// Its final value.
        value: String,
    },
    /// One of the printed lines is this text (spacing and case ignored).
    Prints {
        /// The line.
        line: String,
    },
    /// The run ends in deadlock.
    Deadlock,
    /// The race detector flags a data race.
    Race,
    /// A lost update is flagged.
    LostUpdate,
    /// Some process crashes.
    Crash,
}

impl Claim {
    /// The claim as a lesson writes it.
    pub fn describe(&self) -> String {
        match self {
            Claim::Value { variable, value } => format!("{variable} = {value}"),
            Claim::Prints { line } => format!("prints {line}"),
            Claim::Deadlock => "deadlock".to_string(),
            Claim::Race => "race".to_string(),
            Claim::LostUpdate => "lost-update".to_string(),
            Claim::Crash => "crash".to_string(),
        }
    }
}

/// One clause of `explore="all: count = 4; some: race"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExploreExpectation {
    /// Every, some or no schedule.
    pub quantifier: Quantifier,
    /// What those schedules show.
    pub claim: Claim,
    /// Where the clause is written in the lesson file.
    pub span: Range<usize>,
}

impl ExploreExpectation {
    /// The clause as a lesson writes it (`all: count = 4`).
    pub fn describe(&self) -> String {
        format!("{}: {}", self.quantifier.as_str(), self.claim.describe())
    }
}
