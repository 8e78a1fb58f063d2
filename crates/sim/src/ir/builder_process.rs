//! Builder methods for process instructions (names, links, monitors, exit signals) and for
//! exceptions (raise, handlers, `after` blocks).

use super::builder::FunctionBuilder;
use super::expr::{Expr, Pattern};
use super::ids::{FuncId, Local};
use super::process_ops::ProcOp;
use super::program::{Callee, NoMatch, Op, ProcKind};

impl FunctionBuilder {
    fn proc_op(&mut self, op: ProcOp) {
        self.emit(Op::Proc(op));
    }

    /// `spawn_link` / `spawn_monitor`: starts `func(args)` and links and/or monitors it in the
    /// same step. The pid goes to `dst`, the monitor's reference to `monitor`.
    pub fn spawn_with(
        &mut self,
        dst: Option<Local>,
        kind: ProcKind,
        func: FuncId,
        args: Vec<Expr>,
        link: bool,
        monitor: Option<Local>,
    ) {
        self.proc_op(ProcOp::SpawnWith {
            dst,
            kind,
            callee: Callee::Func(func),
            args,
            name: None,
            link,
            monitor,
        });
    }

    /// `register(Name, Pid)`.
    pub fn register(&mut self, name: impl Into<Expr>, pid: impl Into<Expr>) {
        self.proc_op(ProcOp::Register {
            name: name.into(),
            pid: pid.into(),
        });
    }

    /// `unregister(Name)`.
    pub fn unregister(&mut self, name: impl Into<Expr>) {
        self.proc_op(ProcOp::Unregister { name: name.into() });
    }

    /// `dst = whereis(Name)` (a pid or `undefined`).
    pub fn whereis(&mut self, dst: Local, name: impl Into<Expr>) {
        self.proc_op(ProcOp::WhereIs {
            dst,
            name: name.into(),
        });
    }

    /// `dst = registered()`.
    pub fn registered(&mut self, dst: Local) {
        self.proc_op(ProcOp::Registered { dst });
    }

    /// `link(Pid)`.
    pub fn link(&mut self, pid: impl Into<Expr>) {
        self.proc_op(ProcOp::Link { pid: pid.into() });
    }

    /// `unlink(Pid)`.
    pub fn unlink(&mut self, pid: impl Into<Expr>) {
        self.proc_op(ProcOp::Unlink { pid: pid.into() });
    }

    /// `dst = monitor(process, Pid)`.
    pub fn monitor(&mut self, dst: Local, pid: impl Into<Expr>) {
        self.proc_op(ProcOp::Monitor {
            dst,
            pid: pid.into(),
        });
    }

    /// `demonitor(Ref)`, or `demonitor(Ref, [flush])` when `flush`.
    pub fn demonitor(&mut self, reference: impl Into<Expr>, flush: bool) {
        self.proc_op(ProcOp::Demonitor {
            reference: reference.into(),
            flush,
        });
    }

    /// `dst = process_flag(trap_exit, Value)`.
    pub fn trap_exit(&mut self, dst: Option<Local>, value: impl Into<Expr>) {
        self.proc_op(ProcOp::TrapExit {
            dst,
            value: value.into(),
        });
    }

    /// `exit(Pid, Reason)`: sends an exit signal.
    pub fn send_exit(&mut self, to: impl Into<Expr>, reason: impl Into<Expr>) {
        self.proc_op(ProcOp::SendExit {
            to: to.into(),
            reason: reason.into(),
        });
    }

    /// `dst = is_process_alive(Pid)`.
    pub fn is_alive(&mut self, dst: Local, pid: impl Into<Expr>) {
        self.proc_op(ProcOp::IsAlive {
            dst,
            pid: pid.into(),
        });
    }

    /// `dst = make_ref()`.
    pub fn make_ref(&mut self, dst: Local) {
        self.emit(Op::MakeRef { dst });
    }

    /// Raises an exception of class `class` (`"error"`, `"throw"` or `"exit"`).
    pub fn raise(&mut self, class: &str, reason: impl Into<Expr>) {
        self.emit(Op::Raise {
            class: Expr::atom(class),
            reason: reason.into(),
            stack: None,
        });
    }

    /// Raises again an exception caught in a handler, keeping its stack.
    pub fn reraise(&mut self, class: Local, reason: Local, stack: Local) {
        self.emit(Op::Raise {
            class: class.into(),
            reason: reason.into(),
            stack: Some(stack.into()),
        });
    }

    /// Protected code with a handler: a raise inside `body` jumps to `handler` with the
    /// class, reason and stack in the given locals. The handler decides (usually with a
    /// `case` on them) and calls [`FunctionBuilder::reraise`] for what it does not handle.
    pub fn try_catch(
        &mut self,
        class: Local,
        reason: Local,
        stack: Local,
        body: impl FnOnce(&mut FunctionBuilder),
        handler: impl FnOnce(&mut FunctionBuilder),
    ) {
        let on_raise = self.label();
        let end = self.label();
        self.emit(Op::Try {
            handler: on_raise,
            class,
            reason,
            stack,
        });
        body(self);
        self.emit(Op::EndTry);
        self.jump(end);
        self.bind(on_raise);
        handler(self);
        self.bind(end);
    }

    /// `try body after cleanup end`: `cleanup` runs when `body` finishes and when it raises
    /// (then the exception goes on). The cleanup code is emitted twice, once per path.
    pub fn try_after(
        &mut self,
        body: impl FnOnce(&mut FunctionBuilder),
        cleanup: impl Fn(&mut FunctionBuilder),
    ) {
        let class = self.fresh("$class");
        let reason = self.fresh("$reason");
        let stack = self.fresh("$stack");
        self.try_catch(class, reason, stack, body, |f| {
            cleanup(f);
            f.reraise(class, reason, stack);
        });
        cleanup(self);
    }

    /// `dst = catch Expr` as a value, where `body` computes `dst`: a throw gives its value,
    /// an error `{'EXIT', {Reason, Stack}}`, an exit `{'EXIT', Reason}`.
    pub fn catch_value(&mut self, dst: Local, body: impl FnOnce(&mut FunctionBuilder)) {
        let class = self.fresh("$class");
        let reason = self.fresh("$reason");
        let stack = self.fresh("$stack");
        self.try_catch(class, reason, stack, body, |f| {
            f.case(class, NoMatch::Fallthrough, |c| {
                c.on(Pattern::atom("throw"), move |f| f.set(dst, reason));
                c.on(Pattern::atom("error"), move |f| {
                    f.set(
                        dst,
                        Expr::tuple([
                            Expr::atom("EXIT"),
                            Expr::tuple([reason.into(), stack.into()]),
                        ]),
                    )
                });
                c.on(Pattern::Wildcard, move |f| {
                    f.set(dst, Expr::tuple([Expr::atom("EXIT"), reason.into()]))
                });
            });
        });
    }
}
