use std::cell::{Ref, RefCell};
use std::ops::Deref;

#[derive(Debug)]
pub struct LowercaseText {
    inner: String,
}

impl LowercaseText {
    pub fn new(original_text: &str) -> Self {
        let inner = lowercase(original_text);
        Self { inner }
    }
}

/// copydesk patch: `str::to_lowercase`, faster on text that is not all
/// ASCII: runs of ASCII are copied and lowercased in place, and the Latin-1
/// and basic Cyrillic letters are mapped by arithmetic instead of a table
/// search per char. The mapping is context-free except for capital sigma
/// (final sigma), so text holding one is left to `str::to_lowercase`.
fn lowercase(text: &str) -> String {
    if text.contains('\u{3A3}') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(&rest[..ascii]);
            out[start..].make_ascii_lowercase();
            rest = &rest[ascii..];
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        let code = c as u32;
        let lower = match code {
            0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => code + 0x20,
            0x400..=0x40F => code + 0x50,
            0xDF..=0xFF | 0x430..=0x45F => code,
            _ => {
                out.extend(c.to_lowercase());
                continue;
            }
        };
        out.push(char::from_u32(lower).unwrap_or(c));
    }
    out
}

impl Deref for LowercaseText {
    type Target = str;

    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

#[derive(Debug)]
pub struct Text<'a> {
    original: &'a str,
    lowercase: RefCell<Option<LowercaseText>>,
}

impl<'a> Text<'a> {
    pub fn new(original_text: &'a str) -> Self {
        Self {
            original: original_text,
            lowercase: RefCell::new(None),
        }
    }

    pub fn lowercase(&self) -> Ref<'_, LowercaseText> {
        if self.lowercase.borrow().is_none() {
            let lowercase_text = LowercaseText::new(self.original);
            self.lowercase.replace(Some(lowercase_text));
        }

        let ref_opt_lowercase = self.lowercase.borrow();
        Ref::map(ref_opt_lowercase, |r| r.as_ref().unwrap())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_text() {
        let text = Text::new("Hello THERE");
        assert_eq!(text.lowercase().deref().deref(), "hello there");
    }
}

#[cfg(test)]
mod copydesk_tests {
    // copydesk patch: the fast lowercase is `str::to_lowercase`, on every
    // char in context and on text with a final sigma.
    #[test]
    fn lowercase_equals_std() {
        for code in 0..=0x10FFFFu32 {
            if let Some(c) = char::from_u32(code) {
                let text = format!("aB{c}Cd {c}");
                assert_eq!(super::lowercase(&text), text.to_lowercase(), "{code:x}");
            }
        }
        for text in ["ΟΔΥΣΣΕΥΣ Σ ΣΑ", "", "ÄÖÜ straße", "Привет, МИР Ёж Ђ"]
        {
            assert_eq!(super::lowercase(text), text.to_lowercase());
        }
    }
}
