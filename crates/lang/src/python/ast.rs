//! The shape of a Python lesson program after parsing.

use sim::ir::Span;

/// A name and where it is written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ident {
    /// The name.
    pub name: String,
    /// Where it is.
    pub span: Span,
}

/// A whole file.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Module {
    /// Top-level statements in order.
    pub body: Vec<Stmt>,
}

/// A statement and the source it spans (for a compound statement, its header line).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// Where it is.
    pub span: Span,
}

/// Statements of the dialect.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum StmtKind {
    /// `import threading` / `from threading import Thread, Lock`: names now usable.
    Import {
        /// The module.
        module: Ident,
        /// Names imported with `from`; empty for a plain `import`.
        names: Vec<Ident>,
    },
    /// `def name(params): body`.
    Def {
        /// The function's name.
        name: Ident,
        /// Parameter names.
        params: Vec<Ident>,
        /// Each parameter's default value (`def f(n, step=1)`), `None` when it has none.
        defaults: Vec<Option<Expr>>,
        /// The body.
        body: Vec<Stmt>,
    },
    /// `global a, b`.
    Global(Vec<Ident>),
    /// `target = value` (also `a = b = value`, targets in order).
    Assign {
        /// Targets, leftmost first.
        targets: Vec<Expr>,
        /// The value.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// The target: a name or a subscript.
        target: Expr,
        /// The arithmetic operator.
        op: BinOp,
        /// The operator and the right-hand side (`+= 1`): the span of the add step.
        op_span: Span,
        /// The right-hand side.
        value: Expr,
    },
    /// An expression evaluated for its effect (a call).
    Expr(Expr),
    /// `if`/`elif`/`else`: conditions with bodies, then the else body.
    If {
        /// `(condition, body)` for `if` and each `elif`.
        branches: Vec<(Expr, Vec<Stmt>)>,
        /// The `else` body (empty when absent).
        orelse: Vec<Stmt>,
    },
    /// `while cond: body`.
    While {
        /// Condition.
        cond: Expr,
        /// Body.
        body: Vec<Stmt>,
    },
    /// `for target in iter: body`.
    For {
        /// The loop variable: a name (possibly `_`) or a tuple of targets to unpack into
        /// (`for i, (k, v) in …`).
        target: Expr,
        /// What is iterated.
        iter: Expr,
        /// Body.
        body: Vec<Stmt>,
    },
    /// `with lock: body`.
    With {
        /// The lock expression.
        ctx: Expr,
        /// Body.
        body: Vec<Stmt>,
    },
    /// `return [value]`.
    Return(Option<Expr>),
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`: true division, always a float.
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `and`
    And,
    /// `or`
    Or,
    /// `key in d` (dicts only); `key not in d` is `not (key in d)`.
    In,
}

/// An expression and its source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum FPart {
    /// Literal text.
    Lit(String),
    /// `{expr}` (shown with `str`) or `{expr!r}` (shown with `repr`).
    Value(Expr, bool),
}

/// Expressions of the dialect.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ExprKind {
    /// A variable or function name.
    Name(String),
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A string literal.
    Str(String),
    /// An f-string.
    FStr(Vec<FPart>),
    /// `True` / `False`.
    Bool(bool),
    /// `None`.
    None,
    /// `a op b`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `-a`.
    Neg(Box<Expr>),
    /// `not a`.
    Not(Box<Expr>),
    /// `f(args, key=value)`.
    Call {
        /// What is called.
        func: Box<Expr>,
        /// Positional arguments.
        args: Vec<Expr>,
        /// Keyword arguments.
        kwargs: Vec<(Ident, Expr)>,
    },
    /// `value.attr`.
    Attr(Box<Expr>, Ident),
    /// `value[index]`.
    Subscript(Box<Expr>, Box<Expr>),
    /// `(a, b)`.
    Tuple(Vec<Expr>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `{k: v}`.
    Dict(Vec<(Expr, Expr)>),
    /// A comprehension: `[x * x for x in xs if x > 0]`, `{k: v for …}`, or a generator
    /// expression `(x for x in xs)` (built eagerly as a list: its consumers here read it whole).
    Comp(Box<Comp>),
}

/// What a comprehension builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    /// `[elt for …]`.
    List,
    /// `{key: value for …}`.
    Dict,
    /// `(elt for …)`, also as the only argument of a call: `sum(x for x in xs)`.
    Gen,
}

/// A comprehension's element and its `for … in … if …` clauses, outermost first.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Comp {
    /// What is built.
    pub kind: CompKind,
    /// The element (for a dict comprehension, the key).
    pub elt: Expr,
    /// The value of a dict comprehension.
    pub value: Option<Expr>,
    /// The clauses, outermost first.
    pub clauses: Vec<CompFor>,
}

/// One `for target in iter` clause of a comprehension with the `if` filters after it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CompFor {
    /// The loop target: a name or a tuple of names.
    pub target: Expr,
    /// What is iterated.
    pub iter: Expr,
    /// The `if` conditions, all of which must hold.
    pub conds: Vec<Expr>,
}
