//! The static types the Go dialect tracks: enough to give zero values and to catch
//! mistakes like sending on something that is not a channel.

use sim::ir::{Span, Value};

use super::ast::{Dir, Type};
use crate::diagnostic::{Diagnostic, Res};

/// A static type, as far as the lesson needs one.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ty {
    /// Every integer type.
    Int,
    /// `string`.
    Str,
    /// `bool`.
    Bool,
    /// `struct{}`.
    Unit,
    /// A channel with its direction and element type.
    Chan(Dir, Box<Ty>),
    /// `map[K]V`.
    Map(Box<Ty>, Box<Ty>),
    /// `[]T`.
    Slice(Box<Ty>),
    /// `sync.Mutex` (and `*sync.Mutex`).
    Mutex,
    /// `sync.WaitGroup` (and `*sync.WaitGroup`).
    WaitGroup,
    /// A function: parameter and result types.
    Func(Vec<Ty>, Vec<Ty>),
    /// The results of a call returning several values.
    Tuple(Vec<Ty>),
    /// `*time.Timer` (`ticker: false`) or `*time.Ticker`: the value is the timer's channel.
    Timer {
        /// A ticker rather than a one-shot timer.
        ticker: bool,
    },
    /// `atomic.Int64`, `atomic.Int32`, `atomic.Bool`: the value is a shared cell.
    Atomic(Box<Ty>),
    /// Not tracked (`any`, or not worked out).
    Unknown,
}

impl Ty {
    /// How Go writes the type, for messages.
    pub(super) fn name(&self) -> String {
        match self {
            Ty::Int => "int".into(),
            Ty::Str => "string".into(),
            Ty::Bool => "bool".into(),
            Ty::Unit => "struct{}".into(),
            Ty::Chan(Dir::Both, t) => format!("chan {}", t.name()),
            Ty::Chan(Dir::Send, t) => format!("chan<- {}", t.name()),
            Ty::Chan(Dir::Recv, t) => format!("<-chan {}", t.name()),
            Ty::Map(k, v) => format!("map[{}]{}", k.name(), v.name()),
            Ty::Slice(t) => format!("[]{}", t.name()),
            Ty::Mutex => "sync.Mutex".into(),
            Ty::WaitGroup => "sync.WaitGroup".into(),
            Ty::Func(..) => "func".into(),
            Ty::Tuple(items) => format!(
                "({})",
                items.iter().map(Ty::name).collect::<Vec<_>>().join(", ")
            ),
            Ty::Timer { ticker: false } => "*time.Timer".into(),
            Ty::Timer { ticker: true } => "*time.Ticker".into(),
            Ty::Atomic(t) => match **t {
                Ty::Bool => "atomic.Bool".into(),
                _ => "atomic.Int64".into(),
            },
            Ty::Unknown => "value".into(),
        }
    }

    /// The zero value a fresh variable or a missing map entry holds.
    pub(super) fn zero(&self) -> Value {
        match self {
            Ty::Int => Value::Int(0),
            Ty::Str => Value::str(""),
            Ty::Bool => Value::Bool(false),
            // A nil slice: empty, printed `[]`, and `append` grows it.
            Ty::Slice(_) => Value::slice(sim::ir::SliceRef::NIL),
            _ => Value::Unit,
        }
    }

    /// Whether a value of type `self` obviously cannot be used where `want` is expected.
    pub(super) fn clashes(&self, want: &Ty) -> bool {
        use Ty::*;
        match (self, want) {
            (Unknown, _) | (_, Unknown) => false,
            (Chan(_, a), Chan(_, b)) => a.clashes(b),
            (Map(k1, v1), Map(k2, v2)) => k1.clashes(k2) || v1.clashes(v2),
            (Slice(a), Slice(b)) => a.clashes(b),
            (Func(..), Func(..)) => false,
            (a, b) => std::mem::discriminant(a) != std::mem::discriminant(b),
        }
    }
}

/// The static type of a written type; unknown or unsupported types are errors at `span`.
pub(super) fn type_of(t: &Type, span: Span) -> Res<Ty> {
    Ok(match t {
        Type::Named(n) => match n.as_str() {
            "int" | "int8" | "int16" | "int32" | "int64" | "uint" | "uint8" | "uint16"
            | "uint32" | "uint64" | "byte" | "rune" => Ty::Int,
            "string" => Ty::Str,
            "bool" => Ty::Bool,
            "any" => Ty::Unknown,
            "float32" | "float64" => {
                return Err(Diagnostic::new(
                    span,
                    "floating-point numbers are not part of the Go lesson dialect",
                    "use int",
                ))
            }
            other => {
                return Err(Diagnostic::new(
                    span,
                    format!("unknown type `{other}`"),
                    "the lesson dialect knows int, string, bool, chan, map, slices, sync.Mutex and sync.WaitGroup",
                ))
            }
        },
        Type::Qualified(p, n) => match (p.as_str(), n.as_str()) {
            ("sync", "Mutex") => Ty::Mutex,
            ("sync", "WaitGroup") => Ty::WaitGroup,
            ("time", "Duration" | "Time") => Ty::Int,
            ("time", "Timer") => Ty::Timer { ticker: false },
            ("time", "Ticker") => Ty::Timer { ticker: true },
            ("atomic", "Int64" | "Int32" | "Uint64" | "Uint32") => Ty::Atomic(Box::new(Ty::Int)),
            ("atomic", "Bool") => Ty::Atomic(Box::new(Ty::Bool)),
            _ => {
                return Err(Diagnostic::new(
                    span,
                    format!("`{p}.{n}` is not part of the Go lesson dialect"),
                    "from sync the lesson dialect knows Mutex and WaitGroup",
                ))
            }
        },
        Type::Chan(d, t) => Ty::Chan(*d, Box::new(type_of(t, span)?)),
        Type::Map(k, v) => Ty::Map(Box::new(type_of(k, span)?), Box::new(type_of(v, span)?)),
        Type::Slice(t) => Ty::Slice(Box::new(type_of(t, span)?)),
        Type::Pointer(inner) => match type_of(inner, span)? {
            t @ (Ty::Mutex | Ty::WaitGroup | Ty::Timer { .. } | Ty::Atomic(_)) => t,
            _ => {
                return Err(Diagnostic::new(
                    span,
                    "pointers are not part of the Go lesson dialect, except *sync.Mutex and *sync.WaitGroup",
                    "share values through channels, or use a map (maps are already references)",
                ))
            }
        },
        Type::Func(params, results) => Ty::Func(
            params
                .iter()
                .map(|p| type_of(p, span))
                .collect::<Res<_>>()?,
            results
                .iter()
                .map(|r| type_of(r, span))
                .collect::<Res<_>>()?,
        ),
        Type::EmptyStruct => Ty::Unit,
    })
}

/// A type's name with its article: "an int", "a chan int".
pub(super) fn an(t: &Ty) -> String {
    let name = t.name();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}
