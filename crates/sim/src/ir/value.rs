//! Runtime values and how each dialect prints them.

use std::fmt::{self, Write as _};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::float::Float;
use super::ids::{CellId, ChanId, FuncId, LockId, MapId, Pid, RecordId, RefId, WaitGroupId};
use super::slice_ops::SliceRef;

/// How values are printed and narrated. It changes nothing else.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Style {
    /// `{get, <0.3>}`, `[1, 2]`, `ok`, `true`.
    #[default]
    Erlang,
    /// `(1, 2)`, `[1, 2]`, `None`, `True`, `'text'` when nested.
    Python,
    /// `{1 2}`, `[1 2]`, `<nil>`, `true`.
    Go,
}

/// Immutable shared text. A thin pointer keeps [`Value`] at 16 bytes, which keeps traces small.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Arc<String>);

impl Text {
    /// Wraps a string.
    pub fn new(s: impl Into<String>) -> Text {
        Text(Arc::new(s.into()))
    }

    /// The text as `&str`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::new(s)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        String::deserialize(d).map(Text::new)
    }
}

#[derive(Debug)]
struct SeqData {
    items: Vec<Value>,
    /// Nesting depth and total node count are cached so budgets cost O(1) per construction.
    depth: u32,
    size: u64,
}

/// The elements of a tuple or list, shared and immutable, with cached depth and size.
#[derive(Clone, Debug)]
pub struct Seq(Arc<SeqData>);

impl Seq {
    /// Builds a sequence, computing its depth and size from the elements' cached metrics.
    pub fn new(items: Vec<Value>) -> Seq {
        let mut depth = 0u32;
        let mut size = 1u64;
        for v in &items {
            depth = depth.max(v.depth());
            size = size.saturating_add(v.size());
        }
        Seq(Arc::new(SeqData {
            items,
            depth: depth.saturating_add(1),
            size,
        }))
    }

    /// The elements.
    pub fn items(&self) -> &[Value] {
        &self.0.items
    }

    /// How deeply tuples/lists/closures nest inside (1 for a flat sequence).
    pub fn depth(&self) -> u32 {
        self.0.depth
    }

    /// Number of value nodes, this sequence included.
    pub fn size(&self) -> u64 {
        self.0.size
    }
}

impl PartialEq for Seq {
    fn eq(&self, other: &Seq) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.items() == other.items()
    }
}

impl Eq for Seq {}

impl PartialOrd for Seq {
    fn partial_cmp(&self, other: &Seq) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Seq {
    fn cmp(&self, other: &Seq) -> std::cmp::Ordering {
        self.items().cmp(other.items())
    }
}

impl std::hash::Hash for Seq {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.items().hash(state)
    }
}

impl Serialize for Seq {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.items().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Seq {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Seq, D::Error> {
        Vec::<Value>::deserialize(d).map(Seq::new)
    }
}

/// A function value: the function plus the values it captured.
///
/// Calling it passes `captured` first, then the call's own arguments, so a front-end lowers a
/// closure to a function whose leading parameters are the captured variables.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Closure {
    /// The code to run.
    pub func: FuncId,
    /// Values bound when the closure was made (by value; use a `Cell` to share a variable).
    pub captured: Vec<Value>,
}

/// A runtime value. Cheap to clone: compound values share their contents.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Value {
    /// Python `None`, Go `nil`, Erlang `ok` when a statement yields nothing.
    #[default]
    Unit,
    /// `true` / `false`.
    Bool(bool),
    /// A 64-bit integer; arithmetic is checked and overflow crashes the process.
    Int(i64),
    /// An Erlang atom such as `get` or `ok`.
    Atom(Text),
    /// A string.
    Str(Text),
    /// A tuple.
    Tuple(Seq),
    /// A list.
    List(Seq),
    /// A process address.
    Pid(Pid),
    /// A channel.
    Chan(ChanId),
    /// A lock / mutex.
    Lock(LockId),
    /// A WaitGroup.
    WaitGroup(WaitGroupId),
    /// A reference to a shared map.
    Map(MapId),
    /// A reference to a shared cell.
    Cell(CellId),
    /// A function value.
    Fun(Arc<Closure>),
    /// A reference to a record on the heap (a Go struct or a pointer to one).
    Record(RecordId),
    /// A 64-bit float (Go `float64`, Python `float`).
    Float(Float),
    /// A unique reference (`make_ref()`, a monitor). Prints as Erlang does: `#Ref<0.0.0.N>`.
    Ref(RefId),
    /// A Go slice header; its elements live in a backing array on the world's heap.
    Slice(Arc<SliceRef>),
    // Erlang (appended; other dialects add theirs after this block).
    /// An Erlang map, an immutable value: `{Key, Value}` tuples in key order, keys unique.
    ErlMap(Seq),
}

impl Value {
    /// An integer.
    pub fn int(n: i64) -> Value {
        Value::Int(n)
    }

    /// An atom.
    pub fn atom(name: &str) -> Value {
        Value::Atom(Text::new(name))
    }

    /// A string.
    pub fn str(s: &str) -> Value {
        Value::Str(Text::new(s))
    }

    /// A tuple of the given values.
    pub fn tuple(items: impl IntoIterator<Item = Value>) -> Value {
        Value::Tuple(Seq::new(items.into_iter().collect()))
    }

    /// A list of the given values.
    pub fn list(items: impl IntoIterator<Item = Value>) -> Value {
        Value::List(Seq::new(items.into_iter().collect()))
    }

    /// A slice header.
    pub fn slice(s: SliceRef) -> Value {
        Value::Slice(Arc::new(s))
    }

    /// Nesting depth (0 for scalars).
    pub fn depth(&self) -> u32 {
        match self {
            Value::Tuple(s) | Value::List(s) | Value::ErlMap(s) => s.depth(),
            Value::Fun(c) => c
                .captured
                .iter()
                .map(Value::depth)
                .max()
                .unwrap_or(0)
                .saturating_add(1),
            _ => 0,
        }
    }

    /// Number of value nodes (1 for scalars; strings count their length too).
    pub fn size(&self) -> u64 {
        match self {
            Value::Tuple(s) | Value::List(s) | Value::ErlMap(s) => s.size(),
            Value::Str(t) | Value::Atom(t) => 1 + t.len() as u64 / 16,
            Value::Fun(c) => c
                .captured
                .iter()
                .fold(1u64, |acc, v| acc.saturating_add(v.size())),
            _ => 1,
        }
    }

    /// A short name of the value's type for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Unit => "none",
            Value::Bool(_) => "boolean",
            Value::Int(_) => "integer",
            Value::Atom(_) => "atom",
            Value::Str(_) => "string",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Pid(_) => "pid",
            Value::Chan(_) => "channel",
            Value::Lock(_) => "lock",
            Value::WaitGroup(_) => "WaitGroup",
            Value::Map(_) => "map",
            Value::Cell(_) => "cell",
            Value::Fun(_) => "function",
            Value::Record(_) => "record",
            Value::Float(_) => "float",
            Value::Ref(_) => "reference",
            Value::Slice(_) => "slice",
            Value::ErlMap(_) => "map",
        }
    }

    /// The value as the dialect would print it: strings at top level are raw (`print(s)`).
    pub fn show(&self, style: Style) -> String {
        let mut out = String::new();
        render(&mut out, self, style, false, 0);
        out
    }

    /// The value as the dialect would show it in a literal: strings quoted (`repr`, `~p`, `%q`).
    pub fn repr(&self, style: Style) -> String {
        let mut out = String::new();
        render(&mut out, self, style, true, 0);
        out
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Value::Float(Float(x))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<Pid> for Value {
    fn from(p: Pid) -> Value {
        Value::Pid(p)
    }
}

/// Deep values are cut off here so printing can never exhaust the stack.
const MAX_RENDER_DEPTH: u32 = 64;

fn render(out: &mut String, v: &Value, style: Style, quoted: bool, depth: u32) {
    if depth > MAX_RENDER_DEPTH {
        out.push('…');
        return;
    }
    match v {
        Value::Unit => out.push_str(match style {
            Style::Erlang => "ok",
            Style::Python => "None",
            Style::Go => "<nil>",
        }),
        Value::Bool(b) => out.push_str(match (style, b) {
            (Style::Python, true) => "True",
            (Style::Python, false) => "False",
            (_, true) => "true",
            (_, false) => "false",
        }),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Float(x) => out.push_str(&x.show(style)),
        Value::Atom(a) => {
            if quoted && style == Style::Erlang && atom_needs_quotes(a) {
                push_quoted_atom(out, a);
            } else {
                out.push_str(a);
            }
        }
        Value::Str(s) => {
            if quoted {
                match style {
                    Style::Python => {
                        out.push('\'');
                        for c in s.chars() {
                            match c {
                                '\'' => out.push_str("\\'"),
                                '\\' => out.push_str("\\\\"),
                                '\n' => out.push_str("\\n"),
                                c => out.push(c),
                            }
                        }
                        out.push('\'');
                    }
                    Style::Erlang | Style::Go => {
                        let _ = write!(out, "{:?}", s.as_str());
                    }
                }
            } else {
                out.push_str(s);
            }
        }
        Value::Tuple(items) => {
            let (open, sep, close) = match style {
                // erl writes terms without spaces: `{a,1}`.
                Style::Erlang => ("{", ",", "}"),
                Style::Python => ("(", ", ", ")"),
                Style::Go => ("{", " ", "}"),
            };
            out.push_str(open);
            render_items(out, items.items(), style, sep, depth);
            if style == Style::Python && items.items().len() == 1 {
                out.push(',');
            }
            out.push_str(close);
        }
        Value::List(items) => {
            let sep = match style {
                Style::Go => " ",
                Style::Erlang => ",",
                Style::Python => ", ",
            };
            out.push('[');
            render_items(out, items.items(), style, sep, depth);
            out.push(']');
        }
        Value::Pid(p) => match style {
            // erl's local pids read `<0.N.0>`.
            Style::Erlang => {
                let _ = write!(out, "<0.{}.0>", p.0);
            }
            _ => {
                let _ = write!(out, "<0.{}>", p.0);
            }
        },
        Value::Chan(c) => {
            let _ = write!(out, "chan#{}", c.0);
        }
        Value::Lock(l) => {
            let _ = write!(out, "lock#{}", l.0);
        }
        Value::WaitGroup(w) => {
            let _ = write!(out, "waitgroup#{}", w.0);
        }
        Value::Map(m) => {
            let _ = write!(out, "map#{}", m.0);
        }
        Value::Cell(c) => {
            let _ = write!(out, "cell#{}", c.0);
        }
        Value::Fun(c) => {
            let _ = write!(out, "#Fun<{}>", c.func.0);
        }
        // Without the heap only the handle is known; the world renders the fields.
        Value::Record(r) => {
            let _ = write!(out, "record#{}", r.0);
        }
        Value::Ref(r) => {
            let _ = write!(out, "#Ref<0.0.0.{}>", r.0);
        }
        // erl writes `#{a => 1,b => 2}`.
        Value::ErlMap(pairs) => {
            out.push_str("#{");
            for (i, pair) in pairs.items().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Value::Tuple(kv) = pair {
                    if let [k, v] = kv.items() {
                        render(out, k, style, true, depth + 1);
                        out.push_str(" => ");
                        render(out, v, style, true, depth + 1);
                    }
                }
            }
            out.push('}');
        }
        // Without the heap only the header is known; the world renders the elements.
        Value::Slice(s) => match s.array {
            None => out.push_str("[]"),
            Some(a) => {
                let _ = write!(out, "slice#{}[{}:{}]", a.0, s.offset, s.offset + s.len);
            }
        },
    }
}

/// Erlang's reserved words: an atom spelled like one must be quoted.
const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "maybe", "not", "of", "or", "orelse",
    "receive", "rem", "try", "when", "xor",
];

/// Whether Erlang prints the atom in single quotes (`'EXIT'`, `'hello world'`): anything but
/// a lowercase letter followed by letters, digits, `_` and `@`, or a reserved word.
fn atom_needs_quotes(a: &str) -> bool {
    let mut chars = a.chars();
    let plain = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@');
    !plain || RESERVED.contains(&a)
}

fn push_quoted_atom(out: &mut String, a: &str) {
    out.push('\'');
    for c in a.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('\'');
}

fn render_items(out: &mut String, items: &[Value], style: Style, sep: &str, depth: u32) {
    // Nested strings are quoted in Erlang and Python, raw in Go (`fmt.Println([]string{"a"})`).
    let quoted = style != Style::Go;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        render(out, item, style, quoted, depth + 1);
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr(Style::Erlang))
    }
}
