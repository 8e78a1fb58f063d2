//! Lowers a parsed Python module to the simulator's IR.
//!
//! Module-level code runs in the `main` thread; each `def` becomes a function. Which
//! module-level variables are shared is decided first (see `scope`): every read and write of
//! a shared one is a visible step, and `count += 1` becomes a read, an add and a write.

use std::collections::{HashMap, HashSet};

use sim::ir::{
    self, Builtin, Callee, Expr as IrExpr, FmtPart, FuncId, FunctionBuilder, Label, Local, Op,
    Place, ProcKind, ProcessSpec, Program, Span, Style, UnOp, Value,
};

use super::ast::{BinOp, Expr, ExprKind, FPart, Ident, Module, Stmt, StmtKind};
use super::scope::{
    collect_assigned, collect_globals, collect_names, dotted, scan_module, Kind, ModuleScope,
    SharedVar, BUILTINS,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Res};
use crate::lowering::{computes, mentions, Scratch};

/// Lowers a module.
pub(crate) fn lower(module: &Module) -> Result<Program, Diagnostics> {
    let mut program = Program {
        style: Style::Python,
        ..Program::default()
    };
    let scope = scan_module(module, &mut program)?;
    let mut defs = Vec::new();
    let mut main_body = Vec::new();
    for stmt in &module.body {
        match &stmt.kind {
            StmtKind::Def { name, params, body } => defs.push((name, params, body, stmt.span)),
            _ => main_body.push(stmt),
        }
    }
    program.functions = vec![ir::Function::default(); scope.funcs.len() + 1];
    let mut errors = Vec::new();
    for (name, params, body, span) in defs {
        let Some(info) = scope.funcs.get(&name.name) else {
            continue;
        };
        let id = info.id;
        match lower_function(&scope, &name.name, params, body, span, id) {
            Ok(f) => {
                if let Some(slot) = program.functions.get_mut(id.index()) {
                    *slot = f;
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let main_id = FuncId(scope.funcs.len() as u32);
    let main_stmts: Vec<Stmt> = main_body.into_iter().cloned().collect();
    match lower_function(
        &scope,
        "<module>",
        &[],
        &main_stmts,
        Span::new(0, 0, 1, 1),
        main_id,
    ) {
        Ok(f) => {
            if let Some(slot) = program.functions.get_mut(main_id.index()) {
                *slot = f;
            }
        }
        Err(e) => errors.push(e),
    }
    if !errors.is_empty() {
        errors.sort_by_key(|d: &Diagnostic| d.span.start);
        return Err(Diagnostics(errors));
    }
    program.processes.push(ProcessSpec {
        name: Some("main".into()),
        kind: ProcKind::Thread,
        func: main_id,
        args: Vec::new(),
    });
    Ok(program)
}

/// Where a name lives inside the function being lowered.
enum Var<'s> {
    Local(Local),
    Shared(&'s SharedVar),
    Func(FuncId, usize),
}

struct Loop {
    continue_to: Label,
    break_to: Label,
    /// How many `with` locks were held when the loop started.
    locks_held: usize,
}

struct FnLower<'s> {
    scope: &'s ModuleScope,
    fb: FunctionBuilder,
    is_main: bool,
    name: String,
    locals: HashMap<String, Local>,
    /// Names this function declared `global`.
    globals: HashSet<String>,
    /// Names assigned in this function without `global`: Python makes them local.
    assigned: HashSet<String>,
    kinds: HashMap<String, Kind>,
    loops: Vec<Loop>,
    /// Locks held by enclosing `with` blocks, innermost last.
    held: Vec<(IrExpr, Span)>,
    /// The student's private copies of shared values: `tmp`, `tmp2`, ….
    scratch: Scratch,
    /// Local variables assigned a `threading.Thread(...)`, with the hidden slot that holds
    /// the thread object until `.start()`: the variable itself reads `None` until then, and
    /// the running thread after, never a bare function value.
    threads: HashMap<String, Local>,
    /// Where the value of the expression being lowered should go, when a statement
    /// assigns it straight to a local (`x = count` reads `count` into `x`).
    into: Option<Local>,
    /// The name of the variable a new lock, queue or dict is being assigned to: the
    /// resource is named after it.
    naming: Option<String>,
    /// Lowering bookkeeping the student did not write as a computation (`append`'s new
    /// list): assignments are never steps, even in expand mode.
    bookkeeping: bool,
}

fn lower_function(
    scope: &ModuleScope,
    name: &str,
    params: &[Ident],
    body: &[Stmt],
    span: Span,
    id: FuncId,
) -> Res<ir::Function> {
    let param_names: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
    let is_main = id.index() == scope.funcs.len();
    let mut globals = Vec::new();
    collect_globals(body, &mut globals);
    let mut assigned = Vec::new();
    collect_assigned(body, &mut assigned)?;
    let mut taken: HashSet<String> = assigned.iter().cloned().collect();
    let mut used = Vec::new();
    collect_names(body, &mut used);
    taken.extend(used);
    taken.extend(param_names.iter().map(|p| p.to_string()));
    taken.extend(scope.shared.keys().cloned());
    taken.extend(scope.funcs.keys().cloned());
    let threads = thread_names(body, &scope.imported);
    let mut lw = FnLower {
        scope,
        fb: FunctionBuilder::new(id, name, &param_names),
        is_main,
        name: name.to_string(),
        locals: HashMap::new(),
        globals: globals.into_iter().collect(),
        assigned: assigned.into_iter().collect(),
        kinds: HashMap::new(),
        loops: Vec::new(),
        held: Vec::new(),
        scratch: Scratch::new(taken),
        threads: HashMap::new(),
        into: None,
        naming: None,
        bookkeeping: false,
    };
    for name in threads {
        let shared = is_main && scope.shared.contains_key(&name);
        if !shared && !param_names.contains(&name.as_str()) && !lw.globals.contains(&name) {
            let slot = lw.temp(&name);
            lw.threads.insert(name, slot);
        }
    }
    for (i, p) in params.iter().enumerate() {
        lw.locals.insert(p.name.clone(), Local(i as u32));
        if lw.globals.contains(&p.name) {
            return Err(Diagnostic::new(
                p.span,
                format!("`{}` is both a parameter and declared `global`", p.name),
                "rename the parameter or drop it from the `global` line",
            ));
        }
    }
    lw.fb.at(span);
    lw.block(body)?;
    let mut f = lw.fb.finish();
    f.span = span;
    Ok(f)
}

/// A condition as the IR wants it: a boolean.
fn truthy(e: IrExpr, obviously_bool: bool) -> IrExpr {
    if obviously_bool {
        e
    } else {
        IrExpr::Call(Builtin::Truthy, vec![e])
    }
}

fn is_boolean(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Bool(_) | ExprKind::Not(_) => true,
        ExprKind::Binary(op, ..) => !matches!(
            op,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::FloorDiv | BinOp::Mod
        ),
        _ => false,
    }
}

impl<'s> FnLower<'s> {
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

    /// A value about to be written to a dict entry: when it computes something, the
    /// computation is its own `Eval` (a step in expand mode, like the add of `d[k] += 1`)
    /// into a scratch slot that `keep` (the map and key of the write) do not use.
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

    /// `dst = expr` for a local the student sees: a step of its own in expand mode only when
    /// it computes something (`x = y + 1`), not for a plain copy (`x = y`, `t = None`).
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

    fn local(&mut self, name: &str) -> Local {
        if let Some(l) = self.locals.get(name) {
            return *l;
        }
        let l = self.fb.fresh(name);
        self.locals.insert(name.to_string(), l);
        l
    }

    fn resolve(&self, name: &str, span: Span) -> Res<Var<'s>> {
        let scope = self.scope;
        if self.is_main {
            if let Some(g) = scope.shared.get(name) {
                return Ok(Var::Shared(g));
            }
            if let Some(l) = self.locals.get(name) {
                return Ok(Var::Local(*l));
            }
        } else {
            if self.globals.contains(name) {
                if let Some(g) = scope.shared.get(name) {
                    return Ok(Var::Shared(g));
                }
            }
            if let Some(l) = self.locals.get(name) {
                return Ok(Var::Local(*l));
            }
            if !self.assigned.contains(name) {
                if let Some(g) = scope.shared.get(name) {
                    return Ok(Var::Shared(g));
                }
            }
        }
        if let Some(f) = scope.funcs.get(name) {
            return Ok(Var::Func(f.id, f.params));
        }
        if self.assigned.contains(name) {
            let hint = if scope.shared.contains_key(name) {
                format!(
                    "`{name}` is assigned in `{}`, so Python treats it as a local; add `global {name}` at the top of `{}` to use the module-level `{name}`",
                    self.name, self.name
                )
            } else {
                format!("assign `{name}` before this line")
            };
            return Err(Diagnostic::new(
                span,
                format!("`{name}` is used before it is assigned"),
                hint,
            ));
        }
        Err(self.undefined(name, span))
    }

    /// The local slot an assignment to `name` would write, when it writes a local.
    fn local_target(&mut self, name: &str) -> Option<Local> {
        match self.resolve(name, Span::default()) {
            Ok(Var::Shared(_)) if self.is_main || self.globals.contains(name) => None,
            Ok(Var::Func(..)) if self.is_main => None,
            _ => Some(self.local(name)),
        }
    }

    fn undefined(&self, name: &str, span: Span) -> Diagnostic {
        let hint = if matches!(name, "threading" | "queue" | "time") {
            format!("add `import {name}` at the top of the file")
        } else if matches!(name, "Thread" | "Lock") {
            format!("write `threading.{name}` after `import threading`")
        } else if name == "Queue" {
            "write `queue.Queue` after `import queue`".to_string()
        } else {
            format!("define it first; the built-in functions are {BUILTINS}")
        };
        Diagnostic::new(span, format!("`{name}` is not defined"), hint)
    }

    fn kind_of(&self, e: &Expr) -> Kind {
        match &e.kind {
            ExprKind::Name(n) => {
                if let Some(k) = self.kinds.get(n) {
                    return k.clone();
                }
                if !self.assigned.contains(n) || self.globals.contains(n) || self.is_main {
                    if let Some(g) = self.scope.shared.get(n) {
                        return g.kind.clone();
                    }
                }
                if self.scope.funcs.contains_key(n) && !self.locals.contains_key(n) {
                    return Kind::Func;
                }
                Kind::Unknown
            }
            ExprKind::Int(_) => Kind::Int,
            ExprKind::Str(_) | ExprKind::FStr(_) => Kind::Str,
            ExprKind::List(_) => Kind::List,
            ExprKind::Dict(_) => Kind::Dict,
            ExprKind::Call { func, .. } => match dotted(func, &self.scope.imported).as_deref() {
                Some("threading.Lock") => Kind::Lock,
                Some("queue.Queue") => Kind::Queue,
                Some("dict") => Kind::Dict,
                Some("threading.Thread") => Kind::Thread(None),
                Some("len") => Kind::Int,
                Some("str") => Kind::Str,
                _ => Kind::Unknown,
            },
            _ => Kind::Unknown,
        }
    }

    fn block(&mut self, body: &[Stmt]) -> Res<()> {
        for stmt in body {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Res<()> {
        let span = stmt.span;
        // Scratch values never outlive their statement (`stable`/`stash` copy the ones that
        // must), so each statement starts again at `tmp`.
        self.scratch.restart();
        match &stmt.kind {
            StmtKind::Import { .. } | StmtKind::Pass => Ok(()),
            StmtKind::Def { name, .. } => Err(Diagnostic::new(
                name.span,
                "functions must be defined at the top level of the module",
                "move this `def` out to the left margin; nested functions are not part of the Python lesson dialect",
            )),
            StmtKind::Global(names) => {
                if !self.is_main {
                    for n in names {
                        if self.locals.contains_key(&n.name) {
                            return Err(Diagnostic::new(
                                n.span,
                                format!("`{}` is used before its `global` declaration", n.name),
                                "put the `global` line at the top of the function",
                            ));
                        }
                    }
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                if self.is_main && self.scope.folded.contains(&(span.start, span.end)) {
                    // The initial value became the global's starting content.
                    return Ok(());
                }
                let kind = self.kind_of(value);
                let kind = match (kind, &value.kind) {
                    (Kind::Thread(_), ExprKind::Call { kwargs, .. }) => Kind::Thread(
                        kwargs
                            .iter()
                            .find(|(k, _)| k.name == "name")
                            .and_then(|(_, v)| match &v.kind {
                                ExprKind::Str(s) => Some(s.clone()),
                                _ => None,
                            }),
                    ),
                    (k, _) => k,
                };
                if let [Expr {
                    kind: ExprKind::Name(n),
                    ..
                }] = targets.as_slice()
                {
                    // A thread object waits out of sight until `.start()`; the variable holds
                    // `None` meanwhile (a thread that is not running yet).
                    if let (Some(slot), Kind::Thread(_)) = (self.threads.get(n).copied(), &kind) {
                        self.kinds.insert(n.clone(), kind);
                        let v = self.expr(value)?;
                        self.emit(span, Op::Set { dst: slot, expr: v });
                        let visible = self.local(n);
                        self.emit(
                            span,
                            Op::Set {
                                dst: visible,
                                expr: IrExpr::Const(Value::Unit),
                            },
                        );
                        return Ok(());
                    }
                    // `x = count` reads straight into `x`; `jobs = queue.Queue()` makes a
                    // queue called `jobs`. Not when the value uses `x` itself, which must
                    // still be "used before it is assigned" when it has no value yet.
                    let mut used = Vec::new();
                    collect_names(
                        &[Stmt {
                            kind: StmtKind::Expr(value.clone()),
                            span: value.span,
                        }],
                        &mut used,
                    );
                    if !used.contains(n) {
                        self.into = self.local_target(n);
                    }
                    self.naming = Some(n.clone());
                }
                let v = self.expr(value);
                self.into = None;
                self.naming = None;
                let v = v?;
                if let [target] = targets.as_slice() {
                    return self.assign(target, v, kind, span);
                }
                let tmp = self.temp("tmp");
                self.emit(span, Op::Set { dst: tmp, expr: v });
                for t in targets {
                    self.assign(t, IrExpr::Local(tmp), kind.clone(), span)?;
                }
                Ok(())
            }
            StmtKind::AugAssign {
                target,
                op,
                op_span,
                value,
            } => self.aug_assign(target, *op, *op_span, value, span),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::If { branches, orelse } => {
                let end = self.fb.label();
                for (cond, body) in branches {
                    let next = self.fb.label();
                    let c = self.cond(cond)?;
                    self.emit(cond.span, Op::JumpUnless { cond: c, to: next });
                    self.block(body)?;
                    self.emit(span, Op::Jump { to: end });
                    self.fb.bind(next);
                }
                self.block(orelse)?;
                self.fb.bind(end);
                Ok(())
            }
            StmtKind::While { cond, body } => {
                let top = self.fb.label();
                let end = self.fb.label();
                self.fb.bind(top);
                if !matches!(cond.kind, ExprKind::Bool(true)) {
                    let c = self.cond(cond)?;
                    self.emit(span, Op::JumpUnless { cond: c, to: end });
                }
                self.loop_body(body, top, end)?;
                self.emit(span, Op::Jump { to: top });
                self.fb.bind(end);
                Ok(())
            }
            StmtKind::For { target, iter, body } => self.for_loop(target, iter, body, span),
            StmtKind::With { ctx, body } => {
                let kind = self.kind_of(ctx);
                if !matches!(kind, Kind::Lock | Kind::Unknown) {
                    return Err(Diagnostic::new(
                        ctx.span,
                        format!("`with` needs a lock, but this is {}", kind.describe()),
                        "make the lock with `lock = threading.Lock()` and write `with lock:`",
                    ));
                }
                let lock = self.expr(ctx)?;
                let lock = self.stable(lock, "lock", span);
                self.emit(span, Op::Acquire { lock: lock.clone() });
                self.held.push((lock.clone(), span));
                self.block(body)?;
                self.held.pop();
                self.emit(span, Op::Release { lock });
                Ok(())
            }
            StmtKind::Return(value) => {
                if self.is_main {
                    return Err(Diagnostic::new(
                        span,
                        "`return` outside a function",
                        "`return` may only appear inside a `def`",
                    ));
                }
                let v = match value {
                    Some(v) => Some(self.expr(v)?),
                    None => None,
                };
                let v = match v {
                    Some(e) if !self.held.is_empty() => Some(IrExpr::Local(self.stash(e, span))),
                    other => other,
                };
                self.release_held(0, span);
                self.emit(span, Op::Return { value: v });
                Ok(())
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(stmt.kind, StmtKind::Break);
                let Some(l) = self.loops.last() else {
                    return Err(Diagnostic::new(
                        span,
                        format!(
                            "`{}` outside a loop",
                            if is_break { "break" } else { "continue" }
                        ),
                        "use it inside a `for` or `while` body",
                    ));
                };
                let to = if is_break { l.break_to } else { l.continue_to };
                let held = l.locks_held;
                self.release_held(held, span);
                self.emit(span, Op::Jump { to });
                Ok(())
            }
        }
    }

    /// Releases `with` locks above `keep`, innermost first (leaving the block early).
    fn release_held(&mut self, keep: usize, span: Span) {
        let locks: Vec<(IrExpr, Span)> = self.held.iter().skip(keep).rev().cloned().collect();
        for (lock, _) in locks {
            self.emit(span, Op::Release { lock });
        }
    }

    /// Stores a value in a temporary so it is computed once and survives later statements
    /// (scratch slots are reused by the next statement).
    fn stash(&mut self, e: IrExpr, span: Span) -> Local {
        match e {
            IrExpr::Local(l) if !self.scratch.holds(l) => l,
            other => {
                let t = self.temp("tmp");
                self.emit(
                    span,
                    Op::Set {
                        dst: t,
                        expr: other,
                    },
                );
                t
            }
        }
    }

    /// The value of a thread variable (see `threads`): the thread object while it waits in
    /// its hidden slot (the variable reads `None`), else whatever the variable holds (the
    /// running thread, or a thread object taken from a list).
    fn thread_value(&mut self, visible: Local, hidden: Local, span: Span) -> IrExpr {
        let value = self.temp("thread");
        let done = self.fb.label();
        self.emit(
            span,
            Op::Set {
                dst: value,
                expr: IrExpr::Local(visible),
            },
        );
        self.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(visible).eq(IrExpr::Const(Value::Unit)),
                to: done,
            },
        );
        self.emit(
            span,
            Op::Set {
                dst: value,
                expr: IrExpr::Local(hidden),
            },
        );
        self.fb.bind(done);
        IrExpr::Local(value)
    }

    /// A thread variable is given something other than a new thread object: the hidden
    /// object, if any, is forgotten.
    fn forget_thread_object(&mut self, name: &str, span: Span) {
        if let Some(hidden) = self.threads.get(name).copied() {
            self.emit(
                span,
                Op::Set {
                    dst: hidden,
                    expr: IrExpr::Const(Value::Unit),
                },
            );
        }
    }

    /// An expression that is safe to evaluate again after later statements (a local, a
    /// constant, a global handle).
    fn stable(&mut self, e: IrExpr, name: &str, span: Span) -> IrExpr {
        match e {
            IrExpr::Local(l) if !self.scratch.holds(l) => e,
            IrExpr::Const(_) | IrExpr::Global(_) => e,
            other => {
                let t = self.temp(name);
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

    fn loop_body(&mut self, body: &[Stmt], continue_to: Label, break_to: Label) -> Res<()> {
        self.loops.push(Loop {
            continue_to,
            break_to,
            locks_held: self.held.len(),
        });
        let res = self.block(body);
        self.loops.pop();
        res
    }

    fn assign(&mut self, target: &Expr, value: IrExpr, kind: Kind, span: Span) -> Res<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.kinds.insert(n.clone(), kind);
                let var = match self.resolve(n, target.span) {
                    Ok(Var::Shared(g)) if self.is_main || self.globals.contains(n) => {
                        Var::Shared(g)
                    }
                    Ok(Var::Func(..)) if !self.is_main => Var::Local(self.local(n)),
                    Ok(Var::Func(..)) => {
                        return Err(Diagnostic::new(
                            target.span,
                            format!("`{n}` is a function; it cannot be assigned"),
                            "use another name for the variable",
                        ))
                    }
                    _ => Var::Local(self.local(n)),
                };
                match var {
                    Var::Shared(g) => {
                        // `count = count + 1`: the computation is a step of its own in expand
                        // mode, between the read and the write, as for `count += 1`.
                        let value = if computes(&value) && !self.bookkeeping {
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
                        self.emit(
                            span,
                            Op::Write {
                                place: Place::Global(g.id),
                                value,
                            },
                        );
                    }
                    Var::Local(l) => {
                        self.assign_local(span, l, value);
                        self.forget_thread_object(n, span);
                    }
                    Var::Func(..) => {}
                }
                Ok(())
            }
            ExprKind::Subscript(base, key) => {
                let base_kind = self.kind_of(base);
                if matches!(base_kind, Kind::List | Kind::Str) {
                    return Err(Diagnostic::new(
                        target.span,
                        format!(
                            "{} cannot be changed in place in the Python lesson dialect",
                            base_kind.describe()
                        ),
                        "use a dict for shared entries, like `counts = {}` then `counts[key] = 1`",
                    ));
                }
                let m = self.expr(base)?;
                let k = self.expr(key)?;
                let value = self.staged(value, &[&m, &k], span);
                self.emit(
                    span,
                    Op::MapWrite {
                        map: m,
                        key: k,
                        value,
                    },
                );
                Ok(())
            }
            ExprKind::Tuple(items) => {
                let tmp = self.stash(value, span);
                for (i, item) in items.iter().enumerate() {
                    let part = IrExpr::Local(tmp).index(IrExpr::int(i as i64));
                    self.assign(item, part, Kind::Unknown, span)?;
                }
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "cannot assign to this",
                "the left of `=` must be a variable name or `d[key]`",
            )),
        }
    }

    /// `target op= value`: for shared memory, a visible read, the arithmetic as its own
    /// `Eval` (a step of its own in expand mode), and a visible write.
    fn aug_assign(
        &mut self,
        target: &Expr,
        op: BinOp,
        op_span: Span,
        value: &Expr,
        span: Span,
    ) -> Res<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let var = self.resolve(n, target.span)?;
                match var {
                    Var::Local(l) => {
                        let rhs = self.expr(value)?;
                        let e = arith(op, IrExpr::Local(l), rhs);
                        self.emit(span, Op::Eval { dst: l, expr: e });
                    }
                    Var::Shared(g) => {
                        if !self.is_main && !self.globals.contains(n) {
                            return Err(Diagnostic::new(
                                target.span,
                                format!("`{n}` is a module-level variable; changing it here needs `global {n}`"),
                                format!("add `global {n}` as the first line of `{}`", self.name),
                            ));
                        }
                        let tmp = self.scratch();
                        self.emit(
                            target.span,
                            Op::Read {
                                dst: tmp,
                                place: Place::Global(g.id),
                            },
                        );
                        let rhs = self.expr(value)?;
                        let e = arith(op, IrExpr::Local(tmp), rhs);
                        self.emit(op_span, Op::Eval { dst: tmp, expr: e });
                        self.emit(
                            span,
                            Op::Write {
                                place: Place::Global(g.id),
                                value: IrExpr::Local(tmp),
                            },
                        );
                    }
                    Var::Func(..) => {
                        return Err(Diagnostic::new(
                            target.span,
                            format!("`{n}` is a function; it cannot be changed"),
                            "use a variable",
                        ))
                    }
                }
                Ok(())
            }
            ExprKind::Subscript(base, key) => {
                let m = self.expr(base)?;
                let m = self.stable(m, "map", span);
                let k = self.expr(key)?;
                let k = self.stable(k, "key", span);
                let tmp = self.scratch();
                self.emit(
                    target.span,
                    Op::MapRead {
                        dst: tmp,
                        map: m.clone(),
                        key: k.clone(),
                        default: None,
                        ok: None,
                    },
                );
                let rhs = self.expr(value)?;
                self.emit(
                    op_span,
                    Op::Eval {
                        dst: tmp,
                        expr: arith(op, IrExpr::Local(tmp), rhs),
                    },
                );
                self.emit(
                    span,
                    Op::MapWrite {
                        map: m,
                        key: k,
                        value: IrExpr::Local(tmp),
                    },
                );
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "cannot change this in place",
                "the left of `+=` must be a variable name or `d[key]`",
            )),
        }
    }

    fn for_loop(&mut self, target: &Ident, iter: &Expr, body: &[Stmt], span: Span) -> Res<()> {
        let var = if target.name == "_" {
            None
        } else {
            match self.resolve(&target.name, target.span) {
                Ok(Var::Shared(g)) if self.is_main || self.globals.contains(&target.name) => {
                    Some(Var::Shared(g))
                }
                _ => Some(Var::Local(self.local(&target.name))),
            }
        };
        let top = self.fb.label();
        let next = self.fb.label();
        let end = self.fb.label();
        let counter = self.temp("i");
        if let ExprKind::Call { func, args, kwargs } = &iter.kind {
            if matches!(&func.kind, ExprKind::Name(n) if n == "range") {
                if !kwargs.is_empty() {
                    return Err(Diagnostic::new(
                        iter.span,
                        "`range` takes no keyword arguments",
                        "write `range(n)` or `range(start, stop)`",
                    ));
                }
                let (start, stop, step) = match args.as_slice() {
                    [stop] => (IrExpr::int(0), self.expr(stop)?, 1),
                    [start, stop] => (self.expr(start)?, self.expr(stop)?, 1),
                    [start, stop, step] => {
                        let s = match step.kind {
                            ExprKind::Int(s) if s != 0 => s,
                            _ => return Err(Diagnostic::new(
                                step.span,
                                "the step of `range` must be a non-zero number written in the code",
                                "write `range(10, 0, -1)` to count down",
                            )),
                        };
                        (self.expr(start)?, self.expr(stop)?, s)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            iter.span,
                            format!("`range` takes 1 to 3 arguments, not {}", args.len()),
                            "write `range(n)` or `range(start, stop)`",
                        ))
                    }
                };
                if let (Kind::Str | Kind::List | Kind::Dict | Kind::Lock | Kind::Queue, Some(a)) = (
                    args.last().map(|a| self.kind_of(a)).unwrap_or(Kind::Int),
                    args.last(),
                ) {
                    return Err(Diagnostic::new(
                        a.span,
                        "`range` needs a number",
                        "write `range(10)`",
                    ));
                }
                let limit = self.stable(stop, "n", span);
                self.emit(
                    span,
                    Op::Set {
                        dst: counter,
                        expr: start,
                    },
                );
                self.fb.bind(top);
                let cmp = if step > 0 {
                    IrExpr::Local(counter).lt(limit)
                } else {
                    IrExpr::Local(counter).gt(limit)
                };
                self.emit(span, Op::JumpUnless { cond: cmp, to: end });
                if let Some(v) = &var {
                    self.bind_loop_var(v, IrExpr::Local(counter), span);
                    self.forget_thread_object(&target.name, span);
                }
                self.loop_body(body, next, end)?;
                self.fb.bind(next);
                self.emit(
                    span,
                    Op::Set {
                        dst: counter,
                        expr: IrExpr::Local(counter) + step,
                    },
                );
                self.emit(span, Op::Jump { to: top });
                self.fb.bind(end);
                return Ok(());
            }
        }
        let kind = self.kind_of(iter);
        if matches!(
            kind,
            Kind::Dict | Kind::Queue | Kind::Lock | Kind::Int | Kind::Thread(_)
        ) {
            return Err(Diagnostic::new(
                iter.span,
                format!("a `for` loop cannot go over {}", kind.describe()),
                "loop over `range(n)`, a list or a tuple",
            ));
        }
        let items = self.expr(iter)?;
        let items = self.stash(items, span);
        self.emit(
            span,
            Op::Set {
                dst: counter,
                expr: IrExpr::int(0),
            },
        );
        self.fb.bind(top);
        let len = IrExpr::Call(Builtin::Len, vec![IrExpr::Local(items)]);
        self.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(counter).lt(len),
                to: end,
            },
        );
        if let Some(v) = &var {
            self.bind_loop_var(v, IrExpr::Local(items).index(counter), span);
            self.forget_thread_object(&target.name, span);
        }
        self.loop_body(body, next, end)?;
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

    fn bind_loop_var(&mut self, var: &Var<'_>, value: IrExpr, span: Span) {
        match var {
            Var::Local(l) => self.emit(
                span,
                Op::Set {
                    dst: *l,
                    expr: value,
                },
            ),
            Var::Shared(g) => self.emit(
                span,
                Op::Write {
                    place: Place::Global(g.id),
                    value,
                },
            ),
            Var::Func(..) => {}
        }
    }

    fn cond(&mut self, e: &Expr) -> Res<IrExpr> {
        let v = self.expr(e)?;
        Ok(truthy(v, is_boolean(e)))
    }

    fn expr_stmt(&mut self, e: &Expr) -> Res<()> {
        match &e.kind {
            // A docstring or a bare value does nothing.
            ExprKind::Str(_) | ExprKind::Int(_) | ExprKind::None | ExprKind::Bool(_) => Ok(()),
            ExprKind::Call { .. } => self.call(e, true).map(drop),
            // A bare name does nothing, but must still exist.
            ExprKind::Name(n) => self.resolve(n, e.span).map(drop),
            // `t.start` without brackets is a classic slip.
            ExprKind::Attr(_, attr) => Err(Diagnostic::new(
                attr.span,
                format!("`.{}` is not called", attr.name),
                format!("add brackets: `.{}()`", attr.name),
            )),
            _ => self.expr(e).map(drop),
        }
    }

    /// Whether lowering `e` emits no instructions (so it can sit inside a pure expression).
    fn is_pure(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name(n) => match self.resolve(n, e.span) {
                Ok(Var::Shared(g)) => g.constant,
                _ => true,
            },
            ExprKind::Int(_) | ExprKind::Str(_) | ExprKind::Bool(_) | ExprKind::None => true,
            // `k in d` looks the key up in shared memory: a step.
            ExprKind::Binary(BinOp::In, ..) => false,
            ExprKind::Binary(_, a, b) => self.is_pure(a) && self.is_pure(b),
            ExprKind::Neg(a) | ExprKind::Not(a) => self.is_pure(a),
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().all(|i| self.is_pure(i)),
            ExprKind::FStr(parts) => parts.iter().all(|p| match p {
                FPart::Lit(_) => true,
                FPart::Value(e, _) => self.is_pure(e),
            }),
            _ => false,
        }
    }

    fn expr(&mut self, e: &Expr) -> Res<IrExpr> {
        // Only the outermost expression of an assignment may use its target directly.
        let into = self.into.take();
        let naming = self.naming.take();
        Ok(match &e.kind {
            ExprKind::Int(n) => IrExpr::int(*n),
            ExprKind::Str(s) => IrExpr::str(s),
            ExprKind::Bool(b) => IrExpr::bool(*b),
            ExprKind::None => IrExpr::Const(Value::Unit),
            ExprKind::Name(n) => match self.resolve(n, e.span)? {
                Var::Local(l) => match self.threads.get(n).copied() {
                    Some(hidden) => self.thread_value(l, hidden, e.span),
                    None => IrExpr::Local(l),
                },
                Var::Shared(g) if g.constant => IrExpr::Global(g.id),
                Var::Shared(g) => {
                    let tmp = match into {
                        Some(l) => l,
                        None => self.scratch(),
                    };
                    self.emit(
                        e.span,
                        Op::Read {
                            dst: tmp,
                            place: Place::Global(g.id),
                        },
                    );
                    IrExpr::Local(tmp)
                }
                Var::Func(id, _) => IrExpr::MakeFun {
                    func: id,
                    captured: Vec::new(),
                },
            },
            ExprKind::FStr(parts) => {
                let mut out = Vec::new();
                for p in parts {
                    out.push(match p {
                        FPart::Lit(s) => FmtPart::Lit(s.clone()),
                        FPart::Value(v, false) => FmtPart::Show(self.expr(v)?),
                        FPart::Value(v, true) => FmtPart::Repr(self.expr(v)?),
                    });
                }
                IrExpr::Format(out)
            }
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or), a, b) => {
                let left = self.expr(a)?;
                let left = truthy(left, is_boolean(a));
                if self.is_pure(b) {
                    let right = self.expr(b)?;
                    let right = truthy(right, is_boolean(b));
                    let ir_op = if *op == BinOp::And {
                        ir::BinOp::And
                    } else {
                        ir::BinOp::Or
                    };
                    return Ok(IrExpr::Binary(ir_op, Box::new(left), Box::new(right)));
                }
                // The right side has steps of its own: run them only when needed.
                let result = self.temp("cond");
                let end = self.fb.label();
                self.emit(
                    e.span,
                    Op::Set {
                        dst: result,
                        expr: left,
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
                self.emit(e.span, jump);
                let right = self.expr(b)?;
                self.emit(
                    e.span,
                    Op::Set {
                        dst: result,
                        expr: truthy(right, is_boolean(b)),
                    },
                );
                self.fb.bind(end);
                IrExpr::Local(result)
            }
            ExprKind::Binary(BinOp::In, key, container) => {
                let kind = self.kind_of(container);
                if !matches!(kind, Kind::Dict | Kind::Unknown) {
                    return Err(Diagnostic::new(
                        container.span,
                        format!(
                            "`in` tests a dict's keys in the Python lesson dialect, but this is {}",
                            kind.describe()
                        ),
                        "use `in` on a dict, like `if name in seen:`",
                    ));
                }
                let k = self.expr(key)?;
                let m = self.expr(container)?;
                // The entry's value is not needed, only whether it is there.
                let value = self.temp("value");
                let found = self.temp("in");
                self.emit(
                    e.span,
                    Op::MapRead {
                        dst: value,
                        map: m,
                        key: k,
                        default: None,
                        ok: Some(found),
                    },
                );
                IrExpr::Local(found)
            }
            ExprKind::Binary(op, a, b) => {
                let left = self.expr(a)?;
                let right = self.expr(b)?;
                match op {
                    BinOp::Eq => left.eq(right),
                    BinOp::Ne => left.ne(right),
                    BinOp::Lt => left.lt(right),
                    BinOp::Le => left.le(right),
                    BinOp::Gt => left.gt(right),
                    BinOp::Ge => left.ge(right),
                    other => arith(*other, left, right),
                }
            }
            ExprKind::Neg(a) => IrExpr::Unary(UnOp::Neg, Box::new(self.expr(a)?)),
            ExprKind::Not(a) => {
                let v = self.expr(a)?;
                IrExpr::Unary(UnOp::Not, Box::new(truthy(v, is_boolean(a))))
            }
            ExprKind::Tuple(items) => IrExpr::Tuple(self.exprs(items)?),
            ExprKind::List(items) => IrExpr::List(self.exprs(items)?),
            ExprKind::Dict(entries) => {
                let map = self.temp(naming.as_deref().unwrap_or("dict"));
                self.emit(e.span, Op::MakeMap { dst: map });
                for (k, v) in entries {
                    let k = self.expr(k)?;
                    let v = self.expr(v)?;
                    self.emit(
                        e.span,
                        Op::MapWrite {
                            map: IrExpr::Local(map),
                            key: k,
                            value: v,
                        },
                    );
                }
                IrExpr::Local(map)
            }
            ExprKind::Subscript(base, key) => {
                let kind = self.kind_of(base);
                let b = self.expr(base)?;
                let k = self.expr(key)?;
                match kind {
                    Kind::List | Kind::Str => b.index(k),
                    Kind::Unknown | Kind::Dict => {
                        let tmp = match into {
                            Some(l) => l,
                            None => self.scratch(),
                        };
                        self.emit(
                            e.span,
                            Op::MapRead {
                                dst: tmp,
                                map: b,
                                key: k,
                                default: None,
                                ok: None,
                            },
                        );
                        IrExpr::Local(tmp)
                    }
                    other => {
                        return Err(Diagnostic::new(
                            base.span,
                            format!("cannot index {} with `[…]`", other.describe()),
                            "index a dict, a list or a tuple",
                        ))
                    }
                }
            }
            ExprKind::Call { .. } => {
                self.into = into;
                self.naming = naming;
                let v = self.call(e, false);
                self.into = None;
                self.naming = None;
                v?
            }
            ExprKind::Attr(_, attr) => {
                return Err(Diagnostic::new(
                    attr.span,
                    format!("`.{}` must be called, like `.{}()`", attr.name, attr.name),
                    "the lesson dialect has no attributes, only method calls",
                ))
            }
        })
    }

    fn exprs(&mut self, items: &[Expr]) -> Res<Vec<IrExpr>> {
        items.iter().map(|i| self.expr(i)).collect()
    }

    fn no_kwargs(&self, kwargs: &[(Ident, Expr)], what: &str) -> Res<()> {
        match kwargs.first() {
            Some((k, _)) => Err(Diagnostic::new(
                k.span,
                format!("`{what}` takes no keyword argument `{}`", k.name),
                "pass the arguments by position",
            )),
            None => Ok(()),
        }
    }

    fn arity(&self, e: &Expr, what: &str, args: &[Expr], n: usize) -> Res<()> {
        if args.len() == n {
            return Ok(());
        }
        let plural = if n == 1 { "" } else { "s" };
        Err(Diagnostic::new(
            e.span,
            format!(
                "`{what}` takes {n} argument{plural}, but {} {} given",
                args.len(),
                if args.len() == 1 { "was" } else { "were" }
            ),
            format!("call it with exactly {n} argument{plural}"),
        ))
    }

    /// Lowers a call. `statement` is true when its value is unused (so `print` may appear).
    fn call(&mut self, e: &Expr, statement: bool) -> Res<IrExpr> {
        let ExprKind::Call { func, args, kwargs } = &e.kind else {
            return self.expr(e);
        };
        let span = e.span;
        let into = self.into.take();
        let naming = self.naming.take();
        // Methods on a value: `t.start()`, `lock.acquire()`, `q.put(x)`, `d.get(k)`.
        if let ExprKind::Attr(recv, method) = &func.kind {
            let full = dotted(func, &self.scope.imported);
            let is_module_call = full.as_deref().is_some_and(|f| {
                f.starts_with("threading.") || f.starts_with("queue.") || f.starts_with("time.")
            }) && matches!(&recv.kind, ExprKind::Name(n) if self.scope.imported.contains_key(n) && !self.locals.contains_key(n));
            if !is_module_call {
                if let ExprKind::Name(n) = &recv.kind {
                    if matches!(n.as_str(), "threading" | "queue" | "time") {
                        return Err(self.undefined(n, recv.span));
                    }
                }
                // `method` takes the target back (see `into`).
                self.into = into;
                return self.method(e, recv, method, args, kwargs, statement);
            }
        }
        let name = match dotted(func, &self.scope.imported) {
            Some(n) => n,
            None => {
                let f = self.expr(func)?;
                let a = self.exprs(args)?;
                self.no_kwargs(kwargs, "this function")?;
                let dst = match into {
                    Some(l) => l,
                    None => self.temp("result"),
                };
                self.emit(
                    span,
                    Op::Call {
                        dst: Some(dst),
                        callee: Callee::Value(f),
                        args: a,
                    },
                );
                return Ok(IrExpr::Local(dst));
            }
        };
        let is_user = matches!(&func.kind, ExprKind::Name(n) if self.locals.contains_key(n) || self.scope.funcs.contains_key(n) || self.scope.shared.contains_key(n));
        if !is_user {
            match name.as_str() {
                "print" => {
                    let mut sep = " ".to_string();
                    for (k, v) in kwargs {
                        match (k.name.as_str(), &v.kind) {
                            ("sep", ExprKind::Str(s)) => sep = s.clone(),
                            ("end", _) => {
                                return Err(Diagnostic::new(
                                    k.span,
                                    "`end=` is not part of the Python lesson dialect",
                                    "each `print` prints one line",
                                ))
                            }
                            _ => {
                                return Err(Diagnostic::new(
                                    k.span,
                                    format!("`print` takes no keyword argument `{}` here", k.name),
                                    "the lesson dialect knows `sep=\"…\"`",
                                ))
                            }
                        }
                    }
                    let mut parts = Vec::new();
                    for (i, a) in args.iter().enumerate() {
                        if i > 0 && !sep.is_empty() {
                            parts.push(FmtPart::Lit(sep.clone()));
                        }
                        match self.expr(a)? {
                            IrExpr::Format(inner) => parts.extend(inner),
                            v => parts.push(FmtPart::Show(v)),
                        }
                    }
                    self.emit(
                        span,
                        Op::Print {
                            text: IrExpr::Format(parts),
                        },
                    );
                    return Ok(IrExpr::Const(Value::Unit));
                }
                "len" | "str" | "repr" | "abs" => {
                    self.no_kwargs(kwargs, &name)?;
                    self.arity(e, &name, args, 1)?;
                    let Some(arg) = args.first() else {
                        return Ok(IrExpr::Const(Value::Unit));
                    };
                    if name == "len" && matches!(self.kind_of(arg), Kind::Dict) {
                        // The number of keys is shared memory too: a visible read.
                        let m = self.expr(arg)?;
                        let dst = match into {
                            Some(l) => l,
                            None => self.scratch(),
                        };
                        self.emit(span, Op::MapLen { dst, map: m });
                        return Ok(IrExpr::Local(dst));
                    }
                    let v = self.expr(arg)?;
                    return Ok(match name.as_str() {
                        "len" => IrExpr::Call(Builtin::Len, vec![v]),
                        "str" => IrExpr::Call(Builtin::ToStr, vec![v]),
                        "abs" => IrExpr::Call(Builtin::Abs, vec![v]),
                        _ => IrExpr::Format(vec![FmtPart::Repr(v)]),
                    });
                }
                "min" | "max" => {
                    self.no_kwargs(kwargs, &name)?;
                    self.arity(e, &name, args, 2)?;
                    let a = self.exprs(args)?;
                    let b = if name == "min" {
                        Builtin::Min
                    } else {
                        Builtin::Max
                    };
                    return Ok(IrExpr::Call(b, a));
                }
                "range" => {
                    return Err(Diagnostic::new(
                        span,
                        "`range(…)` can only be used in a `for` loop",
                        "write `for i in range(n):`",
                    ))
                }
                "dict" => {
                    self.no_kwargs(kwargs, "dict")?;
                    self.arity(e, "dict", args, 0)?;
                    let map = self.temp(naming.as_deref().unwrap_or("dict"));
                    self.emit(span, Op::MakeMap { dst: map });
                    return Ok(IrExpr::Local(map));
                }
                "threading.Lock" => {
                    self.no_kwargs(kwargs, "threading.Lock")?;
                    self.arity(e, "threading.Lock", args, 0)?;
                    let l = self.temp(naming.as_deref().unwrap_or("lock"));
                    self.emit(span, Op::MakeLock { dst: l });
                    return Ok(IrExpr::Local(l));
                }
                "queue.Queue" => {
                    let size = match (args.as_slice(), kwargs.as_slice()) {
                        ([], []) => None,
                        ([s], []) => Some(s),
                        ([], [(k, s)]) if k.name == "maxsize" => Some(s),
                        _ => {
                            return Err(Diagnostic::new(
                                span,
                                "`queue.Queue` takes at most one argument, `maxsize`",
                                "write `queue.Queue()` or `queue.Queue(maxsize=2)`",
                            ))
                        }
                    };
                    let capacity = match size {
                        None => None,
                        Some(Expr {
                            kind: ExprKind::Int(n),
                            ..
                        }) if *n <= 0 => None,
                        Some(s) => Some(self.expr(s)?),
                    };
                    let q = self.temp(naming.as_deref().unwrap_or("queue"));
                    self.emit(
                        span,
                        Op::MakeChan {
                            dst: q,
                            capacity,
                            zero: IrExpr::Const(Value::Unit),
                        },
                    );
                    return Ok(IrExpr::Local(q));
                }
                "threading.Thread" => return self.thread(e, args, kwargs),
                "time.sleep" => {
                    self.no_kwargs(kwargs, "time.sleep")?;
                    self.arity(e, "time.sleep", args, 1)?;
                    let t = self.exprs(args)?;
                    let ticks = t.into_iter().next().unwrap_or(IrExpr::int(1));
                    self.emit(span, Op::Sleep { ticks });
                    return Ok(IrExpr::Const(Value::Unit));
                }
                "threading.RLock"
                | "threading.Semaphore"
                | "threading.Condition"
                | "threading.Event"
                | "threading.Barrier" => {
                    return Err(Diagnostic::new(
                        func.span,
                        format!("`{name}` is not part of the Python lesson dialect"),
                        "from threading the lesson dialect knows Thread and Lock",
                    ))
                }
                _ => {}
            }
        }
        let ExprKind::Name(fname) = &func.kind else {
            return Err(Diagnostic::new(
                func.span,
                format!("`{name}` is not part of the Python lesson dialect"),
                "call your own functions or print, len, str, range",
            ));
        };
        self.no_kwargs(kwargs, fname)?;
        match self.resolve(fname, func.span)? {
            Var::Func(id, params) => {
                if params != args.len() {
                    let plural = if params == 1 { "" } else { "s" };
                    return Err(Diagnostic::new(
                        span,
                        format!(
                            "`{fname}` takes {params} argument{plural}, but {} {} given",
                            args.len(),
                            if args.len() == 1 { "was" } else { "were" }
                        ),
                        format!("call it with exactly {params} argument{plural}"),
                    ));
                }
                let a = self.exprs(args)?;
                let dst = match (statement, into) {
                    (true, _) => None,
                    (false, Some(l)) => Some(l),
                    (false, None) => Some(self.temp("result")),
                };
                self.emit(
                    span,
                    Op::Call {
                        dst,
                        callee: Callee::Func(id),
                        args: a,
                    },
                );
                Ok(dst.map_or(IrExpr::Const(Value::Unit), IrExpr::Local))
            }
            _ => {
                let kind = self.kind_of(func);
                if !matches!(kind, Kind::Unknown | Kind::Func) {
                    return Err(Diagnostic::new(
                        func.span,
                        format!("`{fname}` is {}, not a function", kind.describe()),
                        "call a function defined with `def`",
                    ));
                }
                let f = self.expr(func)?;
                let a = self.exprs(args)?;
                let dst = match into {
                    Some(l) => l,
                    None => self.temp("result"),
                };
                self.emit(
                    span,
                    Op::Call {
                        dst: Some(dst),
                        callee: Callee::Value(f),
                        args: a,
                    },
                );
                Ok(IrExpr::Local(dst))
            }
        }
    }

    /// `threading.Thread(target=f, args=(…))`: a thread object is the function with its
    /// arguments bound; `.start()` spawns it.
    fn thread(&mut self, e: &Expr, args: &[Expr], kwargs: &[(Ident, Expr)]) -> Res<IrExpr> {
        if let Some(a) = args.first() {
            return Err(Diagnostic::new(
                a.span,
                "`threading.Thread` takes keyword arguments",
                "write `threading.Thread(target=worker, args=(1,))`",
            ));
        }
        let mut target = None;
        let mut targs: Vec<Expr> = Vec::new();
        for (k, v) in kwargs {
            match k.name.as_str() {
                "target" => target = Some(v),
                "args" => match &v.kind {
                    ExprKind::Tuple(items) | ExprKind::List(items) => targs = items.clone(),
                    _ => {
                        return Err(Diagnostic::new(
                            v.span,
                            "`args` must be a tuple written out, like `args=(1, 2)`",
                            "for one argument write `args=(x,)`, with the comma",
                        ))
                    }
                },
                "name" | "daemon" => {}
                other => {
                    return Err(Diagnostic::new(
                        k.span,
                        format!("`threading.Thread` takes no keyword argument `{other}` in the lesson dialect"),
                        "use `target=`, `args=` and `name=`",
                    ))
                }
            }
        }
        let Some(target) = target else {
            return Err(Diagnostic::new(
                e.span,
                "`threading.Thread` needs `target=` the function to run",
                "write `threading.Thread(target=worker)`",
            ));
        };
        if let ExprKind::Call { .. } = target.kind {
            return Err(Diagnostic::new(
                target.span,
                "`target=` takes the function itself, not a call",
                "write `target=worker` without `()`, and pass arguments with `args=`",
            ));
        }
        let ExprKind::Name(fname) = &target.kind else {
            return Err(Diagnostic::new(
                target.span,
                "`target=` must name a function defined with `def`",
                "write `target=worker`, without brackets",
            ));
        };
        let resolved = match self.resolve(fname, target.span) {
            Ok(v) => v,
            Err(_) if BUILTINS.split(", ").any(|b| b == fname) => {
                return Err(Diagnostic::new(
                    target.span,
                    format!("`{fname}` is not a function defined with `def`"),
                    "a thread runs one of your own functions: write `target=` and its name",
                ))
            }
            Err(e) => return Err(e),
        };
        match resolved {
            Var::Func(id, params) => {
                if params != targs.len() {
                    return Err(Diagnostic::new(
                        target.span,
                        format!(
                            "`{fname}` takes {params} argument{}, but `args` has {}",
                            if params == 1 { "" } else { "s" },
                            targs.len()
                        ),
                        "give `args=` one value per parameter, like `args=(1,)`",
                    ));
                }
                let captured = self.exprs(&targs)?;
                Ok(IrExpr::MakeFun { func: id, captured })
            }
            _ => Err(Diagnostic::new(
                target.span,
                format!("`{fname}` is not a function defined with `def`"),
                "write `target=` and the name of a function",
            )),
        }
    }

    fn method(
        &mut self,
        e: &Expr,
        recv: &Expr,
        method: &Ident,
        args: &[Expr],
        kwargs: &[(Ident, Expr)],
        statement: bool,
    ) -> Res<IrExpr> {
        let span = e.span;
        let into = self.into.take();
        let kind = self.kind_of(recv);
        let m = method.name.as_str();
        let expect = |ok: bool, needs: &str| -> Res<()> {
            if ok {
                Ok(())
            } else {
                Err(Diagnostic::new(
                    method.span,
                    format!("`.{m}()` needs {needs}, but this is {}", kind.describe()),
                    format!("call `.{m}()` on {needs}"),
                ))
            }
        };
        let unknown = matches!(kind, Kind::Unknown);
        self.no_kwargs(kwargs, m)?;
        match m {
            "start" => {
                expect(unknown || matches!(kind, Kind::Thread(_)), "a thread")?;
                self.arity(e, "start", args, 0)?;
                let name = match &kind {
                    Kind::Thread(n) => n.clone(),
                    _ => None,
                };
                let callee = self.expr(recv)?;
                // The variable that held the thread object now holds the running thread.
                let dst = match &recv.kind {
                    ExprKind::Name(n) => match self.resolve(n, recv.span)? {
                        Var::Local(l) => Some(l),
                        _ => None,
                    },
                    _ => None,
                };
                let hidden = match (&recv.kind, dst) {
                    (ExprKind::Name(n), Some(_)) => self.threads.get(n).copied(),
                    _ => None,
                };
                let spawned = match dst {
                    Some(l) => l,
                    None => self.temp("thread"),
                };
                self.emit(
                    span,
                    Op::Spawn {
                        dst: Some(spawned),
                        kind: ProcKind::Thread,
                        callee: Callee::Value(callee),
                        args: Vec::new(),
                        name,
                    },
                );
                if let Some(slot) = hidden {
                    // The object is used up: the variable now holds the running thread, and a
                    // second `start()` on it crashes, as in Python.
                    self.emit(
                        span,
                        Op::Set {
                            dst: slot,
                            expr: IrExpr::Const(Value::Unit),
                        },
                    );
                }
                if let (None, ExprKind::Name(n)) = (dst, &recv.kind) {
                    if let Ok(Var::Shared(g)) = self.resolve(n, recv.span) {
                        self.emit(
                            span,
                            Op::Write {
                                place: Place::Global(g.id),
                                value: IrExpr::Local(spawned),
                            },
                        );
                    }
                }
                Ok(IrExpr::Const(Value::Unit))
            }
            "join" => {
                expect(unknown || matches!(kind, Kind::Thread(_)), "a thread")?;
                self.arity(e, "join", args, 0)?;
                let t = self.expr(recv)?;
                self.emit(span, Op::Join { target: t });
                Ok(IrExpr::Const(Value::Unit))
            }
            "acquire" | "release" => {
                expect(unknown || kind == Kind::Lock, "a lock")?;
                if let Some(a) = args.first() {
                    return Err(Diagnostic::new(
                        a.span,
                        format!("`.{m}()` takes no arguments in the lesson dialect"),
                        format!("write `lock.{m}()`"),
                    ));
                }
                let l = self.expr(recv)?;
                let op = if m == "acquire" {
                    Op::Acquire { lock: l }
                } else {
                    Op::Release { lock: l }
                };
                self.emit(span, op);
                Ok(IrExpr::Const(Value::Unit))
            }
            "put" => {
                expect(unknown || kind == Kind::Queue, "a queue")?;
                self.arity(e, "put", args, 1)?;
                let q = self.expr(recv)?;
                let v = self
                    .exprs(args)?
                    .into_iter()
                    .next()
                    .unwrap_or(IrExpr::Const(Value::Unit));
                self.emit(span, Op::ChanSend { chan: q, value: v });
                Ok(IrExpr::Const(Value::Unit))
            }
            "get" if kind == Kind::Queue || (unknown && args.is_empty()) => {
                self.arity(e, "get", args, 0)?;
                let q = self.expr(recv)?;
                let dst = match (statement, into) {
                    (true, _) => None,
                    (false, Some(l)) => Some(l),
                    (false, None) => Some(self.temp("item")),
                };
                self.emit(
                    span,
                    Op::ChanRecv {
                        chan: q,
                        dst,
                        ok: None,
                    },
                );
                Ok(dst.map_or(IrExpr::Const(Value::Unit), IrExpr::Local))
            }
            "get" => {
                expect(unknown || kind == Kind::Dict, "a dict")?;
                let (key, default) = match args {
                    [k] => (k, None),
                    [k, d] => (k, Some(d)),
                    _ => {
                        return Err(Diagnostic::new(
                            span,
                            "`.get()` on a dict takes a key and an optional default",
                            "write `d.get(key, 0)`",
                        ))
                    }
                };
                let map = self.expr(recv)?;
                let k = self.expr(key)?;
                let d = match default {
                    Some(d) => self.expr(d)?,
                    None => IrExpr::Const(Value::Unit),
                };
                let dst = match into {
                    Some(l) => l,
                    None => self.scratch(),
                };
                self.emit(
                    span,
                    Op::MapRead {
                        dst,
                        map,
                        key: k,
                        default: Some(d),
                        ok: None,
                    },
                );
                Ok(IrExpr::Local(dst))
            }
            "append" => {
                expect(unknown || kind == Kind::List, "a list")?;
                self.arity(e, "append", args, 1)?;
                let ExprKind::Name(n) = &recv.kind else {
                    return Err(Diagnostic::new(
                        recv.span,
                        "`.append()` works on a list held in a variable",
                        "write `items.append(x)`",
                    ));
                };
                let item = self
                    .exprs(args)?
                    .into_iter()
                    .next()
                    .unwrap_or(IrExpr::Const(Value::Unit));
                let list = self.expr(recv)?;
                let grown = list.bin(ir::BinOp::Add, IrExpr::List(vec![item]));
                // Growing the list is the dialect's business, not a computation to step
                // through.
                self.bookkeeping = true;
                let res = self.assign(recv, grown, Kind::List, span);
                self.bookkeeping = false;
                res?;
                self.kinds.insert(n.clone(), Kind::List);
                Ok(IrExpr::Const(Value::Unit))
            }
            "locked" | "put_nowait" | "get_nowait" | "qsize" | "empty" | "full" | "task_done"
            | "is_alive" | "keys" | "values" | "items" | "pop" | "setdefault" | "update" => {
                Err(Diagnostic::new(
                    method.span,
                    format!("`.{m}()` is not part of the Python lesson dialect"),
                    "threads know start/join, locks acquire/release, queues put/get, dicts get",
                ))
            }
            _ => Err(Diagnostic::new(
                method.span,
                format!("unknown method `.{m}()`"),
                "threads know start/join, locks acquire/release, queues put/get, dicts get",
            )),
        }
    }
}

fn arith(op: BinOp, a: IrExpr, b: IrExpr) -> IrExpr {
    let ir_op = match op {
        BinOp::Add => ir::BinOp::Add,
        BinOp::Sub => ir::BinOp::Sub,
        BinOp::Mul => ir::BinOp::Mul,
        BinOp::FloorDiv => ir::BinOp::FloorDiv,
        BinOp::Mod => ir::BinOp::Mod,
        BinOp::Eq => ir::BinOp::Eq,
        BinOp::Ne => ir::BinOp::Ne,
        BinOp::Lt => ir::BinOp::Lt,
        BinOp::Le => ir::BinOp::Le,
        BinOp::Gt => ir::BinOp::Gt,
        BinOp::Ge => ir::BinOp::Ge,
        BinOp::And => ir::BinOp::And,
        BinOp::Or => ir::BinOp::Or,
        // `in` is lowered to a map look-up before any arithmetic is built; nothing maps
        // it here.
        BinOp::In => ir::BinOp::Eq,
    };
    a.bin(ir_op, b)
}

/// Names bound to a `threading.Thread(...)` somewhere in `body` (`name = threading.Thread(…)`).
fn thread_names(body: &[Stmt], imported: &HashMap<String, String>) -> Vec<String> {
    fn walk(body: &[Stmt], imported: &HashMap<String, String>, out: &mut Vec<String>) {
        for stmt in body {
            match &stmt.kind {
                StmtKind::Assign { targets, value } => {
                    let is_thread = matches!(&value.kind, ExprKind::Call { func, .. }
                        if dotted(func, imported).as_deref() == Some("threading.Thread"));
                    for t in targets {
                        match &t.kind {
                            ExprKind::Name(n) if is_thread && !out.contains(n) => {
                                out.push(n.clone())
                            }
                            _ => {}
                        }
                    }
                }
                StmtKind::For { body, .. }
                | StmtKind::While { body, .. }
                | StmtKind::With { body, .. } => walk(body, imported, out),
                StmtKind::If { branches, orelse } => {
                    for (_, b) in branches {
                        walk(b, imported, out);
                    }
                    walk(orelse, imported, out);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(body, imported, &mut out);
    out
}
