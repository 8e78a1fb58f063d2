//! Thread objects: `threading.Thread(...)` makes an object on the heap that can be stored,
//! passed around, started once and joined from anywhere.
//!
//! The object is a shared map with the keys `name`, `daemon` and `_run`: `_run` holds the
//! function to run (the target with its arguments bound) until `.start()`, and the running
//! thread's pid after. Reading and writing them are visible steps, as every access to an
//! object reachable from several threads is.

use super::*;

/// The key of a thread object that holds its function, then its pid once started.
const RUN: &str = "_run";

impl FnLower<'_> {
    /// `threading.Thread(target=f, args=(…), name=…, daemon=…)`.
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
        let mut targs: Option<&Expr> = None;
        let mut name = None;
        let mut daemon = None;
        for (k, v) in kwargs {
            match k.name.as_str() {
                "target" => target = Some(v),
                "args" => targs = Some(v),
                "name" => name = Some(v),
                "daemon" => daemon = Some(v),
                other => {
                    return Err(Diagnostic::new(
                        k.span,
                        format!("`threading.Thread` takes no keyword argument `{other}` in the lesson dialect"),
                        "use `target=`, `args=`, `name=` and `daemon=`",
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
        let run = self.thread_target(target, targs)?;
        let run = self.cx.stable(run, "target", e.span);
        let fname = match &target.kind {
            ExprKind::Name(n) => n.clone(),
            _ => String::new(),
        };
        let name = match name {
            Some(n) => self.expr(n)?,
            None => self.default_thread_name(&fname, e.span),
        };
        let name = self.cx.stable(name, "name", e.span);
        let daemon = match daemon {
            Some(d) => self.expr(d)?,
            None => IrExpr::bool(false),
        };
        let obj = self.cx.temp(dest.name_or("thread"));
        self.cx.emit(e.span, Op::MakeMap { dst: obj });
        for (key, value) in [("name", name), ("daemon", daemon), (RUN, run)] {
            self.cx.emit(
                e.span,
                Op::MapWrite {
                    map: IrExpr::Local(obj),
                    key: IrExpr::str(key),
                    value,
                },
            );
        }
        Ok(IrExpr::Local(obj))
    }

    /// The function a thread runs: the target with its `args` bound.
    fn thread_target(&mut self, target: &Expr, targs: Option<&Expr>) -> Res<IrExpr> {
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
        let Var::Func(id, params) = resolved else {
            return Err(Diagnostic::new(
                target.span,
                format!("`{fname}` is not a function defined with `def`"),
                "write `target=` and the name of a function",
            ));
        };
        let captured = match targs.map(|a| &a.kind) {
            None => Vec::new(),
            Some(ExprKind::Tuple(items) | ExprKind::List(items)) => {
                if params != items.len() {
                    return Err(Diagnostic::new(
                        target.span,
                        format!(
                            "`{fname}` takes {params} argument{}, but `args` has {}",
                            if params == 1 { "" } else { "s" },
                            items.len()
                        ),
                        "give `args=` one value per parameter, like `args=(1,)`",
                    ));
                }
                self.exprs(items)?
            }
            Some(
                ExprKind::Int(_)
                | ExprKind::Str(_)
                | ExprKind::FStr(_)
                | ExprKind::Bool(_)
                | ExprKind::None
                | ExprKind::Dict(_),
            ) => {
                let span = targs.map_or(target.span, |a| a.span);
                return Err(Diagnostic::new(
                    span,
                    "`args` must be a tuple written out, like `args=(1, 2)`",
                    "for one argument write `args=(x,)`, with the comma",
                ));
            }
            // A tuple held in a variable: one item per parameter of the target.
            Some(_) => {
                let Some(a) = targs else {
                    return Ok(IrExpr::Const(Value::Unit));
                };
                let v = self.expr(a)?;
                let v = self.cx.stable(v, "args", a.span);
                (0..params)
                    .map(|i| v.clone().index(IrExpr::int(i as i64)))
                    .collect()
            }
        };
        Ok(IrExpr::MakeFun { func: id, captured })
    }

    /// CPython's default thread name, `Thread-N (target)`, numbered by `threading._counter`.
    fn default_thread_name(&mut self, target: &str, span: Span) -> IrExpr {
        let Some(counter) = self.scope.thread_counter else {
            return IrExpr::str("Thread");
        };
        let n = self.cx.temp("n");
        self.cx.emit(
            span,
            Op::Read {
                dst: n,
                place: Place::Global(counter),
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: n,
                expr: IrExpr::Local(n) + 1,
            },
        );
        self.cx.emit(
            span,
            Op::Write {
                place: Place::Global(counter),
                value: IrExpr::Local(n),
            },
        );
        let mut parts = vec![
            FmtPart::Lit("Thread-".into()),
            FmtPart::Show(IrExpr::Local(n)),
        ];
        if !target.is_empty() {
            parts.push(FmtPart::Lit(format!(" ({target})")));
        }
        IrExpr::Format(parts)
    }

    /// Raises a Python exception of class `class` with message `msg`: the reason is the
    /// pair `(class, message)`, which `except` matches on and `print(err)` shows the
    /// message of.
    pub(super) fn raise_py(&mut self, span: Span, class: &str, msg: IrExpr) {
        self.cx.emit(
            span,
            Op::Raise {
                class: IrExpr::atom("error"),
                reason: IrExpr::Tuple(vec![IrExpr::str(class), msg]),
                stack: None,
            },
        );
    }

    /// Reads the `_run` entry of a thread object into a hidden temporary.
    fn read_run(&mut self, obj: IrExpr, span: Span) -> Local {
        let run = self.cx.temp("run");
        self.cx.emit(
            span,
            Op::MapRead {
                dst: run,
                map: obj,
                key: IrExpr::str(RUN),
                default: None,
                ok: None,
            },
        );
        run
    }

    /// `t.start()`: spawns the thread once; a second start raises `RuntimeError`.
    pub(super) fn thread_start(&mut self, recv: &Expr, span: Span) -> Res<IrExpr> {
        let obj = self.expr(recv)?;
        let obj = self.cx.stable(obj, "thread", span);
        let run = self.read_run(obj.clone(), span);
        let fresh = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Call(Builtin::IsPid, vec![IrExpr::Local(run)]),
                to: fresh,
            },
        );
        self.raise_py(
            span,
            "RuntimeError",
            IrExpr::str("threads can only be started once"),
        );
        self.cx.fb.bind(fresh);
        let name = match self.kind_of(recv) {
            Kind::Thread(n) => n,
            _ => None,
        };
        let pid = self.cx.temp("pid");
        self.cx.emit(
            span,
            Op::Spawn {
                dst: Some(pid),
                kind: ProcKind::Thread,
                callee: Callee::Value(IrExpr::Local(run)),
                args: Vec::new(),
                name,
            },
        );
        self.cx.emit(
            span,
            Op::MapWrite {
                map: obj,
                key: IrExpr::str(RUN),
                value: IrExpr::Local(pid),
            },
        );
        Ok(IrExpr::Const(Value::Unit))
    }

    /// `t.join()`: waits for the thread; joining one never started raises `RuntimeError`.
    pub(super) fn thread_join(&mut self, recv: &Expr, span: Span) -> Res<IrExpr> {
        let obj = self.expr(recv)?;
        let run = self.read_run(obj, span);
        let started = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpIf {
                cond: IrExpr::Call(Builtin::IsPid, vec![IrExpr::Local(run)]),
                to: started,
            },
        );
        self.raise_py(
            span,
            "RuntimeError",
            IrExpr::str("cannot join thread before it is started"),
        );
        self.cx.fb.bind(started);
        self.cx.emit(
            span,
            Op::Join {
                target: IrExpr::Local(run),
            },
        );
        Ok(IrExpr::Const(Value::Unit))
    }

    /// `t.is_alive()`: started and not yet ended.
    pub(super) fn thread_is_alive(&mut self, recv: &Expr, span: Span) -> Res<IrExpr> {
        let obj = self.expr(recv)?;
        let run = self.read_run(obj, span);
        let alive = self.cx.temp("alive");
        let end = self.cx.fb.label();
        let started = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::Set {
                dst: alive,
                expr: IrExpr::bool(false),
            },
        );
        self.cx.emit(
            span,
            Op::JumpIf {
                cond: IrExpr::Call(Builtin::IsPid, vec![IrExpr::Local(run)]),
                to: started,
            },
        );
        self.cx.emit(span, Op::Jump { to: end });
        self.cx.fb.bind(started);
        self.cx.emit(
            span,
            Op::Proc(ir::ProcOp::IsAlive {
                dst: alive,
                pid: IrExpr::Local(run),
            }),
        );
        self.cx.fb.bind(end);
        Ok(IrExpr::Local(alive))
    }
}
