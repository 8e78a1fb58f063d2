//! Lowers a parsed Python module to the simulator's IR.
//!
//! Module-level code runs in the `main` thread; each `def` becomes a function. Which
//! module-level variables are shared is decided first (see `scope`): every read and write of
//! a shared one is a visible step, and `count += 1` becomes a read, an add and a write.

mod args;
mod assign;
mod call;
mod comp;
mod expr;
mod library;
mod method;
mod percent;
mod stmt;

use std::collections::{HashMap, HashSet};

use sim::ir::{
    self, Builtin, Callee, Expr as IrExpr, FmtPart, FuncId, FunctionBuilder, Label, Local, Op,
    Place, ProcKind, ProcessSpec, Program, Span, Style, ThreadOp, UnOp, Value,
};

use super::ast::{BinOp, CompKind, Expr, ExprKind, FPart, Ident, Module, Stmt, StmtKind};
use super::scope::{
    collect_assigned, collect_globals, collect_names, dotted, scan_module, Kind, Lib, ModuleScope,
    SharedVar, BUILTINS,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Res};
use crate::lowering::{Dest, LowerCx, Lowering, Scratch};

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
            StmtKind::Def {
                name, params, body, ..
            } => defs.push((name, params, body, stmt.span)),
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

/// What a `with` block holds: a lock (also a Condition's), or a semaphore's token.
#[derive(Clone)]
enum Held {
    Lock(IrExpr),
    Semaphore { chan: IrExpr, bounded: bool },
}

struct FnLower<'s> {
    scope: &'s ModuleScope,
    cx: LowerCx,
    is_main: bool,
    locals: HashMap<String, Local>,
    /// Names this function declared `global`.
    globals: HashSet<String>,
    /// Names assigned in this function without `global`: Python makes them local.
    assigned: HashSet<String>,
    kinds: HashMap<String, Kind>,
    loops: Vec<Loop>,
    /// What enclosing `with` blocks hold (to give back when leaving early), innermost last.
    held: Vec<(Held, Span)>,
    /// The loop variables of the comprehensions being lowered: they shadow every other
    /// name of the function while their comprehension lasts.
    comp_locals: HashMap<String, Local>,
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
    let mut lw = FnLower {
        scope,
        cx: LowerCx::new(
            FunctionBuilder::new(id, name, &param_names),
            name,
            Scratch::new(taken),
        ),
        is_main,
        locals: HashMap::new(),
        globals: globals.into_iter().collect(),
        assigned: assigned.into_iter().collect(),
        kinds: HashMap::new(),
        loops: Vec::new(),
        held: Vec::new(),
        comp_locals: HashMap::new(),
    };
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
    lw.cx.fb.at(span);
    lw.block(body)?;
    let mut f = lw.cx.fb.finish();
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

impl Lowering for FnLower<'_> {
    fn cx(&mut self) -> &mut LowerCx {
        &mut self.cx
    }
}

impl<'s> FnLower<'s> {
    fn local(&mut self, name: &str) -> Local {
        if let Some(l) = self.comp_locals.get(name) {
            return *l;
        }
        if let Some(l) = self.locals.get(name) {
            return *l;
        }
        let l = self.cx.fb.fresh(name);
        self.locals.insert(name.to_string(), l);
        l
    }

    fn resolve(&self, name: &str, span: Span) -> Res<Var<'s>> {
        let scope = self.scope;
        if let Some(l) = self.comp_locals.get(name) {
            return Ok(Var::Local(*l));
        }
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
                    self.cx.name, self.cx.name
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
            ExprKind::Comp(c) => match c.kind {
                CompKind::Dict => Kind::Dict,
                CompKind::List | CompKind::Gen => Kind::List,
            },
            ExprKind::Call { func, .. } => match dotted(func, &self.scope.imported).as_deref() {
                Some("threading.Lock") => Kind::Lock,
                Some(n) if Lib::of_constructor(n).is_some() => {
                    Lib::of_constructor(n).map_or(Kind::Unknown, Kind::Lib)
                }
                Some("queue.Queue") => Kind::Queue,
                Some("dict") => Kind::Dict,
                Some("threading.Thread" | "threading.current_thread") => Kind::Thread(None),
                Some("len") => Kind::Int,
                Some("str") => Kind::Str,
                Some("int") => Kind::Int,
                Some("sorted") => Kind::List,
                _ => Kind::Unknown,
            },
            _ => Kind::Unknown,
        }
    }
}

fn arith(op: BinOp, a: IrExpr, b: IrExpr) -> IrExpr {
    let ir_op = match op {
        BinOp::Add => ir::BinOp::Add,
        BinOp::Sub => ir::BinOp::Sub,
        BinOp::Mul => ir::BinOp::Mul,
        BinOp::Div => ir::BinOp::TrueDiv,
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
        // `in` is a membership test, lowered by `expr` before any arithmetic is built; no
        // arithmetic operator stands for it, so it can only come here by a lowering slip,
        // and an `Eq` would silently give a wrong answer. `Contains` is the real test.
        BinOp::In => return IrExpr::Call(Builtin::Contains, vec![b, a]),
    };
    a.bin(ir_op, b)
}
