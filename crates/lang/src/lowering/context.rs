//! The lowering context every dialect builds a function with: the IR builder, the scratch
//! slots, and the rules for which assignments are steps.

use sim::ir::{Expr, FunctionBuilder, Label, Local, Op, Span};

use super::{computes, mentions, Scratch};

/// Where the value of an expression goes, passed down by the statement that lowers it.
///
/// `slot` is a local the statement assigns the value to (`v := <-ch` receives straight into
/// `v`); `name` is the variable a new channel, lock, map or queue is made for, so the
/// resource is named after it. Only the outermost expression of a statement gets a
/// destination; its operands are lowered with [`Dest::NONE`].
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Dest {
    /// The local the value is assigned to, when the statement assigns it to one.
    pub(crate) slot: Option<Local>,
    /// The name of the variable the value is assigned to.
    pub(crate) name: Option<String>,
}

impl Dest {
    /// No destination: the value goes wherever the expression puts it.
    pub(crate) const NONE: Dest = Dest {
        slot: None,
        name: None,
    };

    /// The name a new resource takes: the variable's, or `fallback`.
    pub(crate) fn name_or<'a>(&'a self, fallback: &'a str) -> &'a str {
        self.name.as_deref().unwrap_or(fallback)
    }
}

/// The state shared by every dialect while it lowers one function.
pub(crate) struct LowerCx {
    /// The IR being built.
    pub(crate) fb: FunctionBuilder,
    /// The function's name as the student wrote it.
    pub(crate) name: String,
    /// The student's private copies of shared values: `tmp`, `tmp2`, ….
    pub(crate) scratch: Scratch,
    /// Lowering the dialect's own bookkeeping (loop counters, `append`'s new list):
    /// assignments are never steps, even in expand mode.
    pub(crate) bookkeeping: bool,
}

impl LowerCx {
    /// A context for the function `fb` builds, named `name`, whose scratch slots avoid
    /// the names in `scratch`.
    pub(crate) fn new(fb: FunctionBuilder, name: &str, scratch: Scratch) -> LowerCx {
        LowerCx {
            fb,
            name: name.to_string(),
            scratch,
            bookkeeping: false,
        }
    }

    /// Emits `op` with the span of the source it came from.
    pub(crate) fn emit(&mut self, span: Span, op: Op) {
        self.fb.at(span);
        self.fb.emit(op);
    }

    /// A compiler temporary: `$`-named, so the stage never shows it.
    pub(crate) fn temp(&mut self, name: &str) -> Local {
        self.fb.fresh(&format!("${name}"))
    }

    /// The next scratch slot of this statement (see [`Scratch`]).
    pub(crate) fn scratch(&mut self) -> Local {
        self.scratch.take(&mut self.fb)
    }

    /// The statement's first scratch slot, for a value computed from its reads and then
    /// written.
    pub(crate) fn first_scratch(&mut self) -> Local {
        self.scratch.first(&mut self.fb)
    }

    /// Where a value goes: the destination's slot, or a new temporary named `name`.
    pub(crate) fn dst(&mut self, into: Option<Local>, name: &str) -> Local {
        match into {
            Some(l) => l,
            None => self.temp(name),
        }
    }

    /// Where a value read from shared memory goes: the destination's slot, or a scratch slot.
    pub(crate) fn read_dst(&mut self, into: Option<Local>) -> Local {
        match into {
            Some(l) => l,
            None => self.scratch(),
        }
    }

    /// A value about to be written to a map or dict entry (or other shared place): when it
    /// computes something, the computation is its own `Eval` (a step in expand mode, like
    /// the add of `m[k]++`) into a scratch slot that `keep` (the map and key of the write)
    /// do not use.
    pub(crate) fn staged(&mut self, value: Expr, keep: &[&Expr], span: Span) -> Expr {
        if !computes(&value) || self.bookkeeping {
            return value;
        }
        let first = self.first_scratch();
        let t = if keep.iter().any(|e| mentions(e, first)) {
            self.scratch()
        } else {
            first
        };
        self.emit(
            span,
            Op::Eval {
                dst: t,
                expr: value,
            },
        );
        Expr::Local(t)
    }

    /// `dst = expr` for a local the student sees: a step of its own in expand mode only when
    /// it computes something (`n := n * 2`), not for a copy (`v := x`) or bookkeeping.
    pub(crate) fn assign_local(&mut self, span: Span, dst: Local, expr: Expr) {
        if expr == Expr::Local(dst) {
            return;
        }
        let op = if computes(&expr) && !self.bookkeeping {
            Op::Eval { dst, expr }
        } else {
            Op::Set { dst, expr }
        };
        self.emit(span, op);
    }
}

impl LowerCx {
    /// Where a call's result goes: nowhere when it is a statement, else the destination's
    /// slot or a hidden temporary `name`.
    pub(crate) fn result_dst(
        &mut self,
        statement: bool,
        into: Option<Local>,
        name: &str,
    ) -> Option<Local> {
        (!statement).then(|| self.dst(into, name))
    }

    /// A value about to be written to a shared variable: when it computes something
    /// (`count = count + 1`), the computation is a step of its own in expand mode, between
    /// the read and the write, as for `count += 1`.
    pub(crate) fn computed(&mut self, value: Expr, span: Span) -> Expr {
        if !computes(&value) || self.bookkeeping {
            return value;
        }
        let t = self.first_scratch();
        self.emit(
            span,
            Op::Eval {
                dst: t,
                expr: value,
            },
        );
        Expr::Local(t)
    }

    /// An expression that is safe to evaluate again after later statements: a local that is
    /// not a scratch slot (the next statement reuses those), a constant or a global handle;
    /// anything else is copied to a hidden temporary `name`.
    pub(crate) fn stable(&mut self, e: Expr, name: &str, span: Span) -> Expr {
        match e {
            Expr::Local(l) if !self.scratch.holds(l) => e,
            Expr::Const(_) | Expr::Global(_) => e,
            other => {
                let t = self.temp(name);
                self.emit(
                    span,
                    Op::Set {
                        dst: t,
                        expr: other,
                    },
                );
                Expr::Local(t)
            }
        }
    }

    /// The end of a counted loop's body: `next:` adds one to `counter`, jumps back to
    /// `top`, and `end:` follows.
    pub(crate) fn count_and_repeat(
        &mut self,
        span: Span,
        counter: Local,
        (next, top, end): (Label, Label, Label),
    ) {
        self.fb.bind(next);
        self.emit(
            span,
            Op::Set {
                dst: counter,
                expr: Expr::Local(counter) + 1,
            },
        );
        self.emit(span, Op::Jump { to: top });
        self.fb.bind(end);
    }
}

/// A short-circuit `and`/`or` whose right side has steps of its own, between its left side
/// and its right: the right side runs only when the left does not decide.
pub(crate) struct ShortCircuit {
    result: Local,
    end: Label,
}

impl LowerCx {
    /// Starts `left && …` (`and` true) or `left || …`: holds `left` in a hidden `name`
    /// temporary and skips the right side when it decides.
    pub(crate) fn short_circuit(
        &mut self,
        span: Span,
        and: bool,
        left: Expr,
        name: &str,
    ) -> ShortCircuit {
        let result = self.temp(name);
        let end = self.fb.label();
        self.emit(
            span,
            Op::Set {
                dst: result,
                expr: left,
            },
        );
        let cond = Expr::Local(result);
        let jump = if and {
            Op::JumpUnless { cond, to: end }
        } else {
            Op::JumpIf { cond, to: end }
        };
        self.emit(span, jump);
        ShortCircuit { result, end }
    }

    /// Ends a short circuit with the right side's value; the whole expression's value.
    pub(crate) fn short_circuit_end(&mut self, sc: ShortCircuit, span: Span, right: Expr) -> Expr {
        self.emit(
            span,
            Op::Set {
                dst: sc.result,
                expr: right,
            },
        );
        self.fb.bind(sc.end);
        Expr::Local(sc.result)
    }
}

/// A dialect's function lowering, which carries a [`LowerCx`].
pub(crate) trait Lowering: Sized {
    /// The shared context.
    fn cx(&mut self) -> &mut LowerCx;

    /// A `while` loop: `cond` lowers the condition (`None` loops forever), `body` the body
    /// given where `continue` and `break` jump.
    fn while_loop<E>(
        &mut self,
        span: Span,
        cond: impl FnOnce(&mut Self) -> Result<Option<Expr>, E>,
        body: impl FnOnce(&mut Self, Label, Label) -> Result<(), E>,
    ) -> Result<(), E> {
        let top = self.cx().fb.label();
        let end = self.cx().fb.label();
        self.cx().fb.bind(top);
        if let Some(c) = cond(self)? {
            self.cx().emit(span, Op::JumpUnless { cond: c, to: end });
        }
        body(self, top, end)?;
        self.cx().emit(span, Op::Jump { to: top });
        self.cx().fb.bind(end);
        Ok(())
    }

    /// Runs `f` with assignments counted as bookkeeping (a `for` header's init and post).
    fn as_bookkeeping<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let was = std::mem::replace(&mut self.cx().bookkeeping, true);
        let out = f(self);
        self.cx().bookkeeping = was;
        out
    }
}
