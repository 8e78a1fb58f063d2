//! Classes: an object is a shared map from attribute names to values, so an object reachable
//! from two threads is shared memory and each attribute read and write is a visible step
//! (`self.balance += amount` is a read, an add and a write, and can lose updates).
//! `Class(args)` makes the object and runs `__init__`; `obj.method(args)` calls the method
//! with the object first.

use super::*;

impl FnLower<'_> {
    /// `Class(args)`: a new object, then `Class.__init__(obj, args)` when there is one.
    pub(super) fn new_object(
        &mut self,
        e: &Expr,
        class: &str,
        args: &[Expr],
        dest: &Dest,
    ) -> Res<IrExpr> {
        let obj = self.cx.temp(dest.name_or(&class.to_lowercase()));
        self.cx.emit(e.span, Op::MakeMap { dst: obj });
        let init = format!("{class}.__init__");
        match self.scope.funcs.get(&init) {
            Some(f) => {
                let (id, params) = (f.id, f.params);
                self.check_method_arity(e, &init, params, args.len())?;
                let mut a = vec![IrExpr::Local(obj)];
                a.extend(self.exprs(args)?);
                self.cx.emit(
                    e.span,
                    Op::Call {
                        dst: None,
                        callee: Callee::Func(id),
                        args: a,
                    },
                );
            }
            None if !args.is_empty() => {
                return Err(Diagnostic::new(
                    e.span,
                    format!("`{class}()` takes no arguments: the class has no `__init__`"),
                    "define `def __init__(self, …):` in the class",
                ))
            }
            None => {}
        }
        Ok(IrExpr::Local(obj))
    }

    fn check_method_arity(&self, e: &Expr, name: &str, params: usize, given: usize) -> Res<()> {
        if params == given + 1 {
            return Ok(());
        }
        let want = params.saturating_sub(1);
        Err(Diagnostic::new(
            e.span,
            format!(
                "`{name}` takes {want} argument{} besides `self`, but {given} {} given",
                if want == 1 { "" } else { "s" },
                if given == 1 { "was" } else { "were" }
            ),
            "pass one value per parameter after `self`",
        ))
    }

    /// `obj.method(args)` for the method of `class`.
    pub(super) fn method_call(
        &mut self,
        e: &Expr,
        (recv, class, m): (&Expr, &str, &str),
        args: &[Expr],
        statement: bool,
        into: Option<Local>,
    ) -> Res<IrExpr> {
        let qualified = format!("{class}.{m}");
        let Some(f) = self.scope.funcs.get(&qualified) else {
            return Err(Diagnostic::new(
                e.span,
                format!("`{class}` has no method `{m}`"),
                "define it in the class with `def`",
            ));
        };
        let (id, params) = (f.id, f.params);
        self.check_method_arity(e, &qualified, params, args.len())?;
        let obj = self.expr(recv)?;
        let obj = self.cx.stable(obj, "obj", e.span);
        let mut a = vec![obj];
        a.extend(self.exprs(args)?);
        let dst = self.cx.result_dst(statement, into, "result");
        self.cx.emit(
            e.span,
            Op::Call {
                dst,
                callee: Callee::Func(id),
                args: a,
            },
        );
        Ok(dst.map_or(IrExpr::Const(Value::Unit), IrExpr::Local))
    }

    /// `obj.attr = value`: a visible write of the object's entry.
    pub(super) fn attr_write(
        &mut self,
        base: &Expr,
        attr: &Ident,
        value: IrExpr,
        span: Span,
    ) -> Res<()> {
        let obj = self.expr(base)?;
        let key = IrExpr::str(&attr.name);
        let value = self.cx.staged(value, &[&obj], span);
        self.cx.emit(
            span,
            Op::MapWrite {
                map: obj,
                key,
                value,
            },
        );
        Ok(())
    }
}
