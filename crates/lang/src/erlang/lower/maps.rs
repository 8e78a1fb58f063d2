//! Maps are values: `#{K => V}` builds one from its pairs, an update goes through the
//! library's `maps` functions (so `:=` on a missing key is the real `{badkey, K}` error), and
//! a pattern `#{K := P}` matches a map holding each literal key.

use super::*;
use crate::erlang::ast::MapEntry;

impl FnLower<'_> {
    /// `#{…}` or `Base#{…}` as a value.
    pub(super) fn map_value(
        &mut self,
        e: &Expr,
        base: Option<&Expr>,
        entries: &[MapEntry],
    ) -> Res<IrExpr> {
        let Some(base) = base else {
            let mut pairs = Vec::new();
            for entry in entries {
                if entry.exact {
                    return Err(Diagnostic::new(
                        entry.key.span,
                        "`:=` changes a key a map already has, and a new map has none",
                        "write `#{key => Value}` to build a map",
                    ));
                }
                let k = self.expr(&entry.key)?;
                let v = self.expr(&entry.value)?;
                pairs.push(IrExpr::Tuple(vec![k, v]));
            }
            return Ok(IrExpr::Call(
                Builtin::MapFromList,
                vec![IrExpr::List(pairs)],
            ));
        };
        let mut acc = self.expr(base)?;
        for entry in entries {
            let k = self.expr(&entry.key)?;
            let v = self.expr(&entry.value)?;
            let helper = if entry.exact {
                "$maps_update"
            } else {
                "$maps_put"
            };
            acc = self.library_call(helper, vec![k, v, acc], e.span)?;
        }
        Ok(acc)
    }

    /// `#{K := P, …}` as a pattern: literal keys, each value matched by its pattern.
    pub(super) fn map_pattern(
        &mut self,
        entries: &[MapEntry],
        fresh: &mut Vec<String>,
    ) -> Res<Pattern> {
        let mut out = Vec::new();
        for entry in entries {
            if !entry.exact {
                return Err(Diagnostic::new(
                    entry.key.span,
                    "a map pattern names its keys with `:=`",
                    "write `#{key := Value} = Map`",
                ));
            }
            let Some(key) = literal(&entry.key) else {
                return Err(Diagnostic::new(
                    entry.key.span,
                    "a key in a map pattern must be written out (an atom, number or string)",
                    "match on a literal key, like `#{count := N}`",
                ));
            };
            out.push((key, self.pattern(&entry.value, fresh)?));
        }
        Ok(Pattern::Map(out))
    }
}
