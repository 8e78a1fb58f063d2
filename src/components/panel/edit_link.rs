//! "Edit in playground": a lesson program opens as a copy in the playground,
//! carried there by a program link (see `model::program_link`).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::program_link::{ProgramLink, LINK_KEY};

/// Provided by the playground so its own panel does not offer to open itself.
#[derive(Clone, Copy)]
pub struct InPlayground;

/// The playground address holding a copy of this program, or `None` when the
/// program is too big for a link.
pub fn playground_href(dialect: lang::Dialect, network: bool, source: &str) -> Option<String> {
    let link = ProgramLink {
        dialect,
        network,
        source: source.to_string(),
        entry: String::new(),
    };
    link.encode()
        .ok()
        .map(|value| crate::app::link(&format!("/playground?{LINK_KEY}={value}")))
}

/// The link, unless the panel is already in the playground or the program is too big.
#[component]
pub fn EditInPlayground(
    dialect: lang::Dialect,
    network: bool,
    source: String,
    title: String,
) -> impl IntoView {
    let here = use_context::<InPlayground>().is_some();
    let href = (!here)
        .then(|| playground_href(dialect, network, &source))
        .flatten();
    href.map(|href| {
        view! {
            <A href=href attr:class="edit-in-playground"
                attr:title=format!("Open a copy of “{title}” in the playground, to change and run")>
                "Edit in playground"
            </A>
        }
    })
}
