//! The playground's starting programs, one per dialect, and how a compile
//! result becomes something to show.

use std::sync::Arc;

use lang::Dialect;

use crate::components::panel::PanelProgram;

/// A short program to start from in each dialect: the shared counter, written
/// the way that dialect would.
pub fn starter(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Python => {
            "import threading\n\ncount = 0\n\ndef bump():\n    global count\n    for _ in range(2):\n        count += 1\n\nt1 = threading.Thread(target=bump)\nt2 = threading.Thread(target=bump)\nt1.start()\nt2.start()\nt1.join()\nt2.join()\nprint(\"count:\", count)\n"
        }
        Dialect::Erlang => {
            "tally(N) ->\n    receive\n        bump -> tally(N + 1);\n        {total, Asker} -> Asker ! {total, N}, tally(N)\n    end.\n\nmain() ->\n    Tally = spawn(fun() -> tally(0) end),\n    Tally ! bump,\n    Tally ! bump,\n    Tally ! {total, self()},\n    receive\n        {total, N} -> io:format(\"total: ~p~n\", [N])\n    end.\n"
        }
        Dialect::Go => {
            "package main\n\nimport \"fmt\"\n\nfunc tally(bumps chan int, done chan int) {\n\tn := 0\n\tfor b := range bumps {\n\t\tn += b\n\t}\n\tdone <- n\n}\n\nfunc main() {\n\tbumps := make(chan int)\n\tdone := make(chan int)\n\tgo tally(bumps, done)\n\tbumps <- 1\n\tbumps <- 1\n\tclose(bumps)\n\tfmt.Println(\"total:\", <-done)\n}\n"
        }
    }
}

/// A compile error placed in the source, for inline display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Byte range in the source.
    pub span: (u32, u32),
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// What went wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// Compiles the playground's source into a panel program, or the errors placed
/// at their `line:col`.
pub fn compile(
    dialect: Dialect,
    source: &str,
    run: u32,
    network: bool,
) -> Result<PanelProgram, Vec<Placed>> {
    match lang::compile(dialect, source) {
        Ok(program) => Ok(PanelProgram {
            id: format!("playground-{run}"),
            title: "Your program".to_string(),
            dialect,
            source: source.to_string(),
            program: Arc::new(program),
            options: sim::Options {
                network,
                ..sim::Options::default()
            },
        }),
        Err(errors) => Err(errors
            .iter()
            .map(|e| Placed {
                span: (e.span.start, e.span.end.max(e.span.start + 1)),
                line: e.span.line.max(1),
                col: e.span.col.max(1),
                message: e.message.clone(),
                hint: e.hint.clone(),
            })
            .collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_and_erlang_starters_compile() {
        for d in [Dialect::Python, Dialect::Erlang] {
            assert!(
                compile(d, starter(d), 0, false).is_ok(),
                "the {d} starter compiles"
            );
        }
    }

    #[test]
    fn an_error_is_placed_at_its_line_and_column() {
        let errors = compile(
            Dialect::Python,
            "count = 0\nasync def f():\n    pass\n",
            0,
            false,
        )
        .err()
        .expect("async is not part of the dialect");
        assert_eq!((errors[0].line, errors[0].col), (2, 1));
        assert!(!errors[0].hint.is_empty(), "every error has a hint");
    }
}
