//! A lesson file as coloured lines for the Studio's editor overlay: the
//! program blocks coloured by their dialect's own lexer (as the playground
//! colours them), fences, front matter and headings marked, prose plain.
//! The overlay must keep exactly the textarea's lines and characters.

use crate::model::code_lines::code_lines;

/// One run of text with its style class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The text, exactly as in the file.
    pub text: String,
    /// The token class, for program lines.
    pub class: Option<&'static str>,
}

/// One line of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// What kind of line it is, as a style class.
    pub kind: &'static str,
    /// Its text in pieces.
    pub pieces: Vec<Piece>,
}

/// What the line scanner is inside.
enum Inside {
    Prose,
    FrontMatter,
    /// A fence; for a `sim` block, its dialect and where its body starts.
    Fence {
        ticks: usize,
        dialect: Option<lang::Dialect>,
        body: usize,
    },
}

/// Splits `text` into coloured lines, one per `\n`-separated line.
pub fn lesson_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut inside = Inside::Prose;
    let mut offset = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let start = offset;
        offset += raw.len() + 1;
        let trimmed = raw.trim_start();
        let plain = |kind| Line {
            kind,
            pieces: vec![Piece {
                text: raw.to_string(),
                class: None,
            }],
        };
        match &inside {
            Inside::Prose if index == 0 && raw.trim_end() == "+++" => {
                inside = Inside::FrontMatter;
                out.push(plain("sl-meta"));
            }
            Inside::FrontMatter => {
                if raw.trim_end() == "+++" {
                    inside = Inside::Prose;
                }
                out.push(plain("sl-meta"));
            }
            Inside::Prose if trimmed.starts_with("```") => {
                let ticks = trimmed.chars().take_while(|&c| c == '`').count();
                let mut words = trimmed[ticks..].split_whitespace();
                let dialect = match (words.next(), words.next()) {
                    (Some("sim"), Some(name)) => lang::Dialect::from_name(name),
                    _ => None,
                };
                inside = Inside::Fence {
                    ticks,
                    dialect,
                    body: offset,
                };
                out.push(plain("sl-fence"));
            }
            Inside::Prose => out.push(plain(if trimmed.starts_with('#') {
                "sl-heading"
            } else {
                "sl-prose"
            })),
            Inside::Fence {
                ticks,
                dialect,
                body,
            } => {
                let closes = trimmed.starts_with(&"`".repeat(*ticks))
                    && trimmed.trim_end().chars().all(|c| c == '`');
                if !closes {
                    // Body lines are filled in when the fence closes.
                    out.push(plain("sl-block"));
                    continue;
                }
                if let Some(dialect) = dialect {
                    let source = &text[*body..start];
                    let first = out.len() - source.matches('\n').count();
                    colour_program(&mut out[first..], *dialect, source);
                }
                inside = Inside::Prose;
                out.push(plain("sl-fence"));
            }
        }
    }
    out
}

/// Replaces the plain body lines of a program block with coloured ones.
fn colour_program(lines: &mut [Line], dialect: lang::Dialect, source: &str) {
    let tokens = lang::highlight(dialect, source);
    for (line, coloured) in lines.iter_mut().zip(code_lines(source, &tokens, &[])) {
        line.kind = "sl-code";
        line.pieces = coloured
            .segments
            .into_iter()
            .map(|s| Piece {
                text: s.text,
                class: s.class,
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::studio::template::TEMPLATE;

    fn joined(lines: &[Line]) -> String {
        lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_overlay_keeps_every_character_of_every_line() {
        for text in [
            TEMPLATE,
            "",
            "```sim python\nx = 1\n",
            "+++\nid = 1\n",
            "a\n\n```\n```\n",
        ] {
            let lines = lesson_lines(text);
            assert_eq!(lines.len(), text.split('\n').count(), "{text:?}");
            assert_eq!(joined(&lines), text);
        }
    }

    #[test]
    fn program_lines_are_coloured_and_prose_is_not() {
        let lines = lesson_lines(TEMPLATE);
        let import = lines
            .iter()
            .find(|l| l.pieces.iter().any(|p| p.text.contains("import")))
            .expect("the template imports threading");
        assert_eq!(import.kind, "sl-code");
        assert!(import.pieces.iter().any(|p| p.class.is_some()));
        assert_eq!(lines[0].kind, "sl-meta");
        assert!(lines.iter().any(|l| l.kind == "sl-heading"));
        // The quiz block's TOML is a block, not program code.
        let quiz = lines
            .iter()
            .find(|l| l.pieces.iter().any(|p| p.text == "[[questions]]"))
            .unwrap();
        assert_eq!(quiz.kind, "sl-block");
    }
}
