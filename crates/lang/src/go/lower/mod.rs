//! Lowers a parsed Go file to the simulator's IR.
//!
//! Package-level `var`s are shared memory (`Global`s): every access is a visible step. A
//! local variable that a closure captures and someone mutates lives in a shared cell, so
//! `count++` inside `go func() { … }()` races exactly as it would in Go. Maps are
//! references: each entry is a shared location. Types are tracked as far as the lesson
//! needs them, to catch mistakes like sending on something that is not a channel.

mod assign;
mod atomic;
mod call;
mod defer;
mod expr;
mod floats;
mod flow;
mod methods;
mod once;
mod package;
mod pointers;
mod printf;
mod rwmutex;
mod slice;
mod stmt;
mod structs;
mod text;
mod time;

use std::collections::{HashMap, HashSet};

use sim::ir::{
    self, Builtin, Callee, Expr as IrExpr, FmtPart, FuncId, FunctionBuilder, Global, GlobalId,
    GlobalInit, Label, Local, Op, Place, ProcKind, ProcessSpec, Program, SelectCase as IrCase,
    Span, Style, UnOp as IrUnOp, Value,
};

use super::ast::{
    BinOp, Comm, Dir, Expr, ExprKind, File, FuncDecl, Ident, Param, SelectCase, Stmt, StmtKind,
    Type, UnOp, VarSpec,
};
use super::capture::{assigned_names, captured_in, idents_in, mutated_in};
use super::types::{an, type_of, undeclared, unknown_type, Ty};
use crate::diagnostic::{Diagnostic, Diagnostics, Res};
use crate::lowering::{Dest, LowerCx, Lowering, Scratch};
use package::{const_eval, package_var, time_unit};
use structs::{Method, StructDef};

/// Where a variable lives.
#[derive(Clone, Debug, PartialEq)]
enum Store {
    /// A private local slot.
    Local(Local),
    /// A local slot holding a shared cell (captured and mutated).
    Cell(Local),
    /// A package-level variable; `constant` ones are read without a step.
    Global(GlobalId, bool),
    /// A `const`.
    Const(Value),
    /// A top-level function.
    Func(FuncId),
}

#[derive(Clone, Debug)]
struct Var {
    store: Store,
    ty: Ty,
}

struct Package {
    globals: HashMap<String, Var>,
    funcs: HashMap<String, (FuncId, Ty)>,
    /// Struct types by name.
    structs: HashMap<String, StructDef>,
    /// Methods by receiver type and name.
    methods: HashMap<(String, String), Method>,
    /// Variadic functions and methods: the slice type of their last parameter.
    variadic: HashMap<FuncId, Type>,
    /// Global initialisers that must run at the start of `main`.
    init: Vec<(GlobalId, Expr, Span)>,
}

/// Lowers a file.
pub(crate) fn lower(file: &File) -> Result<Program, Diagnostics> {
    let mut program = Program {
        style: Style::Go,
        ..Program::default()
    };
    let structs = structs::struct_table(&file.types)?;
    let mut funcs = HashMap::new();
    let mut methods = HashMap::new();
    let mut variadic = HashMap::new();
    for (i, f) in file.funcs.iter().enumerate() {
        if let Some(p) = f.params.last().filter(|p| p.variadic) {
            variadic.insert(FuncId(i as u32), p.ty.clone());
        }
        let ty = func_type(&f.params, &f.results, f.span)?;
        check_declared(&ty, &structs, f.span)?;
        match &f.receiver {
            Some(r) => {
                structs::add_method(&mut methods, &structs, r, &f.name, FuncId(i as u32), ty)?
            }
            None => {
                funcs.insert(f.name.name.clone(), (FuncId(i as u32), ty));
            }
        }
    }
    let assigned = assigned_names(file);
    let mut pkg = Package {
        globals: HashMap::new(),
        funcs,
        structs,
        methods,
        variadic,
        init: Vec::new(),
    };
    for spec in &file.vars {
        package_var(&mut pkg, &mut program, spec, &assigned)?;
    }
    let main_id = file
        .funcs
        .iter()
        .position(|f| f.name.name == "main" && f.receiver.is_none())
        .map(|i| FuncId(i as u32));
    let Some(main_id) = main_id else {
        return Err(Diagnostic::new(
            Span::new(0, 0, 1, 1),
            "this program has no `func main()`",
            "add `func main() { … }`: it is where the program starts",
        )
        .into());
    };
    if let Some(main) = file
        .funcs
        .iter()
        .find(|f| f.name.name == "main" && f.receiver.is_none())
    {
        if !main.params.is_empty() || !main.results.is_empty() {
            return Err(Diagnostic::new(
                main.name.span,
                "`main` must take no parameters and return nothing",
                "write `func main() {`",
            )
            .into());
        }
    }
    let mut out: Vec<ir::Function> = vec![ir::Function::default(); file.funcs.len()];
    let mut errors = Vec::new();
    for (i, f) in file.funcs.iter().enumerate() {
        let id = FuncId(i as u32);
        match lower_func(&pkg, &mut out, f, id, id == main_id) {
            Ok(func) => {
                if let Some(slot) = out.get_mut(i) {
                    *slot = func;
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|d: &Diagnostic| d.span.start);
        return Err(Diagnostics(errors));
    }
    program.functions = out;
    program.processes.push(ProcessSpec {
        name: Some("main".into()),
        kind: ProcKind::Goroutine,
        func: main_id,
        args: Vec::new(),
    });
    Ok(program)
}

/// Checks that every struct type named in `ty` is declared.
fn check_declared(ty: &Ty, structs: &HashMap<String, StructDef>, span: Span) -> Res<()> {
    match undeclared(ty, &|n| structs.contains_key(n)) {
        Some(n) => Err(unknown_type(n, span)),
        None => Ok(()),
    }
}

fn func_type(params: &[Param], results: &[Type], span: Span) -> Res<Ty> {
    Ok(Ty::Func(
        params
            .iter()
            .map(|p| type_of(&p.ty, p.name.span))
            .collect::<Res<_>>()?,
        results
            .iter()
            .map(|r| type_of(r, span))
            .collect::<Res<_>>()?,
    ))
}

struct Loop {
    /// `None` for a `select`, which `break` leaves but `continue` passes through.
    continue_to: Option<Label>,
    break_to: Label,
}

struct FnLower<'p> {
    pkg: &'p Package,
    out: &'p mut Vec<ir::Function>,
    cx: LowerCx,
    scopes: Vec<HashMap<String, Var>>,
    /// Captured-and-mutated names: declared as shared cells.
    cells: HashSet<String>,
    loops: Vec<Loop>,
    results: Vec<Ty>,
    closures: usize,
    /// Variables to declare in hidden slots: a `for` header's variable when each iteration
    /// gets its own copy (the copy is the `i` the student sees).
    hidden_vars: HashSet<String>,
    /// The hidden list of deferred calls, when the function defers any.
    defers: Option<Local>,
    /// How many `defer` wrappers this function has made (for their names).
    deferred: usize,
    /// The variables of named results, which a bare `return` returns.
    result_vars: Vec<Var>,
    /// Names whose address is taken (`&x`): such variables live in cells.
    addr_taken: HashSet<String>,
}

/// Names the student uses in a function: identifiers, declared variables, parameters.
fn student_names(params: &[Param], body: &[Stmt], pkg: &Package) -> HashSet<String> {
    let mut names = Vec::new();
    idents_in(body, &mut names);
    var_names(body, &mut names);
    let mut out: HashSet<String> = names.into_iter().collect();
    out.extend(params.iter().map(|p| p.name.name.clone()));
    out.extend(pkg.globals.keys().cloned());
    out.extend(pkg.funcs.keys().cloned());
    out
}

/// Names declared with `var` anywhere in `body` (`idents_in` sees only their uses).
fn var_names(body: &[Stmt], out: &mut Vec<String>) {
    for s in body {
        match &s.kind {
            StmtKind::Var(spec) => out.extend(spec.names.iter().map(|n| n.name.clone())),
            StmtKind::If {
                init, then, els, ..
            } => {
                if let Some(i) = init {
                    var_names(std::slice::from_ref(&**i), out);
                }
                var_names(then, out);
                if let Some(e) = els {
                    var_names(e, out);
                }
            }
            StmtKind::For { init, body, .. } => {
                if let Some(i) = init {
                    var_names(std::slice::from_ref(&**i), out);
                }
                var_names(body, out);
            }
            StmtKind::While(_, body) | StmtKind::Range { body, .. } | StmtKind::Block(body) => {
                var_names(body, out)
            }
            StmtKind::Select(cases) => cases.iter().for_each(|c| var_names(&c.body, out)),
            _ => {}
        }
    }
}

fn lower_func(
    pkg: &Package,
    out: &mut Vec<ir::Function>,
    f: &FuncDecl,
    id: FuncId,
    is_main: bool,
) -> Res<ir::Function> {
    let mut all_params: Vec<Param> = Vec::new();
    if let Some(r) = &f.receiver {
        let ty = Type::Named(r.ty.name.clone());
        all_params.push(Param {
            name: r.name.clone(),
            ty: if r.pointer {
                Type::Pointer(Box::new(ty))
            } else {
                ty
            },
            variadic: false,
        });
    }
    all_params.extend(f.params.iter().cloned());
    let params: Vec<&str> = all_params.iter().map(|p| p.name.name.as_str()).collect();
    let name = match &f.receiver {
        Some(r) if r.pointer => format!("(*{}).{}", r.ty.name, f.name.name),
        Some(r) => format!("{}.{}", r.ty.name, f.name.name),
        None => f.name.name.clone(),
    };
    let results = f
        .results
        .iter()
        .map(|r| type_of(r, f.span))
        .collect::<Res<Vec<_>>>()?;
    for r in &results {
        check_declared(r, &pkg.structs, f.span)?;
    }
    let mut lw = FnLower {
        pkg,
        out,
        cx: LowerCx::new(
            FunctionBuilder::new(id, &name, &params),
            &name,
            Scratch::new(student_names(&all_params, &f.body, pkg)),
        ),
        scopes: vec![HashMap::new()],
        cells: HashSet::new(),
        loops: Vec::new(),
        results,
        closures: 0,
        hidden_vars: HashSet::new(),
        defers: None,
        deferred: 0,
        result_vars: Vec::new(),
        addr_taken: pointers::address_taken(&f.body),
    };
    lw.cells = lw.cell_names(&f.body);
    lw.cx.fb.at(f.span);
    lw.bind_params(&all_params, 0)?;
    lw.named_results(&f.result_names, f.span)?;
    if is_main {
        for (g, e, span) in &pkg.init {
            let (v, _) = lw.expr(e)?;
            lw.cx.emit(
                *span,
                Op::Write {
                    place: Place::Global(*g),
                    value: v,
                },
            );
        }
    }
    lw.body(&f.body, f.span)?;
    let mut func = lw.cx.fb.finish();
    func.span = f.span;
    Ok(func)
}

impl Lowering for FnLower<'_> {
    fn cx(&mut self) -> &mut LowerCx {
        &mut self.cx
    }
}

impl<'p> FnLower<'p> {
    /// A new slot for the variable `name` (hidden when it is a header variable with
    /// per-iteration copies).
    fn var_slot(&mut self, name: &str) -> Local {
        if self.hidden_vars.contains(name) {
            self.cx.temp(name)
        } else {
            self.cx.fb.fresh(name)
        }
    }

    fn cell_names(&self, body: &[Stmt]) -> HashSet<String> {
        let captured = captured_in(body);
        let mut mutated = HashSet::new();
        mutated_in(body, &mut mutated);
        captured.intersection(&mutated).cloned().collect()
    }

    /// Parameters occupy slots `offset..`; captured-and-mutated ones move into cells.
    fn bind_params(&mut self, params: &[Param], offset: u32) -> Res<()> {
        for (i, p) in params.iter().enumerate() {
            let ty = self.ty_of(&p.ty, p.name.span)?;
            if p.name.name == "_" {
                continue;
            }
            let slot = Local(offset + i as u32);
            let store = if self.in_cell(&p.name.name, &ty) {
                let cell = self.cx.temp(&p.name.name);
                self.cx.emit(
                    p.name.span,
                    Op::MakeCell {
                        dst: cell,
                        init: IrExpr::Local(slot),
                    },
                );
                Store::Cell(cell)
            } else {
                Store::Local(slot)
            };
            self.scope_insert(&p.name.name, Var { store, ty });
        }
        Ok(())
    }

    /// Whether the variable `name` of type `ty` lives in a shared cell: a closure captures
    /// and someone changes it, or its address is taken.
    fn in_cell(&self, name: &str, ty: &Ty) -> bool {
        self.cells.contains(name) || (self.addr_taken.contains(name) && pointers::needs_cell(ty))
    }

    /// Declares the named results with their zero values, for a bare `return`.
    fn named_results(&mut self, names: &[Ident], span: Span) -> Res<()> {
        let results = self.results.clone();
        for (n, ty) in names.iter().zip(results) {
            let init = self.zero_of(&ty, &n.name, span);
            if n.name == "_" {
                let store = Store::Const(ty.zero());
                self.result_vars.push(Var { store, ty });
                continue;
            }
            self.declare(n, ty, init, span);
            if let Some(var) = self.lookup(&n.name) {
                self.result_vars.push(var);
            }
        }
        Ok(())
    }

    /// The static type of a written type, with struct names checked against the package.
    fn ty_of(&self, t: &Type, span: Span) -> Res<Ty> {
        let ty = type_of(t, span)?;
        check_declared(&ty, &self.pkg.structs, span)?;
        Ok(ty)
    }

    fn scope_insert(&mut self, name: &str, var: Var) {
        if let Some(s) = self.scopes.last_mut() {
            s.insert(name.to_string(), var);
        }
    }

    fn lookup(&self, name: &str) -> Option<Var> {
        for s in self.scopes.iter().rev() {
            if let Some(v) = s.get(name) {
                return Some(v.clone());
            }
        }
        if let Some(v) = self.pkg.globals.get(name) {
            return Some(v.clone());
        }
        self.pkg.funcs.get(name).map(|(id, ty)| Var {
            store: Store::Func(*id),
            ty: ty.clone(),
        })
    }

    fn undefined(&self, name: &str, span: Span) -> Diagnostic {
        let hint = match name {
            "fmt" | "sync" | "time" | "strconv" => format!("add `import \"{name}\"` at the top"),
            "println" | "print" => "use fmt.Println".to_string(),
            _ => "declare it first with `:=` or `var`".to_string(),
        };
        Diagnostic::new(span, format!("undefined: {name}"), hint)
    }

    /// Declares a new variable in the current scope and initialises it.
    fn declare(&mut self, name: &Ident, ty: Ty, init: IrExpr, span: Span) {
        self.declare_in(name, ty, init, None, span);
    }

    /// Like `declare`, into a slot made for it beforehand (see `into`).
    fn declare_in(&mut self, name: &Ident, ty: Ty, init: IrExpr, slot: Option<Local>, span: Span) {
        if name.name == "_" {
            return;
        }
        if self.in_cell(&name.name, &ty) {
            // The cell holds the value on the whiteboard; the slot holding the cell itself
            // is hidden.
            let slot = self.cx.temp(&name.name);
            self.cx.emit(span, Op::MakeCell { dst: slot, init });
            self.scope_insert(
                &name.name,
                Var {
                    store: Store::Cell(slot),
                    ty,
                },
            );
        } else {
            let slot = slot.unwrap_or_else(|| self.var_slot(&name.name));
            self.cx.assign_local(span, slot, init);
            self.scope_insert(
                &name.name,
                Var {
                    store: Store::Local(slot),
                    ty,
                },
            );
        }
    }

    fn block(&mut self, body: &[Stmt]) -> Res<()> {
        self.scopes.push(HashMap::new());
        let res = body.iter().try_for_each(|s| self.stmt(s));
        self.scopes.pop();
        res
    }
}

fn arity_err(name: &str, want: usize, have: usize, span: Span) -> Diagnostic {
    Diagnostic::new(
        span,
        format!(
            "{} arguments in call to {name}: have {have}, want {want}",
            if have < want {
                "not enough"
            } else {
                "too many"
            }
        ),
        format!(
            "`{name}` takes {want} argument{}",
            if want == 1 { "" } else { "s" }
        ),
    )
}

/// A short rendering of an expression for messages: names and selectors.
fn describe_expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::Selector(b, n) => format!("{}.{}", describe_expr(b), n.name),
        ExprKind::Int(n) => n.to_string(),
        ExprKind::Rune(n) => format!("{:?}", char::from_u32(*n as u32).unwrap_or('?')),
        ExprKind::Float(x) => x.to_string(),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::Call(f, _) => format!("{}(…)", describe_expr(f)),
        ExprKind::Index(b, _) => format!("{}[…]", describe_expr(b)),
        ExprKind::FuncLit(..) => "func literal".into(),
        _ => "this".into(),
    }
}

fn arith(op: BinOp, a: IrExpr, b: IrExpr) -> IrExpr {
    let op = match op {
        BinOp::Add => ir::BinOp::Add,
        BinOp::Sub => ir::BinOp::Sub,
        BinOp::Mul => ir::BinOp::Mul,
        BinOp::Div => ir::BinOp::Div,
        BinOp::Rem => ir::BinOp::Rem,
        BinOp::Eq => ir::BinOp::Eq,
        BinOp::Ne => ir::BinOp::Ne,
        BinOp::Lt => ir::BinOp::Lt,
        BinOp::Le => ir::BinOp::Le,
        BinOp::Gt => ir::BinOp::Gt,
        BinOp::Ge => ir::BinOp::Ge,
        BinOp::And => ir::BinOp::And,
        BinOp::Or => ir::BinOp::Or,
    };
    a.bin(op, b)
}
