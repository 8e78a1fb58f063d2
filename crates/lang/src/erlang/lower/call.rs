//! Calls: local and remote functions, built-ins, `spawn` and `io:format`.

use super::*;

impl FnLower<'_> {
    pub(super) fn undefined(&self, name: &str, arity: usize, span: Span) -> Diagnostic {
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
    pub(super) fn call(
        &mut self,
        e: &Expr,
        want_value: bool,
        tail: bool,
        into: Option<Local>,
    ) -> Res<Option<IrExpr>> {
        let ExprKind::Call { module, func, args } = &e.kind else {
            return Ok(Some(self.expr_to(e, into)?));
        };
        let span = e.span;
        if let Some((m, mspan)) = module {
            if self.ctx.module.as_deref() != Some(m.as_str()) {
                return self.remote_call(m, *mspan, func, args, span).map(Some);
            }
        }
        let callee = match &func.kind {
            ExprKind::Atom(name) => {
                if let Some(id) = self.ctx.funcs.get(&(name.clone(), args.len())).copied() {
                    Callee::Func(id)
                } else if let Some(m) = self.ctx.imports.get(&(name.clone(), args.len())) {
                    let m = m.clone();
                    return self.remote_call(&m, func.span, func, args, span).map(Some);
                } else if BIFS.iter().any(|(n, a)| n == name && *a == args.len()) {
                    return self.bif(name, args, span, into).map(Some);
                } else if prelude::BUILT_IN.contains(&(name.as_str(), args.len())) {
                    return self
                        .remote_call(prelude::MODULE, func.span, func, args, span)
                        .map(Some);
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
            self.cx.emit(span, Op::TailCall { callee, args });
            return Ok(None);
        }
        let dst = want_value.then(|| self.cx.dst(into, "tmp"));
        self.cx.emit(span, Op::Call { dst, callee, args });
        Ok(Some(dst.map_or(IrExpr::atom("ok"), IrExpr::Local)))
    }

    pub(super) fn remote_call(
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
            ("erlang", "send_after", [time, dest, msg]) => {
                // A timer is a process of its own that sleeps, then sends.
                let Some(id) = self.ctx.library("$send_after", 3, true) else {
                    return Err(self.undefined("send_after", 3, span));
                };
                let args = self.exprs(&[time.clone(), dest.clone(), msg.clone()])?;
                self.spawn(
                    Callee::Func(id),
                    args,
                    Some("timer".to_string()),
                    span,
                    None,
                );
                let r = self.cx.temp("timer_ref");
                self.cx.emit(span, Op::MakeRef { dst: r });
                Ok(IrExpr::Local(r))
            }
            ("timer", "sleep", [ticks]) => {
                let t = self.expr(ticks)?;
                self.cx.emit(span, Op::Sleep { ticks: t });
                Ok(IrExpr::atom("ok"))
            }
            ("erlang", n, a) if BIFS.iter().any(|(b, ba)| *b == n && *ba == a.len()) => {
                self.bif(n, args, span, None)
            }
            ("maps" | "string", n, a) => {
                // Both modules are written in the library as `'$maps_f'`, `'$string_f'`.
                let helper = format!("${module}_{n}");
                let Some(id) = self.ctx.library(&helper, a.len(), true) else {
                    let hint = if module == "maps" {
                        "the lesson dialect's maps module has get, put, update, find, remove, \
                         is_key, keys, values, to_list, from_list, fold, size and new"
                    } else {
                        "the lesson dialect's string module has join/2; strings are lists, \
                         so the lists functions work on them too"
                    };
                    return Err(Diagnostic::new(
                        func.span,
                        format!("function {module}:{n}/{} is undefined", a.len()),
                        hint,
                    ));
                };
                let args = self.exprs(args)?;
                let dst = self.cx.temp("tmp");
                let callee = Callee::Func(id);
                self.cx.emit(
                    span,
                    Op::Call {
                        dst: Some(dst),
                        callee,
                        args,
                    },
                );
                Ok(IrExpr::Local(dst))
            }
            (prelude::MODULE, n, a) => {
                let Some(id) = self.ctx.library(n, a.len(), false) else {
                    let arities = self.ctx.library_arities(n);
                    let hint = match arities.as_slice() {
                        [] => "the lesson dialect's lists module has seq, map, foreach, foldl, \
                               filter, reverse, sum, nth, member, keyfind, sort, zip, append, \
                               duplicate, flatten, max, min, last, delete and a few more"
                            .to_string(),
                        known => format!(
                            "lists:{n} takes {} argument(s)",
                            known
                                .iter()
                                .map(|a| a.to_string())
                                .collect::<Vec<_>>()
                                .join(" or ")
                        ),
                    };
                    return Err(Diagnostic::new(
                        func.span,
                        format!("function lists:{n}/{} is undefined", a.len()),
                        hint,
                    ));
                };
                let args = self.exprs(args)?;
                let dst = self.cx.temp("tmp");
                self.cx.emit(
                    span,
                    Op::Call {
                        dst: Some(dst),
                        callee: Callee::Func(id),
                        args,
                    },
                );
                Ok(IrExpr::Local(dst))
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
                        crate::erlang::parser::SUPPORTED
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
    pub(super) fn bif(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
        into: Option<Local>,
    ) -> Res<IrExpr> {
        if let Some(v) = self.process_bif(name, args, span, into)? {
            return Ok(v);
        }
        match (name, args) {
            ("spawn", [_] | [_, _] | [_, _, _]) => {
                let (callee, args, spawn_name) = self.spawn_target(args, name)?;
                Ok(self.spawn(callee, args, spawn_name, span, into))
            }
            ("exit" | "error" | "throw", [reason]) => self.raise(name, reason, span),
            _ => {
                let args = self.exprs(args)?;
                self.bif_pure(name, args, span)
            }
        }
    }

    pub(super) fn spawn(
        &mut self,
        callee: Callee,
        args: Vec<IrExpr>,
        name: Option<String>,
        span: Span,
        into: Option<Local>,
    ) -> IrExpr {
        let dst = match into {
            Some(l) => l,
            None => self.cx.fb.fresh("$pid"),
        };
        self.cx.emit(
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
}
