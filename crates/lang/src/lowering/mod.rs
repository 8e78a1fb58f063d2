//! What the dialects' lowerings share: one lowering context ([`LowerCx`]) with the IR
//! builder and its helpers, the destination of an expression ([`Dest`]), the scratch slots
//! that hold a process's private copies of shared values, and the rule for which
//! assignments are steps in expand mode.

mod context;

pub(crate) use context::{Dest, LowerCx, Lowering};

use std::collections::HashSet;

use sim::ir::{Expr, FunctionBuilder, Local};

/// The slots a function reads shared values into: `tmp`, `tmp2`, … (skipping names the
/// student uses, so "T1 reads count = 0 into tmp" never names a variable of theirs).
///
/// Every statement starts again at the first slot: a value read into a scratch slot is used
/// by the statement that read it, and code that keeps a value longer copies it to a hidden
/// temporary first (see [`Scratch::holds`]). So `count += 1` always reads into `tmp`, and a
/// function shows one `tmp` on its card however many updates it makes.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    slots: Vec<Local>,
    next: usize,
    taken: HashSet<String>,
}

impl Scratch {
    /// Scratch slots for a function whose code uses `taken` names.
    pub(crate) fn new(taken: HashSet<String>) -> Scratch {
        Scratch {
            taken,
            ..Scratch::default()
        }
    }

    /// A new statement begins: its reads start at the first slot again.
    pub(crate) fn restart(&mut self) {
        self.next = 0;
    }

    /// The next free slot of this statement, made on first use.
    pub(crate) fn take(&mut self, fb: &mut FunctionBuilder) -> Local {
        if let Some(l) = self.slots.get(self.next).copied() {
            self.next += 1;
            return l;
        }
        let mut k = self.slots.len() + 1;
        let name = loop {
            let name = if k == 1 {
                "tmp".to_string()
            } else {
                format!("tmp{k}")
            };
            if !self.taken.contains(&name) {
                break name;
            }
            k += 1;
        };
        self.taken.insert(name.clone());
        let l = fb.fresh(&name);
        self.slots.push(l);
        self.next += 1;
        l
    }

    /// The statement's first slot, for a value computed from the statement's reads just
    /// before it is written (those reads are used up by then).
    pub(crate) fn first(&mut self, fb: &mut FunctionBuilder) -> Local {
        let taken = self.next;
        self.next = 0;
        let l = self.take(fb);
        self.next = taken.max(1);
        l
    }

    /// Whether `l` is a scratch slot (whose value the next statement may overwrite).
    pub(crate) fn holds(&self, l: Local) -> bool {
        self.slots.contains(&l)
    }
}

/// Whether evaluating `e` computes something (arithmetic, a comparison, a built-in, text)
/// rather than copying a value that already exists. A student's assignment is a step of its
/// own in expand mode only when it computes: `x = y + 1` is, `x = y` and `t = None` are not.
pub(crate) fn computes(e: &Expr) -> bool {
    match e {
        Expr::Const(_) | Expr::Local(_) | Expr::Global(_) | Expr::SelfPid => false,
        Expr::Tuple(items) | Expr::List(items) => items.iter().any(computes),
        Expr::MakeFun { captured, .. } => captured.iter().any(computes),
        Expr::Index(a, b) => computes(a) || computes(b),
        _ => true,
    }
}

/// Whether `e` reads the local `l`.
pub(crate) fn mentions(e: &Expr, l: Local) -> bool {
    match e {
        Expr::Local(x) => *x == l,
        Expr::Const(_) | Expr::Global(_) | Expr::SelfPid => false,
        Expr::Unary(_, a) => mentions(a, l),
        Expr::Binary(_, a, b) | Expr::Cons(a, b) | Expr::Index(a, b) => {
            mentions(a, l) || mentions(b, l)
        }
        Expr::Tuple(items) | Expr::List(items) | Expr::Call(_, items) => {
            items.iter().any(|i| mentions(i, l))
        }
        Expr::MakeFun { captured, .. } => captured.iter().any(|i| mentions(i, l)),
        Expr::Format(parts) => parts.iter().any(|p| match p {
            sim::ir::FmtPart::Lit(_) => false,
            sim::ir::FmtPart::Show(e) | sim::ir::FmtPart::Repr(e) => mentions(e, l),
        }),
    }
}
