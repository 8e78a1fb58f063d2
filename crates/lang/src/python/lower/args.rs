//! Matching a call's arguments to a function's parameters: by position, then by keyword,
//! then the parameter's default, as CPython does; mistakes are refused with CPython's words.

use super::*;

impl FnLower<'_> {
    /// The arguments of a call to the module function `fname`, one per parameter in order.
    /// `values` are the call's positional arguments and `keywords` its `name=value` ones;
    /// `at` is where a missing argument is reported.
    pub(super) fn bind_args<'e>(
        &self,
        fname: &str,
        at: Span,
        values: &'e [Expr],
        keywords: &'e [(Ident, Expr)],
    ) -> Res<Vec<Bound<'e>>> {
        let Some(info) = self.scope.funcs.get(fname) else {
            return Ok(values.iter().map(Bound::Arg).collect());
        };
        let n = info.names.len();
        if values.len() > n {
            let plural = if n == 1 { "" } else { "s" };
            return Err(Diagnostic::new(
                at,
                format!(
                    "`{fname}` takes {n} argument{plural}, but {} {} given",
                    values.len(),
                    if values.len() == 1 { "was" } else { "were" }
                ),
                format!("call it with at most {n} argument{plural}"),
            ));
        }
        let mut slots: Vec<Option<Bound<'e>>> =
            values.iter().map(|v| Some(Bound::Arg(v))).collect();
        slots.resize_with(n, || None);
        for (k, v) in keywords {
            let Some(i) = info.names.iter().position(|p| *p == k.name) else {
                return Err(Diagnostic::new(
                    k.span,
                    format!("`{fname}` got an unexpected keyword argument `{}`", k.name),
                    format!("its parameters are: {}", info.names.join(", ")),
                ));
            };
            if slots[i].is_some() {
                return Err(Diagnostic::new(
                    k.span,
                    format!("`{fname}` got multiple values for argument `{}`", k.name),
                    "pass each argument once, by position or by name",
                ));
            }
            slots[i] = Some(Bound::Arg(v));
        }
        let mut out = Vec::with_capacity(n);
        for (i, slot) in slots.into_iter().enumerate() {
            match (slot, &info.defaults[i]) {
                (Some(b), _) => out.push(b),
                (None, Some(d)) => out.push(Bound::Default(d.clone())),
                (None, None) => {
                    return Err(Diagnostic::new(
                        at,
                        format!(
                            "`{fname}` is missing the required argument `{}`",
                            info.names[i]
                        ),
                        format!(
                            "pass `{}` by position or as `{}=…`",
                            info.names[i], info.names[i]
                        ),
                    ))
                }
            }
        }
        Ok(out)
    }

    /// Lowers bound arguments in parameter order.
    pub(super) fn bound_exprs(&mut self, bound: &[Bound<'_>]) -> Res<Vec<IrExpr>> {
        bound
            .iter()
            .map(|b| match b {
                Bound::Arg(e) => self.expr(e),
                Bound::Default(v) => Ok(IrExpr::Const(v.clone())),
            })
            .collect()
    }
}

/// One parameter's argument: written in the call, or the parameter's default.
pub(super) enum Bound<'e> {
    /// An argument written in the call.
    Arg(&'e Expr),
    /// The parameter's default value.
    Default(Value),
}
