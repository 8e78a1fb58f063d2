//! Pure expressions and patterns: everything a process computes without touching the world.

use serde::{Deserialize, Serialize};

use super::ids::{FuncId, GlobalId, Local};
use super::value::Value;

/// A pure expression, evaluated inside an instruction. It never blocks and never touches
/// shared memory (except [`Expr::Global`], see there).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    /// A constant.
    Const(Value),
    /// The current value of a local slot.
    Local(Local),
    /// The value of a global *without* a visible read. Only for globals that are never written
    /// after start (a lock, a channel, a constant); mutable shared variables must be read with
    /// `Op::Read` so the interleaving and the race detector see the access.
    Global(GlobalId),
    /// The running process's own pid (`self()`).
    SelfPid,
    /// A unary operation.
    Unary(UnOp, Box<Expr>),
    /// A binary operation. `And` / `Or` short-circuit.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// A tuple of the values.
    Tuple(Vec<Expr>),
    /// A list of the values.
    List(Vec<Expr>),
    /// `[Head | Tail]`: prepends `head` to the list `tail`.
    Cons(Box<Expr>, Box<Expr>),
    /// Element `index` (0-based) of a tuple or list; out of range crashes.
    Index(Box<Expr>, Box<Expr>),
    /// A built-in function applied to arguments.
    Call(Builtin, Vec<Expr>),
    /// Makes a closure capturing the values of `captured` (in order, as leading parameters).
    MakeFun {
        /// The function body.
        func: FuncId,
        /// Captured values, passed before the call's own arguments.
        captured: Vec<Expr>,
    },
    /// String formatting for `print`: concatenates the parts.
    Format(Vec<FmtPart>),
}

/// One piece of a format string, already split by the front-end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FmtPart {
    /// Literal text.
    Lit(String),
    /// A value as `print` shows it: top-level strings raw (`~s`, `str()`, `%v`).
    Show(Expr),
    /// A value as a literal: strings quoted (`~p`, `repr()`, `%q`).
    Repr(Expr),
    /// A value with its records' field names (Go `%+v`: `{A:1 B:2}`).
    Fields(Expr),
    // Erlang (appended; other dialects add theirs after this block).
    /// Erlang `~w`: on one line, strings as lists of character codes.
    ErlWrite(Expr),
    /// Erlang `~p`: printable lists as strings, broken over lines past 80 columns.
    ErlPrint(Expr),
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnOp {
    /// Integer negation (checked).
    Neg,
    /// Boolean not.
    Not,
}

/// Binary operators. Integer arithmetic is checked: overflow or division by zero crashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BinOp {
    /// `+` on integers; concatenation on strings and on lists (`++`).
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// Division truncating toward zero (Go `/`, Erlang `div`).
    Div,
    /// Division rounding toward negative infinity (Python `//`).
    FloorDiv,
    /// Division that always gives a float, even of two integers (Python `/`).
    TrueDiv,
    /// Remainder with the sign of the dividend (Go `%`, Erlang `rem`).
    Rem,
    /// Remainder with the sign of the divisor (Python `%`).
    Mod,
    /// Structural equality.
    Eq,
    /// Structural inequality.
    Ne,
    /// `<` on two integers, two strings, two atoms, or two tuples/lists.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// Short-circuit and (both sides booleans).
    And,
    /// Short-circuit or.
    Or,
}

/// Built-in functions. A wrong argument count or type crashes the process with a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Builtin {
    /// Length of a list, tuple or string.
    Len,
    /// First element of a non-empty list (`hd`).
    Hd,
    /// The list without its first element (`tl`).
    Tl,
    /// Python truthiness: `False`, `None`, `0`, `""`, empty list/tuple are false.
    Truthy,
    /// Is an integer.
    IsInt,
    /// Is an atom.
    IsAtom,
    /// Is a boolean.
    IsBool,
    /// Is a tuple.
    IsTuple,
    /// Is a list.
    IsList,
    /// Is a pid.
    IsPid,
    /// Is a string.
    IsStr,
    /// Is a function value.
    IsFun,
    /// The value printed as a string (`str(x)`, `integer_to_list`).
    ToStr,
    /// Absolute value (checked).
    Abs,
    /// Smaller of two values.
    Min,
    /// Larger of two values.
    Max,
    /// An integer or float as a float (Go `float64(n)`).
    ToFloat,
    /// A float truncated toward zero, or an integer unchanged (Go `int(x)`); out of range
    /// or NaN crashes.
    ToInt,
    /// A number of logical ticks as Go prints a `time.Duration` (`250ms`, `1.5s`).
    GoDuration,
    /// A new list of a list's or tuple's items in ascending order (Python `sorted`); items
    /// that cannot be compared crash.
    Sorted,
    // ---- added for Go: strings as UTF-8 bytes, and runes ----
    /// Length of a string in UTF-8 bytes (Go `len(s)`).
    ByteLen,
    /// Byte `i` of a string's UTF-8 encoding (Go `s[i]`); out of range panics as Go does.
    ByteAt,
    /// Bytes `lo` up to `hi` of a string (Go `s[lo:hi]`); out of range panics as Go does.
    ByteSlice,
    /// The one-character string of a code point (Go `string(r)`); an invalid one gives
    /// U+FFFD, as Go does.
    RuneToStr,
    /// A string's code points as a list of integers (Go `[]rune(s)`).
    StrRunes,
    /// A string's UTF-8 bytes as a list of integers (Go `[]byte(s)`).
    StrBytes,
    /// A string's `(byte offset, code point)` pairs as a list of tuples (`for i, r := range s`).
    RuneOffsets,
    /// The string made of a list of code points (Go `string(runes)`).
    RunesToStr,
    /// The string made of a list of bytes (Go `string(bytes)`); invalid UTF-8 becomes U+FFFD.
    BytesToStr,
    /// A code point as Go's `%q` prints a rune: `'x'`.
    RuneQuote,
    /// A code point as Go's `%U` prints it: `U+0078`.
    RuneUnicode,
    // Erlang (appended; other dialects add theirs after this block).
    /// An Erlang map of a list of `{Key, Value}` tuples; a later key wins.
    MapFromList,
    /// An Erlang map's `{Key, Value}` tuples in key order.
    MapToList,
    /// Is an Erlang map.
    IsMap,
    /// `setelement(I, Tuple, V)`: the tuple with position `I` (from 1) replaced; `badarg`
    /// out of range.
    SetElement,
    /// `list_to_atom(String)`: the atom of that name; `badarg` for anything but text.
    ListToAtom,
    /// What `io:format`'s `~s` writes: a string, an atom's name, or a (nested) list of
    /// character codes and strings, as one string; `badarg` for anything else.
    CharData,

    // Python membership (`x in xs`), added for the Python dialect's `in`.
    /// `Contains(container, item)`: whether a list or tuple holds an item equal to `item`
    /// (numbers compare by value across int and float), or a string holds `item` as a
    /// substring (Python `item in container`).
    Contains,
}

/// A pattern for receive clauses, function clauses, case and match.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Pattern {
    /// `_`: matches anything.
    Wildcard,
    /// Binds the matched value to a local. A second `Bind` of the same local inside one pattern
    /// checks equality instead (Erlang `{X, X}`).
    Bind(Local),
    /// Matches only a value equal to the local's current value (an already bound Erlang
    /// variable).
    Pin(Local),
    /// Matches a value equal to the constant (atom, integer, string, boolean).
    Const(Value),
    /// Matches a tuple of exactly this many elements.
    Tuple(Vec<Pattern>),
    /// Matches a list: the leading items, then `tail` for the rest (`[H | T]`), or exactly the
    /// items when `tail` is `None`.
    List {
        /// Leading elements.
        items: Vec<Pattern>,
        /// Pattern for the remaining list, if any.
        tail: Option<Box<Pattern>>,
    },
    /// `Var = Pattern`: matches the inner pattern and also binds the whole value.
    Alias(Local, Box<Pattern>),
    // Erlang (appended; other dialects add theirs after this block).
    /// Matches an Erlang map holding each key, its value matching the pattern (`#{k := P}`).
    Map(Vec<(Value, Pattern)>),
}

impl Pattern {
    /// Matches an atom.
    pub fn atom(name: &str) -> Pattern {
        Pattern::Const(Value::atom(name))
    }

    /// Matches an integer.
    pub fn int(n: i64) -> Pattern {
        Pattern::Const(Value::Int(n))
    }

    /// Matches a tuple.
    pub fn tuple(items: impl IntoIterator<Item = Pattern>) -> Pattern {
        Pattern::Tuple(items.into_iter().collect())
    }

    /// Matches a list of exactly these items.
    pub fn list(items: impl IntoIterator<Item = Pattern>) -> Pattern {
        Pattern::List {
            items: items.into_iter().collect(),
            tail: None,
        }
    }

    /// Matches `[Head | Tail]`.
    pub fn cons(head: Pattern, tail: Pattern) -> Pattern {
        Pattern::List {
            items: vec![head],
            tail: Some(Box::new(tail)),
        }
    }
}

impl From<Local> for Pattern {
    fn from(l: Local) -> Pattern {
        Pattern::Bind(l)
    }
}

impl Expr {
    /// A constant integer.
    pub fn int(n: i64) -> Expr {
        Expr::Const(Value::Int(n))
    }

    /// A constant atom.
    pub fn atom(name: &str) -> Expr {
        Expr::Const(Value::atom(name))
    }

    /// A constant string.
    pub fn str(s: &str) -> Expr {
        Expr::Const(Value::str(s))
    }

    /// A constant boolean.
    pub fn bool(b: bool) -> Expr {
        Expr::Const(Value::Bool(b))
    }

    /// A tuple expression.
    pub fn tuple(items: impl IntoIterator<Item = Expr>) -> Expr {
        Expr::Tuple(items.into_iter().collect())
    }

    /// A list expression.
    pub fn list(items: impl IntoIterator<Item = Expr>) -> Expr {
        Expr::List(items.into_iter().collect())
    }

    /// `self op other`.
    pub fn bin(self, op: BinOp, other: impl Into<Expr>) -> Expr {
        Expr::Binary(op, Box::new(self), Box::new(other.into()))
    }

    /// `self == other`.
    pub fn eq(self, other: impl Into<Expr>) -> Expr {
        self.bin(BinOp::Eq, other)
    }

    /// `self != other`.
    pub fn ne(self, other: impl Into<Expr>) -> Expr {
        self.bin(BinOp::Ne, other)
    }

    /// `self < other`.
    pub fn lt(self, other: impl Into<Expr>) -> Expr {
        self.bin(BinOp::Lt, other)
    }

    /// `self <= other`.
    pub fn le(self, other: impl Into<Expr>) -> Expr {
        self.bin(BinOp::Le, other)
    }

    /// `self > other`.
    pub fn gt(self, other: impl Into<Expr>) -> Expr {
        self.bin(BinOp::Gt, other)
    }

    /// `self >= other`.
    pub fn ge(self, other: impl Into<Expr>) -> Expr {
        self.bin(BinOp::Ge, other)
    }

    /// Element `i` (0-based).
    pub fn index(self, i: impl Into<Expr>) -> Expr {
        Expr::Index(Box::new(self), Box::new(i.into()))
    }

    /// `print`-style formatting of a single value (strings raw).
    pub fn show(self) -> Expr {
        Expr::Format(vec![FmtPart::Show(self)])
    }
}

impl From<Local> for Expr {
    fn from(l: Local) -> Expr {
        Expr::Local(l)
    }
}

impl From<i64> for Expr {
    fn from(n: i64) -> Expr {
        Expr::int(n)
    }
}

impl From<f64> for Expr {
    fn from(x: f64) -> Expr {
        Expr::Const(Value::from(x))
    }
}

impl From<bool> for Expr {
    fn from(b: bool) -> Expr {
        Expr::bool(b)
    }
}

impl From<Value> for Expr {
    fn from(v: Value) -> Expr {
        Expr::Const(v)
    }
}

impl From<&str> for Expr {
    fn from(s: &str) -> Expr {
        Expr::str(s)
    }
}

macro_rules! arith {
    ($trait:ident, $method:ident, $op:expr) => {
        impl<R: Into<Expr>> std::ops::$trait<R> for Expr {
            type Output = Expr;
            fn $method(self, rhs: R) -> Expr {
                self.bin($op, rhs)
            }
        }
        impl<R: Into<Expr>> std::ops::$trait<R> for Local {
            type Output = Expr;
            fn $method(self, rhs: R) -> Expr {
                Expr::Local(self).bin($op, rhs)
            }
        }
    };
}

arith!(Add, add, BinOp::Add);
arith!(Sub, sub, BinOp::Sub);
arith!(Mul, mul, BinOp::Mul);
arith!(Div, div, BinOp::Div);
arith!(Rem, rem, BinOp::Rem);

impl std::ops::Not for Expr {
    type Output = Expr;
    fn not(self) -> Expr {
        Expr::Unary(UnOp::Not, Box::new(self))
    }
}

impl std::ops::Neg for Expr {
    type Output = Expr;
    fn neg(self) -> Expr {
        Expr::Unary(UnOp::Neg, Box::new(self))
    }
}

/// A global used as an expression is an *invisible* read ([`Expr::Global`]): meant for globals
/// holding locks, channels and constants.
impl From<super::ids::GlobalId> for Expr {
    fn from(g: super::ids::GlobalId) -> Expr {
        Expr::Global(g)
    }
}
