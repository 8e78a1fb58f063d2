//! Local instructions: the pure computation a process runs between two visible actions.

use crate::detect::BudgetKind;
use crate::ir::{Callee, Expr, FuncId, Label, NoMatch, Op, Pid, Span, Value};

use super::eval::{crash, error, Eval, Fault};
use super::process::Frame;
use super::World;

/// What a local instruction did to the program counter.
pub(crate) enum LocalFlow {
    Next,
    Goto(Label),
    /// The frame stack was changed (call, tail call, return); `pc` is already right.
    Continue,
    /// The bottom frame returned: the process is done.
    Ended,
}

/// Whether the instruction is a step of its own under the world's options.
pub(crate) fn is_step(op: &Op, expand: bool) -> bool {
    op.is_visible() || (expand && matches!(op, Op::Eval { .. }))
}

impl World {
    /// Runs local instructions until the process stands at a visible one (`Ok(true)`) or its
    /// bottom frame returns (`Ok(false)`).
    pub(crate) fn fold(&mut self, pid: Pid) -> Eval<bool> {
        let program = self.program.clone();
        let expand = self.opts.expand;
        let mut left = self.opts.budgets.max_local_ops;
        loop {
            let Some(frame) = self.procs.get(pid.index()).and_then(|p| p.frames.last()) else {
                return Ok(false);
            };
            let Some(func) = program.function(frame.func) else {
                return crash(format!("function {} does not exist", frame.func.0));
            };
            let Some(instr) = func.code.get(frame.pc as usize) else {
                // Running off the end returns `Unit`.
                if self.do_return(pid, Value::Unit, func.span) {
                    return Ok(false);
                }
                continue;
            };
            if is_step(&instr.op, expand) {
                return Ok(true);
            }
            if left == 0 {
                return Err(Fault::Budget(
                    BudgetKind::LocalOps,
                    format!(
                        "{} ran {} instructions without a visible step (instruction budget; an endless loop?)",
                        self.process_name(pid),
                        self.opts.budgets.max_local_ops
                    ),
                ));
            }
            left -= 1;
            match self.exec_local(pid, &instr.op, instr.span) {
                Ok(LocalFlow::Next) => self.jump(pid, None),
                Ok(LocalFlow::Goto(l)) => self.jump(pid, Some(l)),
                Ok(LocalFlow::Continue) => {}
                Ok(LocalFlow::Ended) => return Ok(false),
                // A raise goes to the nearest handler; without one it ends the process.
                Err(fault) => self.unwind(pid, fault)?,
            }
        }
    }

    /// Moves the program counter to `to`, or to the next instruction.
    pub(crate) fn jump(&mut self, pid: Pid, to: Option<Label>) {
        if let Some(f) = self
            .procs
            .get_mut(pid.index())
            .and_then(|p| p.frames.last_mut())
        {
            f.pc = match to {
                Some(l) => l.0,
                None => f.pc.saturating_add(1),
            };
        }
    }

    /// Pops a frame; returns true when it was the bottom one.
    fn do_return(&mut self, pid: Pid, value: Value, span: Span) -> bool {
        let Some(p) = self.procs.get_mut(pid.index()) else {
            return true;
        };
        let Some(frame) = p.frames.pop() else {
            return true;
        };
        match p.frames.last_mut() {
            None => {
                p.last_span = span;
                // Keep the finished frame so the UI can still show the final locals.
                p.frames.push(frame);
                true
            }
            Some(caller) => {
                if let Some(slot) = frame.ret.and_then(|r| caller.locals.get_mut(r.index())) {
                    *slot = value;
                }
                // Handlers of the returning frame go with it.
                let depth = p.frames.len();
                while p.handlers.last().is_some_and(|h| h.depth > depth) {
                    p.handlers.pop();
                }
                false
            }
        }
    }

    /// Resolves what a call or spawn runs: the function and its full argument list.
    pub(crate) fn resolve_call(
        &self,
        pid: Pid,
        callee: &Callee,
        args: &[Expr],
    ) -> Eval<(FuncId, Vec<Value>)> {
        let (func, mut full) = match callee {
            Callee::Func(f) => (*f, Vec::with_capacity(args.len())),
            Callee::Value(e) => match self.eval_in(pid, e)? {
                Value::Fun(c) => (c.func, c.captured.clone()),
                other => {
                    return crash(format!(
                        "cannot call {}: it is a {}, not a function",
                        other.repr(self.program.style),
                        other.type_name()
                    ))
                }
            },
        };
        for a in args {
            full.push(self.eval_in(pid, a)?);
        }
        Ok((func, full))
    }

    /// A new frame for `func(args)`, checking the argument count.
    pub(crate) fn new_frame(&self, func: FuncId, args: Vec<Value>) -> Eval<Frame> {
        let Some(f) = self.program.function(func) else {
            return crash(format!("function {} does not exist", func.0));
        };
        if f.params as usize != args.len() {
            return crash(format!(
                "{} takes {} argument{} but was called with {}",
                f.name,
                f.params,
                if f.params == 1 { "" } else { "s" },
                args.len()
            ));
        }
        let mut locals = args;
        locals.resize(f.locals.len().max(f.params as usize), Value::Unit);
        Ok(Frame {
            func,
            pc: 0,
            locals,
            ret: None,
        })
    }

    /// The name a new resource takes from the slot it is made in. A leading `$` (a front
    /// end's hidden temporary, such as the `$jobs` behind `jobs := make(chan int)`) is
    /// dropped, so the channel is still called `jobs`.
    pub(super) fn slot_name(&self, pid: Pid, l: crate::ir::Local) -> String {
        self.procs
            .get(pid.index())
            .and_then(|p| p.frames.last())
            .and_then(|f| self.program.function(f.func))
            .and_then(|f| f.locals.get(l.index()))
            .map(|n| n.strip_prefix('$').filter(|n| !n.is_empty()).unwrap_or(n))
            .map_or_else(|| "_".to_string(), str::to_string)
    }

    pub(crate) fn exec_local(&mut self, pid: Pid, op: &Op, span: Span) -> Eval<LocalFlow> {
        let style = self.program.style;
        match op {
            Op::Nop => Ok(LocalFlow::Next),
            Op::Eval { dst, expr } | Op::Set { dst, expr } => {
                let v = self.eval_in(pid, expr)?;
                self.set_local(pid, *dst, v);
                Ok(LocalFlow::Next)
            }
            Op::Match { pattern, expr } => {
                let v = self.eval_in(pid, expr)?;
                let mut binds = Vec::new();
                let ok = self
                    .env_of(pid)
                    .is_some_and(|env| env.matches(pattern, &v, &mut binds));
                if !ok {
                    let message = format!("no match of right hand side value {}", v.repr(style));
                    return error(Value::tuple([Value::atom("badmatch"), v]), message);
                }
                self.bind_all(pid, binds);
                Ok(LocalFlow::Next)
            }
            Op::Case {
                subject,
                clauses,
                no_match,
            } => {
                let v = self.eval_in(pid, subject)?;
                let hit = self
                    .env_of(pid)
                    .and_then(|env| env.select_clause(clauses, &v));
                match hit {
                    Some((i, binds)) => {
                        self.bind_all(pid, binds);
                        match clauses.get(i) {
                            Some(c) => Ok(LocalFlow::Goto(c.to)),
                            None => Ok(LocalFlow::Next),
                        }
                    }
                    None => match no_match {
                        NoMatch::Fallthrough => Ok(LocalFlow::Next),
                        NoMatch::FunctionClause { name } => {
                            let args = match &v {
                                Value::Tuple(items) => items
                                    .items()
                                    .iter()
                                    .map(|a| a.repr(style))
                                    .collect::<Vec<_>>()
                                    .join(", "),
                                other => other.repr(style),
                            };
                            error(
                                Value::atom("function_clause"),
                                format!("no function clause matching {name}({args})"),
                            )
                        }
                        NoMatch::CaseClause => {
                            let message = format!("no case clause matching {}", v.repr(style));
                            error(Value::tuple([Value::atom("case_clause"), v]), message)
                        }
                        NoMatch::IfClause => error(
                            Value::atom("if_clause"),
                            "no true branch found when evaluating an if expression",
                        ),
                    },
                }
            }
            Op::Jump { to } => Ok(LocalFlow::Goto(*to)),
            Op::JumpIf { cond, to } | Op::JumpUnless { cond, to } => {
                let want = matches!(op, Op::JumpIf { .. });
                match self.eval_in(pid, cond)? {
                    Value::Bool(b) if b == want => Ok(LocalFlow::Goto(*to)),
                    Value::Bool(_) => Ok(LocalFlow::Next),
                    other => crash(format!(
                        "a condition must be true or false, got {}",
                        other.repr(style)
                    )),
                }
            }
            Op::Call { dst, callee, args } => {
                let (func, full) = self.resolve_call(pid, callee, args)?;
                let mut frame = self.new_frame(func, full)?;
                frame.ret = *dst;
                let depth = self.procs.get(pid.index()).map_or(0, |p| p.frames.len());
                if depth >= self.opts.budgets.max_call_depth {
                    return Err(Fault::Budget(
                        BudgetKind::CallDepth,
                        format!(
                            "{} nested more than {} calls (call-depth budget; endless recursion?)",
                            self.process_name(pid),
                            self.opts.budgets.max_call_depth
                        ),
                    ));
                }
                self.jump(pid, None);
                if let Some(p) = self.procs.get_mut(pid.index()) {
                    p.frames.push(frame);
                }
                Ok(LocalFlow::Continue)
            }
            Op::TailCall { callee, args } => {
                let (func, full) = self.resolve_call(pid, callee, args)?;
                let mut frame = self.new_frame(func, full)?;
                // The replaced frame's handlers go with it.
                let depth = self.procs.get(pid.index()).map_or(0, |p| p.frames.len());
                self.drop_stale_handlers(pid, depth.saturating_sub(1));
                if let Some(top) = self
                    .procs
                    .get_mut(pid.index())
                    .and_then(|p| p.frames.last_mut())
                {
                    frame.ret = top.ret;
                    *top = frame;
                }
                Ok(LocalFlow::Continue)
            }
            Op::Return { value } => {
                let v = match value {
                    Some(e) => self.eval_in(pid, e)?,
                    None => Value::Unit,
                };
                if self.do_return(pid, v, span) {
                    Ok(LocalFlow::Ended)
                } else {
                    Ok(LocalFlow::Continue)
                }
            }
            Op::MakeChan {
                dst,
                capacity,
                zero,
            } => {
                let cap = match capacity {
                    None => None,
                    Some(e) => match self.eval_in(pid, e)? {
                        Value::Int(n) if n >= 0 => Some(usize::try_from(n).unwrap_or(usize::MAX)),
                        other => {
                            return crash(format!(
                                "a channel capacity must be a non-negative integer, got {}",
                                other.repr(style)
                            ))
                        }
                    },
                };
                let zero = self.eval_in(pid, zero)?;
                let name = self.slot_name(pid, *dst);
                let c = self.new_chan(&name, cap, zero);
                self.set_local(pid, *dst, Value::Chan(c));
                Ok(LocalFlow::Next)
            }
            Op::MakeLock { dst } => {
                let name = self.slot_name(pid, *dst);
                let l = self.new_lock(&name);
                self.set_local(pid, *dst, Value::Lock(l));
                Ok(LocalFlow::Next)
            }
            Op::MakeWaitGroup { dst } => {
                let name = self.slot_name(pid, *dst);
                let w = self.new_waitgroup(&name);
                self.set_local(pid, *dst, Value::WaitGroup(w));
                Ok(LocalFlow::Next)
            }
            Op::MakeMap { dst } => {
                let name = self.slot_name(pid, *dst);
                let m = self.new_map(&name);
                self.set_local(pid, *dst, Value::Map(m));
                Ok(LocalFlow::Next)
            }
            Op::MakeRecord {
                dst,
                type_name,
                fields,
            } => {
                let mut values = Vec::with_capacity(fields.len());
                for (name, e) in fields {
                    values.push((crate::ir::Text::new(name.as_str()), self.eval_in(pid, e)?));
                }
                let name = self.slot_name(pid, *dst);
                let r = self.alloc_record(&name, type_name, values);
                self.set_local(pid, *dst, Value::Record(r));
                Ok(LocalFlow::Next)
            }
            Op::Thread(t) => {
                self.thread_local(pid, t)?;
                Ok(LocalFlow::Next)
            }
            Op::MakeCell { dst, init } => {
                let v = self.eval_in(pid, init)?;
                let name = self.slot_name(pid, *dst);
                let c = self.new_cell(&name, v);
                self.set_local(pid, *dst, Value::Cell(c));
                Ok(LocalFlow::Next)
            }
            Op::Slice(s) => {
                self.slice_local(pid, s)?;
                Ok(LocalFlow::Next)
            }
            Op::MakeRef { dst } => {
                let r = self.new_ref();
                self.set_local(pid, *dst, Value::Ref(r));
                Ok(LocalFlow::Next)
            }
            Op::Try {
                handler,
                class,
                reason,
                stack,
            } => {
                self.push_handler(pid, *handler, *class, *reason, *stack);
                Ok(LocalFlow::Next)
            }
            Op::EndTry => {
                self.pop_handler(pid);
                Ok(LocalFlow::Next)
            }
            Op::Raise {
                class,
                reason,
                stack,
            } => {
                let class = self.eval_in(pid, class)?;
                let reason = self.eval_in(pid, reason)?;
                let stack = match stack {
                    Some(s) => Some(self.eval_in(pid, s)?),
                    None => None,
                };
                Err(self.raise_fault(class, reason, stack))
            }
            // Visible instructions never reach here (fold stops before them).
            _ => Ok(LocalFlow::Next),
        }
    }
}
