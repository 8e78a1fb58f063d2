//! Package-level declarations: constants, variables and the resources made for them before `main` runs.

use super::*;

/// A compile-time constant: literals and integer arithmetic on them.
pub(super) fn const_eval(e: &Expr, pkg: &Package) -> Option<Value> {
    Some(match &e.kind {
        ExprKind::Int(n) | ExprKind::Rune(n) => Value::Int(*n),
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
pub(super) fn time_unit(name: &str) -> Option<i64> {
    Some(match name {
        "Nanosecond" | "Microsecond" | "Millisecond" => 1,
        "Second" => 1000,
        "Minute" => 60_000,
        "Hour" => 3_600_000,
        _ => return None,
    })
}

pub(super) fn package_var(
    pkg: &mut Package,
    program: &mut Program,
    spec: &VarSpec,
    assigned: &HashSet<String>,
) -> Res<()> {
    let declared = match &spec.ty {
        Some(t) => {
            let ty = type_of(t, spec.ty_span)?;
            check_declared(&ty, &pkg.structs, spec.ty_span)?;
            Some(ty)
        }
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
            // A struct made when the program starts, by `main`, as a literal would be.
            None if matches!(declared, Some(Ty::Struct(_) | Ty::Once | Ty::RwMutex)) => {
                let ty = declared.clone().unwrap_or(Ty::Unknown);
                if let Some(t) = &spec.ty {
                    let lit = Expr {
                        kind: ExprKind::Composite(t.clone(), Vec::new()),
                        span: spec.span,
                    };
                    pkg.init.push((id, lit, spec.span));
                }
                (GlobalInit::Value(Value::Unit), ty, true)
            }
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
pub(super) fn resource_init(v: &Expr, pkg: &Package) -> Res<Option<(GlobalInit, Ty)>> {
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
