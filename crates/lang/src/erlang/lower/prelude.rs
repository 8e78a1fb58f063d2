//! The library functions of `prelude.erl`, lowered along with a program that calls one.
//!
//! They are ordinary functions of the program (so a student can step into `lists:map`),
//! added only when the program uses them, so programs that do not keep their IR.

use super::*;
use crate::source::LineIndex;

/// The library's source.
const SOURCE: &str = include_str!("prelude.erl");

/// The library's module name: calls `lists:f(…)` go to its functions.
pub(super) const MODULE: &str = "lists";

/// Built-ins called without a module that the library defines.
pub(super) const BUILT_IN: &[(&str, usize)] = &[("tuple_to_list", 1)];

/// The library once a program has asked for it: its functions and their ids.
pub(super) struct Prelude {
    module: Module,
    funcs: HashMap<(String, usize), FuncId>,
}

impl Ctx {
    /// The id of library function `name/arity`, adding the library to the program on first
    /// use. `$`-named helpers are found only when `internal` is set.
    pub(super) fn library(&mut self, name: &str, arity: usize, internal: bool) -> Option<FuncId> {
        if name.starts_with('$') && !internal {
            return None;
        }
        if self.prelude.is_none() {
            let lines = LineIndex::new(SOURCE);
            let module = crate::erlang::parser::parse(SOURCE, &lines).ok()?;
            let mut funcs = HashMap::new();
            for f in &module.functions {
                funcs.insert((f.name.clone(), f.arity), FuncId(self.out.len() as u32));
                self.out.push(ir::Function::default());
            }
            self.prelude = Some(Prelude { module, funcs });
        }
        self.prelude
            .as_ref()
            .and_then(|p| p.funcs.get(&(name.to_string(), arity)).copied())
    }

    /// Arities of the library function `name`, for error hints.
    pub(super) fn library_arities(&mut self, name: &str) -> Vec<usize> {
        self.library("", 0, false);
        let mut a: Vec<usize> = self
            .prelude
            .as_ref()
            .map(|p| {
                p.funcs
                    .keys()
                    .filter(|(n, _)| n == name)
                    .map(|(_, a)| *a)
                    .collect()
            })
            .unwrap_or_default();
        a.sort_unstable();
        a
    }
}

/// Lowers the library's functions into their slots, if the program uses the library. Its
/// functions see each other, not the program's.
pub(super) fn lower_library(ctx: &mut Ctx) -> Result<(), Diagnostic> {
    let Some(prelude) = ctx.prelude.take() else {
        return Ok(());
    };
    let own_funcs = std::mem::replace(&mut ctx.funcs, prelude.funcs.clone());
    let own_module = ctx.module.replace(MODULE.to_string());
    let mut result = Ok(());
    for f in &prelude.module.functions {
        let Some(id) = prelude.funcs.get(&(f.name.clone(), f.arity)).copied() else {
            continue;
        };
        match lower_named(ctx, f, id) {
            Ok(mut func) => {
                func.name = format!("{MODULE}:{}", f.name);
                if let Some(slot) = ctx.out.get_mut(id.index()) {
                    *slot = func;
                }
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    ctx.funcs = own_funcs;
    ctx.module = own_module;
    ctx.prelude = Some(prelude);
    result
}
