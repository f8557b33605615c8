//! A check of `www/style.css`'s nesting before it ships. Merges that append to the same file can
//! drop a closing brace; the browser then reads every later rule as nested in the open one (CSS
//! nesting), so whole workspaces lose their styles without any error.

use anyhow::{bail, Result};
use std::path::Path;

/// Fails with the line of the first rule that starts inside another, or of an unbalanced brace.
pub fn check(path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path)?;
    if let Err(problem) = nesting(&text) {
        bail!(
            "{}: {problem}; close the rule above it (the file nests rules only inside @media)",
            path.display()
        );
    }
    Ok(())
}

/// The stylesheet's rules are flat, or one level deep inside an at-rule (`@media`, `@supports`).
/// A selector at the start of a line is a new top-level rule, so it must not be inside a rule.
fn nesting(text: &str) -> Result<(), String> {
    let mut depth = 0usize;
    let mut in_at_rule = false;
    let mut in_comment = false;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let starts_rule = !in_comment && line.starts_with(|c: char| !c.is_whitespace() && c != '}');
        if starts_rule && depth > 0 && !(in_at_rule && depth == 1) {
            return Err(format!("line {number}: `{line}` starts inside the rule opened before it"));
        }
        if depth == 0 && line.starts_with('@') {
            in_at_rule = true;
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (in_comment, c) {
                (true, '*') if chars.peek() == Some(&'/') => {
                    chars.next();
                    in_comment = false;
                }
                (false, '/') if chars.peek() == Some(&'*') => {
                    chars.next();
                    in_comment = true;
                }
                (false, '{') => depth += 1,
                (false, '}') => {
                    depth = depth.checked_sub(1).ok_or(format!("line {number}: a `}}` closes nothing"))?;
                }
                _ => {}
            }
        }
        if depth == 0 {
            in_at_rule = false;
        }
    }
    match depth {
        0 => Ok(()),
        open => Err(format!("{open} rule(s) not closed at the end of the file")),
    }
}

#[cfg(test)]
mod tests {
    use super::nesting;

    #[test]
    fn flat_rules_and_media_queries_pass() {
        let css =
            "/* a { */\n.a {\n  color: red;\n}\n\n@media (max-width: 40rem) {\n  .a { color: blue; }\n}\n";
        assert_eq!(nesting(css), Ok(()));
    }

    #[test]
    fn a_dropped_brace_names_the_next_rule() {
        let css = ".ok {\n  color: red;\n\n/* Callback */\n.screen {\n}\n";
        let problem = nesting(css).unwrap_err();
        assert!(problem.starts_with("line 4:"), "{problem}");
    }

    #[test]
    fn an_unclosed_rule_at_the_end_is_reported() {
        assert!(nesting(".a {\n  color: red;\n").unwrap_err().contains("not closed"));
        assert!(nesting("}\n").unwrap_err().contains("closes nothing"));
    }

    #[test]
    fn the_shipped_stylesheet_is_flat() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../www/style.css");
        assert_eq!(nesting(&std::fs::read_to_string(path).unwrap()), Ok(()));
    }
}
