//! Small text helpers the stages share on their hot paths.

/// Appends the lowercase of `word` to `out`, exactly as
/// [`str::to_lowercase`] would produce it (final sigma included), without a
/// String of its own for the common ASCII word.
#[inline]
pub(crate) fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        // Byte by byte into reserved space: most words are a few bytes, for
        // which a copy and a second pass cost more than the loop.
        out.reserve(word.len());
        for b in word.bytes() {
            out.push(char::from(b.to_ascii_lowercase()));
        }
    } else {
        push_lowercase_chars(out, word);
    }
}

/// [`push_lowercase`] of a word that is not all ASCII.
#[inline(never)]
fn push_lowercase_chars(out: &mut String, word: &str) {
    out.reserve(word.len());
    let from = out.len();
    for c in word.chars() {
        match simple_lowercase(c) {
            Some(lower) => out.push(lower),
            // Only capital sigma lowercases by its context (final ς).
            None if c == '\u{3a3}' => {
                out.truncate(from);
                out.push_str(&word.to_lowercase());
                return;
            }
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// Calls `f` with the lowercase of `word` (as [`str::to_lowercase`] gives
/// it), on the stack for an ASCII word of up to 64 bytes: a lookup key for a
/// capitalised word without a String per lookup.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const STACK: usize = 64;
    if word.len() <= STACK && word.is_ascii() {
        let mut buf = [0u8; STACK];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        // ASCII in, ASCII out: always UTF-8.
        match std::str::from_utf8(buf) {
            Ok(lower) => f(lower),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        let mut lower = String::with_capacity(word.len());
        push_lowercase(&mut lower, word);
        f(&lower)
    }
}

/// Whether `word` is its own lowercase (`word.to_lowercase() == word`), so a
/// slice of it can stand for its lowercase: no String for the word that is
/// already in lower case.
///
/// One pass: ASCII bytes are read as bytes, other chars decoded where met.
#[inline]
pub(crate) fn is_own_lowercase(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                return false;
            }
            i += 1;
            continue;
        }
        let Some(c) = word[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        // Lowercasing is char by char but for capital sigma, which changes
        // whatever its context: a word is its own lowercase when each char is.
        let own = match simple_lowercase(c) {
            Some(lower) => lower == c,
            None => {
                let mut lower = c.to_lowercase();
                lower.next() == Some(c) && lower.next().is_none()
            }
        };
        if !own {
            return false;
        }
    }
    true
}

/// The lowercase of `c` where it is one char found without Unicode tables
/// (ASCII, Latin-1, basic Cyrillic, CJK ideographs: most chars of most
/// pages), else `None`.
#[inline]
pub(crate) fn simple_lowercase(c: char) -> Option<char> {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5a => code + 0x20,
        0xc0..=0xde if code != 0xd7 => code + 0x20,
        0..=0xff => code,
        0x400..=0x40f => code + 0x50,
        0x410..=0x42f => code + 0x20,
        0x430..=0x45f => code,
        0x4e00..=0x9fff => code,
        _ => return None,
    };
    char::from_u32(lower)
}

/// A filter over a set of words: a bit for each word's slot (its length and
/// first and last two bytes, mixed by one multiplication), so that a word
/// whose slot is clear is known to be outside the set without hashing it —
/// most words of a text, against a list of function words or phrase starts.
/// The default filter holds no word.
#[derive(Debug, Default)]
pub(crate) struct WordSlots {
    bits: Vec<u64>,
}

/// Bits of a [`WordSlots`].
const WORD_SLOT_BITS: usize = 1 << 14;

impl WordSlots {
    /// The filter of `words`.
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bits = vec![0u64; WORD_SLOT_BITS / 64];
        for word in words {
            let slot = Self::slot(word.as_bytes(), |b| b);
            if let Some(b) = bits.get_mut(slot / 64) {
                *b |= 1 << (slot % 64);
            }
        }
        WordSlots { bits }
    }

    /// The slot of the word whose bytes are `bytes` after `map` (an ASCII
    /// lowercase of each byte, or none): no word is made to find it.
    #[inline]
    fn slot(bytes: &[u8], map: impl Fn(u8) -> u8) -> usize {
        let n = bytes.len();
        let at = |i: usize| u64::from(bytes.get(i).copied().map_or(0, &map));
        let key = at(0)
            | at(1) << 8
            | at(n.wrapping_sub(2)) << 16
            | at(n.wrapping_sub(1)) << 24
            | (n as u64) << 32;
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50) as usize & (WORD_SLOT_BITS - 1)
    }

    /// Whether the word `bytes` (after `map`) may be in the set.
    #[inline]
    pub(crate) fn may_hold(&self, bytes: &[u8], map: impl Fn(u8) -> u8) -> bool {
        let slot = Self::slot(bytes, map);
        self.bits
            .get(slot / 64)
            .is_some_and(|bits| bits >> (slot % 64) & 1 == 1)
    }
}

/// A map over a set of words, filed by the slots of [`WordSlots`]: a word
/// whose slot holds no word is ruled out by two loads, and the few words of
/// a filled slot (mostly one) are compared byte by byte, so that a lookup
/// neither hashes the word nor copies it to lowercase it.
#[derive(Debug, Default)]
pub(crate) struct SlotMap<V> {
    /// Where each slot's words start in `entries`; the slot after says where
    /// they end.
    starts: Vec<u32>,
    /// The words and their values, in slot order.
    entries: Vec<(Box<str>, V)>,
}

impl<V> SlotMap<V> {
    /// The map of `words` (distinct) to their values.
    pub(crate) fn new<W: Into<Box<str>>>(words: impl IntoIterator<Item = (W, V)>) -> Self {
        let mut entries: Vec<(usize, Box<str>, V)> = words
            .into_iter()
            .map(|(word, value)| {
                let word = word.into();
                (WordSlots::slot(word.as_bytes(), |b| b), word, value)
            })
            .collect();
        entries.sort_by_key(|&(slot, _, _)| slot);
        let mut starts = vec![0u32; WORD_SLOT_BITS + 1];
        for &(slot, _, _) in &entries {
            if let Some(after) = starts.get_mut(slot + 1) {
                *after += 1;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let entries = entries
            .into_iter()
            .map(|(_, word, value)| (word, value))
            .collect();
        SlotMap { starts, entries }
    }

    /// The value of the word whose bytes are `bytes` after `map` (an ASCII
    /// lowercase of each byte, or none).
    #[inline]
    pub(crate) fn get(&self, bytes: &[u8], map: impl Fn(u8) -> u8 + Copy) -> Option<&V> {
        let slot = WordSlots::slot(bytes, map);
        let from = *self.starts.get(slot)? as usize;
        let to = *self.starts.get(slot + 1)? as usize;
        self.entries
            .get(from..to)?
            .iter()
            .find(|(word, _)| {
                word.len() == bytes.len() && word.bytes().zip(bytes).all(|(w, &b)| w == map(b))
            })
            .map(|(_, value)| value)
    }

    /// How many words the map holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the word as written is in the map.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word.as_bytes(), |b| b).is_some()
    }
}

/// The char at byte `i` of `s` (a char boundary), `None` at the end. ASCII
/// and two-byte chars (Latin-1 and Latin Extended, Greek, Cyrillic, Hebrew,
/// Arabic: most non-ASCII chars of most pages) are decoded by hand, others
/// by [`str::chars`]: the tokenizers read every char of a page this way.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    let bytes = s.as_bytes();
    match *bytes.get(i)? {
        b if b < 0x80 => Some(char::from(b)),
        // A lead byte of a two-byte char: one continuation byte follows.
        b @ 0xc0..=0xdf => {
            let next = *bytes.get(i + 1)?;
            char::from_u32(u32::from(b & 0x1f) << 6 | u32::from(next & 0x3f))
        }
        _ => s[i..].chars().next(),
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

/// [`char::is_uppercase`], with the shortcuts of [`is_alpha`] (Latin-1 and
/// basic Cyrillic capitals by range).
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    match u32::from(c) {
        0x41..=0x5a => true,
        0..=0xbf | 0xd7 => false,
        0xc0..=0xde | 0x400..=0x42f => true,
        0xdf..=0xff | 0x430..=0x45f => false,
        _ => c.is_uppercase(),
    }
}

/// [`char::is_lowercase`], with the shortcuts of [`is_upper`] (Latin-1 below
/// its capitals keeps the std answer: "ª" and "º" are lower case).
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    match u32::from(c) {
        0x61..=0x7a => true,
        0..=0x7f | 0xc0..=0xde | 0xf7 | 0x400..=0x42f => false,
        0xdf..=0xff | 0x430..=0x45f => true,
        _ => c.is_lowercase(),
    }
}

/// [`char::is_numeric`], with the shortcuts of [`is_alpha`]: Latin
/// Extended and Cyrillic hold no numerals.
#[inline]
pub(crate) fn is_num(c: char) -> bool {
    match u32::from(c) {
        0x30..=0x39 => true,
        0..=0x7f | 0xc0..=0x24f | 0x400..=0x52f => false,
        _ => c.is_numeric(),
    }
}

/// Whether `c` joins the letters around it into one word ("don't",
/// "anti-Daesh", "AT&T", "U.S").
#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '&' | '.')
}

/// Appends the words of `text` to `out` as (byte offset in `text`, word): runs
/// of letters and digits, an apostrophe, hyphen, ampersand or dot inside a
/// word joining it to the letter or digit after. The split every stage's
/// word-level reading shares ([`crate::enrich::document::Document::words`]);
/// a byte loop over ASCII, which is most of any page, and chars elsewhere.
pub(crate) fn words_into<'a>(text: &'a str, out: &mut Vec<(usize, &'a str)>) {
    const NONE: usize = usize::MAX;
    let bytes = text.as_bytes();
    let mut start = NONE;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            if start == NONE {
                start = i;
            }
            i += 1;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let alnum = b >= 0x80 && is_alnum(c);
        let joins = !alnum
            && start != NONE
            && is_joiner(c)
            && text[i + len..].chars().next().is_some_and(is_alnum);
        if alnum || joins {
            if start == NONE {
                start = i;
            }
        } else if start != NONE {
            out.push((start, &text[start..i]));
            start = NONE;
        }
        i += len;
    }
    if start != NONE {
        out.push((start, &text[start..]));
    }
}

/// The words of `text`, as [`words_into`] splits them.
pub(crate) fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    words_into(text, &mut out);
    out
}

/// Calls `check` with every string of `lengths` chars drawn from `alphabet`:
/// the exhaustive oracle the byte-loop rewrites here and in the stages are
/// tested against.
#[cfg(test)]
pub(crate) fn for_every_string(
    alphabet: &[char],
    lengths: std::ops::RangeInclusive<u32>,
    mut check: impl FnMut(&str),
) {
    let n = alphabet.len();
    let mut text = String::new();
    for len in lengths {
        for mut code in 0..n.pow(len) {
            text.clear();
            for _ in 0..len {
                text.push(alphabet[code % n]);
                code /= n;
            }
            check(&text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split as the stages first wrote it (char by char, peeking at the
    /// next char), kept as the reference the byte loop must reproduce.
    fn reference_words(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let joins = matches!(c, '\'' | '\u{2019}' | '-' | '&' | '.')
                && start.is_some()
                && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || joins {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        }
        if let Some(s) = start {
            out.push((s, &text[s..]));
        }
        out
    }

    #[test]
    fn words_split_like_the_reference() {
        for text in [
            "",
            "   ",
            "Don't stop: anti-Daesh AT&T U.S. talks - 10.5% at 09:30.",
            "l\u{2019}Élysée a dit « non » — 3-2, x-.y, a--b, end-",
            "Москва, 3 марта. Сьогодні в Києві ґанок; ‘quoted’ «ёлка»",
            "東京都の天気 2026年 ١٢٣ مرحبا-بكم",
            "trailing'",
            "'leading and .dotted. &amp; -dash",
        ] {
            assert_eq!(words(text), reference_words(text), "{text:?}");
        }
        // Every mix of these chars up to length 4: each is a word char, a
        // joiner or a break, ASCII or not.
        let alphabet = [
            'a', 'Z', '7', '\'', '\u{2019}', '-', '&', '.', ' ', ',', 'é', 'ж', '語', '\u{a0}',
            '\n',
        ];
        for_every_string(&alphabet, 1..=4, |text| {
            assert_eq!(words(text), reference_words(text), "{text:?}");
        });
    }

    #[test]
    fn letter_classes_agree_with_the_standard_library_on_every_char() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_num(c), c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn simple_lowercase_agrees_with_the_standard_library_on_every_char() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            if let Some(lower) = simple_lowercase(c) {
                assert_eq!(c.to_lowercase().collect::<Vec<_>>(), [lower], "{c:?}");
            }
        }
    }

    #[test]
    fn lowercases_like_the_standard_library() {
        for word in [
            "Harbour",
            "ÉTÉ",
            "ΟΔΟΣ",
            "ΣΟΦΙΑ",
            "Straße",
            "İstanbul",
            "",
            "x2Y",
            "ПРИВЕТ",
            "ǅemal",
            "ÖLΣ",
            "ΑΣ-Σ",
            "Ωmega ΣΟΣ",
        ] {
            let mut out = String::from("> ");
            push_lowercase(&mut out, word);
            assert_eq!(out, format!("> {}", word.to_lowercase()), "{word}");
        }
    }

    /// The hand decoding reads every char as `chars` does.
    #[test]
    fn char_at_reads_as_chars_does() {
        for text in [
            "Harbour ÉTÉ ΟΔΟΣ ПРИВЕТ мир עברית العربية 東京 😀 ß\u{7ff}\u{800}\u{80}\u{a0}",
            "",
            "a",
            "ж",
        ] {
            for (i, c) in text.char_indices() {
                assert_eq!(char_at(text, i), Some(c), "{text:?} at {i}");
            }
            assert_eq!(char_at(text, text.len()), None);
        }
        for code in 0x80..0x800u32 {
            let c = char::from_u32(code).unwrap_or('x');
            let text = format!("a{c}b");
            assert_eq!(char_at(&text, 1), Some(c), "{code:x}");
        }
    }

    #[test]
    fn own_lowercase_agrees_with_to_lowercase() {
        for word in [
            "harbour",
            "Harbour",
            "ΟΔΟΣ",
            "οδος",
            "οδοσ",
            "straße",
            "i̇stanbul",
            "ǅ",
            "ǆ",
        ] {
            assert_eq!(
                is_own_lowercase(word),
                word.to_lowercase() == word,
                "{word}"
            );
        }
        // Capitals, lowercase, caseless, titlecase, sigma in every position,
        // and chars whose lowercase is longer or is another script's.
        let alphabet = [
            'a', 'Z', '7', '.', ' ', 'é', 'É', 'ж', 'Ж', 'Σ', 'σ', 'ς', 'ǅ', 'İ', '語', 'ß', 'Ω',
        ];
        for_every_string(&alphabet, 1..=3, |word| {
            assert_eq!(
                is_own_lowercase(word),
                word.to_lowercase() == word,
                "{word:?}"
            );
        });
    }

    #[test]
    fn with_lowercase_gives_the_lowercase() {
        let long = "Harbour".repeat(10);
        for word in [
            "Harbour",
            "ÉTÉ",
            "ΟΔΟΣ",
            "",
            "x2Y-Z",
            "ПРИВЕТ",
            long.as_str(),
            &long[..64],
            &long[..65],
        ] {
            assert_eq!(
                with_lowercase(word, str::to_owned),
                word.to_lowercase(),
                "{word}"
            );
        }
    }

    #[test]
    fn slot_map_finds_its_words_and_only_them() {
        // "pardie" and "parkie" share a slot (the same length, first and
        // last two bytes): the map tells them apart by their bytes.
        let map = SlotMap::new([("pardie", 1u16), ("parkie", 2), ("на", 4), ("und", 8)]);
        let lower = |b: u8| b.to_ascii_lowercase();
        assert_eq!(map.get(b"pardie", lower), Some(&1));
        assert_eq!(map.get(b"PARKIE", lower), Some(&2));
        assert_eq!(map.get(b"Und", lower), Some(&8));
        assert_eq!(map.get("на".as_bytes(), |b| b), Some(&4));
        assert_eq!(map.get(b"parxie", lower), None);
        assert_eq!(map.get(b"pardi", lower), None);
        assert_eq!(map.get(b"Und", |b| b), None);
        assert_eq!(map.get(b"", lower), None);
    }
}
