//! Exceptions: raising, handler frames and unwinding, and the exit reason of an exception
//! nobody caught. Named neutrally so every dialect's error handling (Erlang `try`/`catch`,
//! Python `try`/`except`, Go `panic`/`recover`) lowers onto the same mechanism.

use serde::{Deserialize, Serialize};

use crate::ir::{Label, Local, Pid, Value};

use super::eval::{Eval, Fault};
use super::World;

/// The class of an exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExceptionClass {
    /// A run-time error (`erlang:error`, `badarith`, `badmatch`, ...).
    Error,
    /// A non-local return (`throw`).
    Throw,
    /// A request to end the process (`exit/1`).
    Exit,
}

impl ExceptionClass {
    /// The class as an atom name: `error`, `throw`, `exit`.
    pub fn name(self) -> &'static str {
        match self {
            ExceptionClass::Error => "error",
            ExceptionClass::Throw => "throw",
            ExceptionClass::Exit => "exit",
        }
    }

    fn from_value(v: &Value) -> Option<ExceptionClass> {
        match v {
            Value::Atom(a) => match a.as_str() {
                "error" => Some(ExceptionClass::Error),
                "throw" => Some(ExceptionClass::Throw),
                "exit" => Some(ExceptionClass::Exit),
                _ => None,
            },
            _ => None,
        }
    }
}

/// An exception on its way to a handler.
#[derive(Clone, Debug, PartialEq, Hash)]
pub(crate) struct Raised {
    pub(crate) class: ExceptionClass,
    pub(crate) reason: Value,
    /// The stack at the raise, innermost call first; filled in when it is first caught or
    /// ends the process.
    pub(crate) stack: Option<Value>,
    /// Plain words for the trace, when the raise came from the runtime ("division by zero").
    pub(crate) message: Option<String>,
}

impl Raised {
    /// An error the runtime raises, with a reason value and a sentence.
    pub(crate) fn error(reason: Value, message: impl Into<String>) -> Fault {
        Fault::Raise(Box::new(Raised {
            class: ExceptionClass::Error,
            reason,
            stack: None,
            message: Some(message.into()),
        }))
    }

    /// The value an uncaught exception ends its process with: `{Reason, Stack}` for an
    /// error, `{{nocatch, Value}, Stack}` for a throw, the reason itself for an exit.
    pub(crate) fn exit_reason(&self) -> Value {
        let stack = self.stack.clone().unwrap_or_else(|| Value::list([]));
        match self.class {
            ExceptionClass::Error => Value::tuple([self.reason.clone(), stack]),
            ExceptionClass::Throw => Value::tuple([
                Value::tuple([Value::atom("nocatch"), self.reason.clone()]),
                stack,
            ]),
            ExceptionClass::Exit => self.reason.clone(),
        }
    }
}

/// A handler installed by `Try`: it belongs to the frame at `depth - 1`.
#[derive(Clone, Debug, PartialEq, Hash)]
pub(crate) struct Handler {
    pub(crate) depth: usize,
    pub(crate) to: Label,
    pub(crate) class: Local,
    pub(crate) reason: Local,
    pub(crate) stack: Local,
}

/// A runtime crash without a structured reason becomes an error whose reason is its message.
pub(crate) fn as_raised(fault: &Fault) -> Option<Raised> {
    match fault {
        Fault::Crash(m) => Some(Raised {
            class: ExceptionClass::Error,
            reason: Value::str(m),
            stack: None,
            message: Some(m.clone()),
        }),
        Fault::Raise(r) => Some((**r).clone()),
        Fault::Budget(..) => None,
    }
}

impl World {
    /// The current call stack as a value, innermost call first: `{Function, Arity,
    /// [{line, N}]}` per frame.
    pub(crate) fn stack_value(&self, pid: Pid) -> Value {
        let Some(p) = self.procs.get(pid.index()) else {
            return Value::list([]);
        };
        let entries = p.frames.iter().rev().enumerate().filter_map(|(i, f)| {
            let func = self.program.function(f.func)?;
            // A caller's pc is already past its call instruction.
            let pc = if i == 0 { f.pc } else { f.pc.saturating_sub(1) };
            let line = func
                .code
                .get(pc as usize)
                .map_or(func.span.line, |i| i.span.line);
            Some(Value::tuple([
                Value::atom(&func.name),
                Value::Int(i64::from(func.params)),
                Value::list([Value::tuple([
                    Value::atom("line"),
                    Value::Int(i64::from(line)),
                ])]),
            ]))
        });
        Value::list(entries.collect::<Vec<_>>())
    }

    /// Evaluates a `Raise` into the fault it throws.
    pub(crate) fn raise_fault(&self, class: Value, reason: Value, stack: Option<Value>) -> Fault {
        match ExceptionClass::from_value(&class) {
            Some(class) => Fault::Raise(Box::new(Raised {
                class,
                reason,
                stack,
                message: None,
            })),
            None => Fault::Crash(format!(
                "an exception class must be error, throw or exit, got {}",
                class.repr(self.program.style)
            )),
        }
    }

    /// Installs a handler for the current frame.
    pub(crate) fn push_handler(
        &mut self,
        pid: Pid,
        to: Label,
        class: Local,
        reason: Local,
        stack: Local,
    ) {
        if let Some(p) = self.procs.get_mut(pid.index()) {
            let depth = p.frames.len();
            p.handlers.push(Handler {
                depth,
                to,
                class,
                reason,
                stack,
            });
        }
    }

    /// Removes the innermost handler of the current frame.
    pub(crate) fn pop_handler(&mut self, pid: Pid) {
        if let Some(p) = self.procs.get_mut(pid.index()) {
            let depth = p.frames.len();
            if p.handlers.last().is_some_and(|h| h.depth == depth) {
                p.handlers.pop();
            }
        }
    }

    /// Drops the handlers of frames that no longer exist (after a return or tail call).
    pub(crate) fn drop_stale_handlers(&mut self, pid: Pid, keep_depth: usize) {
        if let Some(p) = self.procs.get_mut(pid.index()) {
            while p.handlers.last().is_some_and(|h| h.depth > keep_depth) {
                p.handlers.pop();
            }
        }
    }

    /// Unwinds to the nearest handler: pops frames down to its frame, stores class, reason
    /// and stack, and jumps to it. Returns the fault back when no handler catches it.
    pub(crate) fn unwind(&mut self, pid: Pid, fault: Fault) -> Eval<()> {
        let Some(mut raised) = as_raised(&fault) else {
            return Err(fault);
        };
        let frames = self.procs.get(pid.index()).map_or(0, |p| p.frames.len());
        self.drop_stale_handlers(pid, frames);
        let Some(handler) = self
            .procs
            .get_mut(pid.index())
            .and_then(|p| p.handlers.pop())
        else {
            return Err(fault);
        };
        if raised.stack.is_none() {
            raised.stack = Some(self.stack_value(pid));
        }
        let span = self.span_of(pid);
        if let Some(p) = self.procs.get_mut(pid.index()) {
            p.frames.truncate(handler.depth.max(1));
            if let Some(f) = p.frames.last_mut() {
                f.pc = handler.to.0;
            }
        }
        let class = Value::atom(raised.class.name());
        self.set_local(pid, handler.class, class);
        self.set_local(pid, handler.reason, raised.reason.clone());
        self.set_local(pid, handler.stack, raised.stack.clone().unwrap_or_default());
        self.emit(
            pid,
            span,
            crate::trace::EventKind::Caught {
                class: raised.class,
                reason: raised.reason,
            },
        );
        Ok(())
    }

    /// The exception a fault ends the process with, with its stack filled in.
    pub(crate) fn uncaught(&self, pid: Pid, fault: &Fault) -> Option<Raised> {
        let mut raised = as_raised(fault)?;
        if raised.stack.is_none() {
            raised.stack = Some(self.stack_value(pid));
        }
        Some(raised)
    }
}

impl World {
    /// The report `erl` writes when a process dies of an uncaught error or throw (a process
    /// ending with `exit/1` or from an exit signal gets none), without its timestamp:
    /// `=ERROR REPORT====`, then `Error in process <0.N> with exit value:` and the reason.
    pub fn crash_report(&self, pid: Pid) -> Option<String> {
        let p = self.procs.get(pid.index())?;
        match p.exit_class? {
            ExceptionClass::Error | ExceptionClass::Throw => {}
            ExceptionClass::Exit => return None,
        }
        let style = self.program.style;
        Some(format!(
            "=ERROR REPORT====\nError in process {} with exit value:\n{}",
            Value::Pid(pid).repr(style),
            p.exit_reason.as_ref()?.repr(style)
        ))
    }
}
