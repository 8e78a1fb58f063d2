//! Which variables a function changes and which its closures capture, found by name.
//!
//! A variable that a closure captures and someone assigns after its declaration must live
//! in a shared cell; one only read can be captured by value.

use std::collections::HashSet;

use super::ast::{Comm, Expr, ExprKind, File, Stmt, StmtKind};

/// Names assigned anywhere after their declaration (`=`, `op=`, `++`, receive into).
pub(super) fn assigned_names(file: &File) -> HashSet<String> {
    let mut out = HashSet::new();
    for f in &file.funcs {
        mutated_in(&f.body, &mut out);
    }
    out
}

pub(super) fn target_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n),
        _ => None,
    }
}

pub(super) fn mutated_in(body: &[Stmt], out: &mut HashSet<String>) {
    for s in body {
        mutated_stmt(s, out);
    }
}

pub(super) fn mutated_stmt(s: &Stmt, out: &mut HashSet<String>) {
    match &s.kind {
        StmtKind::Assign(lhs, _, rhs, _) => {
            for t in lhs {
                if let Some(n) = target_name(t) {
                    out.insert(n.to_string());
                }
            }
            rhs.iter().for_each(|e| mutated_expr(e, out));
        }
        StmtKind::IncDec(t, _, _) => {
            if let Some(n) = target_name(t) {
                out.insert(n.to_string());
            }
        }
        StmtKind::Var(spec) => spec.values.iter().for_each(|e| mutated_expr(e, out)),
        StmtKind::Define(_, values) => values.iter().for_each(|e| mutated_expr(e, out)),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => mutated_expr(e, out),
        StmtKind::Send(a, b) => {
            mutated_expr(a, out);
            mutated_expr(b, out);
        }
        StmtKind::Return(values) => values.iter().for_each(|e| mutated_expr(e, out)),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                mutated_stmt(i, out);
            }
            mutated_expr(cond, out);
            mutated_in(then, out);
            if let Some(e) = els {
                mutated_in(e, out);
            }
        }
        StmtKind::While(c, body) => {
            if let Some(c) = c {
                mutated_expr(c, out);
            }
            mutated_in(body, out);
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                mutated_stmt(i, out);
            }
            if let Some(c) = cond {
                mutated_expr(c, out);
            }
            if let Some(p) = post {
                mutated_stmt(p, out);
            }
            mutated_in(body, out);
        }
        StmtKind::Range { over, body, .. } => {
            mutated_expr(over, out);
            mutated_in(body, out);
        }
        StmtKind::Select(cases) => {
            for c in cases {
                if let Comm::Recv {
                    lhs, define: false, ..
                } = &c.comm
                {
                    for t in lhs {
                        if let Some(n) = target_name(t) {
                            out.insert(n.to_string());
                        }
                    }
                }
                mutated_in(&c.body, out);
            }
        }
        StmtKind::Block(body) => mutated_in(body, out),
        StmtKind::Break | StmtKind::Continue => {}
    }
}

pub(super) fn mutated_expr(e: &Expr, out: &mut HashSet<String>) {
    walk_expr(e, &mut |x| {
        if let ExprKind::FuncLit(_, _, body) = &x.kind {
            mutated_in(body, out);
        }
        // `&x` (for `atomic.AddInt64(&x, 1)`) lets others change `x`: it must be shared.
        if let ExprKind::Unary(super::ast::UnOp::Addr, inner) = &x.kind {
            if let ExprKind::Ident(n) = &inner.kind {
                out.insert(n.clone());
            }
        }
    });
}

/// Calls `f` on `e` and every sub-expression (not descending into function literals'
/// statements, which `f` can handle itself).
pub(super) fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Binary(_, a, b) | ExprKind::Index(a, b) => {
            walk_expr(a, f);
            walk_expr(b, f);
        }
        ExprKind::Unary(_, a)
        | ExprKind::Selector(a, _)
        | ExprKind::Spread(a)
        | ExprKind::Convert(_, a) => walk_expr(a, f),
        ExprKind::Call(func, args) => {
            walk_expr(func, f);
            args.iter().for_each(|a| walk_expr(a, f));
        }
        ExprKind::Make(_, Some(size)) => walk_expr(size, f),
        ExprKind::MakeSlice(_, len, cap) => {
            walk_expr(len, f);
            if let Some(c) = cap {
                walk_expr(c, f);
            }
        }
        ExprKind::Slicing(base, low, high, max) => {
            walk_expr(base, f);
            low.iter()
                .chain(high)
                .chain(max)
                .for_each(|b| walk_expr(b, f));
        }
        ExprKind::Composite(_, elems) => elems.iter().for_each(|(k, v)| {
            if let Some(k) = k {
                walk_expr(k, f);
            }
            walk_expr(v, f);
        }),
        _ => {}
    }
}

/// Every identifier mentioned in these statements, including inside nested closures.
pub(super) fn idents_in(body: &[Stmt], out: &mut Vec<String>) {
    for s in body {
        idents_stmt(s, out);
    }
}

pub(super) fn idents_expr(e: &Expr, out: &mut Vec<String>) {
    walk_expr(e, &mut |x| match &x.kind {
        ExprKind::Ident(n) if !out.contains(n) => out.push(n.clone()),
        ExprKind::FuncLit(_, _, body) => idents_in(body, out),
        _ => {}
    });
}

pub(super) fn idents_stmt(s: &Stmt, out: &mut Vec<String>) {
    let push = |n: &str, out: &mut Vec<String>| {
        if !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
    };
    match &s.kind {
        StmtKind::Var(spec) => spec.values.iter().for_each(|e| idents_expr(e, out)),
        StmtKind::Define(names, values) => {
            values.iter().for_each(|e| idents_expr(e, out));
            names.iter().for_each(|n| push(&n.name, out));
        }
        StmtKind::Assign(lhs, _, rhs, _) => {
            lhs.iter().chain(rhs).for_each(|e| idents_expr(e, out));
        }
        StmtKind::IncDec(e, _, _) | StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => {
            idents_expr(e, out)
        }
        StmtKind::Send(a, b) => {
            idents_expr(a, out);
            idents_expr(b, out);
        }
        StmtKind::Return(values) => values.iter().for_each(|e| idents_expr(e, out)),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                idents_stmt(i, out);
            }
            idents_expr(cond, out);
            idents_in(then, out);
            if let Some(e) = els {
                idents_in(e, out);
            }
        }
        StmtKind::While(c, body) => {
            if let Some(c) = c {
                idents_expr(c, out);
            }
            idents_in(body, out);
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            if let Some(i) = init {
                idents_stmt(i, out);
            }
            if let Some(c) = cond {
                idents_expr(c, out);
            }
            if let Some(p) = post {
                idents_stmt(p, out);
            }
            idents_in(body, out);
        }
        StmtKind::Range {
            key,
            value,
            over,
            body,
        } => {
            for n in [key, value].into_iter().flatten() {
                push(&n.name, out);
            }
            idents_expr(over, out);
            idents_in(body, out);
        }
        StmtKind::Select(cases) => {
            for c in cases {
                match &c.comm {
                    Comm::Recv { lhs, chan, .. } => {
                        lhs.iter().for_each(|e| idents_expr(e, out));
                        idents_expr(chan, out);
                    }
                    Comm::Send { chan, value } => {
                        idents_expr(chan, out);
                        idents_expr(value, out);
                    }
                    Comm::Default => {}
                }
                idents_in(&c.body, out);
            }
        }
        StmtKind::Block(body) => idents_in(body, out),
        StmtKind::Break | StmtKind::Continue => {}
    }
}

/// Names some closure inside `body` refers to.
pub(super) fn captured_in(body: &[Stmt]) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut visit = |e: &Expr| {
        if let ExprKind::FuncLit(_, _, inner) = &e.kind {
            let mut names = Vec::new();
            idents_in(inner, &mut names);
            out.extend(names);
        }
    };
    visit_exprs(body, &mut visit);
    out
}

/// Calls `visit` on every expression of these statements and their sub-expressions (not
/// descending into function literals' statements, which `visit` can handle itself).
pub(super) fn visit_exprs(body: &[Stmt], visit: &mut dyn FnMut(&Expr)) {
    for s in body {
        let mut exprs: Vec<&Expr> = Vec::new();
        let mut blocks: Vec<&[Stmt]> = Vec::new();
        match &s.kind {
            StmtKind::Var(spec) => exprs.extend(&spec.values),
            StmtKind::Define(_, v) | StmtKind::Return(v) => exprs.extend(v),
            StmtKind::Assign(l, _, r, _) => {
                exprs.extend(l);
                exprs.extend(r);
            }
            StmtKind::IncDec(e, _, _)
            | StmtKind::Expr(e)
            | StmtKind::Go(e)
            | StmtKind::Defer(e) => exprs.push(e),
            StmtKind::Send(a, b) => {
                exprs.push(a);
                exprs.push(b);
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    visit_exprs(std::slice::from_ref(i), visit);
                }
                exprs.push(cond);
                blocks.push(then);
                if let Some(e) = els {
                    blocks.push(e);
                }
            }
            StmtKind::While(c, body) => {
                exprs.extend(c);
                blocks.push(body);
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    visit_exprs(std::slice::from_ref(i), visit);
                }
                if let Some(p) = post {
                    visit_exprs(std::slice::from_ref(p), visit);
                }
                exprs.extend(cond);
                blocks.push(body);
            }
            StmtKind::Range { over, body, .. } => {
                exprs.push(over);
                blocks.push(body);
            }
            StmtKind::Select(cases) => {
                for c in cases {
                    match &c.comm {
                        Comm::Recv { chan, .. } => exprs.push(chan),
                        Comm::Send { chan, value } => {
                            exprs.push(chan);
                            exprs.push(value);
                        }
                        Comm::Default => {}
                    }
                    blocks.push(&c.body);
                }
            }
            StmtKind::Block(body) => blocks.push(body),
            StmtKind::Break | StmtKind::Continue => {}
        }
        for e in exprs {
            walk_expr(e, visit);
        }
        for b in blocks {
            visit_exprs(b, visit);
        }
    }
}
