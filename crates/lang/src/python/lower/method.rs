//! Methods on values: threads, locks, queues, dicts and lists.

use super::*;

impl FnLower<'_> {
    /// Lowers the call `e` of `method` on `recv`; `statement` when its value is unused,
    /// else it goes to `into` when that is given.
    pub(super) fn method(
        &mut self,
        e: &Expr,
        (recv, method): (&Expr, &Ident),
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        statement: bool,
        into: Option<Local>,
    ) -> Res<IrExpr> {
        let span = e.span;
        let kind = self.kind_of(recv);
        let m = method.name.as_str();
        let expect = |ok: bool, needs: &str| -> Res<()> {
            if ok {
                Ok(())
            } else {
                Err(Diagnostic::new(
                    method.span,
                    format!("`.{m}()` needs {needs}, but this is {}", kind.describe()),
                    format!("call `.{m}()` on {needs}"),
                ))
            }
        };
        match kind {
            Kind::Lib(Lib::Event) => {
                return self.event_method(e, (recv, method), (args, kwargs), into)
            }
            Kind::Lib(Lib::Semaphore(bounded))
                if library::semaphore::SEMAPHORE_METHODS.contains(&m) =>
            {
                return self.semaphore_method(e, (recv, method), (args, kwargs), bounded, into)
            }
            Kind::Lib(Lib::Semaphore(_)) => {
                return Err(Diagnostic::new(
                    method.span,
                    format!("a semaphore has no method `.{m}()` in the lesson dialect"),
                    "a semaphore has acquire and release",
                ))
            }
            Kind::Lib(Lib::Condition) => {
                return self.condition_method(e, (recv, method), (args, kwargs), into)
            }
            Kind::Lib(Lib::Barrier) => {
                return self.barrier_method(e, (recv, method), (args, kwargs), into)
            }
            _ => {}
        }
        let unknown = matches!(kind, Kind::Unknown);
        if unknown && library::event::EVENT_METHODS.contains(&m) {
            return self.event_method(e, (recv, method), (args, kwargs), into);
        }
        if (unknown || kind == Kind::Queue) && library::queue::QUEUE_PEEKS.contains(&m) {
            return self.queue_peek(e, (recv, method), (args, kwargs), into);
        }
        self.no_kwargs(kwargs, m)?;
        match m {
            "start" => {
                expect(unknown || matches!(kind, Kind::Thread(_)), "a thread")?;
                self.arity(e, "start", args, 0)?;
                let thread = self.expr(recv)?;
                self.cx.emit(span, Op::Thread(ThreadOp::Start { thread }));
                Ok(IrExpr::Const(Value::Unit))
            }
            "is_alive" => {
                expect(unknown || matches!(kind, Kind::Thread(_)), "a thread")?;
                self.arity(e, "is_alive", args, 0)?;
                let thread = self.expr(recv)?;
                let dst = into.unwrap_or_else(|| self.cx.temp("alive"));
                self.cx
                    .emit(span, Op::Thread(ThreadOp::Alive { dst, thread }));
                Ok(IrExpr::Local(dst))
            }
            "join" => {
                expect(unknown || matches!(kind, Kind::Thread(_)), "a thread")?;
                self.arity(e, "join", args, 0)?;
                let t = self.expr(recv)?;
                self.cx.emit(span, Op::Join { target: t });
                Ok(IrExpr::Const(Value::Unit))
            }
            "acquire" | "release" => {
                expect(unknown || kind == Kind::Lock, "a lock")?;
                if let Some(a) = args.first() {
                    return Err(Diagnostic::new(
                        a.span,
                        format!("`.{m}()` takes no arguments in the lesson dialect"),
                        format!("write `lock.{m}()`"),
                    ));
                }
                let l = self.expr(recv)?;
                let op = if m == "acquire" {
                    Op::Acquire { lock: l }
                } else {
                    Op::Release { lock: l }
                };
                self.cx.emit(span, op);
                Ok(IrExpr::Const(Value::Unit))
            }
            "put" => {
                expect(unknown || kind == Kind::Queue, "a queue")?;
                self.arity(e, "put", args, 1)?;
                let q = self.expr(recv)?;
                let v = self
                    .exprs(args)?
                    .into_iter()
                    .next()
                    .unwrap_or(IrExpr::Const(Value::Unit));
                self.cx.emit(span, Op::ChanSend { chan: q, value: v });
                Ok(IrExpr::Const(Value::Unit))
            }
            "get" if kind == Kind::Queue || (unknown && args.is_empty()) => {
                self.arity(e, "get", args, 0)?;
                let q = self.expr(recv)?;
                let dst = self.cx.result_dst(statement, into, "item");
                self.cx.emit(
                    span,
                    Op::ChanRecv {
                        chan: q,
                        dst,
                        ok: None,
                    },
                );
                Ok(dst.map_or(IrExpr::Const(Value::Unit), IrExpr::Local))
            }
            "get" => {
                expect(unknown || kind == Kind::Dict, "a dict")?;
                let (key, default) = match args {
                    [k] => (k, None),
                    [k, d] => (k, Some(d)),
                    _ => {
                        return Err(Diagnostic::new(
                            span,
                            "`.get()` on a dict takes a key and an optional default",
                            "write `d.get(key, 0)`",
                        ))
                    }
                };
                let map = self.expr(recv)?;
                let k = self.expr(key)?;
                let d = match default {
                    Some(d) => self.expr(d)?,
                    None => IrExpr::Const(Value::Unit),
                };
                let dst = self.cx.read_dst(into);
                self.cx.emit(
                    span,
                    Op::MapRead {
                        dst,
                        map,
                        key: k,
                        default: Some(d),
                        ok: None,
                    },
                );
                Ok(IrExpr::Local(dst))
            }
            "append" => {
                expect(unknown || kind == Kind::List, "a list")?;
                self.arity(e, "append", args, 1)?;
                let ExprKind::Name(n) = &recv.kind else {
                    return Err(Diagnostic::new(
                        recv.span,
                        "`.append()` works on a list held in a variable",
                        "write `items.append(x)`",
                    ));
                };
                let item = self
                    .exprs(args)?
                    .into_iter()
                    .next()
                    .unwrap_or(IrExpr::Const(Value::Unit));
                let module_list = match self.resolve(n, recv.span) {
                    Ok(Var::Shared(g)) if !self.is_main => Some(g.id),
                    _ => None,
                };
                let list = self.expr(recv)?;
                let grown = list.bin(ir::BinOp::Add, IrExpr::List(vec![item]));
                // Growing the list is the dialect's business, not a computation to step
                // through.
                self.cx.bookkeeping = true;
                let res = match module_list {
                    // Appending changes the module's list without rebinding its name, so a
                    // function needs no `global` for it, as in Python: a visible write.
                    Some(id) => {
                        let value = self.cx.computed(grown, span);
                        self.cx.emit(
                            span,
                            Op::Write {
                                place: Place::Global(id),
                                value,
                            },
                        );
                        Ok(())
                    }
                    None => self.assign(recv, grown, Kind::List, span),
                };
                self.cx.bookkeeping = false;
                res?;
                self.kinds.insert(n.clone(), Kind::List);
                Ok(IrExpr::Const(Value::Unit))
            }
            "locked" | "put_nowait" | "get_nowait" | "task_done" | "keys" | "values" | "items"
            | "pop" | "setdefault" | "update" => Err(Diagnostic::new(
                method.span,
                format!("`.{m}()` is not part of the Python lesson dialect"),
                "threads know start/join, locks acquire/release, queues put/get, dicts get",
            )),
            _ => Err(Diagnostic::new(
                method.span,
                format!("unknown method `.{m}()`"),
                "threads know start/join, locks acquire/release, queues put/get, dicts get",
            )),
        }
    }
}
