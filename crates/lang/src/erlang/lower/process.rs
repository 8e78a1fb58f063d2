//! Built-ins about processes: spawning (plain, linked, monitored), registered names,
//! links, monitors, exit signals, `trap_exit`, references, `apply`, and raising.

use sim::ir::ProcOp;

use super::*;

impl FnLower<'_> {
    /// What `spawn*` starts: `(Fun)`, `(Function, [Args])` or `(Module, Function, [Args])`.
    /// The one place every spawn form resolves its target.
    pub(super) fn spawn_target(
        &mut self,
        args: &[Expr],
        what: &str,
    ) -> Res<(Callee, Vec<IrExpr>, Option<String>)> {
        match args {
            [f] => match &f.kind {
                ExprKind::Fun(_) | ExprKind::Var(_) | ExprKind::FunRef(..) => {
                    let name = fun_display_name(f);
                    Ok((Callee::Value(self.expr(f)?), Vec::new(), name))
                }
                _ => Err(Diagnostic::new(
                    f.span,
                    format!("`{what}/1` takes a fun"),
                    format!("write `{what}(fun() -> loop(0) end)`"),
                )),
            },
            [f, a] | [_, f, a] => {
                if let [m, _, _] = args {
                    if !matches!(m.kind, ExprKind::Atom(_)) {
                        return Err(Diagnostic::new(
                            m.span,
                            format!(
                                "the module in `{what}(Module, Function, Args)` must be an atom"
                            ),
                            format!("write `{what}(counter, loop, [0])`"),
                        ));
                    }
                }
                let ExprKind::List(items, None) = &a.kind else {
                    return Err(Diagnostic::new(
                        a.span,
                        format!(
                            "the arguments for `{what}` must be a list written out, like `[0, self()]`"
                        ),
                        "list the arguments in `[…]`",
                    ));
                };
                let (callee, name) = match &f.kind {
                    ExprKind::Atom(fname) => {
                        let Some(id) = self.ctx.funcs.get(&(fname.clone(), items.len())).copied()
                        else {
                            return Err(self.undefined(fname, items.len(), f.span));
                        };
                        (Callee::Func(id), Some(fname.clone()))
                    }
                    ExprKind::Var(_) | ExprKind::Fun(_) | ExprKind::FunRef(..) => {
                        (Callee::Value(self.expr(f)?), None)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            f.span,
                            format!("`{what}` needs a function name or a fun"),
                            format!("write `{what}(?MODULE, loop, [0])`"),
                        ))
                    }
                };
                let args = self.exprs(items)?;
                Ok((callee, args, name))
            }
            _ => Err(wrong_bif_arity(what, args.len(), Span::default())),
        }
    }

    /// Lowers a process built-in; `None` when `name` is not one.
    pub(super) fn process_bif(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
        into: Option<Local>,
    ) -> Res<Option<IrExpr>> {
        let truth = IrExpr::Const(Value::Bool(true));
        let proc_op = |lw: &mut Self, op: ProcOp| lw.cx.emit(span, Op::Proc(op));
        let v = match (name, args) {
            ("spawn_link" | "spawn_monitor", _) => {
                let (callee, call_args, spawn_name) = self.spawn_target(args, name)?;
                let pid = match (into, name) {
                    (Some(l), "spawn_link") => l,
                    _ => self.cx.temp("pid"),
                };
                let monitor = (name == "spawn_monitor").then(|| self.cx.temp("ref"));
                proc_op(
                    self,
                    ProcOp::SpawnWith {
                        dst: Some(pid),
                        kind: ProcKind::Actor,
                        callee,
                        args: call_args,
                        name: spawn_name,
                        link: name == "spawn_link",
                        monitor,
                    },
                );
                match monitor {
                    Some(r) => IrExpr::Tuple(vec![IrExpr::Local(pid), IrExpr::Local(r)]),
                    None => IrExpr::Local(pid),
                }
            }
            ("register", [n, p]) => {
                let (n, p) = (self.expr(n)?, self.expr(p)?);
                proc_op(self, ProcOp::Register { name: n, pid: p });
                truth
            }
            ("unregister", [n]) => {
                let n = self.expr(n)?;
                proc_op(self, ProcOp::Unregister { name: n });
                truth
            }
            ("whereis", [n]) => {
                let n = self.expr(n)?;
                let dst = self.cx.dst(into, "tmp");
                proc_op(self, ProcOp::WhereIs { dst, name: n });
                IrExpr::Local(dst)
            }
            ("registered", []) => {
                let dst = self.cx.dst(into, "tmp");
                proc_op(self, ProcOp::Registered { dst });
                IrExpr::Local(dst)
            }
            ("link" | "unlink", [p]) => {
                let pid = self.expr(p)?;
                let op = if name == "link" {
                    ProcOp::Link { pid }
                } else {
                    ProcOp::Unlink { pid }
                };
                proc_op(self, op);
                truth
            }
            ("monitor", [kind, p]) => {
                if !matches!(&kind.kind, ExprKind::Atom(a) if a == "process") {
                    return Err(Diagnostic::new(
                        kind.span,
                        "only processes can be monitored",
                        "write `monitor(process, Pid)`",
                    ));
                }
                let pid = self.expr(p)?;
                let dst = self.cx.dst(into, "ref");
                proc_op(self, ProcOp::Monitor { dst, pid });
                IrExpr::Local(dst)
            }
            ("demonitor", [r, rest @ ..]) => {
                let flush = match rest {
                    [] => false,
                    [opts] => match &opts.kind {
                        ExprKind::List(items, None) => items
                            .iter()
                            .any(|o| matches!(&o.kind, ExprKind::Atom(a) if a == "flush")),
                        _ => {
                            return Err(Diagnostic::new(
                                opts.span,
                                "the options of `demonitor` must be a list written out",
                                "write `demonitor(Ref, [flush])`",
                            ))
                        }
                    },
                    _ => return Ok(None),
                };
                let reference = self.expr(r)?;
                proc_op(self, ProcOp::Demonitor { reference, flush });
                truth
            }
            ("process_flag", [flag, value]) => {
                if !matches!(&flag.kind, ExprKind::Atom(a) if a == "trap_exit") {
                    return Err(Diagnostic::new(
                        flag.span,
                        "the only process flag of the Erlang lesson dialect is `trap_exit`",
                        "write `process_flag(trap_exit, true)`",
                    ));
                }
                let value = self.expr(value)?;
                let dst = self.cx.dst(into, "tmp");
                proc_op(
                    self,
                    ProcOp::TrapExit {
                        dst: Some(dst),
                        value,
                    },
                );
                IrExpr::Local(dst)
            }
            ("exit", [to, reason]) => {
                let (to, reason) = (self.expr(to)?, self.expr(reason)?);
                proc_op(self, ProcOp::SendExit { to, reason });
                truth
            }
            ("is_process_alive", [p]) => {
                let pid = self.expr(p)?;
                let dst = self.cx.dst(into, "tmp");
                proc_op(self, ProcOp::IsAlive { dst, pid });
                IrExpr::Local(dst)
            }
            ("make_ref", []) => {
                let dst = self.cx.dst(into, "ref");
                self.cx.emit(span, Op::MakeRef { dst });
                IrExpr::Local(dst)
            }
            ("node", []) => IrExpr::atom("nonode@nohost"),
            ("apply", [f, a]) | ("apply", [_, f, a]) => {
                let ExprKind::List(items, None) = &a.kind else {
                    return Err(Diagnostic::new(
                        a.span,
                        "the arguments of `apply` must be a list written out",
                        "write `apply(F, [1, 2])`",
                    ));
                };
                let call = Expr {
                    kind: ExprKind::Call {
                        module: None,
                        func: Box::new(f.clone()),
                        args: items.clone(),
                    },
                    span,
                };
                if let [m, _, _] = args {
                    if !matches!(m.kind, ExprKind::Atom(_)) {
                        return Err(Diagnostic::new(
                            m.span,
                            "the module in `apply(Module, Function, Args)` must be an atom",
                            "write `apply(?MODULE, f, [1])`",
                        ));
                    }
                }
                return self.call(&call, true, false, into);
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    /// `exit(Reason)`, `error(Reason)`, `throw(Term)`: raises an exception of that class.
    pub(super) fn raise(&mut self, class: &str, reason: &Expr, span: Span) -> Res<IrExpr> {
        let r = self.expr(reason)?;
        self.cx.emit(
            span,
            Op::Raise {
                class: IrExpr::atom(class),
                reason: r,
                stack: None,
            },
        );
        Ok(IrExpr::atom("ok"))
    }
}
