//! Which link and image addresses a lesson may use. Lessons come from people, so the
//! Markdown renderer asks here before it writes an `href` or a `src`; the page's
//! Content-Security-Policy is a second wall, not the only one.
//!
//! The address is read the way a browser's URL parser reads it (leading and trailing
//! spaces and control characters dropped, tabs and line breaks removed anywhere, the
//! scheme compared without case), so `JaVaScRiPt:`, ` javascript:` and `java<TAB>script:`
//! all count as `javascript:`. Character references such as `&#106;` are already
//! decoded by the Markdown parser before the address reaches this module.

/// Schemes a link may point to. Anything else with a scheme is refused.
const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Media types an inline `data:` image may have: raster formats only, since an SVG
/// document can carry script.
const DATA_IMAGE_TYPES: [&str; 4] = ["image/png", "image/gif", "image/jpeg", "image/webp"];

/// True when a link to `url` is safe to write as an `href`: a relative address
/// (including `#anchor` and `//host/...`), or an `http:`, `https:` or `mailto:` one.
pub fn is_safe_link(url: &str) -> bool {
    let Some(url) = normalise(url) else {
        return false;
    };
    match scheme(&url) {
        None => true,
        Some(scheme) => LINK_SCHEMES.contains(&scheme.as_str()),
    }
}

/// True when an image at `url` is safe to write as a `src`: a path on the lesson's own
/// site, or a `data:` URL of a raster type. Images from other hosts are refused too:
/// the page's policy would block them anyway, and a remote image would tell its host
/// who reads the lesson.
pub fn is_safe_image(url: &str) -> bool {
    let Some(url) = normalise(url) else {
        return false;
    };
    match scheme(&url) {
        // `//host/x` and `\\host\x` name another host without a scheme.
        None => !(url.starts_with("//") || url.starts_with("\\\\") || url.starts_with("/\\")),
        Some(scheme) if scheme == "data" => {
            let rest = &url["data:".len()..];
            let media = rest.split([',', ';']).next().unwrap_or("");
            DATA_IMAGE_TYPES.contains(&media.trim().to_ascii_lowercase().as_str())
        }
        Some(_) => false,
    }
}

/// The address as a browser's URL parser sees it, or `None` when control characters
/// remain inside it (no honest lesson needs them, and refusing is the safe side).
fn normalise(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    (!cleaned.chars().any(|c| c.is_control())).then_some(cleaned)
}

/// The scheme in lower case, if the address has one: an ASCII letter, then letters,
/// digits, `+`, `-` or `.`, up to the first `:`.
fn scheme(url: &str) -> Option<String> {
    let end = url.find(':')?;
    let candidate = &url[..end];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| candidate.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each address below is written by hand; whether it is safe follows from the WHATWG
    // URL parsing rules (what a browser would run), not from this module.

    #[test]
    fn ordinary_links_are_kept() {
        for url in [
            "https://go.dev/ref/spec",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG",
            "mailto:teacher@example.org",
            "/lessons/actors",
            "../actors",
            "actors#mailbox",
            "#top",
            "?q=1",
            "//example.org/x",
            "",
        ] {
            assert!(is_safe_link(url), "{url:?} should be kept");
        }
    }

    #[test]
    fn script_schemes_are_refused_however_they_are_spelt() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav\r\nascript:alert(1)",
            "javascript\t:alert(1)",
            "javascript:alert(1)\u{0}",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/png;base64,iVBORw0KGgo=",
            "file:///etc/passwd",
            "blob:https://example.org/1",
            "x-custom+scheme.1:whatever",
        ] {
            assert!(!is_safe_link(url), "{url:?} should be refused");
        }
    }

    #[test]
    fn addresses_that_only_look_like_a_scheme_are_relative() {
        // A browser reads these as paths on the same site: `%` and a leading digit or a
        // non-ASCII letter cannot be part of a scheme.
        for url in [
            "java%73cript:alert(1)",
            "1javascript:x",
            "ｊavascript:x",
            "a b:c",
        ] {
            assert!(is_safe_link(url), "{url:?} is a relative path");
        }
    }

    #[test]
    fn images_come_from_the_site_or_are_raster_data() {
        for url in [
            "diagram.png",
            "/img/ring.webp",
            "data:image/png;base64,iVBORw0KGgo=",
            "DATA:IMAGE/GIF;base64,R0lGOD",
            "data:image/jpeg,xyz",
            " data:image/webp;base64,UklGR",
        ] {
            assert!(is_safe_image(url), "{url:?} should be kept");
        }
        for url in [
            "javascript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:text/html,<script>alert(1)</script>",
            "data:,plain",
            "https://tracker.example/pixel.png",
            "http://tracker.example/pixel.png",
            "//tracker.example/pixel.png",
            "\\\\tracker.example\\pixel.png",
            "/\\tracker.example/pixel.png",
            "vbscript:x",
            "da\tta:text/html,x",
        ] {
            assert!(!is_safe_image(url), "{url:?} should be refused");
        }
    }
}
