//! Lowers a parsed Erlang module to the simulator's IR.
//!
//! Every Erlang process is an actor. Variables are single-assignment: a pattern binds a
//! variable the first time it appears and checks equality after that. Calls in tail
//! position become `TailCall`, so `loop(N + 1)` servers run in constant stack.

use std::collections::{HashMap, HashSet};

use sim::ir::{
    self, After, Builtin, Callee, Clause, Expr as IrExpr, FmtPart, FuncId, FunctionBuilder, Label,
    Local, NoMatch, Op, Pattern, ProcKind, ProcessSpec, Program, Span, Style, UnOp, Value,
};

use super::ast::{
    BinOp, CaseClause, Clause as FunClause, Expr, ExprKind, Function, IfBranch, Module,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Res};
use crate::lowering::computes;

/// Built-in functions callable without a module, with their arities.
const BIFS: &[(&str, usize)] = &[
    ("self", 0),
    ("spawn", 1),
    ("spawn", 2),
    ("spawn", 3),
    ("length", 1),
    ("hd", 1),
    ("tl", 1),
    ("element", 2),
    ("tuple_size", 1),
    ("abs", 1),
    ("min", 2),
    ("max", 2),
    ("is_integer", 1),
    ("is_atom", 1),
    ("is_boolean", 1),
    ("is_tuple", 1),
    ("is_list", 1),
    ("is_pid", 1),
    ("is_function", 1),
    ("integer_to_list", 1),
    ("atom_to_list", 1),
    ("exit", 1),
    ("error", 1),
    ("throw", 1),
];

/// Built-ins allowed in guards (pure, and cannot block).
const GUARD_BIFS: &[&str] = &[
    "self",
    "length",
    "hd",
    "tl",
    "element",
    "tuple_size",
    "abs",
    "min",
    "max",
    "is_integer",
    "is_atom",
    "is_boolean",
    "is_tuple",
    "is_list",
    "is_pid",
    "is_function",
];

/// A clause body still to be lowered: its label, the variables bound on entry, and the
/// clause's index.
type PendingBody = (Label, HashSet<String>, usize);

struct Ctx {
    funcs: HashMap<(String, usize), FuncId>,
    out: Vec<ir::Function>,
}

impl Ctx {
    fn arities(&self, name: &str) -> Vec<usize> {
        let mut a: Vec<usize> = self
            .funcs
            .keys()
            .filter(|(n, _)| n == name)
            .map(|(_, a)| *a)
            .collect();
        a.sort_unstable();
        a
    }
}

/// Lowers a module.
pub(crate) fn lower(module: &Module) -> Result<Program, Diagnostics> {
    let mut ctx = Ctx {
        funcs: HashMap::new(),
        out: Vec::new(),
    };
    for (i, f) in module.functions.iter().enumerate() {
        ctx.funcs
            .insert((f.name.clone(), f.arity), FuncId(i as u32));
        ctx.out.push(ir::Function::default());
    }
    let mut errors = Vec::new();
    for (i, f) in module.functions.iter().enumerate() {
        match lower_named(&mut ctx, f, FuncId(i as u32)) {
            Ok(func) => {
                if let Some(slot) = ctx.out.get_mut(i) {
                    *slot = func;
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let entry = if !module.script.is_empty() {
        let id = FuncId(ctx.out.len() as u32);
        ctx.out.push(ir::Function::default());
        let span = module.script.first().map_or_else(Span::default, |e| e.span);
        let mut lw = FnLower::new(&mut ctx, id, "shell", &[], "shell");
        match lw.seq(&module.script, false) {
            Ok(_) => {
                let mut f = lw.fb.finish();
                f.span = span;
                if let Some(slot) = ctx.out.get_mut(id.index()) {
                    *slot = f;
                }
            }
            Err(e) => errors.push(e),
        }
        Some((id, "shell"))
    } else {
        ctx.funcs
            .get(&("main".to_string(), 0))
            .map(|id| (*id, "main"))
    };
    if !errors.is_empty() {
        errors.sort_by_key(|d: &Diagnostic| d.span.start);
        return Err(Diagnostics(errors));
    }
    let Some((func, name)) = entry else {
        let hint = if ctx.arities("main").is_empty() {
            "define `main() -> … .` or end the file with expressions to run, like `main().`"
        } else {
            "`main` must take no parameters: define `main() -> … .`"
        };
        return Err(Diagnostic::new(
            Span::new(0, 0, 1, 1),
            "this program has no entry point",
            hint,
        )
        .into());
    };
    Ok(Program {
        style: Style::Erlang,
        functions: ctx.out,
        globals: Vec::new(),
        processes: vec![ProcessSpec {
            name: Some(name.to_string()),
            kind: ProcKind::Actor,
            func,
            args: Vec::new(),
        }],
    })
}

fn lower_named(ctx: &mut Ctx, f: &Function, id: FuncId) -> Res<ir::Function> {
    // Name the parameter slots after the first clause's variables where it has them.
    let params: Vec<String> = (0..f.arity)
        .map(|i| {
            match f
                .clauses
                .first()
                .and_then(|c| c.params.get(i))
                .map(|p| &p.kind)
            {
                Some(ExprKind::Var(v))
                    if !f.clauses.first().is_some_and(|c| {
                        c.params
                            .iter()
                            .filter(|p| matches!(&p.kind, ExprKind::Var(w) if w == v))
                            .count()
                            > 1
                    }) =>
                {
                    v.clone()
                }
                // A parameter matched by a pattern has no name of its own: hidden.
                _ => format!("$arg{}", i + 1),
            }
        })
        .collect();
    let param_refs: Vec<&str> = params.iter().map(String::as_str).collect();
    let mut lw = FnLower::new(ctx, id, &f.name, &param_refs, &f.name);
    lw.clauses(
        &f.clauses,
        &[],
        f.span,
        NoMatch::FunctionClause {
            name: f.name.clone(),
        },
    )?;
    let mut func = lw.fb.finish();
    func.span = f.span;
    Ok(func)
}

struct FnLower<'c> {
    ctx: &'c mut Ctx,
    fb: FunctionBuilder,
    /// Variables bound at this point of the code.
    bound: HashSet<String>,
    /// The enclosing named function, for naming funs.
    owner: String,
    /// Where the value of the expression being lowered should go, when it is bound straight
    /// to a new variable (`Pid = spawn(…)` puts the pid in `Pid`).
    into: Option<Local>,
}

impl<'c> FnLower<'c> {
    fn new(ctx: &'c mut Ctx, id: FuncId, name: &str, params: &[&str], owner: &str) -> Self {
        FnLower {
            ctx,
            fb: FunctionBuilder::new(id, name, params),
            bound: HashSet::new(),
            owner: owner.to_string(),
            into: None,
        }
    }

    fn emit(&mut self, span: Span, op: Op) {
        self.fb.at(span);
        self.fb.emit(op);
    }

    /// A compiler temporary: `$`-named, so the stage never shows it.
    fn temp(&mut self) -> Local {
        self.fb.fresh("$tmp")
    }

    /// Where a value goes: the variable it is being bound to, or a new temporary.
    fn dst(&mut self, into: Option<Local>) -> Local {
        match into {
            Some(l) => l,
            None => self.temp(),
        }
    }

    fn var(&mut self, name: &str) -> Local {
        self.fb.local(name)
    }

    /// The clauses of a named function or a fun. `captured` are the leading parameters
    /// that are already bound (a fun's captured variables).
    fn clauses(
        &mut self,
        clauses: &[FunClause],
        captured: &[String],
        span: Span,
        no_match: NoMatch,
    ) -> Res<()> {
        let arity = clauses.first().map_or(0, |c| c.params.len());
        let base: HashSet<String> = captured.iter().cloned().collect();
        let offset = captured.len() as u32;
        let mut built = Vec::new();
        let mut bodies = Vec::new();
        for c in clauses {
            self.bound = base.clone();
            let mut fresh = Vec::new();
            let mut pats = Vec::new();
            for p in &c.params {
                pats.push(self.pattern(p, &mut fresh)?);
            }
            self.bound.extend(fresh.iter().cloned());
            let guard = self.guard(&c.guard)?;
            let to = self.fb.label();
            built.push(Clause {
                pattern: Pattern::Tuple(pats),
                guard,
                to,
            });
            bodies.push((to, self.bound.clone(), c));
        }
        let subject = IrExpr::Tuple(
            (0..arity as u32)
                .map(|i| IrExpr::Local(Local(offset + i)))
                .collect(),
        );
        self.emit(
            span,
            Op::Case {
                subject,
                clauses: built,
                no_match,
            },
        );
        for (to, bound, c) in bodies {
            self.fb.bind(to);
            self.bound = bound;
            self.seq(&c.body, true)?;
        }
        Ok(())
    }

    /// A guard: alternatives (`;`) of conjunctions (`,`), all pure.
    fn guard(&mut self, alts: &[Vec<Expr>]) -> Res<Option<IrExpr>> {
        let mut out: Option<IrExpr> = None;
        for conj in alts {
            let mut all: Option<IrExpr> = None;
            for g in conj {
                let e = self.pure(g)?;
                all = Some(match all {
                    None => e,
                    Some(prev) => prev.bin(ir::BinOp::And, e),
                });
            }
            if let Some(all) = all {
                out = Some(match out {
                    None => all,
                    Some(prev) => prev.bin(ir::BinOp::Or, all),
                });
            }
        }
        Ok(out)
    }

    /// A guard expression: no side effects, only guard built-ins.
    fn pure(&mut self, e: &Expr) -> Res<IrExpr> {
        Ok(match &e.kind {
            ExprKind::Var(v) => IrExpr::Local(self.bound_var(v, e.span)?),
            ExprKind::Atom(_) | ExprKind::Int(_) | ExprKind::Str(_) => {
                IrExpr::Const(literal(e).unwrap_or(Value::Unit))
            }
            ExprKind::Tuple(items) => IrExpr::Tuple(
                items
                    .iter()
                    .map(|i| self.pure(i))
                    .collect::<Res<Vec<_>>>()?,
            ),
            ExprKind::List(items, tail) => {
                let items = items
                    .iter()
                    .map(|i| self.pure(i))
                    .collect::<Res<Vec<_>>>()?;
                match tail {
                    None => IrExpr::List(items),
                    Some(t) => {
                        let mut acc = self.pure(t)?;
                        for i in items.into_iter().rev() {
                            acc = IrExpr::Cons(Box::new(i), Box::new(acc));
                        }
                        acc
                    }
                }
            }
            ExprKind::Binary(op, a, b) => binary(*op, self.pure(a)?, self.pure(b)?),
            ExprKind::Neg(a) => IrExpr::Unary(UnOp::Neg, Box::new(self.pure(a)?)),
            ExprKind::Not(a) => IrExpr::Unary(UnOp::Not, Box::new(self.pure(a)?)),
            ExprKind::Call {
                module: None,
                func,
                args,
            } => {
                let ExprKind::Atom(name) = &func.kind else {
                    return Err(not_in_guard(e.span));
                };
                if !GUARD_BIFS.contains(&name.as_str()) {
                    return Err(not_in_guard(e.span));
                }
                let args = args.iter().map(|a| self.pure(a)).collect::<Res<Vec<_>>>()?;
                self.bif_pure(name, args, e.span)?
            }
            _ => return Err(not_in_guard(e.span)),
        })
    }

    fn bound_var(&mut self, v: &str, span: Span) -> Res<Local> {
        if !self.bound.contains(v) {
            return Err(Diagnostic::new(
                span,
                format!("variable `{v}` is unbound"),
                format!("bind `{v}` first, with `{v} = …` or in a pattern, before using it"),
            ));
        }
        Ok(self.var(v))
    }

    /// A pure built-in applied to already-lowered arguments.
    fn bif_pure(&mut self, name: &str, mut args: Vec<IrExpr>, span: Span) -> Res<IrExpr> {
        let want = BIFS
            .iter()
            .find(|(n, a)| *n == name && *a == args.len())
            .map(|_| ());
        if want.is_none() {
            return Err(wrong_bif_arity(name, args.len(), span));
        }
        let one = |b: Builtin, args: Vec<IrExpr>| IrExpr::Call(b, args);
        Ok(match name {
            "self" => IrExpr::SelfPid,
            "length" | "tuple_size" => one(Builtin::Len, args),
            "hd" => one(Builtin::Hd, args),
            "tl" => one(Builtin::Tl, args),
            "abs" => one(Builtin::Abs, args),
            "min" => one(Builtin::Min, args),
            "max" => one(Builtin::Max, args),
            "is_integer" => one(Builtin::IsInt, args),
            "is_atom" => one(Builtin::IsAtom, args),
            "is_boolean" => one(Builtin::IsBool, args),
            "is_tuple" => one(Builtin::IsTuple, args),
            "is_list" => one(Builtin::IsList, args),
            "is_pid" => one(Builtin::IsPid, args),
            "is_function" => one(Builtin::IsFun, args),
            "integer_to_list" | "atom_to_list" => one(Builtin::ToStr, args),
            "element" => {
                let t = args.pop().unwrap_or(IrExpr::Const(Value::Unit));
                let n = args.pop().unwrap_or(IrExpr::int(1));
                t.index(n - 1)
            }
            _ => return Err(not_in_guard(span)),
        })
    }

    /// Turns an expression into a pattern. Unbound variables bind (and are added to
    /// `fresh`); bound ones must match their value.
    fn pattern(&mut self, e: &Expr, fresh: &mut Vec<String>) -> Res<Pattern> {
        Ok(match &e.kind {
            ExprKind::Wildcard => Pattern::Wildcard,
            ExprKind::Var(v) if v.starts_with('_') && !self.bound.contains(v) => {
                // `_Name` documents a value it ignores.
                Pattern::Wildcard
            }
            ExprKind::Var(v) => {
                let slot = self.var(v);
                if self.bound.contains(v) {
                    Pattern::Pin(slot)
                } else {
                    if !fresh.contains(v) {
                        fresh.push(v.clone());
                    }
                    Pattern::Bind(slot)
                }
            }
            ExprKind::Atom(_) | ExprKind::Int(_) | ExprKind::Str(_) => {
                Pattern::Const(literal(e).unwrap_or(Value::Unit))
            }
            ExprKind::Tuple(items) => Pattern::Tuple(
                items
                    .iter()
                    .map(|i| self.pattern(i, fresh))
                    .collect::<Res<Vec<_>>>()?,
            ),
            ExprKind::List(items, tail) => Pattern::List {
                items: items
                    .iter()
                    .map(|i| self.pattern(i, fresh))
                    .collect::<Res<Vec<_>>>()?,
                tail: match tail {
                    Some(t) => Some(Box::new(self.pattern(t, fresh)?)),
                    None => None,
                },
            },
            ExprKind::Match(a, b) => {
                let (var, inner) = match (&a.kind, &b.kind) {
                    (ExprKind::Var(v), _) => (v, b),
                    (_, ExprKind::Var(v)) => (v, a),
                    _ => {
                        return Err(Diagnostic::new(
                            e.span,
                            "only `Var = Pattern` may appear inside a pattern",
                            "name the whole value with a variable, like `{ok, _} = Reply`",
                        ))
                    }
                };
                let inner = self.pattern(inner, fresh)?;
                let slot = self.var(var);
                if self.bound.contains(var) {
                    return Err(Diagnostic::new(
                        e.span,
                        format!("`{var}` is already bound"),
                        "use a new variable name to name the whole value",
                    ));
                }
                if !fresh.contains(var) {
                    fresh.push(var.clone());
                }
                Pattern::Alias(slot, Box::new(inner))
            }
            ExprKind::Binary(BinOp::Append, a, _) if matches!(a.kind, ExprKind::Str(_)) => {
                return Err(Diagnostic::new(
                    e.span,
                    "string prefix patterns like `\"abc\" ++ Rest` are not part of the Erlang lesson dialect",
                    "match whole strings, or use atoms for tags",
                ));
            }
            _ => return Err(cannot_match(e.span)),
        })
    }

    /// A sequence of expressions; in tail position the last one ends the function.
    fn seq(&mut self, body: &[Expr], tail: bool) -> Res<IrExpr> {
        let Some((last, init)) = body.split_last() else {
            return Ok(IrExpr::atom("ok"));
        };
        for e in init {
            self.effect(e)?;
        }
        if tail {
            self.tail(last)?;
            Ok(IrExpr::atom("ok"))
        } else {
            self.expr(last)
        }
    }

    /// An expression whose value is not used.
    fn effect(&mut self, e: &Expr) -> Res<()> {
        match &e.kind {
            ExprKind::Call { .. } => {
                self.call(e, false, false)?;
            }
            _ => {
                self.expr(e)?;
            }
        }
        Ok(())
    }

    /// An expression in tail position: its value is returned (calls become tail calls).
    fn tail(&mut self, e: &Expr) -> Res<()> {
        match &e.kind {
            ExprKind::Call { .. } => {
                if let Some(v) = self.call(e, true, true)? {
                    self.emit(e.span, Op::Return { value: Some(v) });
                }
                Ok(())
            }
            ExprKind::Receive { clauses, after } => self.receive(e, clauses, after, None),
            ExprKind::Case(subject, clauses) => self.case(e, subject, clauses, None),
            ExprKind::If(branches) => self.if_expr(e, branches, None),
            ExprKind::Block(body) => {
                self.seq(body, true)?;
                Ok(())
            }
            _ => {
                let v = self.expr(e)?;
                self.emit(e.span, Op::Return { value: Some(v) });
                Ok(())
            }
        }
    }

    fn expr(&mut self, e: &Expr) -> Res<IrExpr> {
        // Only the outermost expression of a binding may use its variable directly.
        let into = self.into.take();
        Ok(match &e.kind {
            ExprKind::Var(v) => IrExpr::Local(self.bound_var(v, e.span)?),
            ExprKind::Wildcard => {
                return Err(Diagnostic::new(
                    e.span,
                    "`_` can only be used in patterns",
                    "`_` matches anything but holds nothing; use a named variable",
                ))
            }
            ExprKind::Atom(_) | ExprKind::Int(_) | ExprKind::Str(_) => {
                IrExpr::Const(literal(e).unwrap_or(Value::Unit))
            }
            ExprKind::Tuple(items) => IrExpr::Tuple(self.exprs(items)?),
            ExprKind::List(items, tail) => {
                let items = self.exprs(items)?;
                match tail {
                    None => IrExpr::List(items),
                    Some(t) => {
                        let mut acc = self.expr(t)?;
                        for i in items.into_iter().rev() {
                            acc = IrExpr::Cons(Box::new(i), Box::new(acc));
                        }
                        acc
                    }
                }
            }
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or), a, b) if !self.is_pure(b) => {
                // `andalso`/`orelse` with a right side that has steps: run it only if needed.
                let left = self.expr(a)?;
                let result = self.temp();
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
                        expr: right,
                    },
                );
                self.fb.bind(end);
                IrExpr::Local(result)
            }
            ExprKind::Binary(op, a, b) => {
                let left = self.expr(a)?;
                let right = self.expr(b)?;
                binary(*op, left, right)
            }
            ExprKind::Neg(a) => IrExpr::Unary(UnOp::Neg, Box::new(self.expr(a)?)),
            ExprKind::Not(a) => IrExpr::Unary(UnOp::Not, Box::new(self.expr(a)?)),
            ExprKind::Match(pat, value) => {
                if let ExprKind::Var(name) = &pat.kind {
                    if !self.bound.contains(name) {
                        // `Pid = spawn(…)`, `Reply = receive … end`: the value goes straight
                        // into the variable.
                        let slot = self.var(name);
                        self.into = Some(slot);
                        let v = self.expr(value);
                        self.into = None;
                        let v = v?;
                        // A step of its own in expand mode only when it computes
                        // (`N1 = N + 1`), not for a copy.
                        if v != IrExpr::Local(slot) {
                            let op = if computes(&v) {
                                Op::Eval { dst: slot, expr: v }
                            } else {
                                Op::Set { dst: slot, expr: v }
                            };
                            self.emit(e.span, op);
                        }
                        self.bound.insert(name.clone());
                        return Ok(IrExpr::Local(slot));
                    }
                }
                let v = self.expr(value)?;
                let tmp = self.temp();
                self.emit(e.span, Op::Set { dst: tmp, expr: v });
                let mut fresh = Vec::new();
                let p = self.pattern(pat, &mut fresh)?;
                self.emit(
                    e.span,
                    Op::Match {
                        pattern: p,
                        expr: IrExpr::Local(tmp),
                    },
                );
                self.bound.extend(fresh);
                IrExpr::Local(tmp)
            }
            ExprKind::Send(to, msg) => {
                let to = self.expr(to)?;
                // Values are immutable: the message can be both sent and the value of `!`
                // without a temporary (which expand mode would show as a step).
                let msg = self.expr(msg)?;
                if let IrExpr::Const(v) = &to {
                    if !matches!(v, Value::Pid(_)) {
                        return Err(Diagnostic::new(
                            e.span,
                            format!(
                                "`!` sends to a process, but `{}` is not a pid",
                                v.repr(Style::Erlang)
                            ),
                            "send to a pid from `spawn(…)` or `self()`, like `Pid ! hello`",
                        ));
                    }
                }
                self.emit(
                    e.span,
                    Op::Send {
                        to,
                        msg: msg.clone(),
                    },
                );
                msg
            }
            ExprKind::Call { .. } => {
                self.into = into;
                let v = self.call(e, true, false);
                self.into = None;
                v?.unwrap_or(IrExpr::atom("ok"))
            }
            ExprKind::Fun(clauses) => self.fun(e, clauses)?,
            ExprKind::FunRef(name, arity) => {
                let Some(id) = self.ctx.funcs.get(&(name.clone(), *arity)).copied() else {
                    return Err(self.undefined(name, *arity, e.span));
                };
                IrExpr::MakeFun {
                    func: id,
                    captured: Vec::new(),
                }
            }
            ExprKind::Receive { clauses, after } => {
                let dst = self.dst(into);
                self.receive(e, clauses, after, Some(dst))?;
                IrExpr::Local(dst)
            }
            ExprKind::Case(subject, clauses) => {
                let dst = self.dst(into);
                self.case(e, subject, clauses, Some(dst))?;
                IrExpr::Local(dst)
            }
            ExprKind::If(branches) => {
                let dst = self.dst(into);
                self.if_expr(e, branches, Some(dst))?;
                IrExpr::Local(dst)
            }
            ExprKind::Block(body) => self.seq(body, false)?,
        })
    }

    fn exprs(&mut self, items: &[Expr]) -> Res<Vec<IrExpr>> {
        items.iter().map(|i| self.expr(i)).collect()
    }

    /// Whether lowering `e` emits no instructions.
    fn is_pure(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Var(_)
            | ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Str(_)
            | ExprKind::FunRef(..) => true,
            ExprKind::Tuple(items) => items.iter().all(|i| self.is_pure(i)),
            ExprKind::List(items, tail) => {
                items.iter().all(|i| self.is_pure(i))
                    && tail.as_ref().is_none_or(|t| self.is_pure(t))
            }
            ExprKind::Binary(_, a, b) => self.is_pure(a) && self.is_pure(b),
            ExprKind::Neg(a) | ExprKind::Not(a) => self.is_pure(a),
            ExprKind::Call {
                module: None,
                func,
                args,
            } => {
                matches!(&func.kind, ExprKind::Atom(n) if GUARD_BIFS.contains(&n.as_str()))
                    && args.iter().all(|a| self.is_pure(a))
            }
            _ => false,
        }
    }

    fn undefined(&self, name: &str, arity: usize, span: Span) -> Diagnostic {
        let arities = self.ctx.arities(name);
        let hint = if let Some(a) = arities.first() {
            format!(
                "`{name}` is defined with {a} parameter{}; call it with that many arguments",
                if *a == 1 { "" } else { "s" }
            )
        } else if BIFS.iter().any(|(n, _)| *n == name) {
            let known: Vec<String> = BIFS
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(n, a)| format!("{n}/{a}"))
                .collect();
            format!("the built-in is {}", known.join(", "))
        } else {
            "define it in this file, or check the spelling".to_string()
        };
        Diagnostic::new(span, format!("function {name}/{arity} is undefined"), hint)
    }

    /// Lowers a call. Returns its value, or `None` when it was emitted as a tail call.
    fn call(&mut self, e: &Expr, want_value: bool, tail: bool) -> Res<Option<IrExpr>> {
        let ExprKind::Call { module, func, args } = &e.kind else {
            return Ok(Some(self.expr(e)?));
        };
        let span = e.span;
        let into = self.into.take();
        if let Some((m, mspan)) = module {
            return self.remote_call(m, *mspan, func, args, span).map(Some);
        }
        let callee = match &func.kind {
            ExprKind::Atom(name) => {
                if let Some(id) = self.ctx.funcs.get(&(name.clone(), args.len())).copied() {
                    Callee::Func(id)
                } else if BIFS.iter().any(|(n, a)| n == name && *a == args.len()) {
                    return self.bif(name, args, span, into).map(Some);
                } else {
                    return Err(self.undefined(name, args.len(), span));
                }
            }
            ExprKind::Var(_) | ExprKind::Fun(_) | ExprKind::FunRef(..) | ExprKind::Call { .. } => {
                let f = self.expr(func)?;
                Callee::Value(f)
            }
            _ => {
                return Err(Diagnostic::new(
                    func.span,
                    "this cannot be called",
                    "call a function by name, like `loop(N)`, or a fun held in a variable",
                ))
            }
        };
        let args = self.exprs(args)?;
        if tail {
            self.emit(span, Op::TailCall { callee, args });
            return Ok(None);
        }
        let dst = want_value.then(|| self.dst(into));
        self.emit(span, Op::Call { dst, callee, args });
        Ok(Some(dst.map_or(IrExpr::atom("ok"), IrExpr::Local)))
    }

    fn remote_call(
        &mut self,
        module: &str,
        mspan: Span,
        func: &Expr,
        args: &[Expr],
        span: Span,
    ) -> Res<IrExpr> {
        let ExprKind::Atom(name) = &func.kind else {
            return Err(Diagnostic::new(func.span, "expected a function name", ""));
        };
        match (module, name.as_str(), args) {
            ("io", "format" | "fwrite", [fmt]) => {
                self.format(fmt, None, span)?;
                Ok(IrExpr::atom("ok"))
            }
            ("io", "format" | "fwrite", [fmt, values]) => {
                self.format(fmt, Some(values), span)?;
                Ok(IrExpr::atom("ok"))
            }
            ("timer", "sleep", [ticks]) => {
                let t = self.expr(ticks)?;
                self.emit(span, Op::Sleep { ticks: t });
                Ok(IrExpr::atom("ok"))
            }
            ("erlang", n, a) if BIFS.iter().any(|(b, ba)| *b == n && *ba == a.len()) => {
                self.bif(n, args, span, None)
            }
            ("io" | "timer" | "erlang", _, _) => Err(Diagnostic::new(
                func.span,
                format!(
                    "`{module}:{name}/{}` is not part of the Erlang lesson dialect",
                    args.len()
                ),
                "the lesson dialect knows io:format/1,2 and timer:sleep/1",
            )),
            ("gen_server" | "gen_statem" | "supervisor" | "gen_event" | "application", _, _) => {
                Err(Diagnostic::new(
                    mspan,
                    format!(
                        "`{module}` is not part of the Erlang lesson dialect; {}",
                        super::parser::SUPPORTED
                    ),
                    "write the server loop yourself with `receive` and tail recursion",
                ))
            }
            _ => Err(Diagnostic::new(
                mspan,
                format!("module `{module}` is not part of the Erlang lesson dialect"),
                "call functions defined in this file, or io:format and timer:sleep",
            )),
        }
    }

    /// A built-in that may have effects (spawn, exit) or not.
    fn bif(&mut self, name: &str, args: &[Expr], span: Span, into: Option<Local>) -> Res<IrExpr> {
        match (name, args) {
            ("spawn", [f]) => {
                let (callee, spawn_name) = match &f.kind {
                    ExprKind::Fun(_) | ExprKind::Var(_) | ExprKind::FunRef(..) => {
                        let name = fun_display_name(f);
                        (Callee::Value(self.expr(f)?), name)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            f.span,
                            "`spawn/1` takes a fun",
                            "write `spawn(fun() -> loop(0) end)`",
                        ))
                    }
                };
                Ok(self.spawn(callee, Vec::new(), spawn_name, span, into))
            }
            ("spawn", [f, a]) | ("spawn", [_, f, a]) => {
                if let [m, _, _] = args {
                    if !matches!(m.kind, ExprKind::Atom(_)) {
                        return Err(Diagnostic::new(
                            m.span,
                            "the module in `spawn(Module, Function, Args)` must be an atom",
                            "write `spawn(counter, loop, [0])`",
                        ));
                    }
                }
                let ExprKind::List(items, None) = &a.kind else {
                    return Err(Diagnostic::new(
                        a.span,
                        "the arguments for `spawn` must be a list written out, like `[0, self()]`",
                        "list the arguments in `[…]`",
                    ));
                };
                let callee = match &f.kind {
                    ExprKind::Atom(fname) => {
                        let Some(id) = self.ctx.funcs.get(&(fname.clone(), items.len())).copied()
                        else {
                            return Err(self.undefined(fname, items.len(), f.span));
                        };
                        Callee::Func(id)
                    }
                    ExprKind::Var(_) | ExprKind::Fun(_) | ExprKind::FunRef(..) => {
                        Callee::Value(self.expr(f)?)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            f.span,
                            "`spawn` needs a function name or a fun",
                            "write `spawn(loop, [0])`",
                        ))
                    }
                };
                let args = self.exprs(items)?;
                Ok(self.spawn(callee, args, None, span, into))
            }
            ("exit", [reason]) => {
                if matches!(&reason.kind, ExprKind::Atom(a) if a == "normal") {
                    self.emit(span, Op::Exit);
                } else {
                    let r = self.expr(reason)?;
                    self.emit(span, Op::Fail { reason: r });
                }
                Ok(IrExpr::atom("ok"))
            }
            ("error" | "throw", [reason]) => {
                let r = self.expr(reason)?;
                self.emit(span, Op::Fail { reason: r });
                Ok(IrExpr::atom("ok"))
            }
            _ => {
                let args = self.exprs(args)?;
                self.bif_pure(name, args, span)
            }
        }
    }

    fn spawn(
        &mut self,
        callee: Callee,
        args: Vec<IrExpr>,
        name: Option<String>,
        span: Span,
        into: Option<Local>,
    ) -> IrExpr {
        let dst = match into {
            Some(l) => l,
            None => self.fb.fresh("$pid"),
        };
        self.emit(
            span,
            Op::Spawn {
                dst: Some(dst),
                kind: ProcKind::Actor,
                callee,
                args,
                name,
            },
        );
        IrExpr::Local(dst)
    }

    /// `io:format(Format, Args)`: split at compile time into lines of text and values.
    fn format(&mut self, fmt: &Expr, args: Option<&Expr>, span: Span) -> Res<()> {
        let ExprKind::Str(text) = &fmt.kind else {
            return Err(Diagnostic::new(
                fmt.span,
                "the format of `io:format` must be a string written out",
                "write `io:format(\"~p~n\", [X])`",
            ));
        };
        let values: Vec<&Expr> = match args.map(|a| &a.kind) {
            None => Vec::new(),
            Some(ExprKind::List(items, None)) => items.iter().collect(),
            Some(_) => {
                return Err(Diagnostic::new(
                    args.map_or(span, |a| a.span),
                    "the arguments of `io:format` must be a list written out",
                    "write `io:format(\"~p and ~p~n\", [A, B])`",
                ))
            }
        };
        let mut lines: Vec<Vec<FmtPart>> = vec![Vec::new()];
        let mut lit = String::new();
        let mut next = values.iter();
        let mut used = 0usize;
        let mut chars = text.chars();
        let flush = |lit: &mut String, lines: &mut Vec<Vec<FmtPart>>| {
            if !lit.is_empty() {
                if let Some(line) = lines.last_mut() {
                    line.push(FmtPart::Lit(std::mem::take(lit)));
                }
            }
        };
        while let Some(c) = chars.next() {
            if c == '\n' {
                flush(&mut lit, &mut lines);
                lines.push(Vec::new());
                continue;
            }
            if c != '~' {
                lit.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => {
                    flush(&mut lit, &mut lines);
                    lines.push(Vec::new());
                }
                Some('~') => lit.push('~'),
                Some(d @ ('p' | 'w' | 's' | 'b' | 'B')) => {
                    flush(&mut lit, &mut lines);
                    let Some(v) = next.next() else {
                        return Err(Diagnostic::new(
                            fmt.span,
                            format!(
                                "the format has more `~` directives than the {} argument{} given",
                                values.len(),
                                if values.len() == 1 { "" } else { "s" }
                            ),
                            "give one value in the list for each ~p, ~w or ~s",
                        ));
                    };
                    used += 1;
                    let v = self.expr(v)?;
                    if let Some(line) = lines.last_mut() {
                        line.push(if matches!(d, 'p' | 'w') {
                            FmtPart::Repr(v)
                        } else {
                            FmtPart::Show(v)
                        });
                    }
                }
                other => {
                    return Err(Diagnostic::new(
                        fmt.span,
                        format!(
                            "`~{}` is not part of the Erlang lesson dialect's io:format",
                            other.map(String::from).unwrap_or_default()
                        ),
                        "use ~p or ~w for a value, ~s for a string, ~n for a new line",
                    ))
                }
            }
        }
        flush(&mut lit, &mut lines);
        if used < values.len() {
            return Err(Diagnostic::new(
                args.map_or(span, |a| a.span),
                format!(
                    "{} argument{} given but the format uses only {used}",
                    values.len(),
                    if values.len() == 1 { " is" } else { "s are" }
                ),
                "give one value in the list for each ~p, ~w or ~s",
            ));
        }
        // Each `Print` is one line: a final `~n` just ends the last line.
        if lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        for line in lines {
            self.emit(
                span,
                Op::Print {
                    text: IrExpr::Format(line),
                },
            );
        }
        Ok(())
    }

    /// `fun (…) -> … end`: a new function whose leading parameters are the captured
    /// variables.
    fn fun(&mut self, e: &Expr, clauses: &[FunClause]) -> Res<IrExpr> {
        let mut used = Vec::new();
        for c in clauses {
            for p in &c.params {
                vars_in(p, &mut used);
            }
            for g in c.guard.iter().flatten() {
                vars_in(g, &mut used);
            }
            for b in &c.body {
                vars_in(b, &mut used);
            }
        }
        let captured: Vec<String> = used
            .into_iter()
            .filter(|v| self.bound.contains(v))
            .collect();
        let arity = clauses.first().map_or(0, |c| c.params.len());
        let mut params: Vec<String> = captured.clone();
        params.extend((0..arity).map(|i| format!("$arg{}", i + 1)));
        let param_refs: Vec<&str> = params.iter().map(String::as_str).collect();
        let id = FuncId(self.ctx.out.len() as u32);
        self.ctx.out.push(ir::Function::default());
        let name = fun_display_name(e).unwrap_or_else(|| format!("fun in {}", self.owner));
        let owner = self.owner.clone();
        let func = {
            let mut inner = FnLower::new(self.ctx, id, &name, &param_refs, &owner);
            inner.clauses(
                clauses,
                &captured,
                e.span,
                NoMatch::FunctionClause { name: name.clone() },
            )?;
            let mut f = inner.fb.finish();
            f.span = e.span;
            f
        };
        if let Some(slot) = self.ctx.out.get_mut(id.index()) {
            *slot = func;
        }
        let captured_values = captured
            .iter()
            .map(|v| IrExpr::Local(self.var(v)))
            .collect();
        Ok(IrExpr::MakeFun {
            func: id,
            captured: captured_values,
        })
    }

    /// Lowers clause bodies that each end by jumping to `end` with their value in `dst`, or,
    /// with `dst` `None`, in tail position.
    fn branch_bodies(
        &mut self,
        bodies: Vec<(Label, HashSet<String>, &[Expr])>,
        dst: Option<Local>,
        span: Span,
    ) -> Res<()> {
        let end = self.fb.label();
        let before = self.bound.clone();
        let mut after: Option<HashSet<String>> = None;
        for (to, bound, body) in bodies {
            self.fb.bind(to);
            self.bound = bound;
            match dst {
                None => {
                    self.seq(body, true)?;
                }
                Some(d) => {
                    // Moving the branch's value to the result is bookkeeping, not a step.
                    let v = self.seq(body, false)?;
                    if v != IrExpr::Local(d) {
                        self.emit(span, Op::Set { dst: d, expr: v });
                    }
                    self.emit(span, Op::Jump { to: end });
                }
            }
            // Variables bound in every branch stay bound after it.
            after = Some(match after {
                None => self.bound.clone(),
                Some(a) => a.intersection(&self.bound).cloned().collect(),
            });
        }
        self.fb.bind(end);
        self.bound = after.unwrap_or(before);
        Ok(())
    }

    fn case_clauses(&mut self, clauses: &'_ [CaseClause]) -> Res<(Vec<Clause>, Vec<PendingBody>)> {
        let before = self.bound.clone();
        let mut built = Vec::new();
        let mut bodies = Vec::new();
        for (i, c) in clauses.iter().enumerate() {
            self.bound = before.clone();
            let mut fresh = Vec::new();
            let pattern = self.pattern(&c.pattern, &mut fresh)?;
            self.bound.extend(fresh);
            let guard = self.guard(&c.guard)?;
            let to = self.fb.label();
            built.push(Clause { pattern, guard, to });
            bodies.push((to, self.bound.clone(), i));
        }
        self.bound = before;
        Ok((built, bodies))
    }

    fn receive(
        &mut self,
        e: &Expr,
        clauses: &[CaseClause],
        after: &Option<(Box<Expr>, Vec<Expr>)>,
        dst: Option<Local>,
    ) -> Res<()> {
        let (built, bodies) = self.case_clauses(clauses)?;
        let mut all: Vec<(Label, HashSet<String>, &[Expr])> = bodies
            .into_iter()
            .filter_map(|(to, b, i)| clauses.get(i).map(|c| (to, b, c.body.as_slice())))
            .collect();
        let after_op = match after {
            Some((timeout, body)) if !matches!(&timeout.kind, ExprKind::Atom(a) if a == "infinity") =>
            {
                let ticks = self.expr(timeout)?;
                let to = self.fb.label();
                all.push((to, self.bound.clone(), body.as_slice()));
                Some(After { ticks, to })
            }
            _ => None,
        };
        if built.is_empty() && after_op.is_none() {
            return Err(Diagnostic::new(
                e.span,
                "this `receive` has no clauses and no timeout, so it would wait forever",
                "add a clause like `Msg -> Msg`, or `after 100 -> ok`",
            ));
        }
        let head = Span::new(e.span.start, e.span.start + 7, e.span.line, e.span.col);
        self.emit(
            head,
            Op::Receive {
                clauses: built,
                after: after_op,
            },
        );
        self.branch_bodies(all, dst, e.span)
    }

    fn case(
        &mut self,
        e: &Expr,
        subject: &Expr,
        clauses: &[CaseClause],
        dst: Option<Local>,
    ) -> Res<()> {
        let s = self.expr(subject)?;
        let (built, bodies) = self.case_clauses(clauses)?;
        self.emit(
            e.span,
            Op::Case {
                subject: s,
                clauses: built,
                no_match: NoMatch::CaseClause,
            },
        );
        let all = bodies
            .into_iter()
            .filter_map(|(to, b, i)| clauses.get(i).map(|c| (to, b, c.body.as_slice())))
            .collect();
        self.branch_bodies(all, dst, e.span)
    }

    fn if_expr(&mut self, e: &Expr, branches: &[IfBranch], dst: Option<Local>) -> Res<()> {
        let mut built = Vec::new();
        let mut all = Vec::new();
        for (guard, body, _) in branches {
            let g = self.guard(guard)?;
            let to = self.fb.label();
            built.push(Clause {
                pattern: Pattern::Wildcard,
                guard: g,
                to,
            });
            all.push((to, self.bound.clone(), body.as_slice()));
        }
        self.emit(
            e.span,
            Op::Case {
                subject: IrExpr::Const(Value::Unit),
                clauses: built,
                no_match: NoMatch::IfClause,
            },
        );
        self.branch_bodies(all, dst, e.span)
    }
}

/// For `spawn(fun() -> loop(0) end)`, the process is named after `loop`.
fn fun_display_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Fun(clauses) => match clauses.as_slice() {
            [c] => match c.body.as_slice() {
                [Expr {
                    kind:
                        ExprKind::Call {
                            module: None, func, ..
                        },
                    ..
                }] => match &func.kind {
                    ExprKind::Atom(n) => Some(n.clone()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        ExprKind::FunRef(n, _) => Some(n.clone()),
        _ => None,
    }
}

/// Variables mentioned anywhere in `e`, in first-use order.
fn vars_in(e: &Expr, out: &mut Vec<String>) {
    let push = |v: &String, out: &mut Vec<String>| {
        if !out.contains(v) {
            out.push(v.clone());
        }
    };
    match &e.kind {
        ExprKind::Var(v) => push(v, out),
        ExprKind::Tuple(items) | ExprKind::Block(items) => {
            items.iter().for_each(|i| vars_in(i, out))
        }
        ExprKind::List(items, tail) => {
            items.iter().for_each(|i| vars_in(i, out));
            if let Some(t) = tail {
                vars_in(t, out);
            }
        }
        ExprKind::Binary(_, a, b) | ExprKind::Match(a, b) | ExprKind::Send(a, b) => {
            vars_in(a, out);
            vars_in(b, out);
        }
        ExprKind::Neg(a) | ExprKind::Not(a) => vars_in(a, out),
        ExprKind::Call { func, args, .. } => {
            vars_in(func, out);
            args.iter().for_each(|a| vars_in(a, out));
        }
        ExprKind::Fun(clauses) => {
            for c in clauses {
                c.params.iter().for_each(|p| vars_in(p, out));
                c.guard.iter().flatten().for_each(|g| vars_in(g, out));
                c.body.iter().for_each(|b| vars_in(b, out));
            }
        }
        ExprKind::Receive { clauses, after } => {
            for c in clauses {
                vars_in(&c.pattern, out);
                c.guard.iter().flatten().for_each(|g| vars_in(g, out));
                c.body.iter().for_each(|b| vars_in(b, out));
            }
            if let Some((t, body)) = after {
                vars_in(t, out);
                body.iter().for_each(|b| vars_in(b, out));
            }
        }
        ExprKind::Case(s, clauses) => {
            vars_in(s, out);
            for c in clauses {
                vars_in(&c.pattern, out);
                c.guard.iter().flatten().for_each(|g| vars_in(g, out));
                c.body.iter().for_each(|b| vars_in(b, out));
            }
        }
        ExprKind::If(branches) => {
            for (g, body, _) in branches {
                g.iter().flatten().for_each(|x| vars_in(x, out));
                body.iter().for_each(|b| vars_in(b, out));
            }
        }
        ExprKind::Wildcard
        | ExprKind::Atom(_)
        | ExprKind::Int(_)
        | ExprKind::Str(_)
        | ExprKind::FunRef(..) => {}
    }
}

/// The value of a literal: `true`/`false` are booleans, other atoms atoms.
fn literal(e: &Expr) -> Option<Value> {
    Some(match &e.kind {
        ExprKind::Atom(a) if a == "true" => Value::Bool(true),
        ExprKind::Atom(a) if a == "false" => Value::Bool(false),
        ExprKind::Atom(a) => Value::atom(a),
        ExprKind::Int(n) => Value::Int(*n),
        ExprKind::Str(s) => Value::str(s),
        _ => return None,
    })
}

fn binary(op: BinOp, a: IrExpr, b: IrExpr) -> IrExpr {
    let op = match op {
        BinOp::Add | BinOp::Append => ir::BinOp::Add,
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

fn not_in_guard(span: Span) -> Diagnostic {
    Diagnostic::new(
        span,
        "this is not allowed in a guard",
        "guards may use comparisons, arithmetic, `andalso`/`orelse` and tests like is_integer(X)",
    )
}

fn cannot_match(span: Span) -> Diagnostic {
    Diagnostic::new(
        span,
        "this cannot be used as a pattern",
        "patterns are made of variables, `_`, atoms, numbers, strings, tuples and lists",
    )
}

fn wrong_bif_arity(name: &str, arity: usize, span: Span) -> Diagnostic {
    let known: Vec<String> = BIFS
        .iter()
        .filter(|(n, _)| *n == name)
        .map(|(n, a)| format!("{n}/{a}"))
        .collect();
    Diagnostic::new(
        span,
        format!("function {name}/{arity} is undefined"),
        format!("the built-in is {}", known.join(", ")),
    )
}
