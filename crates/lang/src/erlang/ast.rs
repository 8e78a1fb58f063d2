//! The shape of an Erlang lesson program after parsing.

use sim::ir::Span;

/// Guard alternatives (`;`), each a conjunction (`,`) of tests.
pub(crate) type Guard = Vec<Vec<Expr>>;

/// One branch of an `if`: guard, body, and the branch's source.
pub(crate) type IfBranch = (Guard, Vec<Expr>, Span);

/// A whole file: functions and, for a shell-style script, expressions to run.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Module {
    /// Function definitions in order.
    pub functions: Vec<Function>,
    /// Top-level expressions (each form ends with `.`), run in order by the shell process.
    pub script: Vec<Expr>,
    /// The name given by `-module(Name).`, if any.
    pub name: Option<String>,
    /// Functions listed in `-export([…]).`, as name and arity.
    pub exports: Vec<(String, usize)>,
    /// Functions named in `-import(Module, […]).`: module, name and arity.
    pub imports: Vec<(String, String, usize)>,
    /// Records from `-record(Name, {Fields}).`, in order.
    pub records: Vec<RecordDef>,
}

/// `-record(Name, {Field, Field = Default, …}).`
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RecordDef {
    /// The record's name, also the tag of its tuples.
    pub name: String,
    /// The fields in order, with their default values.
    pub fields: Vec<(String, Option<Expr>)>,
    /// Where the attribute is.
    pub span: Span,
}

/// A named function: all its clauses (they share name and arity).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Function {
    /// The name.
    pub name: String,
    /// Number of parameters.
    pub arity: usize,
    /// The clauses in order.
    pub clauses: Vec<Clause>,
    /// Where the name of the first clause is.
    pub span: Span,
}

/// `(Patterns) when Guard -> Body` of a function or `fun`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Clause {
    /// Parameter patterns.
    pub params: Vec<Expr>,
    /// Guard alternatives (`;`), each a conjunction (`,`).
    pub guard: Guard,
    /// Body expressions.
    pub body: Vec<Expr>,
    /// The clause head.
    pub span: Span,
}

/// `Pattern when Guard -> Body` of a `case` or `receive`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CaseClause {
    /// The pattern.
    pub pattern: Expr,
    /// Guard alternatives (`;`), each a conjunction (`,`).
    pub guard: Guard,
    /// Body expressions.
    pub body: Vec<Expr>,
    /// The clause head (pattern and guard).
    pub span: Span,
}

/// An expression and its source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
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
    /// `div`
    Div,
    /// `rem`
    Rem,
    /// `==` and `=:=`
    Eq,
    /// `/=` and `=/=`
    Ne,
    /// `<`
    Lt,
    /// `=<`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `andalso`, `and`
    And,
    /// `orelse`, `or`
    Or,
    /// `++`
    Append,
}

/// Expressions (patterns are expressions checked during lowering).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ExprKind {
    /// A variable.
    Var(String),
    /// `_`.
    Wildcard,
    /// An atom.
    Atom(String),
    /// An integer.
    Int(i64),
    /// A string.
    Str(String),
    /// `{A, B}`.
    Tuple(Vec<Expr>),
    /// `[A, B | Tail]`.
    List(Vec<Expr>, Option<Box<Expr>>),
    /// `A op B`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `-A`.
    Neg(Box<Expr>),
    /// `not A`.
    Not(Box<Expr>),
    /// `Pattern = Expr`.
    Match(Box<Expr>, Box<Expr>),
    /// `Pid ! Msg`.
    Send(Box<Expr>, Box<Expr>),
    /// `f(Args)`, `m:f(Args)` or `F(Args)`.
    Call {
        /// The module, for `m:f(…)`.
        module: Option<(String, Span)>,
        /// What is called: an atom (a named function) or an expression (a fun value).
        func: Box<Expr>,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// `fun (…) -> … end`.
    Fun(Vec<Clause>),
    /// `fun name/Arity`.
    FunRef(String, usize),
    /// `receive … after … end`.
    Receive {
        /// The clauses.
        clauses: Vec<CaseClause>,
        /// `after Timeout -> Body`.
        after: Option<(Box<Expr>, Vec<Expr>)>,
    },
    /// `case Expr of … end`.
    Case(Box<Expr>, Vec<CaseClause>),
    /// `if Guard -> Body; … end`.
    If(Vec<IfBranch>),
    /// `begin … end`.
    Block(Vec<Expr>),
    /// `try Body of Clauses catch Handlers after Cleanup end`.
    Try(Box<TryExpr>),
    /// `catch Expr`.
    Catch(Box<Expr>),
    /// `[Head || Qualifiers]`.
    Comprehension(Box<Expr>, Vec<Qualifier>),
    /// `#name{field = Value, …}`, or `Base#name{…}` (an update) when there is a base.
    Record {
        /// The record's name.
        name: String,
        /// The record being updated.
        base: Option<Box<Expr>>,
        /// The fields given, with where each name is.
        fields: Vec<(String, Expr, Span)>,
    },
    /// `Expr#name.field`.
    RecordField(Box<Expr>, String, String),
    /// `#{K => V, …}`, or `Base#{…}` (an update) when there is a base.
    Map {
        /// The map being updated.
        base: Option<Box<Expr>>,
        /// The keys given, in order.
        entries: Vec<MapEntry>,
    },
}

/// One `K => V` (or `K := V`: the key must already be there) of a map expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MapEntry {
    /// The key.
    pub key: Expr,
    /// The value.
    pub value: Expr,
    /// `:=` rather than `=>`.
    pub exact: bool,
}

/// The parts of a `try`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TryExpr {
    /// The protected expressions.
    pub body: Vec<Expr>,
    /// The `of` clauses, matched against the body's value (not protected).
    pub of: Vec<CaseClause>,
    /// The `catch` clauses.
    pub catches: Vec<CatchClause>,
    /// The `after` expressions, run on every way out.
    pub after: Vec<Expr>,
}

/// `Class:Reason when Guard -> Body` of a `try … catch`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CatchClause {
    /// The class pattern (an atom, a variable or `_`); `None` means `throw`.
    pub class: Option<Expr>,
    /// The reason pattern, guard and body.
    pub clause: CaseClause,
}

/// One qualifier of a list comprehension.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Qualifier {
    /// `Pattern <- List`.
    Generator(Expr, Expr),
    /// A condition.
    Filter(Expr),
}
