//! Small text helpers the stages share on their hot paths.

/// Appends the lowercase of `word` to `out`, exactly as
/// [`str::to_lowercase`] would produce it (final sigma included), without a
/// String of its own for the common ASCII word.
pub(crate) fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// [`char::is_alphabetic`], answered without Unicode tables for the scripts
/// news pages are mostly written in (ASCII, Latin-1 and Latin Extended-A/B,
/// Cyrillic): the std tables cost ~100 instructions a non-ASCII char.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    match u32::from(c) {
        0x41..=0x5a | 0x61..=0x7a => true,
        0..=0x7f => false,
        0xc0..=0x24f => c != '\u{d7}' && c != '\u{f7}',
        0x400..=0x481 | 0x48a..=0x52f => true,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], with the shortcuts of [`is_alpha`].
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    match u32::from(c) {
        0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a => true,
        0..=0x7f => false,
        0xc0..=0x24f => c != '\u{d7}' && c != '\u{f7}',
        0x400..=0x481 | 0x48a..=0x52f => true,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_classes_agree_with_the_standard_library_on_every_char() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn lowercases_like_the_standard_library() {
        for word in ["Harbour", "ÉTÉ", "ΟΔΟΣ", "Straße", "İstanbul", "", "x2Y"] {
            let mut out = String::from("> ");
            push_lowercase(&mut out, word);
            assert_eq!(out, format!("> {}", word.to_lowercase()), "{word}");
        }
    }
}
