//! Calls: user functions, built-ins, `threading.Thread`, locks, queues, `time.sleep` and `print`.

use super::*;

impl FnLower<'_> {
    pub(super) fn no_kwargs(&self, kwargs: &[(Ident, Expr)], what: &str) -> Res<()> {
        match kwargs.first() {
            Some((k, _)) => Err(Diagnostic::new(
                k.span,
                format!("`{what}` takes no keyword argument `{}`", k.name),
                "pass the arguments by position",
            )),
            None => Ok(()),
        }
    }

    pub(super) fn arity(&self, e: &Expr, what: &str, args: &[Expr], n: usize) -> Res<()> {
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
    pub(super) fn call(&mut self, e: &Expr, statement: bool, dest: Dest) -> Res<IrExpr> {
        let ExprKind::Call { func, args, kwargs } = &e.kind else {
            return self.expr_to(e, dest);
        };
        let span = e.span;
        let into = dest.slot;
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
                return self.method(e, (recv, method), (args, kwargs), statement, into);
            }
        }
        let name = match dotted(func, &self.scope.imported) {
            Some(n) => n,
            None => {
                let f = self.expr(func)?;
                let a = self.exprs(args)?;
                self.no_kwargs(kwargs, "this function")?;
                let dst = self.cx.dst(into, "result");
                self.cx.emit(
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
                    self.cx.emit(
                        span,
                        Op::Print {
                            text: IrExpr::Format(parts),
                        },
                    );
                    return Ok(IrExpr::Const(Value::Unit));
                }
                "len" | "str" | "repr" | "abs" | "int" | "float" | "sorted" => {
                    self.no_kwargs(kwargs, &name)?;
                    self.arity(e, &name, args, 1)?;
                    let Some(arg) = args.first() else {
                        return Ok(IrExpr::Const(Value::Unit));
                    };
                    if name == "len" && matches!(self.kind_of(arg), Kind::Dict) {
                        // The number of keys is shared memory too: a visible read.
                        let m = self.expr(arg)?;
                        let dst = self.cx.read_dst(into);
                        self.cx.emit(span, Op::MapLen { dst, map: m });
                        return Ok(IrExpr::Local(dst));
                    }
                    let v = self.expr(arg)?;
                    return Ok(match name.as_str() {
                        "len" => IrExpr::Call(Builtin::Len, vec![v]),
                        "str" => IrExpr::Call(Builtin::ToStr, vec![v]),
                        "abs" => IrExpr::Call(Builtin::Abs, vec![v]),
                        "int" => IrExpr::Call(Builtin::ToInt, vec![v]),
                        "float" => IrExpr::Call(Builtin::ToFloat, vec![v]),
                        "sorted" => IrExpr::Call(Builtin::Sorted, vec![v]),
                        _ => IrExpr::Format(vec![FmtPart::Repr(v)]),
                    });
                }
                // Built-ins over a whole iterable (comprehension lowering, `comp.rs`).
                "sum" | "any" | "all" | "list" => return self.reduction(e, &name, args, kwargs),
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
                    let map = self.cx.temp(dest.name_or("dict"));
                    self.cx.emit(span, Op::MakeMap { dst: map });
                    return Ok(IrExpr::Local(map));
                }
                "threading.Lock" => {
                    self.no_kwargs(kwargs, "threading.Lock")?;
                    self.arity(e, "threading.Lock", args, 0)?;
                    let l = self.cx.temp(dest.name_or("lock"));
                    self.cx.emit(span, Op::MakeLock { dst: l });
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
                    let q = self.cx.temp(dest.name_or("queue"));
                    self.cx.emit(
                        span,
                        Op::MakeChan {
                            dst: q,
                            capacity,
                            zero: IrExpr::Const(Value::Unit),
                        },
                    );
                    return Ok(IrExpr::Local(q));
                }
                "threading.Thread" => return self.thread(e, args, kwargs, dest),
                "threading.current_thread" => {
                    self.no_kwargs(kwargs, "threading.current_thread")?;
                    self.arity(e, "threading.current_thread", args, 0)?;
                    let dst = into.unwrap_or_else(|| self.cx.temp("current"));
                    self.cx.emit(span, Op::Thread(ThreadOp::Current { dst }));
                    return Ok(IrExpr::Local(dst));
                }
                "time.sleep" => {
                    self.no_kwargs(kwargs, "time.sleep")?;
                    self.arity(e, "time.sleep", args, 1)?;
                    let t = self.exprs(args)?;
                    let seconds = t.into_iter().next().unwrap_or(IrExpr::int(1));
                    // The logical clock counts milliseconds for Python, so that
                    // `time.sleep(0.1)` and `time.sleep(0.3)` wake in CPython's order.
                    let ticks = IrExpr::Call(Builtin::ToInt, vec![seconds * 1000]);
                    self.cx.emit(span, Op::Sleep { ticks });
                    return Ok(IrExpr::Const(Value::Unit));
                }
                "threading.Event" => return self.make_event(e, args, kwargs, dest),
                "threading.Semaphore" | "threading.BoundedSemaphore" => {
                    let bounded = name == "threading.BoundedSemaphore";
                    return self.make_semaphore(e, (args, kwargs), bounded, dest);
                }
                "threading.Condition" => return self.make_condition(e, (args, kwargs), dest),
                "threading.Barrier" => return self.make_barrier(e, (args, kwargs), dest),
                "threading.RLock" => {
                    return Err(Diagnostic::new(
                        func.span,
                        format!("`{name}` is not part of the Python lesson dialect"),
                        "from threading the lesson dialect knows Thread, Lock, Event, Semaphore, BoundedSemaphore, Condition and Barrier",
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
        match self.resolve(fname, func.span)? {
            Var::Func(id, _) => {
                let bound = self.bind_args(fname, span, args, kwargs)?;
                let a = self.bound_exprs(&bound)?;
                let dst = self.cx.result_dst(statement, into, "result");
                self.cx.emit(
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
                self.no_kwargs(kwargs, fname)?;
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
                let dst = self.cx.dst(into, "result");
                self.cx.emit(
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

    /// `threading.Thread(target=f, args=(…), name=…, daemon=…)`: a thread object holding the
    /// function with its arguments bound; `.start()` spawns it.
    pub(super) fn thread(
        &mut self,
        e: &Expr,
        args: &[Expr],
        kwargs: &[(Ident, Expr)],
        dest: Dest,
    ) -> Res<IrExpr> {
        if let Some(a) = args.first() {
            return Err(Diagnostic::new(
                a.span,
                "`threading.Thread` takes keyword arguments",
                "write `threading.Thread(target=worker, args=(1,))`",
            ));
        }
        let mut target = None;
        let mut name = None;
        let mut daemon = false;
        let mut targs: Vec<Expr> = Vec::new();
        let mut tkwargs: Vec<(Ident, Expr)> = Vec::new();
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
"kwargs" => tkwargs = thread_kwargs(v)?,
                "name" => name = Some(v),
                "daemon" => match v.kind {
                    ExprKind::Bool(b) => daemon = b,
                    ExprKind::None => {}
                    _ => {
                        return Err(Diagnostic::new(
                            v.span,
                            "`daemon=` must be written `True` or `False`",
                            "write `daemon=True`",
                        ))
                    }
                },
                other => {
                    return Err(Diagnostic::new(
                        k.span,
                        format!("`threading.Thread` takes no keyword argument `{other}` in the lesson dialect"),
                        "use `target=`, `args=`, `kwargs=`, `name=` and `daemon=`",
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
                if targs.len() > params {
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
                let bound = self.bind_args(fname, target.span, &targs, &tkwargs)?;
                let captured = self.bound_exprs(&bound)?;
                let name = match name {
                    Some(n) => Some(self.expr(n)?),
                    None => None,
                };
                let dst = match dest.slot {
                    Some(l) => l,
                    None => self.cx.temp(dest.name_or("thread")),
                };
                self.cx.emit(
                    e.span,
                    Op::Thread(ThreadOp::Make {
                        dst,
                        target: IrExpr::MakeFun { func: id, captured },
                        target_name: fname.clone(),
                        name,
                        daemon,
                    }),
                );
                Ok(IrExpr::Local(dst))
            }
            _ => Err(Diagnostic::new(
                target.span,
                format!("`{fname}` is not a function defined with `def`"),
                "write `target=` and the name of a function",
            )),
        }
    }
}

/// `kwargs={"name": value, …}` for a thread: a dict written out with string keys, which
/// become keyword arguments of the target.
fn thread_kwargs(v: &Expr) -> Res<Vec<(Ident, Expr)>> {
    let ExprKind::Dict(entries) = &v.kind else {
        return Err(Diagnostic::new(
            v.span,
            "`kwargs` must be a dict written out, like `kwargs={\"step\": 2}`",
            "write the keyword arguments as a `{…}` with string keys",
        ));
    };
    entries
        .iter()
        .map(|(k, value)| match &k.kind {
            ExprKind::Str(name) => Ok((
                Ident {
                    name: name.clone(),
                    span: k.span,
                },
                value.clone(),
            )),
            _ => Err(Diagnostic::new(
                k.span,
                "a key of `kwargs` must be a parameter's name in quotes",
                "write `kwargs={\"step\": 2}`",
            )),
        })
        .collect()
}
