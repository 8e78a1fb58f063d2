//! The program form every front-end compiles to: functions of flat instructions with spans.

use serde::{Deserialize, Serialize};

use super::atomic_ops::AtomicOp;
use super::expr::{Expr, Pattern};
use super::ids::{FuncId, GlobalId, Label, Local};
use super::process_ops::ProcOp;
use super::slice_ops::SliceOp;
use super::span::Span;
use super::thread_ops::ThreadOp;
use super::time_ops::TimeOp;
use super::value::{Style, Value};

/// The three kinds of process, one per model. The kind changes naming and narration only;
/// every kind may use every instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ProcKind {
    /// An OS-style thread (Python `threading.Thread`).
    Thread,
    /// An Erlang process with a mailbox.
    Actor,
    /// A Go goroutine.
    Goroutine,
}

/// A whole program: code, shared variables, and the processes that exist at the start.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Program {
    /// How values are printed and narrated.
    pub style: Style,
    /// All functions; `FuncId(i)` is `functions[i]`.
    pub functions: Vec<Function>,
    /// Shared variables; `GlobalId(i)` is `globals[i]`.
    pub globals: Vec<Global>,
    /// Processes started before the first step, in pid order (`Pid(0)` first). The first one
    /// is the *main* process.
    pub processes: Vec<ProcessSpec>,
}

/// A function: parameters are the first `params` local slots.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Function {
    /// Name used in narration and in "no function clause matching name(...)".
    pub name: String,
    /// Number of parameters; arguments fill slots `0..params`.
    pub params: u32,
    /// Names of every local slot (parameters first). Its length is the frame size.
    pub locals: Vec<String>,
    /// The instructions. Running off the end returns `Unit`.
    pub code: Vec<Instr>,
    /// Where the function is defined.
    pub span: Span,
}

/// One instruction and the source it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Instr {
    /// What it does.
    pub op: Op,
    /// The exact source the UI highlights while a process stands here.
    pub span: Span,
}

/// A shared variable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Global {
    /// Name used in narration ("T1 reads count = 0").
    pub name: String,
    /// Initial content.
    pub init: GlobalInit,
}

/// The initial content of a global. Resources are allocated when the world is created and
/// take the global's name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GlobalInit {
    /// A plain value.
    Value(Value),
    /// A new lock.
    Lock,
    /// A new channel (`None` capacity = unbounded queue, e.g. Python `queue.Queue()`).
    Chan {
        /// Buffer size; 0 is an unbuffered rendezvous channel.
        capacity: Option<u32>,
        /// What a receive on a closed, drained channel yields.
        zero: Value,
    },
    /// A new WaitGroup.
    WaitGroup,
    /// A new empty map.
    Map,
}

/// A process that exists before the first step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessSpec {
    /// Display name; `None` picks one from the kind ("T1", "g1", or the function's name).
    pub name: Option<String>,
    /// Thread, actor or goroutine.
    pub kind: ProcKind,
    /// The function it runs.
    pub func: FuncId,
    /// Its arguments.
    pub args: Vec<Value>,
}

/// What is called or spawned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Callee {
    /// A known function.
    Func(FuncId),
    /// A function value (closure) computed at run time.
    Value(Expr),
}

/// A shared memory location named by an instruction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Place {
    /// A global variable.
    Global(GlobalId),
    /// A cell; the expression must evaluate to a `Value::Cell`.
    Cell(Expr),
}

/// A clause of `receive`, `case` or a multi-clause function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// The pattern; its bindings are written to locals only when the clause is taken.
    pub pattern: Pattern,
    /// An optional guard, evaluated with the pattern's bindings; an error counts as false.
    pub guard: Option<Expr>,
    /// Where the clause body starts.
    pub to: Label,
}

/// The `after` part of a receive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct After {
    /// Timeout in logical steps (evaluated when the receive starts waiting).
    pub ticks: Expr,
    /// Where the timeout body starts.
    pub to: Label,
}

/// One case of a `select`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SelectCase {
    /// `case v, ok := <-chan:`.
    Recv {
        /// The channel.
        chan: Expr,
        /// Where the received value goes.
        dst: Option<Local>,
        /// Where `ok` goes (false when the channel is closed and drained).
        ok: Option<Local>,
        /// The case body.
        to: Label,
    },
    /// `case chan <- value:`.
    Send {
        /// The channel.
        chan: Expr,
        /// The value sent.
        value: Expr,
        /// The case body.
        to: Label,
    },
}

/// What happens when no clause of a `Case` matches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum NoMatch {
    /// Crash with "no function clause matching name(args)"; the subject should be a tuple of
    /// the arguments.
    FunctionClause {
        /// The function's name.
        name: String,
    },
    /// Crash with "no case clause matching V".
    CaseClause,
    /// Crash with "no true branch found in if".
    IfClause,
    /// Continue with the next instruction.
    Fallthrough,
}

/// An instruction. Local ones run folded into the process's next visible step; visible ones
/// are atomic actions where interleavings happen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Op {
    // ---- local (invisible unless the world runs in `expand` mode, see `Eval`) ----
    /// Does nothing (a place to hang a span).
    Nop,
    /// `dst = expr`. In `expand` mode this is a visible step of its own (the `+ 1` of
    /// `count += 1`).
    Eval {
        /// Destination slot.
        dst: Local,
        /// The value.
        expr: Expr,
    },
    /// `dst = expr`, never a step of its own, even in expand mode: for compiler bookkeeping
    /// (loop counters, temporaries) that students should not step through.
    Set {
        /// Destination slot.
        dst: Local,
        /// The value.
        expr: Expr,
    },
    /// `Pattern = Expr`: binds or crashes with "no match of right hand side value V".
    Match {
        /// The pattern.
        pattern: Pattern,
        /// The value to match.
        expr: Expr,
    },
    /// Tries clauses in order and jumps to the first whose pattern and guard match.
    Case {
        /// The value matched.
        subject: Expr,
        /// The clauses.
        clauses: Vec<Clause>,
        /// What to do when none match.
        no_match: NoMatch,
    },
    /// Unconditional jump.
    Jump {
        /// Target.
        to: Label,
    },
    /// Jumps when `cond` is `true`; a non-boolean crashes.
    JumpIf {
        /// Condition.
        cond: Expr,
        /// Target.
        to: Label,
    },
    /// Jumps when `cond` is `false`; a non-boolean crashes.
    JumpUnless {
        /// Condition.
        cond: Expr,
        /// Target.
        to: Label,
    },
    /// Calls a function; its return value goes to `dst`.
    Call {
        /// Destination of the return value.
        dst: Option<Local>,
        /// What to call.
        callee: Callee,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// Replaces the current frame with a call (Erlang loops run in constant stack).
    TailCall {
        /// What to call.
        callee: Callee,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// Returns from the function; returning from the process's first frame ends the process.
    Return {
        /// The value returned (`Unit` when `None`).
        value: Option<Expr>,
    },
    /// Makes a channel.
    MakeChan {
        /// Where the channel goes.
        dst: Local,
        /// Buffer size (0 = unbuffered rendezvous; `None` = unbounded queue).
        capacity: Option<Expr>,
        /// The value a receive yields once the channel is closed and drained.
        zero: Expr,
    },
    /// Makes a lock.
    MakeLock {
        /// Where the lock goes.
        dst: Local,
    },
    /// Makes a WaitGroup with counter 0.
    MakeWaitGroup {
        /// Where it goes.
        dst: Local,
    },
    /// Makes an empty shared map.
    MakeMap {
        /// Where the map reference goes.
        dst: Local,
    },
    /// Makes a shared cell holding `init` (a variable captured by reference).
    MakeCell {
        /// Where the cell reference goes.
        dst: Local,
        /// Initial content.
        init: Expr,
    },

    /// Allocates a record on the heap with named fields and their initial values (Go
    /// `T{A: 1}`, `&T{}`, `new(T)`). Allocation touches nothing shared, so it is local.
    MakeRecord {
        /// Where the reference goes.
        dst: Local,
        /// The type's name, for printing (`%T`) and narration.
        type_name: String,
        /// Field names and initial values, in declaration order.
        fields: Vec<(String, Expr)>,
    },

    // ---- visible: each is one atomic step ----
    /// Reads field number `field` of a record into a local (`v := p.x`).
    FieldRead {
        /// Destination local.
        dst: Local,
        /// The record reference.
        record: Expr,
        /// The field's index in declaration order.
        field: u32,
    },
    /// Writes field number `field` of a record (`p.x = v`).
    FieldWrite {
        /// The record reference.
        record: Expr,
        /// The field's index.
        field: u32,
        /// The new value.
        value: Expr,
    },
    /// Copies a record into a new one (Go value semantics: `b := a`, passing a struct by
    /// value). One step that reads every field of the source.
    CopyRecord {
        /// Where the new reference goes.
        dst: Local,
        /// The record copied.
        record: Expr,
    },
    /// Reads a shared location into a local.
    Read {
        /// Destination local.
        dst: Local,
        /// What is read.
        place: Place,
    },
    /// Writes a shared location.
    Write {
        /// What is written.
        place: Place,
        /// The new value.
        value: Expr,
    },
    /// Reads `map[key]` into a local. A missing key yields `default`, or crashes when there is
    /// none (Python `KeyError`) and `ok` is not set.
    MapRead {
        /// Destination local.
        dst: Local,
        /// The map reference.
        map: Expr,
        /// The key.
        key: Expr,
        /// Value for a missing key (Go's zero value).
        default: Option<Expr>,
        /// Where `true`/`false` goes for "the key is present" (Go `v, ok := m[k]`, Python
        /// `k in d`). With `ok` set a missing key never crashes: `dst` gets `default`, or
        /// `Unit` when there is none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ok: Option<Local>,
    },
    /// Reads the number of entries of a map into a local (Go `len(m)`, Python `len(d)`). For
    /// the race detector it reads the map's key set, which writing a new key changes.
    MapLen {
        /// Destination local.
        dst: Local,
        /// The map reference.
        map: Expr,
    },
    /// Writes `map[key] = value`.
    MapWrite {
        /// The map reference.
        map: Expr,
        /// The key.
        key: Expr,
        /// The new value.
        value: Expr,
    },
    /// Acquires a lock, waiting while another process holds it. Not re-entrant.
    Acquire {
        /// The lock.
        lock: Expr,
    },
    /// Releases a lock; a release by a process that does not hold it crashes.
    Release {
        /// The lock.
        lock: Expr,
    },
    /// Sends a message to an actor's mailbox (never waits, unless a bounded mailbox is full
    /// and the world's overflow policy is `Block`).
    Send {
        /// The receiving pid.
        to: Expr,
        /// The message.
        msg: Expr,
    },
    /// Selective receive: takes the first message in mailbox order that matches any clause.
    Receive {
        /// Clauses tried in order for each message.
        clauses: Vec<Clause>,
        /// Optional timeout.
        after: Option<After>,
    },
    /// Sends on a channel.
    ChanSend {
        /// The channel.
        chan: Expr,
        /// The value.
        value: Expr,
    },
    /// Receives from a channel; `ok` is false when the channel is closed and drained.
    ChanRecv {
        /// The channel.
        chan: Expr,
        /// Destination of the value.
        dst: Option<Local>,
        /// Destination of `ok`.
        ok: Option<Local>,
    },
    /// Closes a channel; closing twice crashes.
    Close {
        /// The channel.
        chan: Expr,
    },
    /// Waits on several channel operations; ready cases are scheduler choices.
    Select {
        /// The cases.
        cases: Vec<SelectCase>,
        /// The `default` body, taken only when no case is ready.
        default: Option<Label>,
    },
    /// Starts a new process; its pid goes to `dst`.
    Spawn {
        /// Destination of the new pid.
        dst: Option<Local>,
        /// Kind of the new process.
        kind: ProcKind,
        /// What it runs.
        callee: Callee,
        /// Its arguments (after any closure captures).
        args: Vec<Expr>,
        /// Display name; `None` picks one from the kind.
        name: Option<String>,
    },
    /// Waits until the process ends (Python `t.join()`).
    Join {
        /// The pid waited for.
        target: Expr,
    },
    /// Adds `delta` to a WaitGroup counter; below zero crashes.
    WgAdd {
        /// The WaitGroup.
        wg: Expr,
        /// The amount.
        delta: Expr,
    },
    /// `wg.Done()`: adds -1.
    WgDone {
        /// The WaitGroup.
        wg: Expr,
    },
    /// Waits until the WaitGroup counter is zero.
    WgWait {
        /// The WaitGroup.
        wg: Expr,
    },
    /// Sleeps for a number of logical steps.
    Sleep {
        /// Steps to sleep.
        ticks: Expr,
    },
    /// Prints a line (the expression is usually an `Expr::Format`; strings print raw).
    Print {
        /// The text.
        text: Expr,
    },
    /// Writes text to the output without ending the line (Go `fmt.Print`, `fmt.Printf`,
    /// Python `print(x, end="")`). Line breaks inside the text end lines.
    Output {
        /// The text.
        text: Expr,
    },
    /// Ends the process normally.
    Exit,
    /// Ends the process with a crash (`raise`, `panic`, `exit(Reason)`).
    Fail {
        /// The reason shown.
        reason: Expr,
    },
    /// A visible instruction about processes: names, links, monitors, exit signals.
    Proc(ProcOp),
    /// Reads how many values a channel holds, or its capacity (Go `len(ch)`, `cap(ch)`).
    ChanFill(super::ChanFill),
    /// Makes a fresh reference (`make_ref()`); local.
    MakeRef {
        /// Where the reference goes.
        dst: Local,
    },
    /// Installs an exception handler for the current frame (local). A raise inside the
    /// protected code, in this frame or any callee, unwinds to `handler` with the class atom
    /// (`error`, `throw` or `exit`), the reason and the stack in the given locals.
    Try {
        /// Where the handler code starts.
        handler: Label,
        /// Receives the class atom.
        class: Local,
        /// Receives the reason.
        reason: Local,
        /// Receives the stack (a list, innermost call first).
        stack: Local,
    },
    /// Removes the innermost handler: the protected code finished normally (local).
    EndTry,
    /// Raises an exception (local): it unwinds to the nearest handler, or ends the process.
    Raise {
        /// The class: the atom `error`, `throw` or `exit`.
        class: Expr,
        /// The reason (any value).
        reason: Expr,
        /// The stack to carry (a re-raise); `None` records the current one.
        stack: Option<Expr>,
    },
    /// A Go slice instruction (see [`SliceOp`]): some are local, some visible.
    Slice(SliceOp),
    /// A logical-clock instruction (timers, tickers, `time.Now`; see [`TimeOp`]).
    Time(TimeOp),
    /// An atomic operation on a shared location: one visible step, never a race.
    Atomic(AtomicOp),
    /// A Python thread object instruction (see [`ThreadOp`]).
    Thread(ThreadOp),
    // ---- added for Go ----
    /// Reads a whole map in one step and writes how Go's `fmt` prints it into a local:
    /// `map[a:1 b:2]`, keys in the order `fmt` sorts them. For the detectors it reads the
    /// map's key set and every entry, as printing a map does in Go.
    MapShow {
        /// Destination slot (a string).
        dst: Local,
        /// The map.
        map: Expr,
    },
}

impl Op {
    /// Whether this instruction is an atomic visible action (a point where interleaving
    /// happens). `Eval` is also visible when the world runs in expand mode.
    pub fn is_visible(&self) -> bool {
        match self {
            Op::Slice(s) => return s.is_visible(),
            Op::Time(t) => return t.is_visible(),
            Op::Thread(t) => return t.is_visible(),
            _ => {}
        }
        !matches!(
            self,
            Op::Nop
                | Op::Eval { .. }
                | Op::Set { .. }
                | Op::Match { .. }
                | Op::Case { .. }
                | Op::Jump { .. }
                | Op::JumpIf { .. }
                | Op::JumpUnless { .. }
                | Op::Call { .. }
                | Op::TailCall { .. }
                | Op::Return { .. }
                | Op::MakeChan { .. }
                | Op::MakeLock { .. }
                | Op::MakeWaitGroup { .. }
                | Op::MakeMap { .. }
                | Op::MakeCell { .. }
                | Op::MakeRecord { .. }
                | Op::MakeRef { .. }
                | Op::Try { .. }
                | Op::EndTry
                | Op::Raise { .. }
        )
    }

    /// Every jump target in the instruction, for validation and label patching.
    pub fn labels_mut(&mut self) -> Vec<&mut Label> {
        match self {
            Op::Jump { to } | Op::JumpIf { to, .. } | Op::JumpUnless { to, .. } => vec![to],
            Op::Try { handler, .. } => vec![handler],
            Op::Case { clauses, .. } => clauses.iter_mut().map(|c| &mut c.to).collect(),
            Op::Receive { clauses, after } => {
                let mut out: Vec<&mut Label> = clauses.iter_mut().map(|c| &mut c.to).collect();
                if let Some(a) = after {
                    out.push(&mut a.to);
                }
                out
            }
            Op::Select { cases, default } => {
                let mut out: Vec<&mut Label> = cases
                    .iter_mut()
                    .map(|c| match c {
                        SelectCase::Recv { to, .. } | SelectCase::Send { to, .. } => to,
                    })
                    .collect();
                if let Some(d) = default {
                    out.push(d);
                }
                out
            }
            _ => Vec::new(),
        }
    }
}

impl Program {
    /// The function with this id, if it exists.
    pub fn function(&self, id: FuncId) -> Option<&Function> {
        self.functions.get(id.index())
    }

    /// The id of the first function with this name.
    pub fn function_named(&self, name: &str) -> Option<FuncId> {
        self.functions
            .iter()
            .position(|f| f.name == name)
            .map(|i| FuncId(i as u32))
    }

    /// The id of the global with this name.
    pub fn global_named(&self, name: &str) -> Option<GlobalId> {
        self.globals
            .iter()
            .position(|g| g.name == name)
            .map(|i| GlobalId(i as u32))
    }
}
