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
    /// The error is in the entry expression, not in the source.
    pub in_entry: bool,
}

/// Everything the playground runs a program from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The dialect the source is written in.
    pub dialect: Dialect,
    /// The program text.
    pub source: String,
    /// The shell expression that starts an Erlang module, as typed; blank for the module's
    /// own start (`main()`, or `start()` when it exports `start/0`).
    pub entry: String,
    /// Network mode.
    pub network: bool,
}

impl Input {
    /// Whether the entry field applies: an Erlang source that is a module. A plain script
    /// starts itself, and the other dialects have no shell.
    pub fn takes_entry(&self) -> bool {
        self.dialect == Dialect::Erlang && is_module(&self.source)
    }

    /// The entry to compile with: the typed one, when the field applies and is not blank.
    pub fn entry(&self) -> Option<&str> {
        let entry = self.entry.trim();
        (self.takes_entry() && !entry.is_empty()).then_some(entry)
    }
}

/// Whether an Erlang source declares a module (a line starting with `-module(`).
pub fn is_module(source: &str) -> bool {
    source
        .lines()
        .any(|line| line.trim_start().starts_with("-module("))
}

/// Compiles the playground's input into a panel program, as `switchboard run --entry`
/// would, or the errors placed at their `line:col`.
pub fn compile(input: &Input, run: u32) -> Result<PanelProgram, Vec<Placed>> {
    let entry = input.entry();
    match lang::compile_with_entry(input.dialect, &input.source, entry) {
        Ok(program) => Ok(PanelProgram {
            id: format!("playground-{run}"),
            title: "Your program".to_string(),
            dialect: input.dialect,
            source: input.source.clone(),
            program: Arc::new(program),
            options: sim::Options {
                network: input.network,
                ..sim::Options::default()
            },
        }),
        Err(errors) => Err(errors
            .iter()
            .map(|e| {
                // The dialect reads the entry as if it followed the source.
                let in_entry = entry.is_some() && e.span.start as usize >= input.source.len();
                Placed {
                    span: (e.span.start, e.span.end.max(e.span.start + 1)),
                    line: e.span.line.max(1),
                    col: e.span.col.max(1),
                    message: e.message.clone(),
                    hint: e.hint.clone(),
                    in_entry,
                }
            })
            .collect()),
    }
}

/// The errors to show under the entry field, as "col N: message (hint)".
pub fn entry_errors(errors: &[Placed]) -> Vec<String> {
    errors
        .iter()
        .filter(|e| e.in_entry)
        .map(|e| {
            let message = e
                .message
                .strip_prefix("in the entry: ")
                .unwrap_or(&e.message);
            if e.hint.is_empty() {
                format!("column {}: {message}", e.col)
            } else {
                format!("column {}: {message}. Hint: {}", e.col, e.hint)
            }
        })
        .collect()
}

/// The errors that belong in the editor, at their place in the source.
pub fn source_errors(errors: &[Placed]) -> Vec<Placed> {
    errors.iter().filter(|e| !e.in_entry).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(dialect: Dialect, source: &str, entry: &str) -> Input {
        Input {
            dialect,
            source: source.to_string(),
            entry: entry.to_string(),
            network: false,
        }
    }

    /// A module without `main/0` or `start/0`: it only runs from an entry.
    const PINGER: &str =
        "-module(pinger).\n-export([go/1]).\n\ngo(N) ->\n    io:format(\"go ~p~n\", [N]).\n";

    fn output(program: &PanelProgram) -> String {
        let mut world = sim::World::new(program.program.as_ref().clone(), program.options.clone())
            .expect("a valid program");
        sim::run(&mut world, &mut sim::schedule::Random::new(1), 10_000);
        world.output_text()
    }

    #[test]
    fn python_and_erlang_starters_compile() {
        for d in [Dialect::Python, Dialect::Erlang] {
            assert!(
                compile(&input(d, starter(d), ""), 0).is_ok(),
                "the {d} starter compiles"
            );
        }
    }

    #[test]
    fn an_error_is_placed_at_its_line_and_column() {
        let errors = compile(
            &input(Dialect::Python, "count = 0\nasync def f():\n    pass\n", ""),
            0,
        )
        .err()
        .expect("async is not part of the dialect");
        assert_eq!((errors[0].line, errors[0].col), (2, 1));
        assert!(!errors[0].hint.is_empty(), "every error has a hint");
        assert!(!errors[0].in_entry);
    }

    #[test]
    fn only_an_erlang_module_takes_an_entry() {
        assert!(input(Dialect::Erlang, PINGER, "").takes_entry());
        assert!(!input(Dialect::Erlang, starter(Dialect::Erlang), "").takes_entry());
        assert!(!input(Dialect::Python, "-module(x).\n", "").takes_entry());
        // A script ignores whatever is left in the field.
        assert_eq!(
            input(Dialect::Erlang, starter(Dialect::Erlang), "x()").entry(),
            None
        );
    }

    #[test]
    fn a_module_starts_from_its_entry_as_the_command_line_does() {
        // erl -noshell -eval 'pinger:go(3), pinger:go(4), timer:sleep(300), halt().'
        // prints "go 3" and "go 4", one per line.
        let program = compile(
            &input(Dialect::Erlang, PINGER, " pinger:go(3), pinger:go(4) "),
            0,
        )
        .expect("compiles with its entry");
        assert_eq!(output(&program), "go 3\ngo 4\n");
    }

    #[test]
    fn a_module_without_an_entry_says_it_has_none() {
        let Err(errors) = compile(&input(Dialect::Erlang, PINGER, "  "), 0) else {
            panic!("a module with neither main/0 nor start/0 needs an entry");
        };
        assert!(errors[0].message.contains("no entry point"), "{errors:?}");
    }

    #[test]
    fn an_entry_error_goes_under_the_entry_field() {
        let Err(errors) = compile(&input(Dialect::Erlang, PINGER, "pinger:go("), 0) else {
            panic!("the entry is cut short");
        };
        assert!(source_errors(&errors).is_empty(), "{errors:?}");
        let shown = entry_errors(&errors);
        assert_eq!(shown.len(), 1, "{errors:?}");
        assert!(shown[0].starts_with("column 11: "), "{shown:?}");
    }
}
