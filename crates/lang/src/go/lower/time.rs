//! Go's `time` package on the simulator's logical clock (one tick is a millisecond):
//! `time.After`, `time.Tick`, `time.NewTimer`, `time.NewTicker` make channels the clock
//! fills; `t.C`, `t.Stop()`, `time.Now()`, `time.Since(t)` and `time.Duration(n)`.

use sim::ir::TimeOp;

use super::*;

/// The type of a timer's channel: receive-only, carrying the firing time.
fn tick_chan() -> Ty {
    Ty::Chan(Dir::Recv, Box::new(Ty::Int))
}

impl FnLower<'_> {
    /// A call `time.name(args)`, or `None` when `name` is not one of the clock functions.
    pub(super) fn time_call(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
    ) -> Res<Option<(IrExpr, Ty)>> {
        let one = |me: &mut Self| -> Res<IrExpr> {
            let [a] = args else {
                return Err(arity_err(&format!("time.{name}"), 1, args.len(), span));
            };
            let (v, t) = me.expr(a)?;
            if !(t.is_int() || matches!(t, Ty::Duration | Ty::Unknown)) {
                return Err(Diagnostic::new(
                    a.span,
                    format!("cannot use {} as a time.Duration", an(&t)),
                    "write a duration like `100 * time.Millisecond`",
                ));
            }
            Ok(v)
        };
        let (ticker, ty, hidden) = match name {
            "After" => (false, tick_chan(), "timer"),
            "Tick" => (true, tick_chan(), "ticker"),
            "NewTimer" => (false, Ty::Timer { ticker: false }, "timer"),
            "NewTicker" => (true, Ty::Timer { ticker: true }, "ticker"),
            "Duration" => return Ok(Some((one(self)?, Ty::Duration))),
            "Now" | "Since" => {
                let since = if name == "Since" {
                    Some(one(self)?)
                } else if !args.is_empty() {
                    return Err(arity_err("time.Now", 0, args.len(), span));
                } else {
                    None
                };
                let now = self.cx.temp("now");
                self.cx.emit(span, Op::Time(TimeOp::Now { dst: now }));
                return Ok(Some(match since {
                    Some(t) => (IrExpr::Local(now).bin(ir::BinOp::Sub, t), Ty::Duration),
                    None => (IrExpr::Local(now), Ty::Int),
                }));
            }
            _ => return Ok(None),
        };
        let d = one(self)?;
        let dst = self.cx.temp(hidden);
        self.cx.emit(
            span,
            Op::Time(TimeOp::Arm {
                dst,
                after: d.clone(),
                period: ticker.then_some(d),
            }),
        );
        Ok(Some((IrExpr::Local(dst), ty)))
    }

    /// `t.Stop()` on a timer or ticker (`Reset` is not part of the dialect).
    pub(super) fn timer_method(
        &mut self,
        timer: IrExpr,
        ticker: bool,
        method: &Ident,
        args: &[Expr],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        if method.name != "Stop" {
            return Err(Diagnostic::new(
                method.span,
                format!(
                    "{} has no method `{}` in the Go lesson dialect",
                    an(&Ty::Timer { ticker }),
                    method.name
                ),
                "timers and tickers have Stop, and their channel C",
            ));
        }
        if !args.is_empty() {
            return Err(arity_err("Stop", 0, args.len(), span));
        }
        if ticker {
            self.cx
                .emit(span, Op::Time(TimeOp::Stop { dst: None, timer }));
            return Ok((IrExpr::Const(Value::Unit), Ty::Unit));
        }
        let dst = self.cx.temp("stopped");
        self.cx.emit(
            span,
            Op::Time(TimeOp::Stop {
                dst: Some(dst),
                timer,
            }),
        );
        Ok((IrExpr::Local(dst), Ty::Bool))
    }

    /// `t.C` of a timer or ticker variable; `None` for any other selector.
    pub(super) fn timer_field(&mut self, base: &Expr, name: &Ident) -> Res<Option<(IrExpr, Ty)>> {
        let ExprKind::Ident(n) = &base.kind else {
            return Ok(None);
        };
        let Some(var) = self.lookup(n) else {
            return Ok(None);
        };
        if !matches!(var.ty, Ty::Timer { .. }) {
            return Ok(None);
        }
        if name.name != "C" {
            return Err(Diagnostic::new(
                name.span,
                format!("{} has no field `{}`", an(&var.ty), name.name),
                "a timer's channel is `t.C`",
            ));
        }
        let v = self.load(&var, base.span, None)?;
        Ok(Some((v, tick_chan())))
    }
}
