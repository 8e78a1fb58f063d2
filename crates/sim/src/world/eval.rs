//! Pure evaluation of expressions and patterns. Every failure is a [`Fault`], never a panic.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::detect::BudgetKind;
use crate::ir::erl_term;
use crate::ir::{
    BinOp, Builtin, Clause, Closure, Expr, Float, FmtPart, Local, Pattern, Pid, Seq, Style, Text,
    UnOp, Value,
};
use crate::options::Budgets;

/// Why an instruction could not complete.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Fault {
    /// The process crashes with this message.
    Crash(String),
    /// A budget ran out: the whole run stops.
    Budget(BudgetKind, String),
    /// An exception with a class and a reason value; it unwinds to the nearest handler.
    Raise(Box<super::exception::Raised>),
}

/// A run-time error with an Erlang-style reason (`badarith`, `{badmatch, V}`) and a sentence.
pub(crate) fn error<T>(reason: Value, message: impl Into<String>) -> Eval<T> {
    Err(super::exception::Raised::error(reason, message))
}

pub(crate) type Eval<T> = Result<T, Fault>;

pub(crate) fn crash<T>(message: impl Into<String>) -> Eval<T> {
    Err(Fault::Crash(message.into()))
}

/// What an expression can see: the frame's locals (plus pattern bindings not yet committed),
/// the running process and the globals.
pub(crate) struct Env<'a> {
    pub(crate) locals: &'a [Value],
    pub(crate) overlay: &'a [(Local, Value)],
    pub(crate) me: Pid,
    pub(crate) globals: &'a [Value],
    /// The heap's records, so formatting can show a struct's fields.
    pub(crate) records: &'a [super::memory::Record],
    /// Slices' backing arrays, so formatting can show a slice's elements.
    pub(crate) arrays: &'a [super::memory::Array],
    pub(crate) style: Style,
    pub(crate) budgets: &'a Budgets,
}

impl Env<'_> {
    fn local(&self, l: Local) -> Eval<Value> {
        if let Some((_, v)) = self.overlay.iter().rev().find(|(k, _)| *k == l) {
            return Ok(v.clone());
        }
        match self.locals.get(l.index()) {
            Some(v) => Ok(v.clone()),
            None => crash(format!("local slot {} does not exist", l.0)),
        }
    }

    /// Applies the value-size budget to a freshly built value.
    fn sized(&self, v: Value) -> Eval<Value> {
        if v.size() > self.budgets.max_value_size {
            return Err(Fault::Budget(
                BudgetKind::ValueSize,
                format!(
                    "a value grew past the size budget of {} elements",
                    self.budgets.max_value_size
                ),
            ));
        }
        if v.depth() > self.budgets.max_value_depth {
            return Err(Fault::Budget(
                BudgetKind::ValueSize,
                format!(
                    "a value nested deeper than the budget of {} levels",
                    self.budgets.max_value_depth
                ),
            ));
        }
        Ok(v)
    }

    pub(crate) fn eval(&self, e: &Expr) -> Eval<Value> {
        match e {
            Expr::Const(v) => Ok(v.clone()),
            Expr::Local(l) => self.local(*l),
            Expr::Global(g) => match self.globals.get(g.index()) {
                Some(v) => Ok(v.clone()),
                None => crash(format!("global {} does not exist", g.0)),
            },
            Expr::SelfPid => Ok(Value::Pid(self.me)),
            Expr::Unary(op, a) => {
                let a = self.eval(a)?;
                unary(*op, a, self.style)
            }
            Expr::Binary(BinOp::And, a, b) => match self.eval(a)? {
                Value::Bool(false) => Ok(Value::Bool(false)),
                Value::Bool(true) => self.boolean(b, "and"),
                other => crash(format!(
                    "`and` expects booleans, got {}",
                    other.repr(self.style)
                )),
            },
            Expr::Binary(BinOp::Or, a, b) => match self.eval(a)? {
                Value::Bool(true) => Ok(Value::Bool(true)),
                Value::Bool(false) => self.boolean(b, "or"),
                other => crash(format!(
                    "`or` expects booleans, got {}",
                    other.repr(self.style)
                )),
            },
            Expr::Binary(op, a, b) => {
                let a = self.eval(a)?;
                let b = self.eval(b)?;
                let v = binary(*op, a, b, self.style)?;
                self.sized(v)
            }
            Expr::Tuple(items) => {
                let items = items.iter().map(|i| self.eval(i)).collect::<Eval<_>>()?;
                self.sized(Value::Tuple(Seq::new(items)))
            }
            Expr::List(items) => {
                let items = items.iter().map(|i| self.eval(i)).collect::<Eval<_>>()?;
                self.sized(Value::List(Seq::new(items)))
            }
            Expr::Cons(h, t) => {
                let h = self.eval(h)?;
                match self.eval(t)? {
                    Value::List(rest) => {
                        let mut items = Vec::with_capacity(rest.items().len() + 1);
                        items.push(h);
                        items.extend(rest.items().iter().cloned());
                        self.sized(Value::List(Seq::new(items)))
                    }
                    // An Erlang string is a list of character codes: a code in front keeps
                    // it a string; anything else makes it a plain list.
                    Value::Str(rest) if self.style == Style::Erlang => {
                        let code = match &h {
                            Value::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32),
                            _ => None,
                        };
                        let v = match code {
                            Some(c) => Value::str(&format!("{c}{rest}")),
                            None => {
                                let codes =
                                    rest.chars().map(|c| Value::Int(i64::from(u32::from(c))));
                                Value::list(std::iter::once(h).chain(codes))
                            }
                        };
                        self.sized(v)
                    }
                    other => crash(format!(
                        "the tail of [H | T] must be a list, got {}",
                        other.repr(self.style)
                    )),
                }
            }
            Expr::Index(c, i) => {
                let c = self.eval(c)?;
                let i = self.eval(i)?;
                index(&c, &i, self.style)
            }
            Expr::Call(b, args) => {
                let args = args
                    .iter()
                    .map(|a| self.eval(a))
                    .collect::<Eval<Vec<_>>>()?;
                let v = builtin(*b, &args, self.style)?;
                self.sized(v)
            }
            Expr::MakeFun { func, captured } => {
                let captured = captured.iter().map(|c| self.eval(c)).collect::<Eval<_>>()?;
                self.sized(Value::Fun(Arc::new(Closure {
                    func: *func,
                    captured,
                })))
            }
            Expr::Format(parts) => {
                let mut out = String::new();
                for p in parts {
                    match p {
                        FmtPart::Lit(s) => out.push_str(s),
                        FmtPart::Show(e) => {
                            let v = self.eval(e)?;
                            if super::heap::holds_record(&v) {
                                out.push_str(&super::heap::render(
                                    self.records,
                                    self.arrays,
                                    &v,
                                    self.style,
                                    false,
                                ));
                            } else {
                                out.push_str(&v.show(self.style));
                            }
                        }
                        FmtPart::Repr(e) => {
                            let v = self.eval(e)?;
                            if super::heap::holds_record(&v) {
                                out.push_str(&super::heap::render_quoted(
                                    self.records,
                                    self.arrays,
                                    &v,
                                    self.style,
                                ));
                            } else {
                                out.push_str(&v.repr(self.style));
                            }
                        }
                        FmtPart::ErlWrite(e) => out.push_str(&erl_term::write(&self.eval(e)?)),
                        FmtPart::ErlPrint(e) => {
                            let v = self.eval(e)?;
                            // The layout counts columns from the start of the line.
                            let col = out.rsplit('\n').next().map_or(0, |l| l.chars().count());
                            out.push_str(&erl_term::print(&v, col + 1));
                        }
                        FmtPart::Fields(e) => {
                            let v = self.eval(e)?;
                            out.push_str(&super::heap::render(
                                self.records,
                                self.arrays,
                                &v,
                                self.style,
                                true,
                            ));
                        }
                    }
                    if out.len() as u64 > self.budgets.max_value_size {
                        return Err(Fault::Budget(
                            BudgetKind::ValueSize,
                            format!(
                                "a formatted string grew past {} characters",
                                self.budgets.max_value_size
                            ),
                        ));
                    }
                }
                Ok(Value::Str(Text::new(out)))
            }
        }
    }

    fn boolean(&self, e: &Expr, what: &str) -> Eval<Value> {
        match self.eval(e)? {
            b @ Value::Bool(_) => Ok(b),
            other => crash(format!(
                "`{what}` expects booleans, got {}",
                other.repr(self.style)
            )),
        }
    }

    /// Tries to match `pattern` against `value`, appending bindings to `out`.
    pub(crate) fn matches(
        &self,
        pattern: &Pattern,
        value: &Value,
        out: &mut Vec<(Local, Value)>,
    ) -> bool {
        match pattern {
            Pattern::Wildcard => true,
            Pattern::Bind(l) => {
                if let Some((_, bound)) = out.iter().find(|(k, _)| k == l) {
                    return bound == value;
                }
                out.push((*l, value.clone()));
                true
            }
            Pattern::Pin(l) => {
                if let Some((_, bound)) = out.iter().find(|(k, _)| k == l) {
                    return bound == value;
                }
                self.locals.get(l.index()) == Some(value)
            }
            Pattern::Const(c) => {
                c == value
                    // An Erlang string is a list: `[]` matches "".
                    || (self.style == Style::Erlang
                        && matches!((c, value), (Value::List(l), Value::Str(t))
                            if l.items().is_empty() && t.is_empty()))
            }
            Pattern::Tuple(items) => match value {
                Value::Tuple(t) if t.items().len() == items.len() => items
                    .iter()
                    .zip(t.items())
                    .all(|(p, v)| self.matches(p, v, out)),
                _ => false,
            },
            Pattern::List { items, tail } => {
                if let (Value::Str(text), Style::Erlang) = (value, self.style) {
                    return self.matches_string(items, tail.as_deref(), text, out);
                }
                let Value::List(l) = value else {
                    return false;
                };
                let vals = l.items();
                match tail {
                    None => {
                        vals.len() == items.len()
                            && items.iter().zip(vals).all(|(p, v)| self.matches(p, v, out))
                    }
                    Some(t) => {
                        if vals.len() < items.len() {
                            return false;
                        }
                        let (head, rest) = vals.split_at(items.len());
                        items.iter().zip(head).all(|(p, v)| self.matches(p, v, out))
                            && self.matches(t, &Value::List(Seq::new(rest.to_vec())), out)
                    }
                }
            }
            Pattern::Alias(l, inner) => {
                self.matches(inner, value, out) && self.matches(&Pattern::Bind(*l), value, out)
            }
            Pattern::Map(entries) => {
                let Value::ErlMap(pairs) = value else {
                    return false;
                };
                entries.iter().all(|(key, p)| {
                    erl_term::map_get(pairs.items(), key).is_some_and(|v| self.matches(p, v, out))
                })
            }
        }
    }

    /// An Erlang list pattern against a string, which is the list of its character codes;
    /// the tail is the rest of the string.
    fn matches_string(
        &self,
        items: &[Pattern],
        tail: Option<&Pattern>,
        text: &str,
        out: &mut Vec<(Local, Value)>,
    ) -> bool {
        let mut chars = text.chars();
        for p in items {
            let Some(c) = chars.next() else {
                return false;
            };
            if !self.matches(p, &Value::Int(i64::from(u32::from(c))), out) {
                return false;
            }
        }
        match tail {
            None => chars.next().is_none(),
            Some(t) => self.matches(t, &Value::str(chars.as_str()), out),
        }
    }

    /// The first clause whose pattern matches and whose guard holds, with its bindings.
    pub(crate) fn select_clause(
        &self,
        clauses: &[Clause],
        value: &Value,
    ) -> Option<(usize, Vec<(Local, Value)>)> {
        for (i, clause) in clauses.iter().enumerate() {
            let mut binds = Vec::new();
            if !self.matches(&clause.pattern, value, &mut binds) {
                continue;
            }
            let passes = match &clause.guard {
                None => true,
                Some(g) => {
                    let guard_env = Env {
                        overlay: &binds,
                        ..*self
                    };
                    // A guard that fails to evaluate is false, as in Erlang.
                    matches!(guard_env.eval(g), Ok(Value::Bool(true)))
                }
            };
            if passes {
                return Some((i, binds));
            }
        }
        None
    }
}

impl Clone for Env<'_> {
    fn clone(&self) -> Self {
        *self
    }
}

impl Copy for Env<'_> {}

fn unary(op: UnOp, a: Value, style: Style) -> Eval<Value> {
    match (op, a) {
        (UnOp::Neg, Value::Int(n)) => match n.checked_neg() {
            Some(v) => Ok(Value::Int(v)),
            None => crash(format!("integer overflow in -({n})")),
        },
        (UnOp::Neg, Value::Float(x)) => Ok(Value::Float(Float(-x.0))),
        (UnOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
        (UnOp::Neg, other) => crash(format!("cannot negate {}", other.repr(style))),
        (UnOp::Not, other) => crash(format!(
            "`not` expects a boolean, got {}",
            other.repr(style)
        )),
    }
}

fn overflow<T>(a: i64, sym: &str, b: i64) -> Eval<T> {
    crash(format!("integer overflow in {a} {sym} {b}"))
}

fn int_op(op: BinOp, a: i64, b: i64, style: Style) -> Eval<Value> {
    let sym = match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Rem => "rem",
        BinOp::Mod => "%",
        _ => "?",
    };
    if matches!(op, BinOp::Div | BinOp::FloorDiv | BinOp::Rem | BinOp::Mod) && b == 0 {
        if style == Style::Python {
            // CPython's own wording, which an uncaught exception's last line shows.
            let what = if op == BinOp::Mod {
                "integer modulo by zero"
            } else {
                "integer division or modulo by zero"
            };
            return error(
                Value::atom("badarith"),
                format!("ZeroDivisionError: {what}"),
            );
        }
        return error(
            Value::atom("badarith"),
            format!("division by zero in {a} {sym} {b}"),
        );
    }
    let r = match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::Div => a.checked_div(b),
        BinOp::Rem => a.checked_rem(b),
        BinOp::FloorDiv => a.checked_div(b).and_then(|q| {
            let r = a.checked_rem(b)?;
            if r != 0 && ((r < 0) != (b < 0)) {
                q.checked_sub(1)
            } else {
                Some(q)
            }
        }),
        BinOp::Mod => a.checked_rem(b).and_then(|r| {
            if r != 0 && ((r < 0) != (b < 0)) {
                r.checked_add(b)
            } else {
                Some(r)
            }
        }),
        _ => None,
    };
    match r {
        Some(v) => Ok(Value::Int(v)),
        None => overflow(a, sym, b),
    }
}

fn compare(a: &Value, b: &Value, style: Style) -> Eval<Ordering> {
    let comparable = matches!(
        (a, b),
        (Value::Int(_), Value::Int(_))
            | (Value::Float(_), Value::Float(_))
            | (Value::Str(_), Value::Str(_))
            | (Value::Atom(_), Value::Atom(_))
            | (Value::Bool(_), Value::Bool(_))
            | (Value::Tuple(_), Value::Tuple(_))
            | (Value::List(_), Value::List(_))
    );
    // Erlang orders all terms; the other dialects refuse mixed comparisons.
    if comparable || style == Style::Erlang {
        Ok(a.cmp(b))
    } else {
        crash(format!(
            "cannot compare {} with {}",
            a.type_name(),
            b.type_name()
        ))
    }
}

/// IEEE arithmetic and comparison on two floats (division by zero gives an infinity, as
/// Go's run time does; NaN compares unequal to everything).
fn float_op(op: BinOp, x: f64, y: f64) -> Option<Value> {
    Some(match op {
        BinOp::Add => Value::from(x + y),
        BinOp::Sub => Value::from(x - y),
        BinOp::Mul => Value::from(x * y),
        BinOp::Div | BinOp::TrueDiv => Value::from(x / y),
        // Python's float `//` and `%`: the quotient rounded down, and a remainder with the
        // divisor's sign.
        BinOp::FloorDiv => Value::from((x / y).floor()),
        BinOp::Mod => Value::from(x - y * (x / y).floor()),
        BinOp::Eq => Value::Bool(x == y),
        BinOp::Ne => Value::Bool(x != y),
        BinOp::Lt => Value::Bool(x < y),
        BinOp::Le => Value::Bool(x <= y),
        BinOp::Gt => Value::Bool(x > y),
        BinOp::Ge => Value::Bool(x >= y),
        _ => return None,
    })
}

/// Both operands as floats when at least one is a float and the other a number: Python and
/// Erlang promote `2.5 * 4` to float arithmetic (Go's type checker never lets the two mix).
fn as_floats(a: &Value, b: &Value) -> Option<(f64, f64)> {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => Some((x.0, y.0)),
        (Value::Float(x), Value::Int(y)) => Some((x.0, *y as f64)),
        (Value::Int(x), Value::Float(y)) => Some((*x as f64, y.0)),
        _ => None,
    }
}

fn binary(op: BinOp, a: Value, b: Value, style: Style) -> Eval<Value> {
    // An Erlang string is a list of character codes: `"ab" ++ [$c]`, `"ab" == [97, 98]`.
    let (a, b) = match (style, &a, &b) {
        (Style::Erlang, Value::Str(_), Value::List(_)) => (super::erl_builtins::codes(&a), b),
        (Style::Erlang, Value::List(_), Value::Str(_)) => (a, super::erl_builtins::codes(&b)),
        _ => (a, b),
    };
    if op == BinOp::TrueDiv {
        // Python's `/` of two integers is float division, with its own error wording.
        if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
            if *y == 0 {
                return error(
                    Value::atom("badarith"),
                    "ZeroDivisionError: division by zero".to_string(),
                );
            }
            return Ok(Value::from(*x as f64 / *y as f64));
        }
    }
    if let Some((x, y)) = as_floats(&a, &b) {
        let dividing = matches!(
            op,
            BinOp::Div | BinOp::TrueDiv | BinOp::FloorDiv | BinOp::Mod | BinOp::Rem
        );
        // Go's run time gives an infinity; Python raises and Erlang's `/` is badarith.
        if dividing && y == 0.0 && style != Style::Go {
            let message = match (style, op) {
                (Style::Python, BinOp::FloorDiv) => {
                    "ZeroDivisionError: float floor division by zero"
                }
                (Style::Python, BinOp::Mod) => "ZeroDivisionError: float modulo",
                (Style::Python, _) => "ZeroDivisionError: float division by zero",
                _ => "float division by zero",
            };
            return error(Value::atom("badarith"), message.to_string());
        }
        if let Some(v) = float_op(op, x, y) {
            return Ok(v);
        }
    }
    match op {
        BinOp::Eq => return Ok(Value::Bool(a == b)),
        BinOp::Ne => return Ok(Value::Bool(a != b)),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let ord = compare(&a, &b, style)?;
            let r = match op {
                BinOp::Lt => ord == Ordering::Less,
                BinOp::Le => ord != Ordering::Greater,
                BinOp::Gt => ord == Ordering::Greater,
                _ => ord != Ordering::Less,
            };
            return Ok(Value::Bool(r));
        }
        _ => {}
    }
    match (op, &a, &b) {
        (_, Value::Int(x), Value::Int(y)) => int_op(op, *x, *y, style),
        (BinOp::Add, Value::Str(x), Value::Str(y)) => Ok(Value::Str(Text::new(format!("{x}{y}")))),
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut items = x.items().to_vec();
            items.extend(y.items().iter().cloned());
            Ok(Value::List(Seq::new(items)))
        }
        _ if style == Style::Python => error(
            Value::atom("badarith"),
            format!(
                "TypeError: unsupported operand type(s) for {}: '{}' and '{}'",
                op_name(op),
                python_type(&a),
                python_type(&b)
            ),
        ),
        _ => error(
            Value::atom("badarith"),
            format!(
                "cannot apply {} to {} and {}",
                op_name(op),
                a.repr(style),
                b.repr(style)
            ),
        ),
    }
}

/// A value's type as CPython names it in a `TypeError`.
fn python_type(v: &Value) -> &'static str {
    match v {
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "str",
        Value::Bool(_) => "bool",
        Value::Unit => "NoneType",
        Value::Map(_) => "dict",
        other => other.type_name(),
    }
}

fn op_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::TrueDiv => "/",
        BinOp::Rem => "rem",
        BinOp::Mod => "%",
        BinOp::Eq => "==",
        BinOp::Ne => "!=",
        BinOp::Lt => "<",
        BinOp::Le => "<=",
        BinOp::Gt => ">",
        BinOp::Ge => ">=",
        BinOp::And => "and",
        BinOp::Or => "or",
    }
}

fn index(c: &Value, i: &Value, style: Style) -> Eval<Value> {
    let Value::Int(n) = i else {
        return crash(format!(
            "an index must be an integer, got {}",
            i.repr(style)
        ));
    };
    if let (Value::Str(t), Style::Python) = (c, style) {
        // A Python string indexes by character, from the end when negative.
        let count = t.chars().count() as i64;
        let k = if *n < 0 { *n + count } else { *n };
        return usize::try_from(k)
            .ok()
            .and_then(|k| t.chars().nth(k))
            .map_or_else(
                || crash("IndexError: string index out of range"),
                |ch| Ok(Value::Str(Text::new(ch.to_string()))),
            );
    }
    let items = match c {
        Value::Tuple(s) | Value::List(s) => s.items(),
        other => {
            return crash(format!(
                "cannot index into {} {}",
                other.type_name(),
                other.repr(style)
            ))
        }
    };
    // Python counts a negative index from the end; the other dialects have no such index.
    let k = if style == Style::Python && *n < 0 {
        *n + items.len() as i64
    } else {
        *n
    };
    usize::try_from(k)
        .ok()
        .and_then(|k| items.get(k))
        .cloned()
        .map_or_else(
            || {
                if style == Style::Python {
                    return crash(format!("IndexError: {} index out of range", c.type_name()));
                }
                crash(format!(
                    "index {n} out of range for a {} of {} elements",
                    c.type_name(),
                    items.len()
                ))
            },
            Ok,
        )
}

fn builtin(b: Builtin, args: &[Value], style: Style) -> Eval<Value> {
    let name = format!("{b:?}").to_lowercase();
    let one = || -> Eval<&Value> {
        match args {
            [a] => Ok(a),
            _ => crash(format!("{name} takes 1 argument, got {}", args.len())),
        }
    };
    let is = |pred: fn(&Value) -> bool| -> Eval<Value> { Ok(Value::Bool(pred(one()?))) };
    match b {
        Builtin::Len => match one()? {
            Value::Tuple(s) | Value::List(s) => Ok(Value::Int(s.items().len() as i64)),
            Value::Str(s) => Ok(Value::Int(s.chars().count() as i64)),
            other => crash(format!(
                "len of {} {}",
                other.type_name(),
                other.repr(style)
            )),
        },
        Builtin::Hd | Builtin::Tl if style == Style::Erlang && matches!(one()?, Value::Str(_)) => {
            super::erl_builtins::string_hd_tl(b, one()?)
        }
        Builtin::Hd => match one()? {
            Value::List(s) => match s.items().first() {
                Some(v) => Ok(v.clone()),
                None => crash("hd of an empty list"),
            },
            other => crash(format!("hd of {} {}", other.type_name(), other.repr(style))),
        },
        Builtin::Tl => match one()? {
            Value::List(s) if !s.items().is_empty() => Ok(Value::List(Seq::new(
                s.items().iter().skip(1).cloned().collect(),
            ))),
            other => crash(format!("tl of {}", other.repr(style))),
        },
        Builtin::Truthy => Ok(Value::Bool(match one()? {
            Value::Bool(b) => *b,
            Value::Unit => false,
            Value::Int(n) => *n != 0,
            Value::Float(x) => x.0 != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(s) | Value::List(s) => !s.items().is_empty(),
            _ => true,
        })),
        Builtin::IsInt => is(|v| matches!(v, Value::Int(_))),
        Builtin::IsAtom => is(|v| matches!(v, Value::Atom(_) | Value::Bool(_))),
        Builtin::IsBool => is(|v| matches!(v, Value::Bool(_))),
        Builtin::IsTuple => is(|v| matches!(v, Value::Tuple(_))),
        Builtin::IsMap => is(|v| matches!(v, Value::ErlMap(_))),
        Builtin::MapFromList => match one()? {
            Value::List(s) => erl_term::map_from_pairs(s.items()).map_or_else(
                || crash("bad argument: maps:from_list needs {Key, Value} tuples"),
                Ok,
            ),
            other => crash(format!(
                "bad argument: maps:from_list of {}",
                other.repr(style)
            )),
        },
        Builtin::MapToList => match one()? {
            Value::ErlMap(s) => Ok(Value::List(s.clone())),
            other => crash(format!("{{badmap,{}}}", other.repr(style))),
        },
        Builtin::IsList if style == Style::Erlang => {
            is(|v| matches!(v, Value::List(_) | Value::Str(_)))
        }
        Builtin::IsList => is(|v| matches!(v, Value::List(_))),
        Builtin::IsPid => is(|v| matches!(v, Value::Pid(_))),
        Builtin::IsStr => is(|v| matches!(v, Value::Str(_))),
        Builtin::IsFun => is(|v| matches!(v, Value::Fun(_))),
        Builtin::ToStr => Ok(Value::Str(Text::new(one()?.show(style)))),
        Builtin::Abs => match one()? {
            Value::Int(n) => match n.checked_abs() {
                Some(v) => Ok(Value::Int(v)),
                None => crash(format!("integer overflow in abs({n})")),
            },
            other => crash(format!("abs of {}", other.repr(style))),
        },
        Builtin::ToFloat => match one()? {
            Value::Int(n) => Ok(Value::from(*n as f64)),
            Value::Float(x) => Ok(Value::Float(*x)),
            // Python's `float("2.5")`; surrounding blanks are allowed, as in CPython.
            Value::Str(t) => match t.trim().parse::<f64>() {
                Ok(x) => Ok(Value::from(x)),
                Err(_) => crash(format!(
                    "ValueError: could not convert string to float: {}",
                    Value::Str(t.clone()).repr(style)
                )),
            },
            other => crash(format!("cannot convert {} to a float", other.repr(style))),
        },
        Builtin::ToInt => match one()? {
            Value::Int(n) => Ok(Value::Int(*n)),
            // Python's `int("42")`: decimal digits, blanks around them allowed.
            Value::Str(t) => match t.trim().parse::<i64>() {
                Ok(n) => Ok(Value::Int(n)),
                Err(_) => crash(format!(
                    "ValueError: invalid literal for int() with base 10: {}",
                    Value::Str(t.clone()).repr(style)
                )),
            },
            // i64::MAX as f64 rounds up to 2^63, so the upper bound is exclusive.
            Value::Float(x)
                if x.0 >= -9.223_372_036_854_776e18 && x.0 < 9.223_372_036_854_776e18 =>
            {
                Ok(Value::Int(x.0.trunc() as i64))
            }
            other => crash(format!(
                "cannot convert {} to an integer",
                other.repr(style)
            )),
        },
        Builtin::GoDuration => match one()? {
            Value::Int(n) => Ok(Value::str(&super::go_duration::show_ticks(*n))),
            other => crash(format!(
                "a duration must be an integer, got {}",
                other.repr(style)
            )),
        },
        Builtin::Sorted => match one()? {
            Value::List(s) | Value::Tuple(s) => {
                let mut items = s.items().to_vec();
                let mut failed = None;
                // A stable sort, as Python's; numbers compare by value across int and float.
                items.sort_by(|x, y| {
                    if let Some((a, b)) = as_floats(x, y) {
                        return a.partial_cmp(&b).unwrap_or(Ordering::Equal);
                    }
                    compare(x, y, style).unwrap_or_else(|e| {
                        failed.get_or_insert(e);
                        Ordering::Equal
                    })
                });
                match failed {
                    Some(e) => Err(e),
                    None => Ok(Value::List(Seq::new(items))),
                }
            }
            other => crash(format!("cannot sort {}", other.repr(style))),
        },
        Builtin::ByteLen
        | Builtin::ByteAt
        | Builtin::ByteSlice
        | Builtin::RuneToStr
        | Builtin::StrRunes
        | Builtin::StrBytes
        | Builtin::RuneOffsets
        | Builtin::RunesToStr
        | Builtin::BytesToStr
        | Builtin::RuneQuote
        | Builtin::RuneUnicode => super::go_text::builtin(b, args, style),
        Builtin::SetElement | Builtin::ListToAtom | Builtin::CharData => {
            super::erl_builtins::builtin(b, args, style)
        }
        Builtin::Min | Builtin::Max => match args {
            [x, y] => {
                let ord = compare(x, y, style)?;
                let pick_x = (b == Builtin::Min) == (ord != Ordering::Greater);
                Ok(if pick_x { x.clone() } else { y.clone() })
            }
            _ => crash(format!("{name} takes 2 arguments, got {}", args.len())),
        },
        Builtin::Contains => match args {
            [Value::List(s) | Value::Tuple(s), x] => Ok(Value::Bool(s.items().iter().any(|y| {
                match as_floats(x, y) {
                    Some((a, b)) => a == b,
                    None => x == y,
                }
            }))),
            [Value::Str(h), Value::Str(n)] => Ok(Value::Bool(h.contains(n.as_str()))),
            // CPython's wording for `3 in "abc"`.
            [Value::Str(_), other] => crash(format!(
                "TypeError: 'in <string>' requires string as left operand, not {}",
                other.type_name()
            )),
            [other, _] => crash(format!(
                "TypeError: argument of type '{}' is not iterable",
                other.type_name()
            )),
            _ => crash(format!("{name} takes 2 arguments, got {}", args.len())),
        },
    }
}
