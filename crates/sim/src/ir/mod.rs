//! The intermediate representation the Python, Erlang and Go front-ends compile to.
//!
//! A [`Program`] is a set of [`Function`]s whose code is a flat list of [`Instr`]uctions with
//! jumps (easy to point a program counter at, cheap to clone and snapshot), plus shared
//! [`Global`]s and the initial processes. Pure computation is an [`Expr`] tree inside an
//! instruction; anything with an effect on the world is an instruction of its own. See
//! `IR_NOTES.md` beside this crate for how each dialect lowers.

mod atomic_ops;
mod builder;
mod builder_go;
mod builder_process;
mod chan_fill;
pub mod erl_term;
mod expr;
mod float;
mod ids;
mod process_ops;
mod program;
mod slice_ops;
mod span;
mod thread_ops;
mod time_ops;
mod validate;
mod value;

pub use atomic_ops::{AtomicKind, AtomicOp};
pub use builder::{FunctionBuilder, ProgramBuilder, ReceiveBuilder, SelectBuilder};
pub use chan_fill::ChanFill;
pub use expr::{BinOp, Builtin, Expr, FmtPart, Pattern, UnOp};
pub use float::Float;
pub use ids::{
    CellId, ChanId, FuncId, GlobalId, Label, Local, LockId, MapId, MsgId, Pid, RecordId, RefId,
    WaitGroupId,
};
pub use process_ops::ProcOp;
pub use program::{
    After, Callee, Clause, Function, Global, GlobalInit, Instr, NoMatch, Op, Place, ProcKind,
    ProcessSpec, Program, SelectCase,
};
pub use slice_ops::{ArrayId, HeaderPart, SliceOp, SliceRef};
pub use span::Span;
pub use thread_ops::{ThreadOp, MAIN_THREAD_TYPE, THREAD_TYPE};
pub use time_ops::TimeOp;
pub use validate::IrError;
pub use value::{Closure, Seq, Style, Text, Value};
