//! The static types the Go dialect tracks: enough to give zero values and to catch
//! mistakes like sending on something that is not a channel.

use sim::ir::{Span, Value};

use super::ast::{Dir, Type};
use crate::diagnostic::{Diagnostic, Res};

/// A static type, as far as the lesson needs one.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ty {
    /// Every integer type except the two below.
    Int,
    /// `rune` (`int32`): `%T` and `%q` tell it from other integers.
    Rune,
    /// `byte` (`uint8`): what indexing a string gives.
    Byte,
    /// `time.Duration`: an integer count of logical ticks that prints as Go prints a
    /// duration (`250ms`, `1.5s`).
    Duration,
    /// `float64` and `float32`.
    Float,
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
    /// `sync.RWMutex` (and `*sync.RWMutex`): a tuple of the parts Go's own implementation
    /// is made of (see `lower/rwmutex.rs`).
    RwMutex,
    /// `sync.Once` (and `*sync.Once`): a record holding a lock and a done flag.
    Once,
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
    /// A struct type declared with `type Name struct { … }`: a record on the heap that the
    /// variable holding it owns (copied when the value is copied).
    Struct(String),
    /// `*T`: for a struct, the same record shared; for other types, a shared cell.
    Pointer(Box<Ty>),
    /// Not tracked (`any`, or not worked out).
    Unknown,
}

impl Ty {
    /// Whether this is an integer type (`int` and friends, `rune`, `byte`).
    pub(super) fn is_int(&self) -> bool {
        matches!(self, Ty::Int | Ty::Rune | Ty::Byte)
    }

    /// How Go writes the type, for messages.
    pub(super) fn name(&self) -> String {
        match self {
            Ty::Int => "int".into(),
            Ty::Rune => "int32".into(),
            Ty::Byte => "uint8".into(),
            Ty::Duration => "time.Duration".into(),
            Ty::Float => "float64".into(),
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
            Ty::Once => "sync.Once".into(),
            Ty::RwMutex => "sync.RWMutex".into(),
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
            Ty::Struct(n) => format!("main.{n}"),
            Ty::Pointer(t) => format!("*{}", t.name()),
            Ty::Unknown => "value".into(),
        }
    }

    /// The zero value a fresh variable or a missing map entry holds.
    pub(super) fn zero(&self) -> Value {
        match self {
            Ty::Int | Ty::Rune | Ty::Byte | Ty::Duration => Value::Int(0),
            Ty::Str => Value::str(""),
            Ty::Bool => Value::Bool(false),
            Ty::Float => Value::from(0.0),
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
            // An untyped integer constant (`2 * time.Second`) meets a Duration.
            (Int, Duration) | (Duration, Int) => false,
            // Integer constants and rune constants meet every integer type; the dialect does
            // not track which integer variables are constants, so it lets integers mix.
            (Int | Rune | Byte, Int | Rune | Byte) => false,
            (Chan(_, a), Chan(_, b)) => a.clashes(b),
            (Map(k1, v1), Map(k2, v2)) => k1.clashes(k2) || v1.clashes(v2),
            (Slice(a), Slice(b)) => a.clashes(b),
            (Func(..), Func(..)) => false,
            (Pointer(a), Pointer(b)) => a.clashes(b),
            (Struct(a), Struct(b)) => a != b,
            (a, b) => std::mem::discriminant(a) != std::mem::discriminant(b),
        }
    }
}

/// The static type of a written type; unknown or unsupported types are errors at `span`.
pub(super) fn type_of(t: &Type, span: Span) -> Res<Ty> {
    Ok(match t {
        Type::Named(n) => match n.as_str() {
            "int" | "int8" | "int16" | "int32" | "int64" | "uint" | "uint8" | "uint16"
            | "uint32" | "uint64" => Ty::Int,
            "rune" => Ty::Rune,
            "byte" => Ty::Byte,
            "string" => Ty::Str,
            "bool" => Ty::Bool,
            "any" => Ty::Unknown,
            "float32" | "float64" => Ty::Float,
            // A declared struct type; `FnLower::ty_of` checks that it is declared.
            other => Ty::Struct(other.to_string()),
        },
        Type::Qualified(p, n) => match (p.as_str(), n.as_str()) {
            ("sync", "Mutex") => Ty::Mutex,
            ("sync", "WaitGroup") => Ty::WaitGroup,
            ("time", "Duration") => Ty::Duration,
            ("time", "Time") => Ty::Int,
            ("time", "Timer") => Ty::Timer { ticker: false },
            ("time", "Ticker") => Ty::Timer { ticker: true },
            ("atomic", "Int64" | "Int32" | "Uint64" | "Uint32") => Ty::Atomic(Box::new(Ty::Int)),
            ("atomic", "Bool") => Ty::Atomic(Box::new(Ty::Bool)),
            ("sync", "Once") => Ty::Once,
            ("sync", "RWMutex") => Ty::RwMutex,
            _ => {
                return Err(Diagnostic::new(
                    span,
                    format!("`{p}.{n}` is not part of the Go lesson dialect"),
                    "from sync the lesson dialect knows Mutex, RWMutex, WaitGroup and Once",
                ))
            }
        },
        Type::Chan(d, t) => Ty::Chan(*d, Box::new(type_of(t, span)?)),
        Type::Map(k, v) => Ty::Map(Box::new(type_of(k, span)?), Box::new(type_of(v, span)?)),
        Type::Slice(t) => Ty::Slice(Box::new(type_of(t, span)?)),
        Type::Pointer(inner) => match type_of(inner, span)? {
            // A lock, WaitGroup, timer or atomic value is already a reference to the shared
            // resource.
            t @ (Ty::Mutex
            | Ty::RwMutex
            | Ty::WaitGroup
            | Ty::Once
            | Ty::Timer { .. }
            | Ty::Atomic(_)) => t,
            t => Ty::Pointer(Box::new(t)),
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

/// The first struct name in `t` that is not one of `declared`, for "unknown type" errors.
pub(super) fn undeclared<'t>(t: &'t Ty, declared: &dyn Fn(&str) -> bool) -> Option<&'t str> {
    match t {
        Ty::Struct(n) if !declared(n) => Some(n),
        Ty::Chan(_, a) | Ty::Slice(a) | Ty::Pointer(a) => undeclared(a, declared),
        Ty::Map(k, v) => undeclared(k, declared).or_else(|| undeclared(v, declared)),
        Ty::Func(ps, rs) => ps.iter().chain(rs).find_map(|x| undeclared(x, declared)),
        Ty::Tuple(items) => items.iter().find_map(|x| undeclared(x, declared)),
        _ => None,
    }
}

/// The error for a type name that is neither built in nor declared.
pub(super) fn unknown_type(name: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        span,
        format!("undefined: {name}"),
        "the lesson dialect knows int, float64, string, bool, chan, map, slices, sync.Mutex, sync.WaitGroup and the struct types you declare with `type Name struct { … }`",
    )
}
