//! A small tokenizer for date and dateline grammars: words, numbers and
//! single punctuation marks with their byte spans and the spacing between
//! them. Linear in the input; never allocates per character.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (apostrophes and hyphens between letters included);
    /// each CJK ideograph is a word of its own.
    Word,
    /// A run of digits: ASCII, or Arabic-Indic of either form.
    Num,
    /// One other visible character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// What the token is.
    pub(crate) kind: Kind,
    /// First byte.
    pub(crate) start: usize,
    /// One past the last byte.
    pub(crate) end: usize,
    /// Whether whitespace separates it from the previous token.
    pub(crate) space_before: bool,
    /// Whether a line break separates it from the previous token.
    pub(crate) newline_before: bool,
}

impl Token {
    /// The token's text.
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Whether `c` is written without spaces between words (Han, kana).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2fa1f)
}

/// An ASCII digit, or an Arabic-Indic or Eastern Arabic-Indic one ("١٧
/// أكتوبر ٢٠١٩", "۱۷").
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || digit_value(c).is_some()
}

/// The value of an Arabic-Indic or Eastern Arabic-Indic digit.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => c.to_digit(10),
    }
}

fn is_letter(c: char) -> bool {
    crate::enrich::text::is_alpha(c) || matches!(c as u32, 0x0300..=0x036f | 0x064b..=0x065f)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '\u{2011}')
}

/// The char at byte `i` of `s` (a char boundary), as [`crate::enrich::text::char_at`] reads it.
#[inline]
fn char_at(s: &str, i: usize) -> char {
    crate::enrich::text::char_at(s, i).unwrap_or('\u{fffd}')
}

/// What the first char of a token is, which decides how far it runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum First {
    Digit,
    Cjk,
    Letter,
    Mark,
}

/// Tokens of `text[from..to]` (`from` and `to` on char boundaries).
///
/// A byte loop: runs of ASCII letters and digits, most of any page, are
/// taken a byte at a time without decoding or Unicode tables.
pub(crate) fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, from, to, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first): a caller tokenizing every line
/// of a page reuses one buffer instead of allocating one a line.
pub(crate) fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let slice = &text[from..to];
    let bytes = slice.as_bytes();
    out.clear();
    out.reserve(bytes.len() / 4 + 1);
    let mut space = false;
    let mut newline = false;
    let mut i = 0usize;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        // An ASCII byte (most of any page) is classed by the byte, as the
        // char tests below class it: whitespace is U+0009–U+000D and the
        // space (`char::is_whitespace`), digits and letters are the ASCII
        // ones, anything else a mark. No char is decoded for it.
        let first = if b < 0x80 {
            i += 1;
            if matches!(b, b'\t'..=b'\r' | b' ') {
                space = true;
                newline |= matches!(b, b'\n' | b'\r');
                continue;
            }
            if b.is_ascii_digit() {
                First::Digit
            } else if b.is_ascii_alphabetic() {
                First::Letter
            } else {
                First::Mark
            }
        } else {
            let c = char_at(slice, i);
            i += c.len_utf8();
            if crate::enrich::document::is_space(c) {
                space = true;
                newline |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
                continue;
            }
            if is_digit(c) {
                First::Digit
            } else if is_cjk(c) {
                First::Cjk
            } else if is_letter(c) {
                First::Letter
            } else {
                First::Mark
            }
        };
        let kind = if first == First::Digit {
            while i < bytes.len() {
                if bytes[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let d = char_at(slice, i);
                if !is_digit(d) {
                    break;
                }
                i += d.len_utf8();
            }
            Kind::Num
        } else if first == First::Cjk {
            Kind::Word
        } else if first == First::Letter {
            while i < bytes.len() {
                if bytes[i].is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                let d = char_at(slice, i);
                if is_letter(d) && !is_cjk(d) {
                    i += d.len_utf8();
                } else if is_joiner(d) {
                    // Joined only when a letter follows: "Sana'a", "Rostov-on-Don".
                    match slice[i + d.len_utf8()..].chars().next() {
                        Some(n) if is_letter(n) && !is_cjk(n) => i += d.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            Kind::Punct
        };
        out.push(Token {
            kind,
            start: from + start,
            end: from + i,
            space_before: space || out.is_empty(),
            newline_before: newline,
        });
        space = false;
        newline = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char tokenizer first written, the reference the byte loop
    /// must reproduce.
    fn reference_tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
        let slice = &text[from..to];
        let mut out: Vec<Token> = Vec::new();
        let mut space = false;
        let mut newline = false;
        let mut iter = slice.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let start = from + i;
            if crate::enrich::document::is_space(c) {
                space = true;
                newline |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
                continue;
            }
            let mut end = start + c.len_utf8();
            let kind = if is_digit(c) {
                while let Some(&(j, d)) = iter.peek() {
                    if !is_digit(d) {
                        break;
                    }
                    end = from + j + d.len_utf8();
                    iter.next();
                }
                Kind::Num
            } else if is_cjk(c) {
                Kind::Word
            } else if is_letter(c) {
                while let Some(&(j, d)) = iter.peek() {
                    if is_letter(d) && !is_cjk(d) {
                        end = from + j + d.len_utf8();
                        iter.next();
                    } else if is_joiner(d) {
                        // Joined only when a letter follows: "Sana'a", "Rostov-on-Don".
                        let rest = &slice[j + d.len_utf8()..];
                        match rest.chars().next() {
                            Some(n) if is_letter(n) && !is_cjk(n) => {
                                end = from + j + d.len_utf8();
                                iter.next();
                            }
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                Kind::Word
            } else {
                Kind::Punct
            };
            out.push(Token {
                kind,
                start,
                end,
                space_before: space || out.is_empty(),
                newline_before: newline,
            });
            space = false;
            newline = false;
        }
        out
    }

    #[test]
    fn byte_loop_tokenizes_like_the_reference() {
        for text in [
            "ST. LOUIS, Oct. 3 (Sana'a) — 10:42",
            "新华社北京10月3日电",
            "Rostov-on-Don, 17\u{a0}октября 2019 г. ١٧ أكتوبر ٢٠١٩ ۱۷",
            "a\u{200b}b\r\nc\u{2028}d \u{85}e-\u{2011}f’g ʼh x- -y",
            "Café\u{301} naïve — ÉTÉ 12h30",
        ] {
            assert_eq!(
                tokenize(text, 0, text.len()),
                reference_tokenize(text, 0, text.len()),
                "{text:?}"
            );
        }
        // Every mix of these chars up to length 4: letters, digits, joiners,
        // spaces and marks, ASCII or not.
        let alphabet = [
            'a', 'Z', '7', '\'', '-', '\u{2011}', ' ', '\n', '\u{a0}', '\u{200b}', ',', 'é',
            '\u{301}', 'ж', '\u{663}', '語', '\u{2028}', '\u{b}', '\u{1f}',
        ];
        crate::enrich::text::for_every_string(&alphabet, 1..=4, |text| {
            let inner = text.char_indices().nth(1).map_or(0, |(i, _)| i);
            for from in [0, inner] {
                assert_eq!(
                    tokenize(text, from, text.len()),
                    reference_tokenize(text, from, text.len()),
                    "{text:?} from {from}"
                );
            }
        });
    }

    #[test]
    fn words_numbers_and_marks() {
        let text = "ST. LOUIS, Oct. 3 (Sana'a) — 10:42";
        let kinds: Vec<_> = tokenize(text, 0, text.len())
            .iter()
            .map(|t| (t.kind, t.text(text)))
            .collect();
        assert_eq!(kinds[0], (Kind::Word, "ST"));
        assert_eq!(kinds[1], (Kind::Punct, "."));
        assert!(kinds.contains(&(Kind::Word, "Sana'a")));
        assert!(kinds.contains(&(Kind::Num, "42")));
    }

    #[test]
    fn cjk_ideographs_are_words_of_their_own() {
        let text = "新华社北京10月3日电";
        let words: Vec<_> = tokenize(text, 0, text.len())
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(
            words,
            ["新", "华", "社", "北", "京", "10", "月", "3", "日", "电"]
        );
    }
}
