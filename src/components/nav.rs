//! The primary navigation between the five areas of the app.

use leptos::prelude::*;
use leptos_router::components::A;

/// One entry of the primary navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NavItem {
    /// The route the entry leads to.
    pub href: &'static str,
    /// The visible label.
    pub label: &'static str,
}

/// The navigation entries, in the order a student meets them.
pub const NAV_ITEMS: [NavItem; 5] = [
    NavItem {
        href: "/",
        label: "Lessons",
    },
    NavItem {
        href: "/compare",
        label: "Compare",
    },
    NavItem {
        href: "/playground",
        label: "Playground",
    },
    NavItem {
        href: "/quiz",
        label: "Quiz",
    },
    NavItem {
        href: "/studio",
        label: "Studio",
    },
];

/// The nav bar. The router marks the current entry with `aria-current="page"`,
/// which the style sheet uses, so the highlight and the screen reader agree.
#[component]
pub fn Nav() -> impl IntoView {
    view! {
        <nav class="nav" aria-label="Main">
            <ul>
                {NAV_ITEMS
                    .iter()
                    .map(|item| {
                        view! {
                            <li>
                                <A href=crate::app::link(item.href) exact=true>
                                    {item.label}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
