//! The date grammar shared by datelines and mentions: calendar dates in
//! every order the lexicons know, clock times with zones and offsets, over
//! the tokens of one line. Every rule looks a bounded number of tokens ahead.

use super::UsOrder;
use super::lexicon::{LEXICON, Lexicon};
use super::tokens::{Kind, Token, is_cjk};

/// A calendar date as written; missing parts are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct DateParts {
    /// The year, when written.
    pub(crate) year: Option<i32>,
    /// 1–12.
    pub(crate) month: Option<u32>,
    /// 1–31.
    pub(crate) day: Option<u32>,
}

/// A clock time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimeParts {
    /// 0–23.
    pub(crate) hour: u32,
    /// 0–59.
    pub(crate) minute: u32,
    /// 0–59, when written.
    pub(crate) second: Option<u32>,
    /// UTC offset in minutes, when a zone or offset was written.
    pub(crate) offset: Option<i32>,
}

/// A match: tokens `[first, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match<T> {
    /// Index of the first token.
    pub(crate) first: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// What was read.
    pub(crate) value: T,
}

/// A clock time and, when a glued offset swallowed the next date's day,
/// that day and the index of the month name after it.
pub(crate) type TimeMatch = (Match<TimeParts>, Option<(u32, usize)>);

/// The grammar over the tokens of one line.
pub(crate) struct Grammar<'a> {
    /// Read "03/04/2020" as month/day (US pages) rather than day/month,
    /// when the page says so; `None` reads day/month.
    pub(crate) us_order: Option<&'a UsOrder<'a>>,
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token],
    pub(crate) lex: &'static Lexicon,
    /// Every token lowercased once, joined by one space, so the lookup key
    /// of a run of tokens is one slice and no rule allocates per token.
    lower: String,
    /// Byte range of each token in `lower`.
    lower_at: Vec<(usize, usize)>,
}

/// Days in `month` of `year` (a leap year when the year is unknown).
pub(crate) fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn valid(year: Option<i32>, month: u32, day: u32) -> bool {
    (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
        && year.is_none_or(|y| (1800..=2199).contains(&y))
}

/// The date of a day (tokens `first..end`), when its parts make a real one.
fn day_date(
    first: usize,
    end: usize,
    year: Option<i32>,
    month: u32,
    day: u32,
) -> Option<Match<DateParts>> {
    valid(year, month, day).then_some(Match {
        first,
        end,
        value: DateParts {
            year,
            month: Some(month),
            day: Some(day),
        },
    })
}

impl<'a> Grammar<'a> {
    /// A grammar over `tokens` of `text` whose rules start at token `first`
    /// or later: the tokens before it are not lowercased ([`Grammar::lower`]
    /// gives "" for them). Every rule reads lowercase forward from where it
    /// starts, and looks back at raw text and kinds only, so a scan that
    /// starts at its first opener need not lowercase the line before it.
    /// `lowercase`, when given, is `text` lowercased in step with it
    /// ([`Document::lowercase`](crate::enrich::Document::lowercase)): a
    /// token's lowercase is copied from it, not made again.
    pub(crate) fn from_token(
        text: &'a str,
        lowercase: Option<&str>,
        tokens: &'a [Token],
        first: usize,
    ) -> Self {
        let rest = tokens.get(first..).unwrap_or_default();
        let mut lower = String::with_capacity(rest.iter().map(|t| t.end - t.start + 1).sum());
        let mut lower_at = Vec::with_capacity(tokens.len());
        lower_at.resize(tokens.len() - rest.len(), (0, 0));
        for t in rest {
            if !lower.is_empty() {
                lower.push(' ');
            }
            let start = lower.len();
            let word = t.text(text);
            // Digits have no case, and most words of a non-ASCII script are
            // already in lower case: copied as they are, not char by char.
            if let Some(lowercase) = lowercase {
                lower.push_str(t.text(lowercase));
            } else if t.kind == Kind::Num
                || (!word.is_ascii() && crate::enrich::text::is_own_lowercase(word))
            {
                lower.push_str(word);
            } else {
                crate::enrich::text::push_lowercase(&mut lower, word);
            }
            lower_at.push((start, lower.len()));
        }
        Grammar {
            us_order: None,
            text,
            tokens,
            lex: &LEXICON,
            lower,
            lower_at,
        }
    }

    /// Token `i` lowercased.
    pub(crate) fn lower(&self, i: usize) -> &str {
        self.lower_at.get(i).map_or("", |&(s, e)| &self.lower[s..e])
    }

    /// Tokens `[i, j)` lowercased and joined by one space: the lexicon key
    /// of a phrase without punctuation. Empty when the range is.
    pub(crate) fn lower_run(&self, i: usize, j: usize) -> &str {
        match (
            self.lower_at.get(i),
            j.checked_sub(1).and_then(|l| self.lower_at.get(l)),
        ) {
            (Some(&(s, _)), Some(&(_, e))) if j > i => &self.lower[s..e],
            _ => "",
        }
    }

    /// The text of token `i`.
    pub(crate) fn t(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether token `i` follows the previous one without a space.
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    pub(crate) fn is(&self, i: usize, s: &str) -> bool {
        self.tokens.get(i).is_some() && self.t(i) == s
    }

    /// A number token of `min..=max` digits.
    pub(crate) fn num(&self, i: usize, min: usize, max: usize) -> Option<u32> {
        let t = self.tokens.get(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let s = t.text(self.text);
        if s.is_ascii() {
            if s.len() < min || s.len() > max {
                return None;
            }
            return s.parse().ok();
        }
        // Arabic-Indic digits: two bytes each.
        let count = s.chars().count();
        if count < min || count > max {
            return None;
        }
        s.chars()
            .try_fold(0u32, |n, c| Some(n * 10 + super::tokens::digit_value(c)?))
    }

    /// A month name at `i` ("Oct", "Oct.", "октября", "تشرين الأول"): the month
    /// and the index after it (after a glued "."). Weak forms only when
    /// `allow_weak`.
    pub(crate) fn month(&self, i: usize, allow_weak: bool) -> Option<(u32, usize)> {
        if self.kind(i)? != Kind::Word {
            return None;
        }
        let one = self.lower(i);
        let mut hit = None;
        if self.kind(i + 1) == Some(Kind::Word) && self.tokens[i + 1].space_before {
            let two = self.lower_run(i, i + 2);
            if let Some(form) = self.lex.months.get(two) {
                hit = Some((*form, i + 2));
            }
        }
        if hit.is_none()
            && let Some(form) = self.lex.months.get(one)
        {
            hit = Some((*form, i + 1));
        }
        let (form, mut next) = hit?;
        if form.weak && !allow_weak {
            return None;
        }
        // "may" is a month only when capitalised.
        if one == "may" && self.t(i).starts_with('m') {
            return None;
        }
        // The dot of an abbreviation ("Oct.", "janv."), not a full stop after
        // a full name ("14 марта.").
        if self.is(next, ".") && self.glued(next) && self.t(next - 1).chars().count() <= 4 {
            next += 1;
        }
        Some((form.month, next))
    }

    /// A weekday name at `i`: the weekday and the index after it (and after a
    /// glued "." or a ","). Forms of three letters or fewer only when
    /// `allow_short`.
    pub(crate) fn weekday(&self, i: usize, allow_short: bool) -> Option<(u32, usize)> {
        if self.kind(i)? != Kind::Word {
            return None;
        }
        let word = self.t(i);
        let day = *self.lex.weekdays.get(self.lower(i))?;
        if !allow_short && word.chars().count() <= 3 && !word.chars().all(is_cjk) {
            return None;
        }
        let mut next = i + 1;
        if (self.is(next, ".") && self.glued(next)) || self.is(next, ",") {
            next += 1;
        }
        Some((day, next))
    }

    /// Whether a number glued by a date separator touches token `i` from
    /// the left ("1.2" before ".2019"), so a date starting at `i` would be
    /// a fragment.
    fn number_glued_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = i - 1;
        match self.kind(prev) {
            Some(Kind::Num) => self.glued(i),
            Some(Kind::Punct) => {
                self.glued(i)
                    && matches!(self.t(prev), "." | "/" | "-" | ":" | "," | "+")
                    && prev > 0
                    && self.kind(prev - 1) == Some(Kind::Num)
                    && self.glued(prev)
            }
            Some(Kind::Word) => self.glued(i) && !self.t(prev).chars().all(is_cjk),
            None => false,
        }
    }

    /// Whether a separator and a number or letters continue the match at `end`.
    fn number_glued_after(&self, end: usize) -> bool {
        match self.kind(end) {
            None => false,
            Some(Kind::Num) => self.glued(end),
            Some(Kind::Word) => self.glued(end) && !self.t(end).chars().all(is_cjk),
            Some(Kind::Punct) => {
                self.glued(end)
                    && matches!(self.t(end), "." | "/" | "-" | ":" | ",")
                    && self.kind(end + 1) == Some(Kind::Num)
                    && self.glued(end + 1)
            }
        }
    }

    /// A calendar date starting at token `i`. `dateline` relaxes the
    /// rules for the few words before a wire story's dash: weak month
    /// abbreviations count there.
    pub(crate) fn date(&self, i: usize, dateline: bool) -> Option<Match<DateParts>> {
        if i >= self.tokens.len() {
            return None;
        }
        // A weekday before the date: "Mon., 12.03.2020", "Thursday, Oct. 17, 2019".
        if let Some((_, next)) = self.weekday(i, true)
            && next > i
            && let Some(m) = self.date_core(next, dateline)
        {
            return Some(Match { first: i, ..m });
        }
        self.date_core(i, dateline)
    }

    fn date_core(&self, i: usize, dateline: bool) -> Option<Match<DateParts>> {
        match self.kind(i)? {
            Kind::Num => self.numeric_date(i).or_else(|| self.day_month(i)),
            Kind::Word => self.month_day(i, dateline),
            Kind::Punct => None,
        }
    }

    /// ISO and numeric dates, Chinese dates.
    fn numeric_date(&self, i: usize) -> Option<Match<DateParts>> {
        if self.number_glued_before(i) {
            return None;
        }
        let sep = self.t(i + 1);
        let tight = |j: usize| self.glued(j);
        // 2019年10月17日, 2019年10月
        if self.num(i, 4, 4).is_some() && self.is(i + 1, "年") {
            let year = self.num(i, 4, 4).map(|y| y as i32);
            let month = self.num(i + 2, 1, 2)?;
            if !self.is(i + 3, "月") {
                return None;
            }
            if let Some(day) = self.num(i + 4, 1, 2)
                && (self.is(i + 5, "日") || self.is(i + 5, "号"))
                && let Some(date) = day_date(i, i + 6, year, month, day)
            {
                return Some(date);
            }
            if (1..=12).contains(&month) {
                return Some(Match {
                    first: i,
                    end: i + 4,
                    value: DateParts {
                        year,
                        month: Some(month),
                        day: None,
                    },
                });
            }
            return None;
        }
        // 10月17日
        if self.is(i + 1, "月") {
            let month = self.num(i, 1, 2)?;
            let day = self.num(i + 2, 1, 2)?;
            if self.is(i + 3, "日") || self.is(i + 3, "号") {
                return day_date(i, i + 4, None, month, day);
            }
            return None;
        }
        if !matches!(sep, "-" | "." | "/") || !tight(i + 1) || !tight(i + 2) {
            return None;
        }
        if !(self.is(i + 3, sep) && tight(i + 3) && tight(i + 4)) {
            return None;
        }
        let end = i + 5;
        if self.number_glued_after(end)
            && !(self.t(end) == "T" && self.kind(end + 1) == Some(Kind::Num))
        {
            return None;
        }
        // 2019-10-17, 2019/10/17, 2019.10.17
        if let Some(year) = self.num(i, 4, 4) {
            let month = self.num(i + 2, 1, 2)?;
            let day = self.num(i + 4, 1, 2)?;
            return day_date(i, end, Some(year as i32), month, day);
        }
        // 17.10.2019, 10/17/2019, 17-10-2019
        let a = self.num(i, 1, 2)?;
        let b = self.num(i + 2, 1, 2)?;
        let year = match self.num(i + 4, 4, 4) {
            Some(y) => Some(y as i32),
            // "26.10.13", "11/19/19": a two-digit year after two-digit parts.
            None if self.t(i + 4).len() == 2
                && self.t(i).len() == 2
                && self.t(i + 2).len() == 2 =>
            {
                Some(2000 + self.num(i + 4, 2, 2)? as i32)
            }
            None => return None,
        };
        let (month, day) = if sep == "/" && self.us_order.is_some_and(UsOrder::month_first) {
            if a > 12 { (b, a) } else { (a, b) }
        } else if b > 12 {
            (a, b)
        } else {
            (b, a)
        };
        day_date(i, end, year, month, day)
    }

    /// An optional year after a day and month: ", 2019", " 2019", "de 2019",
    /// "2019 г.", "2019 року", "2019 r.". Returns the year and the index
    /// after it.
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let mut j = i;
        if self.is(j, ",") {
            j += 1;
        }
        if matches!(self.t(j), "de" | "del" | "of") && self.kind(j) == Some(Kind::Word) {
            j += 1;
        }
        let year = self.num(j, 4, 4)? as i32;
        if self.number_glued_after(j + 1) || self.is(j + 1, ":") || self.is(j + 1, "年") {
            return None;
        }
        if !(1800..=2199).contains(&year) {
            return None;
        }
        let mut end = j + 1;
        // Year markers: "г.", "года", "року", "р.", "r.", "год".
        if self.kind(end) == Some(Kind::Word)
            && matches!(
                self.t(end),
                "г" | "года" | "год" | "гг" | "року" | "р" | "r" | "roku"
            )
        {
            end += 1;
            if self.is(end, ".") && self.glued(end) {
                end += 1;
            }
        }
        Some((year, end))
    }

    /// "17 October 2019", "3. Oktober", "5 de marzo de 2020", "3 окт".
    fn day_month(&self, i: usize) -> Option<Match<DateParts>> {
        if self.number_glued_before(i) {
            return None;
        }
        let day = self.num(i, 1, 2)?;
        let mut j = i + 1;
        if self.is(j, ".") && self.glued(j) {
            j += 1;
        } else if self.glued(j)
            && matches!(
                self.t(j),
                "er" | "st" | "nd" | "rd" | "th" | "º" | "o" | "ª"
            )
        {
            // Ordinals: "1er décembre", "1st of May", "1º de mayo".
            j += 1;
        }
        if matches!(self.t(j), "de" | "of") && self.kind(j) == Some(Kind::Word) {
            j += 1;
        }
        if !self
            .tokens
            .get(j)
            .is_some_and(|t| t.space_before || j == i + 2)
        {
            return None;
        }
        let (month, mut end) = self.month(j, true)?;
        let mut year = None;
        if let Some((y, e)) = self.year_after(end) {
            year = Some(y);
            end = e;
        }
        day_date(i, end, year, month, day)
    }

    /// "Oct 17, 2019", "March 26", "October 2019".
    fn month_day(&self, i: usize, dateline: bool) -> Option<Match<DateParts>> {
        if i > 0 && self.glued(i) && self.kind(i - 1) != Some(Kind::Punct) {
            return None;
        }
        let (month, j) = self.month(i, dateline)?;
        if let Some(day) = self.num(j, 1, 2)
            && self.tokens[j].space_before
            && !self.number_glued_after(j + 1)
            && !self.is(j + 1, ":")
        {
            let mut end = j + 1;
            if matches!(self.t(end), "st" | "nd" | "rd" | "th") && self.glued(end) {
                end += 1;
            }
            let mut year = None;
            if let Some((y, e)) = self.year_after(end) {
                year = Some(y);
                end = e;
            }
            return day_date(i, end, year, month, day);
        }
        // "October 2019"
        let year = self.num(j, 4, 4)? as i32;
        if !(1800..=2199).contains(&year) || self.number_glued_after(j + 1) {
            return None;
        }
        Some(Match {
            first: i,
            end: j + 1,
            value: DateParts {
                year: Some(year),
                month: Some(month),
                day: None,
            },
        })
    }

    /// A clock time at `i`: "10:42", "2:05 p.m. EST", "14.05 Uhr", "10:42 GMT+3",
    /// "10:42:00Z". When a glued offset swallowed the day of a following date
    /// ("GMT +317 October"), the day comes back in the second value with the
    /// index of the month name.
    pub(crate) fn time(&self, i: usize) -> Option<TimeMatch> {
        if self.number_glued_before(i) && !(i > 0 && self.t(i - 1) == "T") {
            return None;
        }
        let hour = self.num(i, 1, 2)?;
        let sep = self.t(i + 1);
        if !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let minute = self.num(i + 2, 2, 2)?;
        if minute > 59 {
            return None;
        }
        let mut j = i + 3;
        let mut second = None;
        match sep {
            ":" => {
                if self.is(j, ":") && self.glued(j) && self.glued(j + 1) {
                    if let Some(s) = self.num(j + 1, 2, 2).filter(|&s| s < 60) {
                        second = Some(s);
                        j += 2;
                        // Fractions: ".123"
                        if self.is(j, ".") && self.glued(j) && self.kind(j + 1) == Some(Kind::Num) {
                            j += 2;
                        }
                    }
                }
            }
            "." if self.time_suffix(j) || self.lex.zones.contains_key(self.t(j)) => {}
            "h" | "H" => {}
            _ => return None,
        }
        if self.number_glued_after(j)
            && !(self.glued(j) && matches!(self.t(j), "+" | "-"))
            && !self.time_suffix(j)
        {
            return None;
        }
        let mut hour = hour;
        let mut clock_word = matches!(sep, ":" | "h" | "H")
            || (sep == "." && self.lex.zones.contains_key(self.t(j)));
        // am / pm
        let ampm = match self.lower(j) {
            "am" | "a" if self.kind(j) == Some(Kind::Word) => Some(false),
            "pm" | "p" if self.kind(j) == Some(Kind::Word) => Some(true),
            _ => None,
        };
        if let Some(pm) = ampm {
            let short = self.t(j).len() == 1;
            let mut k = j + 1;
            if short {
                // "a.m." / "p.m."
                if !(self.is(k, ".") && self.t(k + 1).eq_ignore_ascii_case("m")) {
                    return self.finish_time(i, j, hour, minute, second, clock_word);
                }
                k += 2;
                if self.is(k, ".") && self.glued(k) {
                    k += 1;
                }
            } else if self.is(k, ".") && self.glued(k) {
                k += 1;
            }
            if hour == 0 || hour > 12 {
                return None;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (false, h) => h,
                (true, 12) => 12,
                (true, h) => h + 12,
            };
            j = k;
            clock_word = true;
        }
        if hour > 23 {
            return None;
        }
        // "Uhr", "h", "ч.", "год."
        if matches!(
            self.t(j),
            "Uhr" | "uhr" | "h" | "ч" | "год" | "hs" | "hrs" | "horas"
        ) {
            j += 1;
            if self.is(j, ".") && self.glued(j) {
                j += 1;
            }
            clock_word = true;
        }
        if !clock_word {
            return None;
        }
        // Zone and offset.
        let mut offset = None;
        if let Some(&zone) = self.lex.zones.get(self.t(j))
            && self.kind(j) == Some(Kind::Word)
            && (self.t(j) != "Z" || self.glued(j))
        {
            offset = Some(zone);
            j += 1;
        }
        let mut carry = None;
        if matches!(self.t(j), "+" | "-" | "−")
            && (offset.is_some()
                || self.glued(j)
                || self.tokens.get(j).is_some_and(|t| t.space_before))
        {
            let negative = self.t(j) != "+";
            let sign = if negative { -1 } else { 1 };
            let base = offset.unwrap_or(0);
            if let Some(t) = self
                .tokens
                .get(j + 1)
                .filter(|t| t.kind == Kind::Num && !t.space_before)
            {
                let digits = t.text(self.text);
                let month_next =
                    self.month(j + 2, true).is_some() && self.tokens[j + 2].space_before;
                if month_next && digits.len() >= 2 && digits.len() <= 4 {
                    // "+317 October": an offset glued to a day number.
                    for k in 1..=2usize.min(digits.len() - 1) {
                        let (h, d) = digits.split_at(k);
                        let (Ok(h), Ok(d)) = (h.parse::<i32>(), d.parse::<u32>()) else {
                            continue;
                        };
                        let max = if negative { 12 } else { 14 };
                        if h <= max
                            && (1..=31).contains(&d)
                            && d.to_string().len() == digits.len() - k
                        {
                            offset = Some(base + sign * h * 60);
                            carry = Some((d, j + 2));
                            j += 2;
                            break;
                        }
                    }
                } else if let Some(m) = offset_minutes(digits) {
                    let mut minutes = m;
                    let mut k = j + 2;
                    if digits.len() <= 2 && self.is(k, ":") && self.glued(k) {
                        if let Some(mm) = self.num(k + 1, 2, 2).filter(|&mm| mm < 60) {
                            minutes += mm as i32;
                            k += 2;
                        }
                    }
                    if minutes <= if negative { 12 * 60 } else { 14 * 60 } {
                        offset = Some(base + sign * minutes);
                        j = k;
                    }
                }
            }
        }
        let m = Match {
            first: i,
            end: j,
            value: TimeParts {
                hour,
                minute,
                second,
                offset,
            },
        };
        Some((m, carry))
    }

    fn finish_time(
        &self,
        i: usize,
        j: usize,
        hour: u32,
        minute: u32,
        second: Option<u32>,
        clock_word: bool,
    ) -> Option<TimeMatch> {
        (clock_word && hour < 24).then_some((
            Match {
                first: i,
                end: j,
                value: TimeParts {
                    hour,
                    minute,
                    second,
                    offset: None,
                },
            },
            None,
        ))
    }

    /// Whether token `j` may follow a clock time glued: "11:06am", "10:42Z", "14h".
    fn time_suffix(&self, j: usize) -> bool {
        self.kind(j) == Some(Kind::Word)
            && (matches!(
                self.lower(j),
                "am" | "pm" | "a" | "p" | "h" | "uhr" | "hrs" | "ч"
            ) || self.lex.zones.contains_key(self.t(j)))
    }

    /// The date after a swallowed day: month name at `i`, optional year.
    pub(crate) fn month_after_day(&self, day: u32, i: usize) -> Option<Match<DateParts>> {
        let (month, mut end) = self.month(i, true)?;
        let mut year = None;
        if let Some((y, e)) = self.year_after(end) {
            year = Some(y);
            end = e;
        }
        day_date(i, end, year, month, day)
    }
}

/// An offset written as "3", "03", "0300" or "030": minutes east of UTC.
fn offset_minutes(digits: &str) -> Option<i32> {
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        1 | 2 => Some(n * 60),
        3 | 4 => (n % 100 < 60).then_some((n / 100) * 60 + n % 100),
        _ => None,
    }
}
