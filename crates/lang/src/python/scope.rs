//! The first pass over a Python module: imports, functions, and which module-level
//! variables are shared memory.
//!
//! A module-level variable that some function uses is shared (a `Global`); one that no
//! function uses stays private to the `main` thread. A shared variable bound once to a
//! constant or a resource (a lock, a queue, a dict) and never rebound starts with that value
//! and is read without a visible step: only its contents change.

use std::collections::{HashMap, HashSet};

use sim::ir::{FuncId, Global, GlobalId, GlobalInit, Program, Span, Value};

use super::ast::{Expr, ExprKind, FPart, Module, Stmt, StmtKind};
use crate::diagnostic::{Diagnostic, Diagnostics, Res};

/// Modules a program may import, and the names `from … import` may bring in.
pub(super) const MODULES: &[(&str, &[&str])] = &[
    (
        "threading",
        &[
            "Thread",
            "Lock",
            "Event",
            "Semaphore",
            "BoundedSemaphore",
            "Condition",
            "Barrier",
        ],
    ),
    ("queue", &["Queue"]),
    ("time", &["sleep"]),
];

/// Built-in functions the dialect knows, for "not defined" hints.
pub(super) const BUILTINS: &str =
    "print, range, enumerate, len, str, repr, int, float, abs, min, max, sorted, dict";

/// What a name is known to hold, for compile-time checks and for choosing between a dict
/// lookup and a list index.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    Lock,
    Queue,
    Dict,
    Thread(Option<String>),
    List,
    Int,
    Str,
    Func,
    /// A synchronisation object of `threading` built in `lower/library`.
    Lib(Lib),
    Unknown,
}

/// The `threading` objects built from simulator primitives (see `lower/library`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lib {
    Event,
    /// `Semaphore` (`false`) or `BoundedSemaphore` (`true`).
    Semaphore(bool),
    Condition,
    Barrier,
}

impl Lib {
    /// The kind a call of the constructor `name` (dotted, like `threading.Event`) makes.
    pub(super) fn of_constructor(name: &str) -> Option<Lib> {
        Some(match name {
            "threading.Event" => Lib::Event,
            "threading.Semaphore" => Lib::Semaphore(false),
            "threading.BoundedSemaphore" => Lib::Semaphore(true),
            "threading.Condition" => Lib::Condition,
            "threading.Barrier" => Lib::Barrier,
            _ => return None,
        })
    }
}

impl Kind {
    pub(super) fn describe(&self) -> &'static str {
        match self {
            Kind::Lock => "a lock",
            Kind::Queue => "a queue",
            Kind::Dict => "a dict",
            Kind::Thread(_) => "a thread",
            Kind::List => "a list",
            Kind::Int => "a number",
            Kind::Str => "a string",
            Kind::Func => "a function",
            Kind::Lib(Lib::Event) => "an Event",
            Kind::Lib(Lib::Semaphore(_)) => "a semaphore",
            Kind::Lib(Lib::Condition) => "a Condition",
            Kind::Lib(Lib::Barrier) => "a Barrier",
            Kind::Unknown => "a value",
        }
    }
}

/// A module-level variable that functions share.
#[derive(Clone, Debug)]
pub(super) struct SharedVar {
    pub(super) id: GlobalId,
    /// Never rebound after its initial value: read without a visible step.
    pub(super) constant: bool,
    pub(super) kind: Kind,
}

pub(super) struct FuncInfo {
    pub(super) id: FuncId,
    pub(super) params: usize,
    pub(super) span: Span,
    /// The parameters' names, for keyword arguments.
    pub(super) names: Vec<String>,
    /// Each parameter's default, a literal's value.
    pub(super) defaults: Vec<Option<Value>>,
}

/// Everything known about the module before any code is lowered.
pub(super) struct ModuleScope {
    pub(super) shared: HashMap<String, SharedVar>,
    pub(super) funcs: HashMap<String, FuncInfo>,
    /// Names brought in by `import`/`from … import`, mapped to their dotted full name.
    pub(super) imported: HashMap<String, String>,
    /// Initial-value assignments folded into a global's `GlobalInit` (by statement span).
    pub(super) folded: HashSet<(u32, u32)>,
}

/// First pass: imports, functions, and which module-level variables are shared.
pub(super) fn scan_module(
    module: &Module,
    program: &mut Program,
) -> Result<ModuleScope, Diagnostics> {
    let mut imported = HashMap::new();
    let mut funcs = HashMap::new();
    let mut module_names: Vec<String> = Vec::new();
    for stmt in &module.body {
        match &stmt.kind {
            StmtKind::Import { module: m, names } => {
                let Some((_, exports)) = MODULES.iter().find(|(n, _)| *n == m.name) else {
                    return Err(Diagnostic::new(
                        m.span,
                        format!(
                            "module `{}` is not part of the Python lesson dialect",
                            m.name
                        ),
                        "the lesson dialect knows `threading`, `queue` and `time`",
                    )
                    .into());
                };
                if names.is_empty() {
                    imported.insert(m.name.clone(), m.name.clone());
                }
                for n in names {
                    if !exports.contains(&n.name.as_str()) {
                        return Err(Diagnostic::new(
                            n.span,
                            format!(
                                "`{}.{}` is not part of the Python lesson dialect",
                                m.name, n.name
                            ),
                            format!(
                                "from `{}` the lesson dialect knows: {}",
                                m.name,
                                exports.join(", ")
                            ),
                        )
                        .into());
                    }
                    imported.insert(n.name.clone(), format!("{}.{}", m.name, n.name));
                }
            }
            StmtKind::Def {
                name,
                params,
                defaults,
                ..
            } => {
                if let Some(prev) = funcs.get(&name.name) {
                    let prev: &FuncInfo = prev;
                    return Err(Diagnostic::new(
                        name.span,
                        format!(
                            "function `{}` is already defined on line {}",
                            name.name, prev.span.line
                        ),
                        "give each function its own name",
                    )
                    .into());
                }
                let id = FuncId(funcs.len() as u32);
                // Defaults are evaluated once, when `def` runs; a literal has the same value
                // then as at every call, which is all the dialect allows.
                let mut values = Vec::new();
                for d in defaults {
                    values.push(match d {
                        None => None,
                        Some(e) => Some(const_value(e).ok_or_else(|| {
                            Diagnostic::new(
                                e.span,
                                "a default value must be a literal in the Python lesson dialect",
                                "write a number, a string, `True`, `False` or `None`, like `step=1`",
                            )
                        })?),
                    });
                }
                funcs.insert(
                    name.name.clone(),
                    FuncInfo {
                        id,
                        params: params.len(),
                        span: name.span,
                        names: params.iter().map(|p| p.name.clone()).collect(),
                        defaults: values,
                    },
                );
            }
            _ => collect_assigned(std::slice::from_ref(stmt), &mut module_names)?,
        }
    }
    // Names used inside functions, and names functions declare `global`.
    let mut used_in_functions: HashSet<String> = HashSet::new();
    let mut declared_global: HashMap<String, bool> = HashMap::new();
    for stmt in &module.body {
        if let StmtKind::Def { body, params, .. } = &stmt.kind {
            let mut globals = Vec::new();
            collect_globals(body, &mut globals);
            let mut assigned = Vec::new();
            collect_assigned(body, &mut assigned)?;
            for g in &globals {
                let written = assigned.contains(g);
                let entry = declared_global.entry(g.clone()).or_insert(false);
                *entry |= written;
            }
            let mut used = Vec::new();
            collect_names(body, &mut used);
            for n in used {
                let local = (assigned.contains(&n) && !globals.contains(&n))
                    || params.iter().any(|p| p.name == n);
                if !local {
                    used_in_functions.insert(n);
                }
            }
        }
    }
    let mut shared = HashMap::new();
    let mut folded = HashSet::new();
    let mut order: Vec<String> = module_names
        .iter()
        .filter(|n| used_in_functions.contains(*n) || declared_global.contains_key(*n))
        .cloned()
        .collect();
    let mut extra: Vec<String> = declared_global
        .keys()
        .filter(|n| !order.contains(n))
        .cloned()
        .collect();
    extra.sort();
    order.extend(extra);
    for name in order {
        if funcs.contains_key(&name) {
            continue;
        }
        let assignments = count_assignments(&module.body, &name);
        let mut init = GlobalInit::Value(Value::Unit);
        let mut kind = Kind::Unknown;
        let mut foldable = false;
        for stmt in &module.body {
            if let StmtKind::Assign { targets, value } = &stmt.kind {
                if let [Expr {
                    kind: ExprKind::Name(n),
                    ..
                }] = targets.as_slice()
                {
                    if *n == name {
                        if let Some((i, k)) = initial_value(value, &imported) {
                            init = i;
                            kind = k;
                            foldable = true;
                            folded.insert((stmt.span.start, stmt.span.end));
                        } else if let ExprKind::Call { func, .. } = &value.kind {
                            // Built at run time by main, but its kind is known here, so
                            // functions call its methods as that kind's.
                            if let Some(lib) = dotted(func, &imported)
                                .as_deref()
                                .and_then(Lib::of_constructor)
                            {
                                kind = Kind::Lib(lib);
                            }
                        }
                        break;
                    }
                }
            }
        }
        // A list that a function appends to changes under the threads' feet, like a
        // `global` one.
        let appended_in_function = module.body.iter().any(|s| match &s.kind {
            StmtKind::Def { body, .. } => appends_to(body, &name),
            _ => false,
        });
        let rebound_in_function =
            declared_global.get(&name).copied().unwrap_or(false) || appended_in_function;
        let constant = foldable && assignments <= 1 && !rebound_in_function;
        let id = GlobalId(program.globals.len() as u32);
        program.globals.push(Global {
            name: name.clone(),
            init,
        });
        shared.insert(name, SharedVar { id, constant, kind });
    }
    Ok(ModuleScope {
        shared,
        funcs,
        imported,
        folded,
    })
}

/// The `GlobalInit` for a module-level initial value, when it is a constant or a resource.
pub(super) fn initial_value(
    value: &Expr,
    imported: &HashMap<String, String>,
) -> Option<(GlobalInit, Kind)> {
    if let Some(v) = const_value(value) {
        let kind = match v {
            Value::Int(_) => Kind::Int,
            Value::Str(_) => Kind::Str,
            Value::List(_) => Kind::List,
            _ => Kind::Unknown,
        };
        return Some((GlobalInit::Value(v), kind));
    }
    match &value.kind {
        ExprKind::Dict(entries) if entries.is_empty() => Some((GlobalInit::Map, Kind::Dict)),
        ExprKind::Call { func, args, kwargs } => {
            let name = dotted(func, imported)?;
            match (name.as_str(), args.as_slice(), kwargs.as_slice()) {
                ("threading.Lock", [], []) => Some((GlobalInit::Lock, Kind::Lock)),
                ("dict", [], []) => Some((GlobalInit::Map, Kind::Dict)),
                ("queue.Queue", [], []) => Some((
                    GlobalInit::Chan {
                        capacity: None,
                        zero: Value::Unit,
                    },
                    Kind::Queue,
                )),
                ("queue.Queue", [size], []) => queue_init(size),
                ("queue.Queue", [], [(k, size)]) if k.name == "maxsize" => queue_init(size),
                _ => None,
            }
        }
        _ => None,
    }
}

pub(super) fn queue_init(size: &Expr) -> Option<(GlobalInit, Kind)> {
    let ExprKind::Int(n) = size.kind else {
        return None;
    };
    let capacity = if n <= 0 {
        None
    } else {
        Some(u32::try_from(n).ok()?)
    };
    Some((
        GlobalInit::Chan {
            capacity,
            zero: Value::Unit,
        },
        Kind::Queue,
    ))
}

/// A literal's value, when the expression is one.
pub(super) fn const_value(e: &Expr) -> Option<Value> {
    Some(match &e.kind {
        ExprKind::Int(n) => Value::Int(*n),
        ExprKind::Float(x) => Value::from(*x),
        ExprKind::Str(s) => Value::str(s),
        ExprKind::Bool(b) => Value::Bool(*b),
        ExprKind::None => Value::Unit,
        ExprKind::Tuple(items) => {
            Value::tuple(items.iter().map(const_value).collect::<Option<Vec<_>>>()?)
        }
        ExprKind::List(items) => {
            Value::list(items.iter().map(const_value).collect::<Option<Vec<_>>>()?)
        }
        _ => return None,
    })
}

/// `threading.Lock` → "threading.Lock", following `from … import` aliases.
pub(super) fn dotted(e: &Expr, imported: &HashMap<String, String>) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(imported.get(n).cloned().unwrap_or_else(|| n.clone())),
        ExprKind::Attr(base, attr) => {
            let base = dotted(base, imported)?;
            Some(format!("{base}.{}", attr.name))
        }
        _ => None,
    }
}

pub(super) fn count_assignments(body: &[Stmt], name: &str) -> usize {
    let mut n = 0;
    for stmt in body {
        match &stmt.kind {
            StmtKind::Assign { targets, .. } => {
                n += targets.iter().filter(|t| binds(t, name)).count();
            }
            StmtKind::AugAssign { target, .. } => n += usize::from(binds(target, name)),
            StmtKind::For { target, body, .. } => {
                n += usize::from(binds(target, name)) + count_assignments(body, name)
            }
            StmtKind::If { branches, orelse } => {
                for (_, b) in branches {
                    n += count_assignments(b, name);
                }
                n += count_assignments(orelse, name);
            }
            StmtKind::While { body, .. } | StmtKind::With { body, .. } => {
                n += count_assignments(body, name)
            }
            _ => {}
        }
    }
    n
}

pub(super) fn binds(target: &Expr, name: &str) -> bool {
    match &target.kind {
        ExprKind::Name(n) => n == name,
        ExprKind::Tuple(items) => items.iter().any(|t| binds(t, name)),
        _ => false,
    }
}

/// Names bound by assignment or `for` in these statements (not inside nested defs).
pub(super) fn collect_assigned(body: &[Stmt], out: &mut Vec<String>) -> Res<()> {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Assign { targets, .. } => {
                for t in targets {
                    target_names(t, out);
                }
            }
            StmtKind::AugAssign { target, .. } => target_names(target, out),
            StmtKind::For { target, body, .. } => {
                let mut names = Vec::new();
                target_names(target, &mut names);
                for n in names {
                    if n != "_" && !out.contains(&n) {
                        out.push(n);
                    }
                }
                collect_assigned(body, out)?;
            }
            StmtKind::If { branches, orelse } => {
                for (_, b) in branches {
                    collect_assigned(b, out)?;
                }
                collect_assigned(orelse, out)?;
            }
            StmtKind::While { body, .. } | StmtKind::With { body, .. } => {
                collect_assigned(body, out)?
            }
            StmtKind::Def { name, .. } => {
                return Err(Diagnostic::new(
                    name.span,
                    "functions must be defined at the top level of the module",
                    "move this `def` out to the left margin; nested functions are not part of the Python lesson dialect",
                ))
            }
            _ => {}
        }
    }
    Ok(())
}

pub(super) fn target_names(t: &Expr, out: &mut Vec<String>) {
    match &t.kind {
        ExprKind::Name(n) if !out.contains(n) => out.push(n.clone()),
        ExprKind::Tuple(items) => items.iter().for_each(|i| target_names(i, out)),
        _ => {}
    }
}

pub(super) fn collect_globals(body: &[Stmt], out: &mut Vec<String>) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Global(names) => out.extend(names.iter().map(|n| n.name.clone())),
            StmtKind::If { branches, orelse } => {
                for (_, b) in branches {
                    collect_globals(b, out);
                }
                collect_globals(orelse, out);
            }
            StmtKind::While { body, .. }
            | StmtKind::With { body, .. }
            | StmtKind::For { body, .. } => collect_globals(body, out),
            _ => {}
        }
    }
}

/// Every name read or written in these statements.
pub(super) fn collect_names(body: &[Stmt], out: &mut Vec<String>) {
    pub(super) fn expr(e: &Expr, out: &mut Vec<String>) {
        match &e.kind {
            ExprKind::Name(n) => out.push(n.clone()),
            ExprKind::Binary(_, a, b) | ExprKind::Subscript(a, b) => {
                expr(a, out);
                expr(b, out);
            }
            ExprKind::Neg(a) | ExprKind::Not(a) | ExprKind::Attr(a, _) => expr(a, out),
            ExprKind::Call { func, args, kwargs } => {
                expr(func, out);
                args.iter().for_each(|a| expr(a, out));
                kwargs.iter().for_each(|(_, a)| expr(a, out));
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().for_each(|a| expr(a, out))
            }
            ExprKind::Dict(entries) => entries.iter().for_each(|(k, v)| {
                expr(k, out);
                expr(v, out);
            }),
            ExprKind::FStr(parts) => parts.iter().for_each(|p| {
                if let FPart::Value(e, _) = p {
                    expr(e, out)
                }
            }),
            ExprKind::Comp(c) => {
                expr(&c.elt, out);
                if let Some(v) = &c.value {
                    expr(v, out);
                }
                for clause in &c.clauses {
                    expr(&clause.target, out);
                    expr(&clause.iter, out);
                    clause.conds.iter().for_each(|c| expr(c, out));
                }
            }
            _ => {}
        }
    }
    for stmt in body {
        match &stmt.kind {
            StmtKind::Assign { targets, value } => {
                targets.iter().for_each(|t| expr(t, out));
                expr(value, out);
            }
            StmtKind::AugAssign { target, value, .. } => {
                expr(target, out);
                expr(value, out);
            }
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => expr(e, out),
            StmtKind::If { branches, orelse } => {
                for (c, b) in branches {
                    expr(c, out);
                    collect_names(b, out);
                }
                collect_names(orelse, out);
            }
            StmtKind::While { cond, body } => {
                expr(cond, out);
                collect_names(body, out);
            }
            StmtKind::For { iter, body, .. } => {
                expr(iter, out);
                collect_names(body, out);
            }
            StmtKind::With { ctx, body } => {
                expr(ctx, out);
                collect_names(body, out);
            }
            _ => {}
        }
    }
}

/// Whether these statements call `name.append(…)` (not looking into nested defs).
fn appends_to(body: &[Stmt], name: &str) -> bool {
    body.iter().any(|stmt| match &stmt.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Call { func, .. },
            ..
        }) => matches!(
            &func.kind,
            ExprKind::Attr(recv, m)
                if m.name == "append" && matches!(&recv.kind, ExprKind::Name(n) if n == name)
        ),
        StmtKind::If { branches, orelse } => {
            branches.iter().any(|(_, b)| appends_to(b, name)) || appends_to(orelse, name)
        }
        StmtKind::While { body, .. } | StmtKind::For { body, .. } | StmtKind::With { body, .. } => {
            appends_to(body, name)
        }
        _ => false,
    })
}
