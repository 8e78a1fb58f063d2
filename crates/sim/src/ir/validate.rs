//! Structural checks run when a world is created, so front-end bugs surface as errors.

use std::fmt;

use super::expr::{Expr, FmtPart, Pattern};
use super::ids::{FuncId, Label, Local};
use super::program::{Callee, Function, Op, Place, Program, SelectCase};

/// A malformed program (a front-end bug, not a user error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IrError {
    /// Function name, when the problem is inside one.
    pub function: Option<String>,
    /// Instruction index, when the problem is inside one.
    pub pc: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for IrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.function, self.pc) {
            (Some(func), Some(pc)) => write!(f, "in {func} at instruction {pc}: {}", self.message),
            (Some(func), None) => write!(f, "in {func}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for IrError {}

struct Checker<'p> {
    program: &'p Program,
    func: &'p Function,
    name: &'p str,
    pc: usize,
}

impl Checker<'_> {
    fn err(&self, message: String) -> IrError {
        IrError {
            function: Some(self.name.to_string()),
            pc: Some(self.pc),
            message,
        }
    }

    fn local(&self, l: Local) -> Result<(), IrError> {
        if l.index() < self.func.locals.len() {
            Ok(())
        } else {
            Err(self.err(format!(
                "local slot {} out of range ({} slots)",
                l.0,
                self.func.locals.len()
            )))
        }
    }

    fn label(&self, l: Label) -> Result<(), IrError> {
        if l.index() <= self.func.code.len() {
            Ok(())
        } else {
            Err(self.err(format!("jump target {} out of range", l.0)))
        }
    }

    fn func_id(&self, f: FuncId) -> Result<(), IrError> {
        if f.index() < self.program.functions.len() {
            Ok(())
        } else {
            Err(self.err(format!("function {} does not exist", f.0)))
        }
    }

    fn expr(&self, e: &Expr) -> Result<(), IrError> {
        match e {
            Expr::Const(_) | Expr::SelfPid => Ok(()),
            Expr::Local(l) => self.local(*l),
            Expr::Global(g) => {
                if g.index() < self.program.globals.len() {
                    Ok(())
                } else {
                    Err(self.err(format!("global {} does not exist", g.0)))
                }
            }
            Expr::Unary(_, a) => self.expr(a),
            Expr::Binary(_, a, b) | Expr::Cons(a, b) | Expr::Index(a, b) => {
                self.expr(a)?;
                self.expr(b)
            }
            Expr::Tuple(items) | Expr::List(items) | Expr::Call(_, items) => {
                items.iter().try_for_each(|i| self.expr(i))
            }
            Expr::MakeFun { func, captured } => {
                self.func_id(*func)?;
                captured.iter().try_for_each(|i| self.expr(i))
            }
            Expr::Format(parts) => parts.iter().try_for_each(|p| match p {
                FmtPart::Lit(_) => Ok(()),
                FmtPart::Show(e)
                | FmtPart::Repr(e)
                | FmtPart::Fields(e)
                | FmtPart::ErlWrite(e)
                | FmtPart::ErlPrint(e) => self.expr(e),
            }),
        }
    }

    fn pattern(&self, p: &Pattern) -> Result<(), IrError> {
        match p {
            Pattern::Wildcard | Pattern::Const(_) => Ok(()),
            Pattern::Bind(l) | Pattern::Pin(l) => self.local(*l),
            Pattern::Tuple(items) => items.iter().try_for_each(|i| self.pattern(i)),
            Pattern::List { items, tail } => {
                items.iter().try_for_each(|i| self.pattern(i))?;
                tail.as_deref().map_or(Ok(()), |t| self.pattern(t))
            }
            Pattern::Alias(l, inner) => {
                self.local(*l)?;
                self.pattern(inner)
            }
            Pattern::Map(entries) => entries.iter().try_for_each(|(_, p)| self.pattern(p)),
        }
    }

    fn opt_local(&self, l: &Option<Local>) -> Result<(), IrError> {
        l.map_or(Ok(()), |l| self.local(l))
    }

    fn callee(&self, c: &Callee) -> Result<(), IrError> {
        match c {
            Callee::Func(f) => self.func_id(*f),
            Callee::Value(e) => self.expr(e),
        }
    }

    fn op(&self, op: &Op) -> Result<(), IrError> {
        let mut labels = op.clone();
        for l in labels.labels_mut() {
            self.label(*l)?;
        }
        self.op_rest(op)
    }

    fn op_rest(&self, op: &Op) -> Result<(), IrError> {
        match op {
            Op::Case {
                subject, clauses, ..
            } => {
                self.expr(subject)?;
                for c in clauses {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                }
                Ok(())
            }
            Op::Receive { clauses, after } => {
                for c in clauses {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                }
                after.as_ref().map_or(Ok(()), |a| self.expr(&a.ticks))
            }
            Op::JumpIf { cond, .. } | Op::JumpUnless { cond, .. } => self.expr(cond),
            Op::Call { dst, callee, args } => {
                self.opt_local(dst)?;
                self.callee(callee)?;
                args.iter().try_for_each(|a| self.expr(a))
            }
            Op::TailCall { callee, args } => {
                self.callee(callee)?;
                args.iter().try_for_each(|a| self.expr(a))
            }
            Op::Return { value } => value.as_ref().map_or(Ok(()), |v| self.expr(v)),
            Op::MakeChan {
                dst,
                capacity,
                zero,
            } => {
                self.local(*dst)?;
                if let Some(c) = capacity {
                    self.expr(c)?;
                }
                self.expr(zero)
            }
            Op::MakeLock { dst } | Op::MakeWaitGroup { dst } | Op::MakeMap { dst } => {
                self.local(*dst)
            }
            Op::MakeRecord { dst, fields, .. } => {
                self.local(*dst)?;
                fields.iter().try_for_each(|(_, e)| self.expr(e))
            }
            Op::FieldRead { dst, record, .. } | Op::CopyRecord { dst, record } => {
                self.local(*dst)?;
                self.expr(record)
            }
            Op::FieldWrite { record, value, .. } => {
                self.expr(record)?;
                self.expr(value)
            }
            Op::MakeCell { dst, init } => {
                self.local(*dst)?;
                self.expr(init)
            }
            Op::Read { dst, place } => {
                self.local(*dst)?;
                self.place(place)
            }
            Op::Write { place, value } => {
                self.place(place)?;
                self.expr(value)
            }
            Op::MapRead {
                dst,
                map,
                key,
                default,
                ok,
            } => {
                self.local(*dst)?;
                self.opt_local(ok)?;
                self.expr(map)?;
                self.expr(key)?;
                default.as_ref().map_or(Ok(()), |d| self.expr(d))
            }
            Op::MapLen { dst, map } | Op::MapShow { dst, map } => {
                self.local(*dst)?;
                self.expr(map)
            }
            Op::MapWrite { map, key, value } => {
                self.expr(map)?;
                self.expr(key)?;
                self.expr(value)
            }
            Op::Acquire { lock: e }
            | Op::Release { lock: e }
            | Op::Close { chan: e }
            | Op::Join { target: e }
            | Op::WgDone { wg: e }
            | Op::WgWait { wg: e }
            | Op::Sleep { ticks: e }
            | Op::Print { text: e }
            | Op::Output { text: e }
            | Op::Fail { reason: e } => self.expr(e),
            Op::Send { to: a, msg: b }
            | Op::ChanSend { chan: a, value: b }
            | Op::WgAdd { wg: a, delta: b } => {
                self.expr(a)?;
                self.expr(b)
            }
            Op::ChanRecv { chan, dst, ok } => {
                self.expr(chan)?;
                self.opt_local(dst)?;
                self.opt_local(ok)
            }
            Op::Select { cases, .. } => cases.iter().try_for_each(|c| match c {
                SelectCase::Recv { chan, dst, ok, .. } => {
                    self.expr(chan)?;
                    self.opt_local(dst)?;
                    self.opt_local(ok)
                }
                SelectCase::Send { chan, value, .. } => {
                    self.expr(chan)?;
                    self.expr(value)
                }
            }),
            Op::Spawn {
                dst, callee, args, ..
            } => {
                self.opt_local(dst)?;
                self.callee(callee)?;
                args.iter().try_for_each(|a| self.expr(a))
            }
            Op::Nop | Op::Exit | Op::Jump { .. } | Op::EndTry => Ok(()),
            Op::ChanFill(f) => {
                self.local(f.dst)?;
                self.expr(&f.chan)
            }
            Op::Proc(p) => {
                p.exprs().into_iter().try_for_each(|e| self.expr(e))?;
                p.locals().into_iter().try_for_each(|l| self.local(l))?;
                if let crate::ir::ProcOp::SpawnWith {
                    callee: Callee::Func(f),
                    ..
                } = p
                {
                    self.func_id(*f)?;
                }
                Ok(())
            }
            Op::MakeRef { dst } => self.local(*dst),
            Op::Slice(op) => {
                op.exprs().into_iter().try_for_each(|e| self.expr(e))?;
                op.locals().into_iter().try_for_each(|l| self.local(l))
            }
            Op::Time(op) => {
                op.exprs().into_iter().try_for_each(|e| self.expr(e))?;
                op.locals().into_iter().try_for_each(|l| self.local(l))
            }
            Op::Thread(op) => {
                op.exprs().into_iter().try_for_each(|e| self.expr(e))?;
                op.locals().into_iter().try_for_each(|l| self.local(l))
            }
            Op::Atomic(op) => {
                self.place(&op.place)?;
                op.exprs().into_iter().try_for_each(|e| self.expr(e))?;
                self.opt_local(&op.dst)
            }
            Op::Try {
                class,
                reason,
                stack,
                ..
            } => {
                self.local(*class)?;
                self.local(*reason)?;
                self.local(*stack)
            }
            Op::Raise {
                class,
                reason,
                stack,
            } => {
                self.expr(class)?;
                self.expr(reason)?;
                stack.as_ref().map_or(Ok(()), |s| self.expr(s))
            }
            Op::Eval { dst, expr } | Op::Set { dst, expr } => {
                self.local(*dst)?;
                self.expr(expr)
            }
            Op::Match { pattern, expr } => {
                self.pattern(pattern)?;
                self.expr(expr)
            }
        }
    }

    fn place(&self, p: &Place) -> Result<(), IrError> {
        match p {
            Place::Global(g) => self.expr(&Expr::Global(*g)),
            Place::Cell(e) => self.expr(e),
        }
    }
}

impl Program {
    /// Checks that every slot, label, function and global an instruction names exists, and
    /// that initial processes get as many arguments as their function has parameters.
    pub fn validate(&self) -> Result<(), IrError> {
        for func in &self.functions {
            if (func.params as usize) > func.locals.len() {
                return Err(IrError {
                    function: Some(func.name.clone()),
                    pc: None,
                    message: format!(
                        "{} parameters but only {} local slots",
                        func.params,
                        func.locals.len()
                    ),
                });
            }
            for (pc, instr) in func.code.iter().enumerate() {
                let checker = Checker {
                    program: self,
                    func,
                    name: &func.name,
                    pc,
                };
                checker.op(&instr.op)?;
            }
        }
        for (i, spec) in self.processes.iter().enumerate() {
            let Some(func) = self.function(spec.func) else {
                return Err(IrError {
                    function: None,
                    pc: None,
                    message: format!("initial process {i} runs missing function {}", spec.func.0),
                });
            };
            if func.params as usize != spec.args.len() {
                return Err(IrError {
                    function: Some(func.name.clone()),
                    pc: None,
                    message: format!(
                        "initial process {i} passes {} arguments but {} takes {}",
                        spec.args.len(),
                        func.name,
                        func.params
                    ),
                });
            }
        }
        Ok(())
    }
}
