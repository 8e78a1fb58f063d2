//! The shape of a Go lesson program after parsing.

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
pub(crate) struct File {
    /// Package-level `var` and `const` declarations in order.
    pub vars: Vec<VarSpec>,
    /// Functions and methods in order.
    pub funcs: Vec<FuncDecl>,
    /// `type T struct { … }` declarations in order.
    pub types: Vec<TypeDecl>,
}

/// `type Name struct { fields }`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TypeDecl {
    /// The type's name.
    pub name: Ident,
    /// The fields in declaration order; an embedded field is named after its type.
    pub fields: Vec<Field>,
}

/// One field of a struct type.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Field {
    /// Its name.
    pub name: Ident,
    /// Its type.
    pub ty: Type,
    /// Written without a name (`sync.Mutex` inside the struct): its methods are promoted.
    pub embedded: bool,
}

/// The receiver of a method: `(c *Counter)`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Receiver {
    /// The receiver's name (`_` when left out).
    pub name: Ident,
    /// The struct type's name.
    pub ty: Ident,
    /// A pointer receiver (`*Counter`) rather than a value receiver (`Counter`).
    pub pointer: bool,
}

/// A channel's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// `chan T`.
    Both,
    /// `chan<- T`.
    Send,
    /// `<-chan T`.
    Recv,
}

/// A type as written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Type {
    /// `int`, `string`, `bool`, `any`, …
    Named(String),
    /// `sync.Mutex`, `sync.WaitGroup`.
    Qualified(String, String),
    /// `chan T`, `chan<- T`, `<-chan T`.
    Chan(Dir, Box<Type>),
    /// `map[K]V`.
    Map(Box<Type>, Box<Type>),
    /// `[]T`.
    Slice(Box<Type>),
    /// `*T`.
    Pointer(Box<Type>),
    /// `func(…) …`.
    Func(Vec<Type>, Vec<Type>),
    /// `struct{}`.
    EmptyStruct,
}

/// `var a, b T = x, y` (or `const`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct VarSpec {
    /// The names.
    pub names: Vec<Ident>,
    /// The declared type.
    pub ty: Option<Type>,
    /// Where the declared type is written.
    pub ty_span: Span,
    /// Initial values (none, or one per name).
    pub values: Vec<Expr>,
    /// `const` rather than `var`.
    pub constant: bool,
    /// The whole declaration.
    pub span: Span,
}

/// A parameter.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Param {
    /// Its name.
    pub name: Ident,
    /// Its type (for a variadic parameter, the slice type `[]T`).
    pub ty: Type,
    /// The last parameter written `xs ...T`.
    pub variadic: bool,
}

/// `func name(params) results { body }`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FuncDecl {
    /// The name.
    pub name: Ident,
    /// Parameters.
    pub params: Vec<Param>,
    /// Result types.
    pub results: Vec<Type>,
    /// Names of the results, when the function names them (`(n int, err error)`).
    pub result_names: Vec<Ident>,
    /// The receiver, for a method.
    pub receiver: Option<Receiver>,
    /// The body.
    pub body: Vec<Stmt>,
    /// The header.
    pub span: Span,
}

/// A statement and its source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// Where it is (for compound statements, the header).
    pub span: Span,
}

/// Assignment operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
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
    /// `&&`
    And,
    /// `||`
    Or,
}

/// The communication of a `select` case.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Comm {
    /// `case v, ok := <-ch:` / `case v = <-ch:` / `case <-ch:`.
    Recv {
        /// Receiving variables (0, 1 or 2).
        lhs: Vec<Expr>,
        /// `:=` rather than `=`.
        define: bool,
        /// The channel.
        chan: Expr,
    },
    /// `case ch <- v:`.
    Send {
        /// The channel.
        chan: Expr,
        /// The value.
        value: Expr,
    },
    /// `default:`.
    Default,
}

/// One `case` of a `select`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SelectCase {
    /// What it waits for.
    pub comm: Comm,
    /// Its statements.
    pub body: Vec<Stmt>,
    /// The `case …:` line.
    pub span: Span,
}

/// Statements.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum StmtKind {
    /// `var x T = v`.
    Var(VarSpec),
    /// `a, b := x, y`.
    Define(Vec<Ident>, Vec<Expr>),
    /// `a, b = x, y` or `a op= x`; the span covers the operator and the values (the
    /// arithmetic step of `count += 2`).
    Assign(Vec<Expr>, Option<BinOp>, Vec<Expr>, Span),
    /// `x++` / `x--`; the span is the operator's.
    IncDec(Expr, bool, Span),
    /// An expression for its effect.
    Expr(Expr),
    /// `ch <- v`.
    Send(Expr, Expr),
    /// `go call`.
    Go(Expr),
    /// `defer call`: run when the function returns, last deferred first.
    Defer(Expr),
    /// `if init; cond { … } else …`.
    If {
        /// Optional init statement.
        init: Option<Box<Stmt>>,
        /// The condition.
        cond: Expr,
        /// The then block.
        then: Vec<Stmt>,
        /// `else` block or `else if` (as a one-statement block).
        els: Option<Vec<Stmt>>,
    },
    /// `for { … }` and `for cond { … }`.
    While(Option<Expr>, Vec<Stmt>),
    /// `for init; cond; post { … }`.
    For {
        /// Init statement.
        init: Option<Box<Stmt>>,
        /// Condition.
        cond: Option<Expr>,
        /// Post statement.
        post: Option<Box<Stmt>>,
        /// Body.
        body: Vec<Stmt>,
    },
    /// `for k, v := range x { … }`.
    Range {
        /// Key (index) variable.
        key: Option<Ident>,
        /// Value variable.
        value: Option<Ident>,
        /// What is ranged over.
        over: Expr,
        /// Body.
        body: Vec<Stmt>,
    },
    /// `select { … }`.
    Select(Vec<SelectCase>),
    /// `return a, b`.
    Return(Vec<Expr>),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `{ … }`.
    Block(Vec<Stmt>),
}

/// An expression and its source.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnOp {
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `<-ch`
    Recv,
    /// `&x`
    Addr,
    /// `*p`
    Deref,
}

/// Expressions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ExprKind {
    /// A name.
    Ident(String),
    /// An integer.
    Int(i64),
    /// A rune literal (`'a'`): an integer constant whose default type is `rune`.
    Rune(i64),
    /// A floating-point literal.
    Float(f64),
    /// A string.
    Str(String),
    /// `a op b`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `op a`.
    Unary(UnOp, Box<Expr>),
    /// `f(args)`.
    Call(Box<Expr>, Vec<Expr>),
    /// `xs...` as the last argument of a call: the slice's elements are the variadic values.
    Spread(Box<Expr>),
    /// `new(T)`: a pointer to a new zero value.
    New(Type),
    /// `make(T)` / `make(T, n)`.
    Make(Type, Option<Box<Expr>>),
    /// `make([]T, len)` or `make([]T, len, cap)`.
    MakeSlice(Type, Box<Expr>, Option<Box<Expr>>),
    /// `x.name`.
    Selector(Box<Expr>, Ident),
    /// `x[i]`.
    Index(Box<Expr>, Box<Expr>),
    /// `x[low:high]` or `x[low:high:max]`; each bound may be left out (`s[:n]`, `s[n:]`).
    Slicing(
        Box<Expr>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
        Option<Box<Expr>>,
    ),
    /// `func(params) results { body }`.
    FuncLit(Vec<Param>, Vec<Type>, Vec<Stmt>),
    /// `[]T(x)`: a conversion to a slice type (`[]byte(s)`, `[]rune(s)`).
    Convert(Type, Box<Expr>),
    /// `T{elements}`: keyed elements have `Some(key)`.
    Composite(Type, Vec<(Option<Expr>, Expr)>),
}
