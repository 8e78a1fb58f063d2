//! Registered names: a process can be reached by an atom instead of its pid.

use std::collections::BTreeMap;

use crate::ir::{Pid, Span, Text, Value};
use crate::trace::EventKind;

use super::eval::{error, Eval};
use super::World;

/// Names and the processes they stand for. A process holds at most one name.
#[derive(Clone, Debug, Default, Hash)]
pub(crate) struct Registry {
    by_name: BTreeMap<Text, Pid>,
}

fn badarg<T>(message: String) -> Eval<T> {
    error(Value::atom("badarg"), format!("bad argument: {message}"))
}

impl World {
    /// Every registered name and its process, in name order.
    pub fn registered_names(&self) -> Vec<(Text, Pid)> {
        self.registry
            .by_name
            .iter()
            .map(|(n, p)| (n.clone(), *p))
            .collect()
    }

    /// The process registered under `name`.
    pub fn whereis(&self, name: &str) -> Option<Pid> {
        self.registry.by_name.get(&Text::from(name)).copied()
    }

    /// The name a process is registered under.
    pub fn registered_name(&self, pid: Pid) -> Option<&Text> {
        self.registry
            .by_name
            .iter()
            .find(|(_, p)| **p == pid)
            .map(|(n, _)| n)
    }

    /// The addressee of a send: a pid, or a registered name (an unregistered one is `badarg`).
    pub(crate) fn addressee(&self, to: Value) -> Eval<Pid> {
        match to {
            Value::Pid(p) => Ok(p),
            Value::Atom(name) => match self.whereis(&name) {
                Some(p) => Ok(p),
                None => badarg(format!("no process is registered as {name}")),
            },
            other => super::eval::crash(format!(
                "cannot send to {}: it is a {}, not a pid",
                other.repr(self.program.style),
                other.type_name()
            )),
        }
    }

    pub(crate) fn register_name(
        &mut self,
        pid: Pid,
        name: Value,
        target: Value,
        span: Span,
    ) -> Eval<()> {
        let style = self.program.style;
        let Value::Atom(name) = name else {
            return badarg(format!(
                "a registered name must be an atom, got {}",
                name.repr(style)
            ));
        };
        let Value::Pid(target) = target else {
            return badarg(format!(
                "only a process can be registered, got {}",
                target.repr(style)
            ));
        };
        if name.as_str() == "undefined" {
            return badarg("the name undefined cannot be registered".into());
        }
        if let Some(holder) = self.whereis(&name) {
            return badarg(format!(
                "{name} is already registered (by {})",
                self.process_name(holder)
            ));
        }
        if let Some(old) = self.registered_name(target) {
            return badarg(format!(
                "{} is already registered as {old}",
                self.process_name(target)
            ));
        }
        if self.process(target).is_none_or(|p| p.status.is_ended()) {
            return badarg(format!("{} is not alive", Value::Pid(target).repr(style)));
        }
        self.registry.by_name.insert(name.clone(), target);
        self.emit(pid, span, EventKind::Register { name, target });
        Ok(())
    }

    pub(crate) fn unregister_name(&mut self, pid: Pid, name: Value, span: Span) -> Eval<()> {
        let Value::Atom(name) = name else {
            return badarg(format!(
                "a registered name must be an atom, got {}",
                name.repr(self.program.style)
            ));
        };
        if self.registry.by_name.remove(&name).is_none() {
            return badarg(format!("{name} is not registered"));
        }
        self.emit(pid, span, EventKind::Unregister { name });
        Ok(())
    }

    /// A process that ends loses its name.
    pub(crate) fn forget_name(&mut self, pid: Pid) {
        self.registry.by_name.retain(|_, p| *p != pid);
    }
}
