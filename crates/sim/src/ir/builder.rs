//! A small builder so tests and front-ends can write programs without a parser.
//!
//! ```
//! use sim::ir::{ProgramBuilder, Style};
//! let mut p = ProgramBuilder::new(Style::Python);
//! let count = p.global("count", 0);
//! let worker = p.function("worker", &[], |f| {
//!     let tmp = f.local("tmp");
//!     f.read(tmp, count); // tmp = count
//!     f.eval(tmp, tmp + 1); // tmp = tmp + 1
//!     f.write(count, tmp); // count = tmp
//! });
//! p.thread("T1", worker, vec![]);
//! p.thread("T2", worker, vec![]);
//! let program = p.build();
//! assert_eq!(program.processes.len(), 2);
//! ```

use super::expr::{Expr, Pattern};
use super::ids::{FuncId, GlobalId, Label, Local, Pid};
use super::program::{
    After, Callee, Clause, Function, Global, GlobalInit, Instr, NoMatch, Op, Place, ProcKind,
    ProcessSpec, Program, SelectCase,
};
use super::span::Span;
use super::value::{Style, Value};

/// Builds a [`Program`].
#[derive(Debug)]
pub struct ProgramBuilder {
    program: Program,
}

impl ProgramBuilder {
    /// An empty program printed in `style`.
    pub fn new(style: Style) -> ProgramBuilder {
        ProgramBuilder {
            program: Program {
                style,
                ..Program::default()
            },
        }
    }

    fn add_global(&mut self, name: &str, init: GlobalInit) -> GlobalId {
        self.program.globals.push(Global {
            name: name.to_string(),
            init,
        });
        GlobalId(self.program.globals.len() as u32 - 1)
    }

    /// A shared variable with an initial value.
    pub fn global(&mut self, name: &str, init: impl Into<Value>) -> GlobalId {
        self.add_global(name, GlobalInit::Value(init.into()))
    }

    /// A global holding a new lock named `name`.
    pub fn global_lock(&mut self, name: &str) -> GlobalId {
        self.add_global(name, GlobalInit::Lock)
    }

    /// A global holding a new channel (capacity 0 = unbuffered, `None` = unbounded).
    pub fn global_chan(&mut self, name: &str, capacity: Option<u32>, zero: Value) -> GlobalId {
        self.add_global(name, GlobalInit::Chan { capacity, zero })
    }

    /// A global holding a new WaitGroup.
    pub fn global_waitgroup(&mut self, name: &str) -> GlobalId {
        self.add_global(name, GlobalInit::WaitGroup)
    }

    /// A global holding a new empty map.
    pub fn global_map(&mut self, name: &str) -> GlobalId {
        self.add_global(name, GlobalInit::Map)
    }

    /// Reserves a function id so recursive or mutually recursive functions can refer to it
    /// before it is defined with [`ProgramBuilder::define`].
    pub fn declare(&mut self, name: &str) -> FuncId {
        self.program.functions.push(Function {
            name: name.to_string(),
            ..Function::default()
        });
        FuncId(self.program.functions.len() as u32 - 1)
    }

    /// Defines the body of a declared function. `params` name its parameters.
    pub fn define(&mut self, id: FuncId, params: &[&str], body: impl FnOnce(&mut FunctionBuilder)) {
        let name = self
            .program
            .functions
            .get(id.index())
            .map(|f| f.name.clone())
            .unwrap_or_default();
        let mut fb = FunctionBuilder::new(id, &name, params);
        body(&mut fb);
        let func = fb.finish();
        if let Some(slot) = self.program.functions.get_mut(id.index()) {
            *slot = func;
        }
    }

    /// Declares and defines a function in one go.
    pub fn function(
        &mut self,
        name: &str,
        params: &[&str],
        body: impl FnOnce(&mut FunctionBuilder),
    ) -> FuncId {
        let id = self.declare(name);
        self.define(id, params, body);
        id
    }

    /// Adds an initial process; returns the pid it will have.
    pub fn process(
        &mut self,
        kind: ProcKind,
        name: Option<&str>,
        func: FuncId,
        args: Vec<Value>,
    ) -> Pid {
        self.program.processes.push(ProcessSpec {
            name: name.map(str::to_string),
            kind,
            func,
            args,
        });
        Pid(self.program.processes.len() as u32 - 1)
    }

    /// Adds an initial thread.
    pub fn thread(&mut self, name: &str, func: FuncId, args: Vec<Value>) -> Pid {
        self.process(ProcKind::Thread, Some(name), func, args)
    }

    /// Adds an initial actor.
    pub fn actor(&mut self, name: &str, func: FuncId, args: Vec<Value>) -> Pid {
        self.process(ProcKind::Actor, Some(name), func, args)
    }

    /// Adds an initial goroutine.
    pub fn goroutine(&mut self, name: &str, func: FuncId, args: Vec<Value>) -> Pid {
        self.process(ProcKind::Goroutine, Some(name), func, args)
    }

    /// The program built so far.
    pub fn build(self) -> Program {
        self.program
    }
}

/// Builds one [`Function`]. Jump targets are [`Label`]s handed out by [`FunctionBuilder::label`]
/// and placed with [`FunctionBuilder::bind`]; they are patched to instruction indices at the end.
#[derive(Debug)]
pub struct FunctionBuilder {
    id: FuncId,
    func: Function,
    labels: Vec<Option<u32>>,
    span: Span,
}

/// Labels not yet placed become this, which validation rejects.
const UNBOUND: u32 = u32::MAX;

impl FunctionBuilder {
    /// A builder for a function with the given parameter names. Front-ends that assemble
    /// `Program` themselves can use it standalone and call [`FunctionBuilder::finish`].
    pub fn new(id: FuncId, name: &str, params: &[&str]) -> FunctionBuilder {
        FunctionBuilder {
            id,
            func: Function {
                name: name.to_string(),
                params: params.len() as u32,
                locals: params.iter().map(|p| p.to_string()).collect(),
                code: Vec::new(),
                span: Span::default(),
            },
            labels: Vec::new(),
            span: Span::default(),
        }
    }

    /// This function's id (for self-recursion).
    pub fn id(&self) -> FuncId {
        self.id
    }

    /// The slot of parameter `i`.
    pub fn param(&self, i: u32) -> Local {
        Local(i)
    }

    /// The slot named `name`, made on first use (like a Python local).
    pub fn local(&mut self, name: &str) -> Local {
        if let Some(i) = self.func.locals.iter().position(|l| l == name) {
            return Local(i as u32);
        }
        self.fresh(name)
    }

    /// A new slot even if the name is taken (a shadowing or compiler temporary).
    pub fn fresh(&mut self, name: &str) -> Local {
        self.func.locals.push(name.to_string());
        Local(self.func.locals.len() as u32 - 1)
    }

    /// Sets the span given to the instructions emitted from now on.
    pub fn at(&mut self, span: Span) -> &mut Self {
        self.span = span;
        self
    }

    /// Sets the span to a bare line number.
    pub fn line(&mut self, line: u32) -> &mut Self {
        self.at(Span::line(line))
    }

    /// A new, not yet placed, jump target.
    pub fn label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Places `label` at the next instruction.
    pub fn bind(&mut self, label: Label) {
        if let Some(slot) = self.labels.get_mut(label.index()) {
            *slot = Some(self.func.code.len() as u32);
        }
    }

    /// Appends an instruction (its labels are builder labels) and returns its index.
    pub fn emit(&mut self, op: Op) -> usize {
        self.func.code.push(Instr {
            op,
            span: self.span,
        });
        self.func.code.len() - 1
    }

    /// Patches labels and returns the function.
    pub fn finish(mut self) -> Function {
        let labels = self.labels;
        for instr in &mut self.func.code {
            for l in instr.op.labels_mut() {
                l.0 = labels.get(l.index()).copied().flatten().unwrap_or(UNBOUND);
            }
        }
        self.func
    }

    // ---- local instructions ----

    /// `dst = expr`.
    pub fn eval(&mut self, dst: Local, expr: impl Into<Expr>) {
        self.emit(Op::Eval {
            dst,
            expr: expr.into(),
        });
    }

    /// `dst = expr` as bookkeeping: never a step, even in expand mode.
    pub fn set(&mut self, dst: Local, expr: impl Into<Expr>) {
        self.emit(Op::Set {
            dst,
            expr: expr.into(),
        });
    }

    /// `pattern = expr` (crashes on mismatch).
    pub fn matches(&mut self, pattern: Pattern, expr: impl Into<Expr>) {
        self.emit(Op::Match {
            pattern,
            expr: expr.into(),
        });
    }

    /// Jumps to `to`.
    pub fn jump(&mut self, to: Label) {
        self.emit(Op::Jump { to });
    }

    /// Jumps to `to` when `cond` holds.
    pub fn jump_if(&mut self, cond: impl Into<Expr>, to: Label) {
        self.emit(Op::JumpIf {
            cond: cond.into(),
            to,
        });
    }

    /// Jumps to `to` unless `cond` holds.
    pub fn jump_unless(&mut self, cond: impl Into<Expr>, to: Label) {
        self.emit(Op::JumpUnless {
            cond: cond.into(),
            to,
        });
    }

    /// Calls `func` and stores the result in `dst`.
    pub fn call(&mut self, dst: Option<Local>, func: FuncId, args: Vec<Expr>) {
        self.emit(Op::Call {
            dst,
            callee: Callee::Func(func),
            args,
        });
    }

    /// Tail-calls `func` (loops without growing the stack).
    pub fn tail_call(&mut self, func: FuncId, args: Vec<Expr>) {
        self.emit(Op::TailCall {
            callee: Callee::Func(func),
            args,
        });
    }

    /// Returns `value`.
    pub fn ret(&mut self, value: Option<Expr>) {
        self.emit(Op::Return { value });
    }

    /// `dst = make(chan, capacity)` with the given zero value.
    pub fn make_chan(&mut self, dst: Local, capacity: Option<Expr>, zero: impl Into<Expr>) {
        self.emit(Op::MakeChan {
            dst,
            capacity,
            zero: zero.into(),
        });
    }

    /// `dst = Lock()`.
    pub fn make_lock(&mut self, dst: Local) {
        self.emit(Op::MakeLock { dst });
    }

    /// `dst = WaitGroup{}`.
    pub fn make_waitgroup(&mut self, dst: Local) {
        self.emit(Op::MakeWaitGroup { dst });
    }

    /// `dst = {}` (a shared map).
    pub fn make_map(&mut self, dst: Local) {
        self.emit(Op::MakeMap { dst });
    }

    /// `dst = new cell(init)`.
    pub fn make_cell(&mut self, dst: Local, init: impl Into<Expr>) {
        self.emit(Op::MakeCell {
            dst,
            init: init.into(),
        });
    }

    /// `dst = &TypeName{fields...}` on the heap.
    pub fn make_record(&mut self, dst: Local, type_name: &str, fields: Vec<(&str, Expr)>) {
        self.emit(Op::MakeRecord {
            dst,
            type_name: type_name.to_string(),
            fields: fields
                .into_iter()
                .map(|(n, e)| (n.to_string(), e))
                .collect(),
        });
    }

    // ---- visible instructions ----

    /// `dst = record.field` (field by declaration index).
    pub fn field_read(&mut self, dst: Local, record: impl Into<Expr>, field: u32) {
        self.emit(Op::FieldRead {
            dst,
            record: record.into(),
            field,
        });
    }

    /// `record.field = value`.
    pub fn field_write(&mut self, record: impl Into<Expr>, field: u32, value: impl Into<Expr>) {
        self.emit(Op::FieldWrite {
            record: record.into(),
            field,
            value: value.into(),
        });
    }

    /// `dst = *record` copied into a new record (Go struct assignment).
    pub fn copy_record(&mut self, dst: Local, record: impl Into<Expr>) {
        self.emit(Op::CopyRecord {
            dst,
            record: record.into(),
        });
    }

    /// `dst = global` (a visible shared read).
    pub fn read(&mut self, dst: Local, global: GlobalId) {
        self.emit(Op::Read {
            dst,
            place: Place::Global(global),
        });
    }

    /// `global = value` (a visible shared write).
    pub fn write(&mut self, global: GlobalId, value: impl Into<Expr>) {
        self.emit(Op::Write {
            place: Place::Global(global),
            value: value.into(),
        });
    }

    /// `dst = *cell`.
    pub fn read_cell(&mut self, dst: Local, cell: impl Into<Expr>) {
        self.emit(Op::Read {
            dst,
            place: Place::Cell(cell.into()),
        });
    }

    /// `*cell = value`.
    pub fn write_cell(&mut self, cell: impl Into<Expr>, value: impl Into<Expr>) {
        self.emit(Op::Write {
            place: Place::Cell(cell.into()),
            value: value.into(),
        });
    }

    /// `dst = map[key]` (or `default` when missing).
    pub fn map_read(
        &mut self,
        dst: Local,
        map: impl Into<Expr>,
        key: impl Into<Expr>,
        default: Option<Expr>,
    ) {
        self.emit(Op::MapRead {
            dst,
            map: map.into(),
            key: key.into(),
            default,
            ok: None,
        });
    }

    /// `dst, ok = map[key]`: `ok` is whether the key is present; a missing key gives
    /// `default` (or `Unit`) and never crashes.
    pub fn map_read_ok(
        &mut self,
        dst: Local,
        ok: Local,
        map: impl Into<Expr>,
        key: impl Into<Expr>,
        default: Option<Expr>,
    ) {
        self.emit(Op::MapRead {
            dst,
            map: map.into(),
            key: key.into(),
            default,
            ok: Some(ok),
        });
    }

    /// `dst = len(map)` (a visible read of the map's key set).
    pub fn map_len(&mut self, dst: Local, map: impl Into<Expr>) {
        self.emit(Op::MapLen {
            dst,
            map: map.into(),
        });
    }

    /// `map[key] = value`.
    pub fn map_write(
        &mut self,
        map: impl Into<Expr>,
        key: impl Into<Expr>,
        value: impl Into<Expr>,
    ) {
        self.emit(Op::MapWrite {
            map: map.into(),
            key: key.into(),
            value: value.into(),
        });
    }

    /// Acquires a lock.
    pub fn acquire(&mut self, lock: impl Into<Expr>) {
        self.emit(Op::Acquire { lock: lock.into() });
    }

    /// Releases a lock.
    pub fn release(&mut self, lock: impl Into<Expr>) {
        self.emit(Op::Release { lock: lock.into() });
    }

    /// `to ! msg`.
    pub fn send(&mut self, to: impl Into<Expr>, msg: impl Into<Expr>) {
        self.emit(Op::Send {
            to: to.into(),
            msg: msg.into(),
        });
    }

    /// `receive ... end`; clauses and `after` are added through the [`ReceiveBuilder`].
    pub fn receive<'a>(&mut self, clauses: impl FnOnce(&mut ReceiveBuilder<'a>)) {
        let mut rb = ReceiveBuilder {
            clauses: Vec::new(),
            after: None,
        };
        clauses(&mut rb);
        let end = self.label();
        let at = self.emit(Op::Nop);
        let mut built = Vec::new();
        for (pattern, guard, body) in rb.clauses {
            let to = self.label();
            self.bind(to);
            body(self);
            self.jump(end);
            built.push(Clause { pattern, guard, to });
        }
        let after = rb.after.map(|(ticks, body)| {
            let to = self.label();
            self.bind(to);
            body(self);
            self.jump(end);
            After { ticks, to }
        });
        self.bind(end);
        if let Some(instr) = self.func.code.get_mut(at) {
            instr.op = Op::Receive {
                clauses: built,
                after,
            };
        }
    }

    /// `case subject of ... end`, or the clause head of a multi-clause function.
    pub fn case<'a>(
        &mut self,
        subject: impl Into<Expr>,
        no_match: NoMatch,
        clauses: impl FnOnce(&mut ReceiveBuilder<'a>),
    ) {
        let mut rb = ReceiveBuilder {
            clauses: Vec::new(),
            after: None,
        };
        clauses(&mut rb);
        let end = self.label();
        let at = self.emit(Op::Nop);
        let mut built = Vec::new();
        for (pattern, guard, body) in rb.clauses {
            let to = self.label();
            self.bind(to);
            body(self);
            self.jump(end);
            built.push(Clause { pattern, guard, to });
        }
        self.bind(end);
        if let Some(instr) = self.func.code.get_mut(at) {
            instr.op = Op::Case {
                subject: subject.into(),
                clauses: built,
                no_match,
            };
        }
    }

    /// `ch <- value`.
    pub fn chan_send(&mut self, chan: impl Into<Expr>, value: impl Into<Expr>) {
        self.emit(Op::ChanSend {
            chan: chan.into(),
            value: value.into(),
        });
    }

    /// `dst, ok := <-ch`.
    pub fn chan_recv(&mut self, chan: impl Into<Expr>, dst: Option<Local>, ok: Option<Local>) {
        self.emit(Op::ChanRecv {
            chan: chan.into(),
            dst,
            ok,
        });
    }

    /// `close(ch)`.
    pub fn close(&mut self, chan: impl Into<Expr>) {
        self.emit(Op::Close { chan: chan.into() });
    }

    /// `select { ... }`; cases are added through the [`SelectBuilder`].
    pub fn select<'a>(&mut self, cases: impl FnOnce(&mut SelectBuilder<'a>)) {
        let mut sb = SelectBuilder {
            cases: Vec::new(),
            default: None,
        };
        cases(&mut sb);
        let end = self.label();
        let at = self.emit(Op::Nop);
        let mut built = Vec::new();
        for (case, body) in sb.cases {
            let to = self.label();
            self.bind(to);
            body(self);
            self.jump(end);
            built.push(match case {
                PendingCase::Recv { chan, dst, ok } => SelectCase::Recv { chan, dst, ok, to },
                PendingCase::Send { chan, value } => SelectCase::Send { chan, value, to },
            });
        }
        let default = sb.default.map(|body| {
            let to = self.label();
            self.bind(to);
            body(self);
            self.jump(end);
            to
        });
        self.bind(end);
        if let Some(instr) = self.func.code.get_mut(at) {
            instr.op = Op::Select {
                cases: built,
                default,
            };
        }
    }

    /// Starts a process running `func(args)`; its pid goes to `dst`.
    pub fn spawn(&mut self, dst: Option<Local>, kind: ProcKind, func: FuncId, args: Vec<Expr>) {
        self.emit(Op::Spawn {
            dst,
            kind,
            callee: Callee::Func(func),
            args,
            name: None,
        });
    }

    /// Like [`FunctionBuilder::spawn`] with a display name.
    pub fn spawn_named(
        &mut self,
        dst: Option<Local>,
        kind: ProcKind,
        func: FuncId,
        args: Vec<Expr>,
        name: &str,
    ) {
        self.emit(Op::Spawn {
            dst,
            kind,
            callee: Callee::Func(func),
            args,
            name: Some(name.to_string()),
        });
    }

    /// Waits for a process to end.
    pub fn join(&mut self, target: impl Into<Expr>) {
        self.emit(Op::Join {
            target: target.into(),
        });
    }

    /// `wg.Add(delta)`.
    pub fn wg_add(&mut self, wg: impl Into<Expr>, delta: impl Into<Expr>) {
        self.emit(Op::WgAdd {
            wg: wg.into(),
            delta: delta.into(),
        });
    }

    /// `wg.Done()`.
    pub fn wg_done(&mut self, wg: impl Into<Expr>) {
        self.emit(Op::WgDone { wg: wg.into() });
    }

    /// `wg.Wait()`.
    pub fn wg_wait(&mut self, wg: impl Into<Expr>) {
        self.emit(Op::WgWait { wg: wg.into() });
    }

    /// Sleeps `ticks` logical steps.
    pub fn sleep(&mut self, ticks: impl Into<Expr>) {
        self.emit(Op::Sleep {
            ticks: ticks.into(),
        });
    }

    /// Prints a value (strings raw).
    pub fn print(&mut self, text: impl Into<Expr>) {
        self.emit(Op::Print { text: text.into() });
    }

    /// Writes a value (strings raw) without ending the line.
    pub fn output(&mut self, text: impl Into<Expr>) {
        self.emit(Op::Output { text: text.into() });
    }

    /// Ends the process.
    pub fn exit(&mut self) {
        self.emit(Op::Exit);
    }

    /// Crashes the process with `reason`.
    pub fn fail(&mut self, reason: impl Into<Expr>) {
        self.emit(Op::Fail {
            reason: reason.into(),
        });
    }

    // ---- structured control flow ----

    /// `if cond { then }`.
    pub fn if_(&mut self, cond: impl Into<Expr>, then: impl FnOnce(&mut FunctionBuilder)) {
        let end = self.label();
        self.jump_unless(cond, end);
        then(self);
        self.bind(end);
    }

    /// `if cond { then } else { otherwise }`.
    pub fn if_else(
        &mut self,
        cond: impl Into<Expr>,
        then: impl FnOnce(&mut FunctionBuilder),
        otherwise: impl FnOnce(&mut FunctionBuilder),
    ) {
        let other = self.label();
        let end = self.label();
        self.jump_unless(cond, other);
        then(self);
        self.jump(end);
        self.bind(other);
        otherwise(self);
        self.bind(end);
    }

    /// `while cond { body }` (the condition is re-evaluated before each iteration).
    pub fn while_(&mut self, cond: impl Into<Expr>, body: impl FnOnce(&mut FunctionBuilder)) {
        let top = self.label();
        let end = self.label();
        self.bind(top);
        self.jump_unless(cond, end);
        body(self);
        self.jump(top);
        self.bind(end);
    }

    /// `loop { body }` (leave it with `exit`, `ret` or a jump).
    pub fn forever(&mut self, body: impl FnOnce(&mut FunctionBuilder)) {
        let top = self.label();
        self.bind(top);
        body(self);
        self.jump(top);
    }

    /// `for _ in range(times) { body }` with a hidden counter.
    pub fn repeat(&mut self, times: impl Into<Expr>, body: impl FnOnce(&mut FunctionBuilder)) {
        let i = self.fresh("_i");
        let n = self.fresh("_n");
        self.set(i, 0);
        self.set(n, times);
        self.while_(Expr::Local(i).lt(n), |f| {
            body(f);
            f.set(i, i + 1);
        });
    }
}

type Body<'a> = Box<dyn FnOnce(&mut FunctionBuilder) + 'a>;

/// Collects the clauses of a `receive` or `case`.
pub struct ReceiveBuilder<'a> {
    clauses: Vec<(Pattern, Option<Expr>, Body<'a>)>,
    after: Option<(Expr, Body<'a>)>,
}

impl<'a> ReceiveBuilder<'a> {
    /// A clause without guard.
    pub fn on(&mut self, pattern: Pattern, body: impl FnOnce(&mut FunctionBuilder) + 'a) {
        self.clauses.push((pattern, None, Box::new(body)));
    }

    /// A clause with a guard.
    pub fn on_if(
        &mut self,
        pattern: Pattern,
        guard: impl Into<Expr>,
        body: impl FnOnce(&mut FunctionBuilder) + 'a,
    ) {
        self.clauses
            .push((pattern, Some(guard.into()), Box::new(body)));
    }

    /// `after ticks -> body` (ignored by `case`).
    pub fn after(&mut self, ticks: impl Into<Expr>, body: impl FnOnce(&mut FunctionBuilder) + 'a) {
        self.after = Some((ticks.into(), Box::new(body)));
    }
}

enum PendingCase {
    Recv {
        chan: Expr,
        dst: Option<Local>,
        ok: Option<Local>,
    },
    Send {
        chan: Expr,
        value: Expr,
    },
}

/// Collects the cases of a `select`.
pub struct SelectBuilder<'a> {
    cases: Vec<(PendingCase, Body<'a>)>,
    default: Option<Body<'a>>,
}

impl<'a> SelectBuilder<'a> {
    /// `case dst, ok := <-chan:`.
    pub fn recv(
        &mut self,
        chan: impl Into<Expr>,
        dst: Option<Local>,
        ok: Option<Local>,
        body: impl FnOnce(&mut FunctionBuilder) + 'a,
    ) {
        self.cases.push((
            PendingCase::Recv {
                chan: chan.into(),
                dst,
                ok,
            },
            Box::new(body),
        ));
    }

    /// `case chan <- value:`.
    pub fn send(
        &mut self,
        chan: impl Into<Expr>,
        value: impl Into<Expr>,
        body: impl FnOnce(&mut FunctionBuilder) + 'a,
    ) {
        self.cases.push((
            PendingCase::Send {
                chan: chan.into(),
                value: value.into(),
            },
            Box::new(body),
        ));
    }

    /// `default:`.
    pub fn default(&mut self, body: impl FnOnce(&mut FunctionBuilder) + 'a) {
        self.default = Some(Box::new(body));
    }
}
