//! ` ```sim DIALECT attributes… ` blocks.

use std::ops::Range;

use crate::diagnostic::{Problem, Sink};
use crate::model::{Dialect, Expect, Finding, MailboxBound, OverflowPolicy, Program, ScheduleSpec};
use crate::suggest::{did_you_mean, one_of};

use super::explore::parse_explore;
use super::ids::check_id;
use super::info::Word;
use super::schedule::resolve_schedule;

/// Every attribute a program block accepts.
pub const ATTRIBUTES: [&str; 11] = [
    "id", "title", "seed", "schedule", "network", "expand", "mailbox", "overflow", "expect",
    "entry", "explore",
];

/// Where a fenced block's parts are in the lesson file.
pub(crate) struct FencedBlock {
    /// The words of the info string; the first is the block kind.
    pub words: Vec<Word>,
    /// The info string.
    pub info_span: Range<usize>,
    /// The text between the fences.
    pub content: String,
    /// Byte offset of `content` in the file.
    pub content_start: usize,
    /// 1-based line of `content` in the file.
    pub content_line: usize,
    /// How many columns the opening fence is indented by.
    pub indent: usize,
    /// The whole block.
    pub span: Range<usize>,
}

/// Builds a program from a ` ```sim ` block, reporting every problem with its attributes.
pub(crate) fn parse_program(sink: &mut Sink<'_>, block: FencedBlock) -> Option<Program> {
    let mut words = block.words.into_iter().peekable();
    let sim = words.next()?;
    // `sim id=racy` forgot the dialect: keep `id=racy` as an attribute rather than eat it.
    let dialect_word = words.next_if(|w| w.value.is_none());
    let dialect = match dialect_word {
        Some(word) => match dialect_named(&word.key) {
            Some(dialect) => Some(dialect),
            None => {
                sink.push(unknown_dialect(&word.key, word.key_span));
                None
            }
        },
        None => {
            let span = words.peek().map_or(sim.key_span.clone(), Word::span);
            sink.push(
                Problem::error(
                    "missing-dialect",
                    span,
                    "a `sim` block must name its dialect first",
                )
                .expected("` ```sim python `, ` ```sim erlang ` or ` ```sim go `, then attributes")
                .hint("put the dialect right after `sim`, before `id=`"),
            );
            None
        }
    };

    let mut attributes = Attributes::default();
    let mut seen: Vec<(String, Range<usize>)> = Vec::new();
    for word in words {
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == word.key) {
            sink.push(
                Problem::error(
                    "duplicate-attribute",
                    word.span(),
                    format!("`{}` is given twice", word.key),
                )
                .expected("each attribute at most once")
                .related(first.clone(), "first given here"),
            );
            continue;
        }
        seen.push((word.key.clone(), word.key_span.clone()));
        attributes.read(sink, word);
    }

    let (id, id_span) = match attributes.id {
        Some((id, span)) => {
            let valid = check_id(sink, &id, span.clone(), "program id");
            (valid.then_some(id), span)
        }
        None => {
            sink.push(
                Problem::error(
                    "missing-id",
                    block.info_span.clone(),
                    "this program has no `id`",
                )
                .expected("`id=NAME` in the fence line, such as ` ```sim python id=racy `")
                .hint("compare blocks and questions refer to programs by id"),
            );
            (None, block.info_span.clone())
        }
    };
    let schedule = resolve_schedule(sink, attributes.seed, attributes.schedule)?;
    let mailbox = match (attributes.mailbox, attributes.overflow) {
        (Some(capacity), policy) => Some(MailboxBound {
            capacity,
            when_full: policy.map(|(p, _)| p).unwrap_or_default(),
        }),
        (None, Some((_, span))) => {
            sink.push(
                Problem::error(
                    "overflow-without-mailbox",
                    span,
                    "`overflow` needs a bounded mailbox",
                )
                .expected("`mailbox=N` beside `overflow=block` or `overflow=drop`"),
            );
            None
        }
        (None, None) => None,
    };
    Some(Program {
        id: id?,
        id_span,
        title: attributes.title,
        dialect: dialect?,
        source: block.content,
        schedule: schedule.unwrap_or(ScheduleSpec::RoundRobin),
        network: attributes.network,
        expand: attributes.expand,
        mailbox,
        expect: Expect {
            explore: attributes.explore,
            ..attributes.expect
        },
        entry: attributes.entry,
        source_line: block.content_line,
        source_offset: block.content_start,
        source_indent: block.indent,
        span: block.span,
        info_span: block.info_span,
    })
}

/// The dialect spelt `name` in a fence.
fn dialect_named(name: &str) -> Option<Dialect> {
    Dialect::ALL
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, d)| *d)
}

fn unknown_dialect(name: &str, span: Range<usize>) -> Problem {
    let names: Vec<&str> = Dialect::ALL.iter().map(|(n, _)| *n).collect();
    let hint = match name {
        "py" | "python3" => Some("write `python`".to_string()),
        "erl" | "elixir" => Some("write `erlang`".to_string()),
        "golang" => Some("write `go`".to_string()),
        _ => did_you_mean(name, names.iter().copied()),
    };
    Problem::error("unknown-dialect", span, format!("unknown dialect `{name}`"))
        .expected(format!("one of {}", one_of(&names)))
        .maybe_hint(hint)
}

/// The attributes read so far.
#[derive(Default)]
struct Attributes {
    id: Option<(String, Range<usize>)>,
    title: Option<String>,
    seed: Option<(u64, Range<usize>)>,
    schedule: Option<(String, Range<usize>)>,
    network: bool,
    expand: bool,
    mailbox: Option<u32>,
    overflow: Option<(OverflowPolicy, Range<usize>)>,
    expect: Expect,
    entry: Option<String>,
    explore: Vec<crate::model::ExploreExpectation>,
}

impl Attributes {
    fn read(&mut self, sink: &mut Sink<'_>, word: Word) {
        let key = word.key.as_str();
        match key {
            "network" => self.network = flag(sink, &word).unwrap_or(false),
            "expand" => self.expand = flag(sink, &word).unwrap_or(false),
            _ if !ATTRIBUTES.contains(&key) => {
                let hint = match key {
                    "name" | "label" => {
                        Some("did you mean `id` (or `title` for a caption)?".to_string())
                    }
                    _ => did_you_mean(key, ATTRIBUTES.iter().copied()),
                };
                sink.push(
                    Problem::error(
                        "unknown-attribute",
                        word.span(),
                        format!("unknown attribute `{key}` on a program"),
                    )
                    .expected(format!("one of {}", one_of(&ATTRIBUTES)))
                    .maybe_hint(hint),
                );
            }
            _ => {
                let Some((value, span)) = word.value.clone() else {
                    sink.push(
                        Problem::error(
                            "missing-value",
                            word.key_span.clone(),
                            format!("`{key}` needs a value"),
                        )
                        .expected(format!("`{key}=…` with no spaces around `=`")),
                    );
                    return;
                };
                self.read_valued(sink, key, value, span);
            }
        }
    }

    fn read_valued(&mut self, sink: &mut Sink<'_>, key: &str, value: String, span: Range<usize>) {
        match key {
            "id" => self.id = Some((value, span)),
            "title" => self.title = Some(value),
            "seed" => match value.parse::<u64>() {
                Ok(seed) => self.seed = Some((seed, span)),
                Err(_) => sink.push(
                    Problem::error(
                        "bad-number",
                        span,
                        format!("`seed={value}` is not a whole number"),
                    )
                    .expected("a seed from 0 to 18446744073709551615, such as `seed=7`"),
                ),
            },
            "schedule" => self.schedule = Some((value, span)),
            "entry" => self.entry = Some(value),
            "mailbox" => match value.parse::<u32>() {
                Ok(capacity) if (1..=1_000).contains(&capacity) => self.mailbox = Some(capacity),
                _ => sink.push(
                    Problem::error(
                        "bad-number",
                        span,
                        format!("`mailbox={value}` is not a mailbox size"),
                    )
                    .expected("how many messages a mailbox holds, from 1 to 1000"),
                ),
            },
            "overflow" => match value.as_str() {
                "block" => self.overflow = Some((OverflowPolicy::Block, span)),
                "drop" => self.overflow = Some((OverflowPolicy::Drop, span)),
                _ => sink.push(
                    Problem::error(
                        "bad-value",
                        span,
                        format!("unknown overflow policy `{value}`"),
                    )
                    .expected("`block` (the sender waits) or `drop` (the message is lost)")
                    .maybe_hint(did_you_mean(&value, ["block", "drop"])),
                ),
            },
            "expect" => self.expect = parse_expect(sink, &value, span),
            "explore" => self.explore = parse_explore(sink, &value, span),
            _ => {}
        }
    }
}

/// A boolean attribute: bare means true, or `=true` / `=false`.
fn flag(sink: &mut Sink<'_>, word: &Word) -> Option<bool> {
    match &word.value {
        None => Some(true),
        Some((v, _)) if v == "true" => Some(true),
        Some((v, _)) if v == "false" => Some(false),
        Some((v, span)) => {
            sink.push(
                Problem::error(
                    "bad-value",
                    span.clone(),
                    format!("`{}={v}` is not true or false", word.key),
                )
                .expected(format!("`{0}` alone, `{0}=true` or `{0}=false`", word.key)),
            );
            None
        }
    }
}

/// `expect=race,lost-update`: the detector findings the run must show, or `ok` for none.
fn parse_expect(sink: &mut Sink<'_>, value: &str, span: Range<usize>) -> Expect {
    let mut findings = Vec::new();
    let names: Vec<&str> = Finding::ALL.iter().map(|(n, _)| *n).collect();
    for part in value.split(',').map(str::trim) {
        if part == "ok" && value.trim() == "ok" {
            continue;
        }
        match Finding::ALL.iter().find(|(n, _)| *n == part) {
            Some((_, finding)) => findings.push(*finding),
            None => {
                let mut expected = names.clone();
                expected.push("ok");
                sink.push(
                    Problem::error(
                        "bad-value",
                        span.clone(),
                        format!("unknown expectation `{part}` in `expect`"),
                    )
                    .expected(format!(
                        "`ok`, or a comma-separated list of {}",
                        one_of(&names)
                    ))
                    .maybe_hint(did_you_mean(part, expected)),
                );
            }
        }
    }
    findings.sort_unstable();
    findings.dedup();
    Expect {
        findings,
        span: Some(span),
        explore: Vec::new(),
    }
}
