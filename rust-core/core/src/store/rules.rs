//! User rules: exact numbers, prefixes (`170*`) and wildcards (`0755????????`), to block or allow.
//! Exact and prefix rules are found by indexed queries; wildcards, few by nature, are compiled
//! once into a [`WildcardSet`] kept in memory — no regex, no list load on the hot path.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::classify::RuleEffect;
use crate::decision::Reason;
use crate::error::{Error, Result};
use crate::number::{self, NumberKind};

/// The longest pattern a rule may have.
pub const MAX_PATTERN_LEN: usize = 40;

/// The longest note a rule keeps.
pub const MAX_NOTE_CHARS: usize = 500;

code_enum! {
    /// How a rule's pattern matches.
    pub enum RuleKind {
        /// The whole normalised number.
        Exact = "exact",
        /// Any number starting with the digits before `*`.
        Prefix = "prefix",
        /// `?` is one digit; a trailing `*` is any tail.
        Wildcard = "wildcard",
    }
}

/// A stored rule, as listed and exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// The pattern as stored: a normalised number, `digits*`, or digits with `?` and `*`.
    pub pattern: String,
    /// How it matches.
    pub kind: RuleKind,
    /// Block or allow.
    pub effect: RuleEffect,
    /// The user's note.
    pub note: Option<String>,
    /// When the rule was added, in ms since the epoch.
    pub created_at: i64,
}

/// A pattern parsed and normalised, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The stored form (for prefixes, with the trailing `*`).
    pub text: String,
    /// How it matches.
    pub kind: RuleKind,
}

impl Pattern {
    /// Parses what a user typed: a number in any form, `digits*`, or a wildcard. A pattern with
    /// no digit at all would match every number and needs `force`.
    pub fn parse(input: &str, force: bool) -> Result<Pattern> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(Error::InvalidInput("empty pattern".into()));
        }
        if !trimmed.contains(['*', '?']) {
            let parsed = number::parse(trimmed);
            let n = parsed.number;
            let cut = parsed.notes.contains(&Reason::DiallingSuffixRemoved);
            if matches!(n.kind, NumberKind::Invalid | NumberKind::Hidden)
                && (cut || !is_digits(&n.normalized))
            {
                return Err(Error::InvalidInput(format!(
                    "{trimmed:?} is not a number or pattern (digits, an optional leading +, ? for one digit, * for any tail)"
                )));
            }
            return Ok(Pattern {
                text: n.normalized,
                kind: RuleKind::Exact,
            });
        }
        let mut text = String::new();
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' | '?' => text.push(c),
                '０'..='９' => text.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
                '+' if i == 0 => text.push('+'),
                '*' => text.push('*'),
                ' ' | '-' | '(' | ')' | '.' => {}
                _ => {
                    return Err(Error::InvalidInput(format!(
                        "{trimmed:?}: patterns take digits, an optional leading +, ? for one digit and * for any tail, not {c:?}"
                    )))
                }
            }
        }
        if text.find('*').is_some_and(|at| at != text.len() - 1) {
            return Err(Error::InvalidInput(format!(
                "{trimmed:?}: * may only end a pattern"
            )));
        }
        // Patterns match normalised numbers, so the +86 / 0086 country prefix goes.
        for prefix in ["+86", "0086"] {
            if let Some(rest) = text.strip_prefix(prefix) {
                text = rest.to_owned();
            }
        }
        if !text.bytes().any(|b| b.is_ascii_digit()) && !force {
            return Err(Error::InvalidInput(format!(
                "{trimmed:?} would match every number; add --force if you really mean it"
            )));
        }
        if text.len() > 40 {
            return Err(Error::InvalidInput(format!(
                "{trimmed:?}: patterns are at most 40 characters"
            )));
        }
        let kind = if text.contains('?') {
            RuleKind::Wildcard
        } else {
            RuleKind::Prefix
        };
        Ok(Pattern { text, kind })
    }

    /// The digits a prefix rule is stored under (without its `*`).
    pub fn prefix_digits(&self) -> &str {
        self.text.trim_end_matches('*')
    }
}

fn is_digits(s: &str) -> bool {
    let body = s.strip_prefix('+').unwrap_or(s);
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit())
}

/// Checks a note's length.
pub fn check_note(note: Option<&str>) -> Result<Option<String>> {
    match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if n.chars().count() > MAX_NOTE_CHARS => Err(Error::InvalidInput(format!(
            "notes are at most {MAX_NOTE_CHARS} characters"
        ))),
        other => Ok(other.map(str::to_owned)),
    }
}

/// One compiled wildcard: bytes where `?` is any digit, and whether a tail may follow.
#[derive(Debug, Clone)]
struct Wildcard {
    bytes: Box<[u8]>,
    open_tail: bool,
    effect: RuleEffect,
}

impl Wildcard {
    fn matches(&self, number: &[u8]) -> bool {
        let fixed = self.bytes.len();
        let length_ok = if self.open_tail {
            number.len() >= fixed
        } else {
            number.len() == fixed
        };
        length_ok
            && self.bytes.iter().zip(number).all(|(p, n)| {
                if *p == b'?' {
                    n.is_ascii_digit()
                } else {
                    p == n
                }
            })
    }
}

/// The wildcard rules, compiled once and bucketed by length so a call checks only the patterns
/// that could match it.
#[derive(Debug, Clone, Default)]
pub struct WildcardSet {
    by_length: HashMap<usize, Vec<Wildcard>>,
    open_tail: Vec<Wildcard>,
}

impl WildcardSet {
    /// Compiles `(pattern, effect)` pairs.
    pub fn new(rules: impl IntoIterator<Item = (String, RuleEffect)>) -> Self {
        let mut set = WildcardSet::default();
        for (pattern, effect) in rules {
            let open_tail = pattern.ends_with('*');
            let bytes: Box<[u8]> = pattern.trim_end_matches('*').as_bytes().into();
            let w = Wildcard {
                bytes,
                open_tail,
                effect,
            };
            if open_tail {
                set.open_tail.push(w);
            } else {
                set.by_length.entry(w.bytes.len()).or_default().push(w);
            }
        }
        set
    }

    /// The effect of the wildcards `number` matches; block wins over allow.
    pub fn effect(&self, number: &str) -> Option<RuleEffect> {
        let n = number.as_bytes();
        let fixed = self.by_length.get(&n.len()).into_iter().flatten();
        let mut found = None;
        for w in fixed.chain(&self.open_tail) {
            if w.matches(n) {
                if w.effect == RuleEffect::Block {
                    return Some(RuleEffect::Block);
                }
                found = Some(w.effect);
            }
        }
        found
    }

    /// How many wildcards are compiled.
    pub fn len(&self) -> usize {
        self.open_tail.len() + self.by_length.values().map(Vec::len).sum::<usize>()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_parse_by_shape() {
        let cases = [
            ("+86 138 0013 8000", "13800138000", RuleKind::Exact),
            ("10086", "10086", RuleKind::Exact),
            ("170*", "170*", RuleKind::Prefix),
            ("+86170*", "170*", RuleKind::Prefix),
            ("+44*", "+44*", RuleKind::Prefix),
            ("0755????????", "0755????????", RuleKind::Wildcard),
            ("0755-????-????", "0755????????", RuleKind::Wildcard),
            ("138????8000*", "138????8000*", RuleKind::Wildcard),
        ];
        for (input, text, kind) in cases {
            assert_eq!(
                Pattern::parse(input, false),
                Ok(Pattern {
                    text: text.into(),
                    kind
                }),
                "{input}"
            );
        }
    }

    #[test]
    fn bad_patterns_are_refused() {
        for input in ["", "abc", "13*8", "1;DROP TABLE rules", "*", "???", "+*"] {
            assert!(Pattern::parse(input, false).is_err(), "{input}");
        }
        assert!(Pattern::parse("*", true).is_ok());
    }

    #[test]
    fn wildcards_match_digit_for_digit() {
        let set = WildcardSet::new([
            ("0755????????".to_owned(), RuleEffect::Block),
            ("138????8000*".to_owned(), RuleEffect::Allow),
        ]);
        assert_eq!(set.effect("075512345678"), Some(RuleEffect::Block));
        assert_eq!(set.effect("07551234567"), None);
        assert_eq!(set.effect("13812348000"), Some(RuleEffect::Allow));
        assert_eq!(set.effect("13812349000"), None);
        assert_eq!(set.len(), 2);
    }
}
