//! Lowers a parsed Go file to the simulator's IR.
//!
//! Package-level `var`s are shared memory (`Global`s): every access is a visible step. A
//! local variable that a closure captures and someone mutates lives in a shared cell, so
//! `count++` inside `go func() { … }()` races exactly as it would in Go. Maps are
//! references: each entry is a shared location. Types are tracked as far as the lesson
//! needs them, to catch mistakes like sending on something that is not a channel.

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
use super::types::{an, type_of, Ty};
use crate::diagnostic::{Diagnostic, Diagnostics, Res};
use crate::lowering::{computes, mentions, Scratch};

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
    /// Global initialisers that must run at the start of `main`.
    init: Vec<(GlobalId, Expr, Span)>,
}

/// Lowers a file.
pub(crate) fn lower(file: &File) -> Result<Program, Diagnostics> {
    let mut program = Program {
        style: Style::Go,
        ..Program::default()
    };
    let mut funcs = HashMap::new();
    for (i, f) in file.funcs.iter().enumerate() {
        let ty = func_type(&f.params, &f.results, f.span)?;
        funcs.insert(f.name.name.clone(), (FuncId(i as u32), ty));
    }
    let assigned = assigned_names(file);
    let mut pkg = Package {
        globals: HashMap::new(),
        funcs,
        init: Vec::new(),
    };
    for spec in &file.vars {
        package_var(&mut pkg, &mut program, spec, &assigned)?;
    }
    let Some(main_id) = pkg.funcs.get("main").map(|(id, _)| *id) else {
        return Err(Diagnostic::new(
            Span::new(0, 0, 1, 1),
            "this program has no `func main()`",
            "add `func main() { … }`: it is where the program starts",
        )
        .into());
    };
    if let Some(main) = file.funcs.iter().find(|f| f.name.name == "main") {
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

/// A compile-time constant: literals and integer arithmetic on them.
fn const_eval(e: &Expr, pkg: &Package) -> Option<Value> {
    Some(match &e.kind {
        ExprKind::Int(n) => Value::Int(*n),
        ExprKind::Str(s) => Value::str(s),
        ExprKind::Ident(n) if n == "true" => Value::Bool(true),
        ExprKind::Ident(n) if n == "false" => Value::Bool(false),
        ExprKind::Ident(n) => match pkg.globals.get(n) {
            Some(Var {
                store: Store::Const(v),
                ..
            }) => v.clone(),
            _ => return None,
        },
        ExprKind::Selector(base, name) => match (&base.kind, name.name.as_str()) {
            (ExprKind::Ident(p), unit) if p == "time" => Value::Int(time_unit(unit)?),
            _ => return None,
        },
        ExprKind::Unary(UnOp::Neg, a) => match const_eval(a, pkg)? {
            Value::Int(n) => Value::Int(n.checked_neg()?),
            _ => return None,
        },
        ExprKind::Binary(op, a, b) => match (const_eval(a, pkg)?, const_eval(b, pkg)?) {
            (Value::Int(x), Value::Int(y)) => Value::Int(match op {
                BinOp::Add => x.checked_add(y)?,
                BinOp::Sub => x.checked_sub(y)?,
                BinOp::Mul => x.checked_mul(y)?,
                BinOp::Div => x.checked_div(y)?,
                BinOp::Rem => x.checked_rem(y)?,
                _ => return None,
            }),
            (Value::Str(x), Value::Str(y)) if *op == BinOp::Add => Value::str(&format!("{x}{y}")),
            _ => return None,
        },
        _ => return None,
    })
}

/// `time.Millisecond` and friends, in logical ticks: one tick per millisecond.
fn time_unit(name: &str) -> Option<i64> {
    Some(match name {
        "Nanosecond" | "Microsecond" | "Millisecond" => 1,
        "Second" => 1000,
        _ => return None,
    })
}

fn package_var(
    pkg: &mut Package,
    program: &mut Program,
    spec: &VarSpec,
    assigned: &HashSet<String>,
) -> Res<()> {
    let declared = match &spec.ty {
        Some(t) => Some(type_of(t, spec.ty_span)?),
        None => None,
    };
    for (i, name) in spec.names.iter().enumerate() {
        if pkg.globals.contains_key(&name.name) || pkg.funcs.contains_key(&name.name) {
            return Err(Diagnostic::new(
                name.span,
                format!("`{}` is already declared at package level", name.name),
                "give it another name",
            ));
        }
        let value = spec.values.get(i);
        if spec.constant {
            let Some(v) = value.and_then(|v| const_eval(v, pkg)) else {
                return Err(Diagnostic::new(
                    value.map_or(name.span, |v| v.span),
                    "a constant must be a value known before the program runs",
                    "use a number or a string, like `const workers = 3`",
                ));
            };
            let ty = match &v {
                Value::Int(_) => Ty::Int,
                Value::Str(_) => Ty::Str,
                Value::Bool(_) => Ty::Bool,
                _ => Ty::Unknown,
            };
            pkg.globals.insert(
                name.name.clone(),
                Var {
                    store: Store::Const(v),
                    ty,
                },
            );
            continue;
        }
        let id = GlobalId(program.globals.len() as u32);
        let (init, ty, folded) = match value {
            None => {
                let ty = declared.clone().unwrap_or(Ty::Unknown);
                let init = match ty {
                    Ty::Mutex => GlobalInit::Lock,
                    Ty::WaitGroup => GlobalInit::WaitGroup,
                    _ => GlobalInit::Value(ty.zero()),
                };
                (init, ty, true)
            }
            Some(v) => {
                if let Some(c) = const_eval(v, pkg) {
                    let ty = declared.clone().unwrap_or(match c {
                        Value::Int(_) => Ty::Int,
                        Value::Str(_) => Ty::Str,
                        Value::Bool(_) => Ty::Bool,
                        _ => Ty::Unknown,
                    });
                    (GlobalInit::Value(c), ty, true)
                } else if let Some((init, ty)) = resource_init(v, pkg)? {
                    (init, ty, true)
                } else {
                    pkg.init.push((id, v.clone(), spec.span));
                    let ty = declared.clone().unwrap_or(Ty::Unknown);
                    (GlobalInit::Value(ty.zero()), ty, false)
                }
            }
        };
        let constant = folded && !assigned.contains(&name.name);
        program.globals.push(Global {
            name: name.name.clone(),
            init,
        });
        pkg.globals.insert(
            name.name.clone(),
            Var {
                store: Store::Global(id, constant),
                ty,
            },
        );
    }
    Ok(())
}

/// `make(chan int, 2)`, `make(map[string]int)`, `sync.Mutex{}` at package level.
fn resource_init(v: &Expr, pkg: &Package) -> Res<Option<(GlobalInit, Ty)>> {
    Ok(match &v.kind {
        ExprKind::Make(t, size) => {
            let ty = type_of(t, v.span)?;
            match &ty {
                Ty::Chan(_, elem) => {
                    let capacity = match size {
                        None => Some(0),
                        Some(s) => match const_eval(s, pkg) {
                            Some(Value::Int(n)) if n >= 0 => u32::try_from(n).ok(),
                            _ => return Ok(None),
                        },
                    };
                    let zero = elem.zero();
                    Some((GlobalInit::Chan { capacity, zero }, ty))
                }
                Ty::Map(..) => Some((GlobalInit::Map, ty)),
                _ => None,
            }
        }
        ExprKind::Composite(t, elems) if elems.is_empty() => {
            let ty = type_of(t, v.span)?;
            match ty {
                Ty::Mutex => Some((GlobalInit::Lock, ty)),
                Ty::WaitGroup => Some((GlobalInit::WaitGroup, ty)),
                Ty::Map(..) => Some((GlobalInit::Map, ty)),
                _ => None,
            }
        }
        _ => None,
    })
}

struct Loop {
    /// `None` for a `select`, which `break` leaves but `continue` passes through.
    continue_to: Option<Label>,
    break_to: Label,
}

struct FnLower<'p> {
    pkg: &'p Package,
    out: &'p mut Vec<ir::Function>,
    fb: FunctionBuilder,
    name: String,
    scopes: Vec<HashMap<String, Var>>,
    /// Captured-and-mutated names: declared as shared cells.
    cells: HashSet<String>,
    loops: Vec<Loop>,
    results: Vec<Ty>,
    closures: usize,
    /// The student's private copies of shared values: `tmp`, `tmp2`, ….
    scratch: Scratch,
    /// Where the value of the expression being lowered should go, when a statement assigns
    /// it straight to a local (`v := <-ch` receives into `v`).
    into: Option<Local>,
    /// The name of the variable a new channel, map, mutex or WaitGroup is being assigned
    /// to: the resource is named after it.
    naming: Option<String>,
    /// Lowering a loop's own bookkeeping (`i := 0`, `i++` of a `for` header): assignments
    /// are never steps, even in expand mode.
    bookkeeping: bool,
    /// Variables to declare in hidden slots: a `for` header's variable when each iteration
    /// gets its own copy (the copy is the `i` the student sees).
    hidden_vars: HashSet<String>,
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
    let params: Vec<&str> = f.params.iter().map(|p| p.name.name.as_str()).collect();
    let results = f
        .results
        .iter()
        .map(|r| type_of(r, f.span))
        .collect::<Res<Vec<_>>>()?;
    let mut lw = FnLower {
        pkg,
        out,
        fb: FunctionBuilder::new(id, &f.name.name, &params),
        name: f.name.name.clone(),
        scopes: vec![HashMap::new()],
        cells: HashSet::new(),
        loops: Vec::new(),
        results,
        closures: 0,
        scratch: Scratch::new(student_names(&f.params, &f.body, pkg)),
        into: None,
        naming: None,
        bookkeeping: false,
        hidden_vars: HashSet::new(),
    };
    lw.cells = lw.cell_names(&f.body);
    lw.fb.at(f.span);
    lw.bind_params(&f.params, 0)?;
    if is_main {
        for (g, e, span) in &pkg.init {
            let (v, _) = lw.expr(e)?;
            lw.emit(
                *span,
                Op::Write {
                    place: Place::Global(*g),
                    value: v,
                },
            );
        }
    }
    lw.block(&f.body)?;
    let mut func = lw.fb.finish();
    func.span = f.span;
    Ok(func)
}

impl<'p> FnLower<'p> {
    fn emit(&mut self, span: Span, op: Op) {
        self.fb.at(span);
        self.fb.emit(op);
    }

    /// A compiler temporary: `$`-named, so the stage never shows it.
    fn temp(&mut self, name: &str) -> Local {
        self.fb.fresh(&format!("${name}"))
    }

    /// The next scratch slot of this statement (see [`Scratch`]).
    fn scratch(&mut self) -> Local {
        self.scratch.take(&mut self.fb)
    }

    /// The statement's first scratch slot, for a value computed from its reads and then
    /// written.
    fn first_scratch(&mut self) -> Local {
        self.scratch.first(&mut self.fb)
    }

    /// A value about to be written to a map entry: when it computes something, the
    /// computation is its own `Eval` (a step in expand mode, like the add of `m[k]++`) into
    /// a scratch slot that `keep` (the map and key of the write) do not use.
    fn staged(&mut self, value: IrExpr, keep: &[&IrExpr], span: Span) -> IrExpr {
        if !computes(&value) || self.bookkeeping {
            return value;
        }
        let first = self.first_scratch();
        let t = if keep.iter().any(|e| mentions(e, first)) {
            self.scratch()
        } else {
            first
        };
        self.emit(
            span,
            Op::Eval {
                dst: t,
                expr: value,
            },
        );
        IrExpr::Local(t)
    }

    /// The slot a new channel, map, mutex or WaitGroup is made in: named after the variable
    /// it is assigned to (the simulator names the resource after the slot, without `$`).
    fn resource_slot(&mut self, naming: Option<String>, fallback: &str) -> Local {
        self.temp(naming.as_deref().unwrap_or(fallback))
    }

    /// `dst = expr` for a local the student sees: a step of its own in expand mode only when
    /// it computes something (`n := n * 2`), not for a copy (`v := x`) or loop bookkeeping.
    fn assign_local(&mut self, span: Span, dst: Local, expr: IrExpr) {
        if expr == IrExpr::Local(dst) {
            return;
        }
        let op = if computes(&expr) && !self.bookkeeping {
            Op::Eval { dst, expr }
        } else {
            Op::Set { dst, expr }
        };
        self.emit(span, op);
    }

    /// A new slot for the variable `name` (hidden when it is a header variable with
    /// per-iteration copies).
    fn var_slot(&mut self, name: &str) -> Local {
        if self.hidden_vars.contains(name) {
            self.temp(name)
        } else {
            self.fb.fresh(name)
        }
    }

    /// Runs `f` with assignments counted as bookkeeping (a `for` header's init and post).
    fn as_bookkeeping<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let was = std::mem::replace(&mut self.bookkeeping, true);
        let out = f(self);
        self.bookkeeping = was;
        out
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
            let ty = type_of(&p.ty, p.name.span)?;
            if p.name.name == "_" {
                continue;
            }
            let slot = Local(offset + i as u32);
            let store = if self.cells.contains(&p.name.name) {
                let cell = self.temp(&p.name.name);
                self.emit(
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
        if self.cells.contains(&name.name) {
            // The cell holds the value on the whiteboard; the slot holding the cell itself
            // is hidden.
            let slot = self.temp(&name.name);
            self.emit(span, Op::MakeCell { dst: slot, init });
            self.scope_insert(
                &name.name,
                Var {
                    store: Store::Cell(slot),
                    ty,
                },
            );
        } else {
            let slot = slot.unwrap_or_else(|| self.var_slot(&name.name));
            self.assign_local(span, slot, init);
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

    fn stmt(&mut self, s: &Stmt) -> Res<()> {
        let span = s.span;
        // Scratch values never outlive their statement (`stable` copies the ones that must),
        // so each statement starts again at `tmp`.
        self.scratch.restart();
        match &s.kind {
            StmtKind::Var(spec) => self.local_var(spec),
            StmtKind::Define(names, values) => self.define(names, values, span),
            StmtKind::Assign(lhs, op, rhs, op_span) => match op {
                None => self.assign(lhs, rhs, span),
                Some(op) => {
                    let (Some(target), [value]) = (lhs.first(), rhs.as_slice()) else {
                        return Err(Diagnostic::new(
                            span,
                            "`op=` works on one variable and one value",
                            "write `count += 1`",
                        ));
                    };
                    if lhs.len() != 1 {
                        return Err(Diagnostic::new(
                            span,
                            "`op=` works on one variable and one value",
                            "write `count += 1`",
                        ));
                    }
                    self.update(target, *op, Some(value), *op_span, span)
                }
            },
            StmtKind::IncDec(target, inc, op_span) => {
                let op = if *inc { BinOp::Add } else { BinOp::Sub };
                self.update(target, op, None, *op_span, span)
            }
            StmtKind::Expr(e) => self.expr_stmt(e, span),
            StmtKind::Send(ch, value) => {
                let (c, cty) = self.expr(ch)?;
                self.check_chan(&cty, ch, true)?;
                let (v, vty) = self.expr(value)?;
                if let Ty::Chan(_, elem) = &cty {
                    if vty.clashes(elem) {
                        return Err(Diagnostic::new(
                            value.span,
                            format!("cannot send {} on a channel of {}", an(&vty), elem.name()),
                            format!("send {} value", an(elem)),
                        ));
                    }
                }
                self.emit(span, Op::ChanSend { chan: c, value: v });
                Ok(())
            }
            StmtKind::Go(call) => self.go(call, span),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.scopes.push(HashMap::new());
                let res = self.if_stmt(init.as_deref(), cond, then, els.as_deref(), span);
                self.scopes.pop();
                res
            }
            StmtKind::While(cond, body) => {
                let top = self.fb.label();
                let end = self.fb.label();
                self.fb.bind(top);
                if let Some(c) = cond {
                    let v = self.cond(c)?;
                    self.emit(span, Op::JumpUnless { cond: v, to: end });
                }
                self.loop_body(body, top, end)?;
                self.emit(span, Op::Jump { to: top });
                self.fb.bind(end);
                Ok(())
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.scopes.push(HashMap::new());
                let res =
                    self.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body, span);
                self.scopes.pop();
                res
            }
            StmtKind::Range {
                key,
                value,
                over,
                body,
            } => {
                self.scopes.push(HashMap::new());
                let res = self.range(key.as_ref(), value.as_ref(), over, body, span);
                self.scopes.pop();
                res
            }
            StmtKind::Select(cases) => self.select(cases, span),
            StmtKind::Return(values) => {
                if values.len() != self.results.len() {
                    return Err(Diagnostic::new(
                        span,
                        if values.len() < self.results.len() {
                            format!("not enough return values in `{}`", self.name)
                        } else {
                            format!("too many return values in `{}`", self.name)
                        },
                        format!(
                            "`{}` returns {}",
                            self.name,
                            if self.results.is_empty() {
                                "nothing".to_string()
                            } else {
                                Ty::Tuple(self.results.clone()).name()
                            }
                        ),
                    ));
                }
                let mut vs = Vec::new();
                for v in values {
                    vs.push(self.expr(v)?.0);
                }
                let value = match vs.len() {
                    0 => None,
                    1 => vs.pop(),
                    _ => Some(IrExpr::Tuple(vs)),
                };
                self.emit(span, Op::Return { value });
                Ok(())
            }
            StmtKind::Break => {
                let Some(l) = self.loops.last() else {
                    return Err(Diagnostic::new(
                        span,
                        "`break` is not in a loop or select",
                        "use `break` inside `for` or `select`",
                    ));
                };
                let to = l.break_to;
                self.emit(span, Op::Jump { to });
                Ok(())
            }
            StmtKind::Continue => {
                let Some(to) = self.loops.iter().rev().find_map(|l| l.continue_to) else {
                    return Err(Diagnostic::new(
                        span,
                        "`continue` is not in a loop",
                        "use `continue` inside `for`",
                    ));
                };
                self.emit(span, Op::Jump { to });
                Ok(())
            }
            StmtKind::Block(body) => self.block(body),
        }
    }

    fn loop_body(&mut self, body: &[Stmt], continue_to: Label, break_to: Label) -> Res<()> {
        self.loops.push(Loop {
            continue_to: Some(continue_to),
            break_to,
        });
        let res = self.block(body);
        self.loops.pop();
        res
    }

    fn local_var(&mut self, spec: &VarSpec) -> Res<()> {
        let declared = match &spec.ty {
            Some(t) => Some(type_of(t, spec.ty_span)?),
            None => None,
        };
        if spec.constant {
            for (name, value) in spec.names.iter().zip(&spec.values) {
                let Some(v) = const_eval(value, self.pkg) else {
                    return Err(Diagnostic::new(
                        value.span,
                        "a constant must be a value known before the program runs",
                        "use a number or a string, like `const workers = 3`",
                    ));
                };
                let ty = match &v {
                    Value::Int(_) => Ty::Int,
                    Value::Str(_) => Ty::Str,
                    _ => Ty::Bool,
                };
                self.scope_insert(
                    &name.name,
                    Var {
                        store: Store::Const(v),
                        ty,
                    },
                );
            }
            return Ok(());
        }
        if spec.values.is_empty() {
            let ty = declared.unwrap_or(Ty::Unknown);
            for name in &spec.names {
                let init = match ty {
                    Ty::Mutex | Ty::WaitGroup => {
                        let r = self.temp(&name.name);
                        let op = if ty == Ty::Mutex {
                            Op::MakeLock { dst: r }
                        } else {
                            Op::MakeWaitGroup { dst: r }
                        };
                        self.emit(spec.span, op);
                        IrExpr::Local(r)
                    }
                    _ => IrExpr::Const(ty.zero()),
                };
                self.declare(name, ty.clone(), init, spec.span);
            }
            return Ok(());
        }
        let mut vals = Vec::new();
        for (i, v) in spec.values.iter().enumerate() {
            if let Some(n) = spec.names.get(i) {
                self.naming = Some(n.name.clone());
            }
            let val = self.expr(v);
            self.naming = None;
            vals.push(val?);
        }
        for (name, (v, vty)) in spec.names.iter().zip(vals) {
            let ty = match &declared {
                Some(d) => {
                    if vty.clashes(d) {
                        return Err(Diagnostic::new(
                            spec.span,
                            format!(
                                "cannot use {} as {} in `var {}`",
                                an(&vty),
                                d.name(),
                                name.name
                            ),
                            format!("give `{}` {} value", name.name, an(d)),
                        ));
                    }
                    d.clone()
                }
                None => vty,
            };
            self.declare(name, ty, v, spec.span);
        }
        Ok(())
    }

    fn define(&mut self, names: &[Ident], values: &[Expr], span: Span) -> Res<()> {
        // `v, ok := <-ch`
        if let (
            [v, ok],
            [Expr {
                kind: ExprKind::Unary(UnOp::Recv, ch),
                ..
            }],
        ) = (names, values)
        {
            let (c, cty) = self.expr(ch)?;
            self.check_chan(&cty, ch, false)?;
            let elem = match &cty {
                Ty::Chan(_, e) => (**e).clone(),
                _ => Ty::Unknown,
            };
            let dst = self.temp("v");
            let okt = self.temp("ok");
            self.emit(
                span,
                Op::ChanRecv {
                    chan: c,
                    dst: Some(dst),
                    ok: Some(okt),
                },
            );
            self.define_one(v, elem, IrExpr::Local(dst), span)?;
            self.define_one(ok, Ty::Bool, IrExpr::Local(okt), span)?;
            return Ok(());
        }
        // `v, ok := m[key]`
        if let (
            [v, ok],
            [Expr {
                kind: ExprKind::Index(m, k),
                span: ispan,
            }],
        ) = (names, values)
        {
            let (vv, okv, vty) = self.comma_ok(m, k, *ispan)?;
            self.define_one(v, vty, vv, span)?;
            self.define_one(ok, Ty::Bool, okv, span)?;
            return Ok(());
        }
        // `x := <-ch`, `x := count`, `x := m[k]`, `ch := make(chan int)`: a single new
        // variable takes the value straight from the visible step, and names the resource.
        let direct = match (names, values) {
            ([n], [_])
                if n.name != "_"
                    && !self.cells.contains(&n.name)
                    && self.scopes.last().is_none_or(|s| !s.contains_key(&n.name)) =>
            {
                Some(n)
            }
            _ => None,
        };
        let mut vals = Vec::new();
        let mut slot = None;
        for (i, v) in values.iter().enumerate() {
            if let Some(n) = direct {
                let l = self.var_slot(&n.name);
                slot = Some(l);
                self.into = Some(l);
            }
            if names.len() == values.len() {
                self.naming = names.get(i).map(|n| n.name.clone()).filter(|n| n != "_");
            }
            let val = self.expr(v);
            self.into = None;
            self.naming = None;
            vals.push(val?);
        }
        if let (Some(n), Some(l), [(v, t)]) = (direct, slot, vals.as_slice()) {
            if matches!(t, Ty::Tuple(_)) {
                return Err(Diagnostic::new(
                    span,
                    "this call returns several values",
                    "receive them all, like `a, b := f()`",
                ));
            }
            let (v, t) = (v.clone(), t.clone());
            self.declare_in(n, t, v, Some(l), span);
            return Ok(());
        }
        if let ([(v, Ty::Tuple(tys))], true) = (vals.as_slice(), names.len() > 1) {
            if tys.len() != names.len() {
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "assignment mismatch: {} variables but {} values",
                        names.len(),
                        tys.len()
                    ),
                    "use one variable per returned value",
                ));
            }
            let tmp = self.temp("results");
            self.emit(
                span,
                Op::Set {
                    dst: tmp,
                    expr: v.clone(),
                },
            );
            let tys = tys.clone();
            for (i, (n, t)) in names.iter().zip(tys).enumerate() {
                self.define_one(n, t, IrExpr::Local(tmp).index(IrExpr::int(i as i64)), span)?;
            }
            return Ok(());
        }
        if vals.len() != names.len() {
            return Err(Diagnostic::new(
                span,
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    names.len(),
                    if names.len() == 1 { "" } else { "s" },
                    vals.len(),
                    if vals.len() == 1 { "" } else { "s" }
                ),
                "give one value per variable",
            ));
        }
        if !names
            .iter()
            .any(|n| n.name == "_" || self.scopes.last().is_none_or(|s| !s.contains_key(&n.name)))
        {
            return Err(Diagnostic::new(
                span,
                "no new variables on left side of :=",
                "use `=` to assign to variables that already exist",
            ));
        }
        let multi = names.len() > 1;
        let mut staged = Vec::new();
        for (n, (v, t)) in names.iter().zip(vals) {
            // With several values, compute all before binding any (`a, b := b, a`).
            let v = if multi {
                let tmp = self.temp("tmp");
                self.emit(span, Op::Set { dst: tmp, expr: v });
                IrExpr::Local(tmp)
            } else {
                v
            };
            staged.push((n, t, v));
        }
        for (n, t, v) in staged {
            if matches!(t, Ty::Tuple(_)) {
                return Err(Diagnostic::new(
                    span,
                    "this call returns several values",
                    "receive them all, like `a, b := f()`",
                ));
            }
            self.define_one(n, t, v, span)?;
        }
        Ok(())
    }

    /// Binds one name of a `:=`: reuses a variable of the same scope, else declares.
    fn define_one(&mut self, name: &Ident, ty: Ty, value: IrExpr, span: Span) -> Res<()> {
        if name.name == "_" {
            return Ok(());
        }
        let existing = self.scopes.last().and_then(|s| s.get(&name.name)).cloned();
        match existing {
            Some(var) => self.store(&var, value, span),
            None => {
                self.declare(name, ty, value, span);
                Ok(())
            }
        }
    }

    fn store(&mut self, var: &Var, value: IrExpr, span: Span) -> Res<()> {
        // `count = count + 1` on shared memory: the computation is a step of its own in
        // expand mode, between the read and the write, as for `count++`.
        let shared = matches!(var.store, Store::Cell(_) | Store::Global(..));
        let value = if shared && computes(&value) && !self.bookkeeping {
            let t = self.first_scratch();
            self.emit(
                span,
                Op::Eval {
                    dst: t,
                    expr: value,
                },
            );
            IrExpr::Local(t)
        } else {
            value
        };
        match &var.store {
            Store::Local(l) => self.assign_local(span, *l, value),
            Store::Cell(c) => self.emit(
                span,
                Op::Write {
                    place: Place::Cell(IrExpr::Local(*c)),
                    value,
                },
            ),
            Store::Global(g, _) => self.emit(
                span,
                Op::Write {
                    place: Place::Global(*g),
                    value,
                },
            ),
            Store::Const(_) | Store::Func(_) => {
                return Err(Diagnostic::new(
                    span,
                    "cannot assign to a constant or a function",
                    "assign to a variable",
                ))
            }
        }
        Ok(())
    }

    fn assign(&mut self, lhs: &[Expr], rhs: &[Expr], span: Span) -> Res<()> {
        if let (
            [v, ok],
            [Expr {
                kind: ExprKind::Unary(UnOp::Recv, ch),
                ..
            }],
        ) = (lhs, rhs)
        {
            let (c, cty) = self.expr(ch)?;
            self.check_chan(&cty, ch, false)?;
            let dst = self.temp("v");
            let okt = self.temp("ok");
            self.emit(
                span,
                Op::ChanRecv {
                    chan: c,
                    dst: Some(dst),
                    ok: Some(okt),
                },
            );
            self.assign_to(v, IrExpr::Local(dst), span)?;
            self.assign_to(ok, IrExpr::Local(okt), span)?;
            return Ok(());
        }
        // `v, ok = m[key]`
        if let (
            [v, ok],
            [Expr {
                kind: ExprKind::Index(m, k),
                span: ispan,
            }],
        ) = (lhs, rhs)
        {
            let (vv, okv, _) = self.comma_ok(m, k, *ispan)?;
            self.assign_to(v, vv, span)?;
            self.assign_to(ok, okv, span)?;
            return Ok(());
        }
        if lhs.len() != rhs.len() {
            return Err(Diagnostic::new(
                span,
                format!(
                    "assignment mismatch: {} variables but {} values",
                    lhs.len(),
                    rhs.len()
                ),
                "give one value per variable",
            ));
        }
        if let ([target], [value]) = (lhs, rhs) {
            // `x = <-ch` into a plain local takes the value straight from the step; a new
            // resource is named after its variable.
            if let ExprKind::Ident(n) = &target.kind {
                if let Some(Var {
                    store: Store::Local(l),
                    ..
                }) = self.lookup(n)
                {
                    self.into = Some(l);
                }
                self.naming = Some(n.clone());
            }
            let v = self.expr(value);
            self.into = None;
            self.naming = None;
            let (v, _) = v?;
            return self.assign_to(target, v, span);
        }
        let mut vals = Vec::new();
        for value in rhs {
            let (v, _) = self.expr(value)?;
            let tmp = self.temp("tmp");
            self.emit(span, Op::Set { dst: tmp, expr: v });
            vals.push(IrExpr::Local(tmp));
        }
        for (t, v) in lhs.iter().zip(vals) {
            self.assign_to(t, v, span)?;
        }
        Ok(())
    }

    fn assign_to(&mut self, target: &Expr, value: IrExpr, span: Span) -> Res<()> {
        match &target.kind {
            ExprKind::Ident(n) if n == "_" => Ok(()),
            ExprKind::Ident(n) => {
                let Some(var) = self.lookup(n) else {
                    return Err(self.undefined(n, target.span));
                };
                self.store(&var, value, span).map_err(|d| Diagnostic {
                    span: target.span,
                    ..d
                })
            }
            ExprKind::Index(m, k) => {
                let (mv, mty) = self.expr(m)?;
                match mty {
                    Ty::Map(..) | Ty::Unknown => {}
                    other => {
                        return Err(Diagnostic::new(
                            m.span,
                            format!("cannot assign to an element of {}", an(&other)),
                            "only map entries can be assigned with `m[k] = v`",
                        ))
                    }
                }
                let (kv, _) = self.expr(k)?;
                let value = self.staged(value, &[&mv, &kv], span);
                self.emit(
                    span,
                    Op::MapWrite {
                        map: mv,
                        key: kv,
                        value,
                    },
                );
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "cannot assign to this",
                "assign to a variable or a map entry",
            )),
        }
    }

    /// `x op= v` and `x++`: for shared memory a read, the arithmetic, and a write.
    fn update(
        &mut self,
        target: &Expr,
        op: BinOp,
        value: Option<&Expr>,
        op_span: Span,
        span: Span,
    ) -> Res<()> {
        let rhs = |me: &mut Self| -> Res<IrExpr> {
            match value {
                Some(v) => Ok(me.expr(v)?.0),
                None => Ok(IrExpr::int(1)),
            }
        };
        match &target.kind {
            ExprKind::Ident(n) => {
                let Some(var) = self.lookup(n) else {
                    return Err(self.undefined(n, target.span));
                };
                match var.store {
                    Store::Local(l) => {
                        let r = rhs(self)?;
                        self.assign_local(span, l, arith(op, IrExpr::Local(l), r));
                    }
                    Store::Cell(_) | Store::Global(..) => {
                        let place = match var.store {
                            Store::Cell(c) => Place::Cell(IrExpr::Local(c)),
                            Store::Global(g, _) => Place::Global(g),
                            _ => return Ok(()),
                        };
                        let tmp = self.scratch();
                        self.emit(
                            target.span,
                            Op::Read {
                                dst: tmp,
                                place: place.clone(),
                            },
                        );
                        let r = rhs(self)?;
                        let e = arith(op, IrExpr::Local(tmp), r);
                        let add = if self.bookkeeping {
                            Op::Set { dst: tmp, expr: e }
                        } else {
                            Op::Eval { dst: tmp, expr: e }
                        };
                        self.emit(op_span, add);
                        self.emit(
                            span,
                            Op::Write {
                                place,
                                value: IrExpr::Local(tmp),
                            },
                        );
                    }
                    Store::Const(_) | Store::Func(_) => {
                        return Err(Diagnostic::new(
                            target.span,
                            format!("cannot change `{n}`: it is not a variable"),
                            "declare a variable with `:=` or `var`",
                        ))
                    }
                }
                Ok(())
            }
            ExprKind::Index(m, k) => {
                let (mv, mty) = self.expr(m)?;
                let vty = match &mty {
                    Ty::Map(_, v) => (**v).clone(),
                    Ty::Unknown => Ty::Int,
                    other => {
                        return Err(Diagnostic::new(
                            m.span,
                            format!("cannot change an element of {}", an(other)),
                            "only map entries can be updated with `m[k]++`",
                        ))
                    }
                };
                let mv = self.stable(mv, span);
                let (kv, _) = self.expr(k)?;
                let kv = self.stable(kv, span);
                let tmp = self.scratch();
                self.emit(
                    target.span,
                    Op::MapRead {
                        dst: tmp,
                        map: mv.clone(),
                        key: kv.clone(),
                        default: Some(IrExpr::Const(vty.zero())),
                        ok: None,
                    },
                );
                let r = rhs(self)?;
                let e = arith(op, IrExpr::Local(tmp), r);
                let add = if self.bookkeeping {
                    Op::Set { dst: tmp, expr: e }
                } else {
                    Op::Eval { dst: tmp, expr: e }
                };
                self.emit(op_span, add);
                self.emit(
                    span,
                    Op::MapWrite {
                        map: mv,
                        key: kv,
                        value: IrExpr::Local(tmp),
                    },
                );
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "cannot change this",
                "update a variable or a map entry",
            )),
        }
    }

    /// An expression that is safe to evaluate again after later statements (scratch slots
    /// are reused by the next statement, so a value read into one is copied).
    fn stable(&mut self, e: IrExpr, span: Span) -> IrExpr {
        match e {
            IrExpr::Local(l) if !self.scratch.holds(l) => e,
            IrExpr::Const(_) | IrExpr::Global(_) => e,
            other => {
                let t = self.temp("tmp");
                self.emit(
                    span,
                    Op::Set {
                        dst: t,
                        expr: other,
                    },
                );
                IrExpr::Local(t)
            }
        }
    }

    /// `m[key]` with `ok`: the value (the zero value when missing), whether the key is
    /// there, and the value's type. One visible read.
    fn comma_ok(&mut self, m: &Expr, k: &Expr, span: Span) -> Res<(IrExpr, IrExpr, Ty)> {
        let (mv, mty) = self.expr(m)?;
        let vty = match &mty {
            Ty::Map(_, v) => (**v).clone(),
            Ty::Unknown => Ty::Unknown,
            other => {
                return Err(Diagnostic::new(
                    m.span,
                    format!(
                        "`v, ok := x[key]` needs a map, but `{}` is {}",
                        describe_expr(m),
                        an(other)
                    ),
                    "use the two-value form on a map; indexing a slice gives one value",
                ))
            }
        };
        let (kv, _) = self.expr(k)?;
        let dst = self.scratch();
        let ok = self.temp("ok");
        self.emit(
            span,
            Op::MapRead {
                dst,
                map: mv,
                key: kv,
                default: Some(IrExpr::Const(vty.zero())),
                ok: Some(ok),
            },
        );
        Ok((IrExpr::Local(dst), IrExpr::Local(ok), vty))
    }

    fn check_chan(&self, ty: &Ty, e: &Expr, sending: bool) -> Res<()> {
        match ty {
            Ty::Chan(Dir::Recv, _) if sending => Err(Diagnostic::new(
                e.span,
                "cannot send on a receive-only channel (<-chan)",
                "this side may only receive; send on the channel's other end",
            )),
            Ty::Chan(Dir::Send, _) if !sending => Err(Diagnostic::new(
                e.span,
                "cannot receive from a send-only channel (chan<-)",
                "this side may only send; receive on the channel's other end",
            )),
            Ty::Chan(..) | Ty::Unknown => Ok(()),
            other => Err(Diagnostic::new(
                e.span,
                format!(
                    "cannot {} `{}`: it is {}, not a channel",
                    if sending { "send on" } else { "receive from" },
                    describe_expr(e),
                    an(other)
                ),
                "make a channel with `make(chan int)`",
            )),
        }
    }

    fn if_stmt(
        &mut self,
        init: Option<&Stmt>,
        cond: &Expr,
        then: &[Stmt],
        els: Option<&[Stmt]>,
        span: Span,
    ) -> Res<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let c = self.cond(cond)?;
        let other = self.fb.label();
        let end = self.fb.label();
        self.emit(span, Op::JumpUnless { cond: c, to: other });
        self.block(then)?;
        if let Some(e) = els {
            self.emit(span, Op::Jump { to: end });
            self.fb.bind(other);
            self.block(e)?;
        } else {
            self.fb.bind(other);
        }
        self.fb.bind(end);
        Ok(())
    }

    fn cond(&mut self, e: &Expr) -> Res<IrExpr> {
        let (v, ty) = self.expr(e)?;
        if !matches!(ty, Ty::Bool | Ty::Unknown) {
            return Err(Diagnostic::new(
                e.span,
                format!("a condition must be a bool, but this is {}", an(&ty)),
                "compare it, like `n > 0`",
            ));
        }
        Ok(v)
    }

    fn for_stmt(
        &mut self,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &[Stmt],
        span: Span,
    ) -> Res<()> {
        // Go 1.22: a loop variable declared in the header is a new variable each
        // iteration, so closures started in the body see the value of their iteration.
        let mut per_iteration = Vec::new();
        let captured = captured_in(body);
        if let Some(i) = init {
            if let StmtKind::Define(names, _) = &i.kind {
                for n in names {
                    if captured.contains(&n.name) {
                        per_iteration.push(n.clone());
                    }
                }
                let saved: Vec<bool> = names.iter().map(|n| self.cells.remove(&n.name)).collect();
                let hidden: Vec<String> = per_iteration
                    .iter()
                    .map(|n| n.name.clone())
                    .filter(|n| self.hidden_vars.insert(n.clone()))
                    .collect();
                let res = self.as_bookkeeping(|me| me.stmt(i));
                for n in hidden {
                    self.hidden_vars.remove(&n);
                }
                res?;
                for (n, was) in names.iter().zip(saved) {
                    if was {
                        self.cells.insert(n.name.clone());
                    }
                }
            } else {
                self.as_bookkeeping(|me| me.stmt(i))?;
            }
        }
        let top = self.fb.label();
        let next = self.fb.label();
        let end = self.fb.label();
        self.fb.bind(top);
        if let Some(c) = cond {
            let v = self.cond(c)?;
            self.emit(span, Op::JumpUnless { cond: v, to: end });
        }
        let outer: Vec<(Ident, Var)> = per_iteration
            .iter()
            .filter_map(|n| self.lookup(&n.name).map(|v| (n.clone(), v)))
            .collect();
        self.scopes.push(HashMap::new());
        let mut copies = Vec::new();
        for (n, var) in &outer {
            let current = self.load(var, n.span)?;
            let mut mutated = HashSet::new();
            mutated_in(body, &mut mutated);
            let was = self.cells.contains(&n.name);
            if mutated.contains(&n.name) {
                self.cells.insert(n.name.clone());
            } else {
                self.cells.remove(&n.name);
            }
            self.as_bookkeeping(|me| me.declare(n, var.ty.clone(), current, span));
            if was {
                self.cells.insert(n.name.clone());
            } else {
                self.cells.remove(&n.name);
            }
            if let Some(copy) = self.lookup(&n.name) {
                copies.push((var.clone(), copy));
            }
        }
        self.loop_body(body, next, end)?;
        self.fb.bind(next);
        for (outer_var, copy) in copies {
            self.scratch.restart();
            let v = self.load(&copy, span)?;
            self.as_bookkeeping(|me| me.store(&outer_var, v, span))?;
        }
        self.scopes.pop();
        if let Some(p) = post {
            self.as_bookkeeping(|me| me.stmt(p))?;
        }
        self.emit(span, Op::Jump { to: top });
        self.fb.bind(end);
        Ok(())
    }

    /// The value of a variable (a visible read for shared ones).
    fn load(&mut self, var: &Var, span: Span) -> Res<IrExpr> {
        let into = self.into.take();
        Ok(match &var.store {
            Store::Local(l) => IrExpr::Local(*l),
            Store::Cell(c) => {
                let tmp = match into {
                    Some(l) => l,
                    None => self.scratch(),
                };
                self.emit(
                    span,
                    Op::Read {
                        dst: tmp,
                        place: Place::Cell(IrExpr::Local(*c)),
                    },
                );
                IrExpr::Local(tmp)
            }
            Store::Global(g, true) => IrExpr::Global(*g),
            Store::Global(g, false) => {
                let tmp = match into {
                    Some(l) => l,
                    None => self.scratch(),
                };
                self.emit(
                    span,
                    Op::Read {
                        dst: tmp,
                        place: Place::Global(*g),
                    },
                );
                IrExpr::Local(tmp)
            }
            Store::Const(v) => IrExpr::Const(v.clone()),
            Store::Func(id) => IrExpr::MakeFun {
                func: *id,
                captured: Vec::new(),
            },
        })
    }

    fn range(
        &mut self,
        key: Option<&Ident>,
        value: Option<&Ident>,
        over: &Expr,
        body: &[Stmt],
        span: Span,
    ) -> Res<()> {
        let (ov, oty) = self.expr(over)?;
        let top = self.fb.label();
        let end = self.fb.label();
        match oty {
            Ty::Chan(dir, elem) => {
                if value.is_some() {
                    return Err(Diagnostic::new(
                        over.span,
                        "range over a channel gives one value",
                        "write `for v := range ch {`",
                    ));
                }
                if dir == Dir::Send {
                    return self.check_chan(&Ty::Chan(dir, elem), over, false);
                }
                let ch = self.stable(ov, span);
                let dst = self.temp("v");
                let ok = self.temp("ok");
                self.fb.bind(top);
                self.emit(
                    span,
                    Op::ChanRecv {
                        chan: ch,
                        dst: Some(dst),
                        ok: Some(ok),
                    },
                );
                self.emit(
                    span,
                    Op::JumpUnless {
                        cond: IrExpr::Local(ok),
                        to: end,
                    },
                );
                self.scopes.push(HashMap::new());
                if let Some(k) = key {
                    self.declare(k, (*elem).clone(), IrExpr::Local(dst), span);
                }
                let res = self.loop_body(body, top, end);
                self.scopes.pop();
                res?;
                self.emit(span, Op::Jump { to: top });
                self.fb.bind(end);
                Ok(())
            }
            Ty::Int | Ty::Slice(_) | Ty::Str => {
                let counter = self.temp("i");
                if let (Ty::Int, Some(_)) = (&oty, value) {
                    return Err(Diagnostic::new(
                        over.span,
                        "range over an integer gives one value",
                        "write `for i := range 10 {`",
                    ));
                }
                // Evaluated once: the body may reuse the scratch slot it was read into.
                let items = self.stable(ov, span);
                let limit = if let Ty::Int = oty {
                    items.clone()
                } else {
                    IrExpr::Call(Builtin::Len, vec![items.clone()])
                };
                let elem = match &oty {
                    Ty::Slice(e) => (**e).clone(),
                    Ty::Str => Ty::Int,
                    _ => Ty::Int,
                };
                self.emit(
                    span,
                    Op::Set {
                        dst: counter,
                        expr: IrExpr::int(0),
                    },
                );
                let next = self.fb.label();
                self.fb.bind(top);
                self.emit(
                    span,
                    Op::JumpUnless {
                        cond: IrExpr::Local(counter).lt(limit),
                        to: end,
                    },
                );
                self.scopes.push(HashMap::new());
                self.as_bookkeeping(|me| {
                    if let Some(k) = key {
                        me.declare(k, Ty::Int, IrExpr::Local(counter), span);
                    }
                    if let Some(v) = value {
                        me.declare(v, elem, items.index(counter), span);
                    }
                });
                let res = self.loop_body(body, next, end);
                self.scopes.pop();
                res?;
                self.fb.bind(next);
                self.emit(
                    span,
                    Op::Set {
                        dst: counter,
                        expr: IrExpr::Local(counter) + 1,
                    },
                );
                self.emit(span, Op::Jump { to: top });
                self.fb.bind(end);
                Ok(())
            }
            Ty::Map(..) => Err(Diagnostic::new(
                over.span,
                "ranging over a map is not part of the Go lesson dialect yet",
                "keep the keys in a slice and read `m[k]` for each",
            )),
            other => Err(Diagnostic::new(
                over.span,
                format!("cannot range over {}", an(&other)),
                "range over a channel, an int or a slice",
            )),
        }
    }

    fn select(&mut self, cases: &[SelectCase], span: Span) -> Res<()> {
        let end = self.fb.label();
        let mut ir_cases = Vec::new();
        let mut default = None;
        // Per case: its label, the case, where a receive puts the value and `ok`, and the
        // channel's element type.
        let mut bodies = Vec::new();
        for c in cases {
            let to = self.fb.label();
            let mut slots = (None, None, Ty::Unknown);
            match &c.comm {
                Comm::Default => default = Some(to),
                Comm::Send { chan, value } => {
                    let (cv, cty) = self.expr(chan)?;
                    self.check_chan(&cty, chan, true)?;
                    let (v, _) = self.expr(value)?;
                    ir_cases.push(IrCase::Send {
                        chan: cv,
                        value: v,
                        to,
                    });
                }
                Comm::Recv { chan, lhs, .. } => {
                    let (cv, cty) = self.expr(chan)?;
                    self.check_chan(&cty, chan, false)?;
                    let dst = (!lhs.is_empty()).then(|| self.temp("v"));
                    let ok = (lhs.len() > 1).then(|| self.temp("ok"));
                    let elem = match cty {
                        Ty::Chan(_, e) => *e,
                        _ => Ty::Unknown,
                    };
                    slots = (dst, ok, elem);
                    ir_cases.push(IrCase::Recv {
                        chan: cv,
                        dst,
                        ok,
                        to,
                    });
                }
            }
            bodies.push((to, c, slots));
        }
        let head = Span::new(span.start, span.start + 6, span.line, span.col);
        self.emit(
            head,
            Op::Select {
                cases: ir_cases,
                default,
            },
        );
        for (to, c, (dst, ok, elem)) in bodies {
            self.fb.bind(to);
            self.scopes.push(HashMap::new());
            if let Comm::Recv { lhs, define, .. } = &c.comm {
                let values = [(lhs.first(), dst, elem), (lhs.get(1), ok, Ty::Bool)];
                for (target, slot, ty) in values {
                    let (Some(target), Some(slot)) = (target, slot) else {
                        continue;
                    };
                    if *define {
                        if let ExprKind::Ident(n) = &target.kind {
                            let id = Ident {
                                name: n.clone(),
                                span: target.span,
                            };
                            self.declare(&id, ty, IrExpr::Local(slot), c.span);
                        }
                    } else {
                        self.assign_to(target, IrExpr::Local(slot), c.span)?;
                    }
                }
            }
            self.loops.push(Loop {
                continue_to: None,
                break_to: end,
            });
            let res = c.body.iter().try_for_each(|s| self.stmt(s));
            self.loops.pop();
            self.scopes.pop();
            res?;
            self.emit(c.span, Op::Jump { to: end });
        }
        self.fb.bind(end);
        Ok(())
    }

    fn go(&mut self, call: &Expr, span: Span) -> Res<()> {
        let ExprKind::Call(func, args) = &call.kind else {
            return Err(Diagnostic::new(
                call.span,
                "`go` must be followed by a function call",
                "write `go worker(i)`",
            ));
        };
        let (callee, name, fty) = match &func.kind {
            ExprKind::Ident(n) => match self.lookup(n) {
                Some(Var {
                    store: Store::Func(id),
                    ty,
                }) => (Callee::Func(id), Some(n.clone()), ty),
                Some(var) => {
                    let v = self.load(&var, func.span)?;
                    (Callee::Value(v), None, var.ty)
                }
                None => return Err(self.undefined(n, func.span)),
            },
            ExprKind::FuncLit(..) => {
                let (v, ty) = self.expr(func)?;
                (Callee::Value(v), None, ty)
            }
            _ => {
                return Err(Diagnostic::new(
                    func.span,
                    "`go` must start a function by name or a `func() { … }` literal",
                    "write `go worker(i)` or `go func() { … }()`",
                ))
            }
        };
        let arg_vals = self.call_args(args, &fty, func, call.span)?;
        self.emit(
            span,
            Op::Spawn {
                dst: None,
                kind: ProcKind::Goroutine,
                callee,
                args: arg_vals,
                name,
            },
        );
        Ok(())
    }

    fn call_args(&mut self, args: &[Expr], fty: &Ty, func: &Expr, span: Span) -> Res<Vec<IrExpr>> {
        let fname = describe_expr(func);
        if let Ty::Func(params, _) = fty {
            if params.len() != args.len() {
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "{} arguments in call to {fname}: have {}, want {}",
                        if args.len() < params.len() {
                            "not enough"
                        } else {
                            "too many"
                        },
                        args.len(),
                        params.len()
                    ),
                    format!(
                        "`{fname}` takes {} argument{}",
                        params.len(),
                        if params.len() == 1 { "" } else { "s" }
                    ),
                ));
            }
        }
        let mut out = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let (v, t) = self.expr(a)?;
            if let Ty::Func(params, _) = fty {
                if let Some(want) = params.get(i) {
                    if t.clashes(want) {
                        return Err(Diagnostic::new(
                            a.span,
                            format!(
                                "cannot use {} ({}) as {} argument to {fname}",
                                describe_expr(a),
                                an(&t),
                                an(want)
                            ),
                            format!("pass a {}", want.name()),
                        ));
                    }
                }
            }
            out.push(v);
        }
        Ok(out)
    }

    fn expr_stmt(&mut self, e: &Expr, span: Span) -> Res<()> {
        match &e.kind {
            ExprKind::Call(..) => {
                self.call(e, true)?;
                Ok(())
            }
            ExprKind::Unary(UnOp::Recv, ch) => {
                let (c, cty) = self.expr(ch)?;
                self.check_chan(&cty, ch, false)?;
                self.emit(
                    span,
                    Op::ChanRecv {
                        chan: c,
                        dst: None,
                        ok: None,
                    },
                );
                Ok(())
            }
            _ => Err(Diagnostic::new(
                e.span,
                "this value is computed but not used",
                "assign it with `x := …`, or call a function",
            )),
        }
    }

    fn expr(&mut self, e: &Expr) -> Res<(IrExpr, Ty)> {
        let span = e.span;
        // Only the outermost expression of an assignment may use its target directly.
        let into = self.into.take();
        let naming = self.naming.take();
        Ok(match &e.kind {
            ExprKind::Int(n) => (IrExpr::int(*n), Ty::Int),
            ExprKind::Str(s) => (IrExpr::str(s), Ty::Str),
            ExprKind::Ident(n) => match n.as_str() {
                "true" | "false" if self.lookup(n).is_none() => {
                    (IrExpr::bool(n == "true"), Ty::Bool)
                }
                "nil" if self.lookup(n).is_none() => (IrExpr::Const(Value::Unit), Ty::Unknown),
                _ => {
                    let Some(var) = self.lookup(n) else {
                        return Err(self.undefined(n, span));
                    };
                    self.into = into;
                    let v = self.load(&var, span);
                    self.into = None;
                    (v?, var.ty)
                }
            },
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or), a, b) => {
                let (l, _) = self.expr(a)?;
                if self.is_pure(b) {
                    let (r, _) = self.expr(b)?;
                    return Ok((arith(*op, l, r), Ty::Bool));
                }
                let result = self.temp("cond");
                let end = self.fb.label();
                self.emit(
                    span,
                    Op::Set {
                        dst: result,
                        expr: l,
                    },
                );
                let jump = if *op == BinOp::And {
                    Op::JumpUnless {
                        cond: IrExpr::Local(result),
                        to: end,
                    }
                } else {
                    Op::JumpIf {
                        cond: IrExpr::Local(result),
                        to: end,
                    }
                };
                self.emit(span, jump);
                let (r, _) = self.expr(b)?;
                self.emit(
                    span,
                    Op::Set {
                        dst: result,
                        expr: r,
                    },
                );
                self.fb.bind(end);
                (IrExpr::Local(result), Ty::Bool)
            }
            ExprKind::Binary(op, a, b) => {
                let (l, lt) = self.expr(a)?;
                let (r, rt) = self.expr(b)?;
                let arithmetic = matches!(
                    op,
                    BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem
                );
                if arithmetic && lt.clashes(&rt) {
                    return Err(Diagnostic::new(
                        span,
                        format!("mismatched types {} and {}", lt.name(), rt.name()),
                        "both sides of an arithmetic operator must have the same type",
                    ));
                }
                let ty = if arithmetic {
                    if matches!(lt, Ty::Unknown) {
                        rt
                    } else {
                        lt
                    }
                } else {
                    Ty::Bool
                };
                (arith(*op, l, r), ty)
            }
            ExprKind::Unary(op, a) => match op {
                UnOp::Neg => {
                    let (v, t) = self.expr(a)?;
                    (IrExpr::Unary(IrUnOp::Neg, Box::new(v)), t)
                }
                UnOp::Not => {
                    let (v, _) = self.expr(a)?;
                    (IrExpr::Unary(IrUnOp::Not, Box::new(v)), Ty::Bool)
                }
                UnOp::Recv => {
                    let (c, cty) = self.expr(a)?;
                    self.check_chan(&cty, a, false)?;
                    let elem = match cty {
                        Ty::Chan(_, e) => *e,
                        _ => Ty::Unknown,
                    };
                    let dst = match into {
                        Some(l) => l,
                        None => self.temp("v"),
                    };
                    self.emit(
                        span,
                        Op::ChanRecv {
                            chan: c,
                            dst: Some(dst),
                            ok: None,
                        },
                    );
                    (IrExpr::Local(dst), elem)
                }
                UnOp::Addr | UnOp::Deref => {
                    let (v, t) = self.expr(a)?;
                    if !matches!(t, Ty::Mutex | Ty::WaitGroup | Ty::Unknown) {
                        return Err(Diagnostic::new(
                            span,
                            "pointers are not part of the Go lesson dialect, except &mu and &wg",
                            "share values through channels, or use a map (maps are already references)",
                        ));
                    }
                    (v, t)
                }
            },
            ExprKind::Call(..) => {
                self.into = into;
                self.naming = naming;
                let v = self.call(e, false);
                self.into = None;
                self.naming = None;
                v?
            }
            ExprKind::Make(t, size) => {
                let ty = type_of(t, span)?;
                match &ty {
                    Ty::Chan(_, elem) => {
                        let cap = match size {
                            Some(s) => {
                                let (v, st) = self.expr(s)?;
                                if !matches!(st, Ty::Int | Ty::Unknown) {
                                    return Err(Diagnostic::new(
                                        s.span,
                                        "a channel's buffer size must be an int",
                                        "write `make(chan int, 3)`",
                                    ));
                                }
                                v
                            }
                            None => IrExpr::int(0),
                        };
                        let dst = self.resource_slot(naming, "ch");
                        let zero = IrExpr::Const(elem.zero());
                        self.emit(
                            span,
                            Op::MakeChan {
                                dst,
                                capacity: Some(cap),
                                zero,
                            },
                        );
                        (IrExpr::Local(dst), ty)
                    }
                    Ty::Map(..) => {
                        let dst = self.resource_slot(naming, "m");
                        self.emit(span, Op::MakeMap { dst });
                        (IrExpr::Local(dst), ty)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            span,
                            format!("cannot make {} in the Go lesson dialect", an(&ty)),
                            "`make` makes channels and maps; write slices as `[]int{}`",
                        ))
                    }
                }
            }
            ExprKind::Selector(base, name) => {
                if let ExprKind::Ident(p) = &base.kind {
                    if p == "time" && self.lookup(p).is_none() {
                        if let Some(n) = time_unit(&name.name) {
                            return Ok((IrExpr::int(n), Ty::Int));
                        }
                    }
                }
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "`{}` is not a value in the Go lesson dialect",
                        describe_expr(e)
                    ),
                    "call methods with brackets, like `wg.Wait()`",
                ));
            }
            ExprKind::Index(base, index) => {
                let (b, bty) = self.expr(base)?;
                let (i, _) = self.expr(index)?;
                match bty {
                    Ty::Map(_, v) => {
                        let dst = match into {
                            Some(l) => l,
                            None => self.scratch(),
                        };
                        self.emit(
                            span,
                            Op::MapRead {
                                dst,
                                map: b,
                                key: i,
                                default: Some(IrExpr::Const(v.zero())),
                                ok: None,
                            },
                        );
                        (IrExpr::Local(dst), *v)
                    }
                    Ty::Slice(elem) => (b.index(i), *elem),
                    Ty::Str => (b.index(i), Ty::Int),
                    Ty::Unknown => (b.index(i), Ty::Unknown),
                    other => {
                        return Err(Diagnostic::new(
                            base.span,
                            format!("cannot index {}", an(&other)),
                            "index a map, a slice or a string",
                        ))
                    }
                }
            }
            ExprKind::FuncLit(params, results, body) => {
                self.func_lit(params, results, body, span)?
            }
            ExprKind::Composite(t, elems) => {
                let ty = type_of(t, span)?;
                match &ty {
                    Ty::Mutex | Ty::WaitGroup if elems.is_empty() => {
                        let fallback = if ty == Ty::Mutex { "mu" } else { "wg" };
                        let dst = self.resource_slot(naming, fallback);
                        let op = if ty == Ty::Mutex {
                            Op::MakeLock { dst }
                        } else {
                            Op::MakeWaitGroup { dst }
                        };
                        self.emit(span, op);
                        (IrExpr::Local(dst), ty)
                    }
                    Ty::Unit if elems.is_empty() => (IrExpr::Const(Value::Unit), Ty::Unit),
                    Ty::Slice(_) => {
                        let mut items = Vec::new();
                        for (k, v) in elems {
                            if let Some(k) = k {
                                return Err(Diagnostic::new(
                                    k.span,
                                    "keyed slice elements are not part of the Go lesson dialect",
                                    "list the elements in order",
                                ));
                            }
                            items.push(self.expr(v)?.0);
                        }
                        (IrExpr::List(items), ty)
                    }
                    Ty::Map(..) => {
                        let dst = self.resource_slot(naming, "m");
                        self.emit(span, Op::MakeMap { dst });
                        for (k, v) in elems {
                            let Some(k) = k else {
                                return Err(Diagnostic::new(
                                    v.span,
                                    "map literal entries need a key",
                                    "write `map[string]int{\"a\": 1}`",
                                ));
                            };
                            let (kv, _) = self.expr(k)?;
                            let (vv, _) = self.expr(v)?;
                            self.emit(span, Op::MapWrite {
                                map: IrExpr::Local(dst),
                                key: kv,
                                value: vv,
                            });
                        }
                        (IrExpr::Local(dst), ty)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            span,
                            format!("cannot write {} literal in the Go lesson dialect", an(&ty)),
                            "write `sync.WaitGroup{}`, `struct{}{}`, `[]int{1, 2}` or `map[string]int{}`",
                        ))
                    }
                }
            }
        })
    }

    fn is_pure(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Int(_) | ExprKind::Str(_) => true,
            ExprKind::Ident(n) => !matches!(
                self.lookup(n),
                Some(Var {
                    store: Store::Cell(_) | Store::Global(_, false),
                    ..
                })
            ),
            ExprKind::Binary(_, a, b) => self.is_pure(a) && self.is_pure(b),
            ExprKind::Unary(UnOp::Neg | UnOp::Not, a) => self.is_pure(a),
            _ => false,
        }
    }

    /// `func(params) { body }`: a new function whose leading parameters are the
    /// variables it captures (cells for shared ones).
    fn func_lit(
        &mut self,
        params: &[Param],
        results: &[Type],
        body: &[Stmt],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let fty = func_type(params, results, span)?;
        let mut names = Vec::new();
        idents_in(body, &mut names);
        let own: HashSet<&str> = params.iter().map(|p| p.name.name.as_str()).collect();
        let mut captured: Vec<(String, Var)> = Vec::new();
        for n in names {
            if own.contains(n.as_str()) {
                continue;
            }
            let in_scope = self.scopes.iter().rev().find_map(|s| s.get(&n)).cloned();
            if let Some(var) = in_scope {
                if matches!(var.store, Store::Local(_) | Store::Cell(_)) {
                    captured.push((n, var));
                }
            }
        }
        self.closures += 1;
        let name = format!("{}.func{}", self.name, self.closures);
        // A captured cell's slot holds the cell, not the value (which is on the whiteboard):
        // hidden, like the creator's.
        let mut slot_names: Vec<String> = captured
            .iter()
            .map(|(n, var)| match var.store {
                Store::Cell(_) => format!("${n}"),
                _ => n.clone(),
            })
            .collect();
        slot_names.extend(params.iter().map(|p| p.name.name.clone()));
        let slot_refs: Vec<&str> = slot_names.iter().map(String::as_str).collect();
        let id = FuncId(self.out.len() as u32);
        self.out.push(ir::Function::default());
        let results_ty = results
            .iter()
            .map(|r| type_of(r, span))
            .collect::<Res<Vec<_>>>()?;
        let mut scope = HashMap::new();
        for (i, (n, var)) in captured.iter().enumerate() {
            let store = match var.store {
                Store::Cell(_) => Store::Cell(Local(i as u32)),
                _ => Store::Local(Local(i as u32)),
            };
            scope.insert(
                n.clone(),
                Var {
                    store,
                    ty: var.ty.clone(),
                },
            );
        }
        let func = {
            let mut inner = FnLower {
                pkg: self.pkg,
                out: &mut *self.out,
                fb: FunctionBuilder::new(id, &name, &slot_refs),
                name: name.clone(),
                scopes: vec![scope],
                cells: HashSet::new(),
                loops: Vec::new(),
                results: results_ty,
                closures: 0,
                scratch: Scratch::new(student_names(params, body, self.pkg)),
                into: None,
                naming: None,
                bookkeeping: false,
                hidden_vars: HashSet::new(),
            };
            inner.cells = inner.cell_names(body);
            inner.fb.at(span);
            inner.bind_params(params, captured.len() as u32)?;
            inner.block(body)?;
            let mut f = inner.fb.finish();
            f.span = span;
            f
        };
        if let Some(slot) = self.out.get_mut(id.index()) {
            *slot = func;
        }
        let captured_vals = captured
            .iter()
            .map(|(_, var)| match var.store {
                Store::Local(l) | Store::Cell(l) => IrExpr::Local(l),
                _ => IrExpr::Const(Value::Unit),
            })
            .collect();
        Ok((
            IrExpr::MakeFun {
                func: id,
                captured: captured_vals,
            },
            fty,
        ))
    }

    /// Lowers a call; `statement` when its value is unused.
    fn call(&mut self, e: &Expr, statement: bool) -> Res<(IrExpr, Ty)> {
        let ExprKind::Call(func, args) = &e.kind else {
            return self.expr(e);
        };
        let span = e.span;
        let into = self.into.take();
        self.naming = None;
        let unit = (IrExpr::Const(Value::Unit), Ty::Unit);
        if let ExprKind::Selector(base, method) = &func.kind {
            if let ExprKind::Ident(pkgname) = &base.kind {
                if self.lookup(pkgname).is_none() {
                    return self.package_call(pkgname, method, args, span);
                }
            }
            return self.method_call(base, method, args, span);
        }
        if let ExprKind::Ident(n) = &func.kind {
            if self.lookup(n).is_none() {
                match n.as_str() {
                    "len" => {
                        let [a] = args.as_slice() else {
                            return Err(arity_err("len", 1, args.len(), span));
                        };
                        let (v, t) = self.expr(a)?;
                        return match t {
                            Ty::Map(..) => {
                                // The number of keys is shared memory too: a visible read.
                                let dst = match into {
                                    Some(l) => l,
                                    None => self.scratch(),
                                };
                                self.emit(span, Op::MapLen { dst, map: v });
                                Ok((IrExpr::Local(dst), Ty::Int))
                            }
                            Ty::Chan(..) => Err(Diagnostic::new(
                                span,
                                "`len` of a channel is not part of the Go lesson dialect",
                                "a channel's fill level changes as you look at it; use a counter",
                            )),
                            _ => Ok((IrExpr::Call(Builtin::Len, vec![v]), Ty::Int)),
                        };
                    }
                    "close" => {
                        let [a] = args.as_slice() else {
                            return Err(arity_err("close", 1, args.len(), span));
                        };
                        let (v, t) = self.expr(a)?;
                        if let Ty::Chan(Dir::Recv, _) = t {
                            return Err(Diagnostic::new(
                                a.span,
                                "cannot close a receive-only channel",
                                "the sending side closes a channel",
                            ));
                        }
                        self.check_chan(&t, a, true)?;
                        self.emit(span, Op::Close { chan: v });
                        return Ok(unit);
                    }
                    "panic" => {
                        let [a] = args.as_slice() else {
                            return Err(arity_err("panic", 1, args.len(), span));
                        };
                        let (v, _) = self.expr(a)?;
                        self.emit(span, Op::Fail { reason: v });
                        return Ok(unit);
                    }
                    "append" => {
                        let Some((first, rest)) = args.split_first() else {
                            return Err(arity_err("append", 2, 0, span));
                        };
                        let (s, st) = self.expr(first)?;
                        let mut items = Vec::new();
                        for r in rest {
                            items.push(self.expr(r)?.0);
                        }
                        return Ok((s.bin(ir::BinOp::Add, IrExpr::List(items)), st));
                    }
                    "delete" | "cap" | "copy" | "new" | "print" | "println" | "recover" => {
                        return Err(Diagnostic::new(
                            func.span,
                            format!("`{n}` is not part of the Go lesson dialect"),
                            "the built-ins are len, close, append, make and panic",
                        ))
                    }
                    "string" | "int" => {
                        return Err(Diagnostic::new(
                            func.span,
                            "type conversions are not part of the Go lesson dialect",
                            "use strconv.Itoa(n) or fmt.Sprint(n) to make a string",
                        ))
                    }
                    _ => return Err(self.undefined(n, func.span)),
                }
            }
        }
        let (callee, fty) = match &func.kind {
            ExprKind::Ident(n) => match self.lookup(n) {
                Some(Var {
                    store: Store::Func(id),
                    ty,
                }) => (Callee::Func(id), ty),
                Some(var) => {
                    if !matches!(var.ty, Ty::Func(..) | Ty::Unknown) {
                        return Err(Diagnostic::new(
                            func.span,
                            format!("`{n}` is {}, not a function", an(&var.ty)),
                            "call a function",
                        ));
                    }
                    let v = self.load(&var, func.span)?;
                    (Callee::Value(v), var.ty)
                }
                None => return Err(self.undefined(n, func.span)),
            },
            _ => {
                let (v, t) = self.expr(func)?;
                (Callee::Value(v), t)
            }
        };
        let arg_vals = self.call_args(args, &fty, func, span)?;
        let result_ty = match &fty {
            Ty::Func(_, r) => match r.as_slice() {
                [] => Ty::Unit,
                [one] => one.clone(),
                many => Ty::Tuple(many.to_vec()),
            },
            _ => Ty::Unknown,
        };
        let dst = match (statement, into) {
            (true, _) => None,
            (false, Some(l)) => Some(l),
            (false, None) => Some(self.temp("result")),
        };
        self.emit(
            span,
            Op::Call {
                dst,
                callee,
                args: arg_vals,
            },
        );
        Ok((
            dst.map_or(IrExpr::Const(Value::Unit), IrExpr::Local),
            result_ty,
        ))
    }

    fn method_call(
        &mut self,
        base: &Expr,
        method: &Ident,
        args: &[Expr],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let unit = (IrExpr::Const(Value::Unit), Ty::Unit);
        let (recv, ty) = self.expr(base)?;
        let m = method.name.as_str();
        match (&ty, m) {
            (Ty::Mutex | Ty::Unknown, "Lock" | "Unlock") => {
                if !args.is_empty() {
                    return Err(arity_err(m, 0, args.len(), span));
                }
                let op = if m == "Lock" {
                    Op::Acquire { lock: recv }
                } else {
                    Op::Release { lock: recv }
                };
                self.emit(span, op);
                Ok(unit)
            }
            (Ty::WaitGroup | Ty::Unknown, "Add") => {
                let [a] = args else {
                    return Err(arity_err("Add", 1, args.len(), span));
                };
                let (d, _) = self.expr(a)?;
                self.emit(span, Op::WgAdd { wg: recv, delta: d });
                Ok(unit)
            }
            (Ty::WaitGroup | Ty::Unknown, "Done" | "Wait") => {
                if !args.is_empty() {
                    return Err(arity_err(m, 0, args.len(), span));
                }
                let op = if m == "Done" {
                    Op::WgDone { wg: recv }
                } else {
                    Op::WgWait { wg: recv }
                };
                self.emit(span, op);
                Ok(unit)
            }
            _ => Err(Diagnostic::new(
                method.span,
                format!("{} has no method `{m}` in the Go lesson dialect", an(&ty)),
                "sync.Mutex has Lock and Unlock; sync.WaitGroup has Add, Done and Wait",
            )),
        }
    }

    fn package_call(
        &mut self,
        pkgname: &str,
        func: &Ident,
        args: &[Expr],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let unit = (IrExpr::Const(Value::Unit), Ty::Unit);
        match (pkgname, func.name.as_str()) {
            ("fmt", "Println" | "Print") => {
                let spaced = func.name == "Println";
                let mut parts = Vec::new();
                let mut prev_str: Option<bool> = None;
                for a in args {
                    let (v, t) = self.expr(a)?;
                    let is_str = t == Ty::Str;
                    if let Some(p) = prev_str {
                        if spaced || (!p && !is_str) {
                            parts.push(FmtPart::Lit(" ".into()));
                        }
                    }
                    prev_str = Some(is_str);
                    parts.push(FmtPart::Show(v));
                }
                self.emit(span, Op::Print {
                    text: IrExpr::Format(parts),
                });
                Ok(unit)
            }
            ("fmt", "Printf" | "Sprintf") => {
                let Some((fmt, rest)) = args.split_first() else {
                    return Err(arity_err(&format!("fmt.{}", func.name), 1, 0, span));
                };
                let ExprKind::Str(text) = &fmt.kind else {
                    return Err(Diagnostic::new(
                        fmt.span,
                        format!("the format of fmt.{} must be a string written out", func.name),
                        "write `fmt.Printf(\"%d\\n\", n)`",
                    ));
                };
                let lines = self.printf(text, fmt.span, rest, span)?;
                if func.name == "Sprintf" {
                    let mut all = Vec::new();
                    for (i, l) in lines.into_iter().enumerate() {
                        if i > 0 {
                            all.push(FmtPart::Lit("\n".into()));
                        }
                        all.extend(l);
                    }
                    return Ok((IrExpr::Format(all), Ty::Str));
                }
                for l in lines {
                    self.emit(span, Op::Print {
                        text: IrExpr::Format(l),
                    });
                }
                Ok(unit)
            }
            ("fmt", "Sprint") => {
                let mut parts = Vec::new();
                for a in args {
                    parts.push(FmtPart::Show(self.expr(a)?.0));
                }
                Ok((IrExpr::Format(parts), Ty::Str))
            }
            ("strconv", "Itoa") => {
                let [a] = args else {
                    return Err(arity_err("strconv.Itoa", 1, args.len(), span));
                };
                let (v, _) = self.expr(a)?;
                Ok((IrExpr::Call(Builtin::ToStr, vec![v]), Ty::Str))
            }
            ("time", "Sleep") => {
                let [a] = args else {
                    return Err(arity_err("time.Sleep", 1, args.len(), span));
                };
                let (v, _) = self.expr(a)?;
                self.emit(span, Op::Sleep { ticks: v });
                Ok(unit)
            }
            ("fmt" | "time" | "sync" | "strconv", name) => Err(Diagnostic::new(
                func.span,
                format!("`{pkgname}.{name}` is not part of the Go lesson dialect"),
                "the lesson dialect knows fmt.Println, fmt.Printf, fmt.Sprintf, strconv.Itoa and time.Sleep",
            )),
            _ => Err(self.undefined(pkgname, span)),
        }
    }

    /// Splits a `Printf` format into output lines at compile time.
    fn printf(
        &mut self,
        text: &str,
        fmt_span: Span,
        args: &[Expr],
        span: Span,
    ) -> Res<Vec<Vec<FmtPart>>> {
        let mut lines: Vec<Vec<FmtPart>> = vec![Vec::new()];
        let mut lit = String::new();
        let mut next = args.iter();
        let mut chars = text.chars();
        let flush = |lit: &mut String, lines: &mut Vec<Vec<FmtPart>>| {
            if !lit.is_empty() {
                if let Some(l) = lines.last_mut() {
                    l.push(FmtPart::Lit(std::mem::take(lit)));
                }
            }
        };
        while let Some(c) = chars.next() {
            if c == '\n' {
                flush(&mut lit, &mut lines);
                lines.push(Vec::new());
                continue;
            }
            if c != '%' {
                lit.push(c);
                continue;
            }
            match chars.next() {
                Some('%') => lit.push('%'),
                Some(verb @ ('v' | 'd' | 's' | 'q' | 't')) => {
                    flush(&mut lit, &mut lines);
                    let Some(a) = next.next() else {
                        return Err(Diagnostic::new(
                            fmt_span,
                            format!(
                                "the format has more verbs than the {} value{} given",
                                args.len(),
                                if args.len() == 1 { "" } else { "s" }
                            ),
                            "give one value for each %v, %d, %s, %q or %t",
                        ));
                    };
                    let (v, _) = self.expr(a)?;
                    if let Some(l) = lines.last_mut() {
                        l.push(if verb == 'q' {
                            FmtPart::Repr(v)
                        } else {
                            FmtPart::Show(v)
                        });
                    }
                }
                other => {
                    return Err(Diagnostic::new(
                        fmt_span,
                        format!(
                            "`%{}` is not part of the Go lesson dialect's Printf",
                            other.map(String::from).unwrap_or_default()
                        ),
                        "use %v, %d, %s, %q, %t or %%",
                    ))
                }
            }
        }
        flush(&mut lit, &mut lines);
        if next.next().is_some() {
            return Err(Diagnostic::new(
                span,
                "more values than verbs in the format",
                "give one value for each %v, %d, %s, %q or %t",
            ));
        }
        if lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        Ok(lines)
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
