//! Lowers a parsed Erlang module to the simulator's IR.
//!
//! Every Erlang process is an actor. Variables are single-assignment: a pattern binds a
//! variable the first time it appears and checks equality after that. Calls in tail
//! position become `TailCall`, so `loop(N + 1)` servers run in constant stack.

mod call;
mod clauses;
mod comprehension;
mod except;
mod expr;
mod format;
mod maps;
mod prelude;
mod process;
mod records;

use std::collections::{HashMap, HashSet};

use sim::ir::{
    self, After, Builtin, Callee, Clause, Expr as IrExpr, FmtPart, FuncId, FunctionBuilder, Label,
    Local, NoMatch, Op, Pattern, ProcKind, ProcessSpec, Program, Span, Style, UnOp, Value,
};

use super::ast::{
    BinOp, CaseClause, Clause as FunClause, Expr, ExprKind, Function, IfBranch, Module, Qualifier,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Res};
use crate::lowering::{computes, LowerCx, Scratch};

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
    ("is_map", 1),
    ("map_size", 1),
    // The library's map primitives (a `$` name no program writes by accident).
    ("$map_from_list", 1),
    ("$map_to_list", 1),
    ("exit", 1),
    ("error", 1),
    ("throw", 1),
    ("spawn_link", 1),
    ("spawn_link", 3),
    ("spawn_monitor", 1),
    ("spawn_monitor", 3),
    ("register", 2),
    ("unregister", 1),
    ("whereis", 1),
    ("registered", 0),
    ("link", 1),
    ("unlink", 1),
    ("monitor", 2),
    ("demonitor", 1),
    ("demonitor", 2),
    ("process_flag", 2),
    ("exit", 2),
    ("make_ref", 0),
    ("is_process_alive", 1),
    ("node", 0),
    ("apply", 2),
    ("apply", 3),
    ("is_record", 2),
    ("setelement", 3),
    ("list_to_atom", 1),
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
    "is_record",
];

/// A clause body still to be lowered: its label, the variables bound on entry, and the
/// clause's index.
type PendingBody = (Label, HashSet<String>, usize);

struct Ctx {
    funcs: HashMap<(String, usize), FuncId>,
    /// The module's own name: `Name:f(…)` is then a local call.
    module: Option<String>,
    out: Vec<ir::Function>,
    /// The library (`lists`), once the program calls it.
    prelude: Option<prelude::Prelude>,
    /// `-import`ed functions: name and arity to their module.
    imports: HashMap<(String, usize), String>,
    /// The module's records by name.
    records: HashMap<String, super::ast::RecordDef>,
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

/// Lowers a module. `entry`, when given, is what the shell process runs instead of the
/// module's own script or `main/0`; without one, a module with neither starts from
/// `start()` when it exports `start/0`.
pub(crate) fn lower(module: &Module, entry: Option<Vec<Expr>>) -> Result<Program, Diagnostics> {
    let script = match entry {
        Some(exprs) => exprs,
        None if module.script.is_empty()
            && !module
                .functions
                .iter()
                .any(|f| f.name == "main" && f.arity == 0) =>
        {
            module
                .functions
                .iter()
                .find(|f| {
                    f.name == "start"
                        && f.arity == 0
                        && module.exports.iter().any(|(n, a)| n == "start" && *a == 0)
                })
                .map(|f| {
                    let call = ExprKind::Call {
                        module: None,
                        func: Box::new(Expr {
                            kind: ExprKind::Atom("start".to_string()),
                            span: f.span,
                        }),
                        args: Vec::new(),
                    };
                    vec![Expr {
                        kind: call,
                        span: f.span,
                    }]
                })
                .unwrap_or_default()
        }
        None => module.script.clone(),
    };
    let mut ctx = Ctx {
        module: module.name.clone(),
        funcs: HashMap::new(),
        out: Vec::new(),
        prelude: None,
        imports: module
            .imports
            .iter()
            .map(|(m, f, a)| ((f.clone(), *a), m.clone()))
            .collect(),
        records: module
            .records
            .iter()
            .map(|r| (r.name.clone(), r.clone()))
            .collect(),
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
    let entry = if !script.is_empty() {
        let id = FuncId(ctx.out.len() as u32);
        ctx.out.push(ir::Function::default());
        let span = script.first().map_or_else(Span::default, |e| e.span);
        let mut lw = FnLower::new(&mut ctx, id, "shell", &[], "shell");
        match lw.seq(&script, false) {
            Ok(_) => {
                let mut f = lw.cx.fb.finish();
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
    if let Err(e) = prelude::lower_library(&mut ctx) {
        errors.push(e);
    }
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
    let mut func = lw.cx.fb.finish();
    func.span = f.span;
    Ok(func)
}

struct FnLower<'c> {
    ctx: &'c mut Ctx,
    cx: LowerCx,
    /// Variables bound at this point of the code.
    bound: HashSet<String>,
    /// The enclosing named function, for naming funs.
    owner: String,
}

impl<'c> FnLower<'c> {
    fn new(ctx: &'c mut Ctx, id: FuncId, name: &str, params: &[&str], owner: &str) -> Self {
        FnLower {
            ctx,
            cx: LowerCx::new(
                FunctionBuilder::new(id, name, params),
                name,
                Scratch::default(),
            ),
            bound: HashSet::new(),
            owner: owner.to_string(),
        }
    }

    fn var(&mut self, name: &str) -> Local {
        self.cx.fb.local(name)
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
        ExprKind::Catch(a) => vars_in(a, out),
        ExprKind::Try(t) => {
            t.body.iter().for_each(|b| vars_in(b, out));
            let clauses = t.of.iter().chain(t.catches.iter().map(|c| &c.clause));
            for c in clauses {
                vars_in(&c.pattern, out);
                c.guard.iter().flatten().for_each(|g| vars_in(g, out));
                c.body.iter().for_each(|b| vars_in(b, out));
            }
            for c in &t.catches {
                if let Some(class) = &c.class {
                    vars_in(class, out);
                }
            }
            t.after.iter().for_each(|b| vars_in(b, out));
        }
        ExprKind::Comprehension(head, quals) => {
            vars_in(head, out);
            for q in quals {
                match q {
                    Qualifier::Generator(p, l) => {
                        vars_in(p, out);
                        vars_in(l, out);
                    }
                    Qualifier::Filter(f) => vars_in(f, out),
                }
            }
        }
        ExprKind::Record { base, fields, .. } => {
            if let Some(b) = base {
                vars_in(b, out);
            }
            fields.iter().for_each(|(_, v, _)| vars_in(v, out));
        }
        ExprKind::RecordField(e, _, _) => vars_in(e, out),
        ExprKind::Map { base, entries } => {
            if let Some(b) = base {
                vars_in(b, out);
            }
            for entry in entries {
                vars_in(&entry.key, out);
                vars_in(&entry.value, out);
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
