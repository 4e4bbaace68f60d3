//! What one SMS says about verification codes: whether it carries one, how long it is, which
//! company signed it, and whether the code is for a carrier business. Pure text logic, no I/O.
//!
//! The reading is a single pass over characters (no regex): find the keywords, find the runs of
//! ASCII letters and digits, drop the runs that are really amounts, dates, times, phone or card
//! numbers, URLs or pickup codes, and keep the run closest to a keyword.

use std::collections::HashMap;
use std::ops::{Range, RangeInclusive};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::directory::Carrier;
use crate::number::{self, Special};

/// What one SMS says about verification codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsCode {
    /// The message carries a verification code.
    pub is_code: bool,
    /// Length of the code found (4–8), if any.
    pub code_length: Option<u8>,
    /// The company named in 【…】 (or [...]) at the start or end of the body, if any.
    pub sender_name: Option<String>,
    /// Which service the code is for, lower-risk hint: true when the text says the code is for a
    /// carrier business (办理/业务/套餐/流量/号卡/携号转网/SIM/plan/…); false otherwise, and always
    /// false without a code. 办理/业务-like words count only beside a carrier's name or number.
    pub mentions_carrier_business: bool,
}

/// Only this many characters of a body are read. A real SMS is a few hundred characters at most
/// (long messages are split into ~67-character parts and rarely exceed ten), so this bounds the
/// work on hostile input without missing real messages; a sender name beyond it is not seen.
const MAX_SCAN_CHARS: usize = 4096;

/// How many characters may stand between a keyword and its code.
const MAX_DISTANCE: usize = 30;

/// Code lengths in use: 4 and 6 digits mostly, 8 for some banks and alphanumeric codes.
const CODE_LEN: RangeInclusive<usize> = 4..=8;

/// Longest company name accepted between brackets; longer brackets are prose, not a signature.
const MAX_NAME_CHARS: usize = 20;

/// What a phrase in [`PHRASES`] tells the reader.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Announces a verification code.
    Keyword,
    /// Right before a number (after spaces, colons, 为/是/is), says it is not a code.
    NotCodeBefore,
    /// Right after a number (after spaces), says it is a quantity, not a code.
    NotCodeAfter,
    /// Says the code is for a carrier business, whoever sent it.
    CarrierBusiness,
    /// Says so only when a carrier is involved: banks 办理业务 too.
    CarrierBusinessIfCarrier,
    /// Names a carrier.
    Carrier,
}

/// Every phrase the reader knows, lower-case; extend here, nowhere else. The keywords are the
/// CallGuard SMS brief's list; the cues and carrier words follow the usual wording of carrier, bank,
/// app and delivery SMS in mainland China (the test table shows each kind). ASCII phrases match as
/// whole words. 取件码 and its kin are pickup codes, harmless to share, so they are cues against a
/// code, not keywords.
const PHRASES: &[(&str, Role)] = &[
    ("验证码", Role::Keyword),
    ("校验码", Role::Keyword),
    ("确认码", Role::Keyword),
    ("激活码", Role::Keyword),
    ("动态码", Role::Keyword),
    ("动态密码", Role::Keyword),
    ("短信口令", Role::Keyword),
    ("交易码", Role::Keyword),
    ("认证码", Role::Keyword),
    ("安全码", Role::Keyword),
    ("登录码", Role::Keyword),
    ("verification code", Role::Keyword),
    ("verify code", Role::Keyword),
    ("security code", Role::Keyword),
    ("otp", Role::Keyword),
    ("one-time password", Role::Keyword),
    ("passcode", Role::Keyword),
    ("code is", Role::Keyword),
    // Pickup codes: a parcel locker's code is harmless to share.
    ("取件码", Role::NotCodeBefore),
    ("取货码", Role::NotCodeBefore),
    ("提货码", Role::NotCodeBefore),
    ("取餐码", Role::NotCodeBefore),
    ("pickup code", Role::NotCodeBefore),
    ("collection code", Role::NotCodeBefore),
    ("promo code", Role::NotCodeBefore),
    ("coupon code", Role::NotCodeBefore),
    // Card tails, accounts, orders and phone numbers.
    ("尾号", Role::NotCodeBefore),
    ("卡号", Role::NotCodeBefore),
    ("账号", Role::NotCodeBefore),
    ("帐号", Role::NotCodeBefore),
    ("单号", Role::NotCodeBefore),
    ("编号", Role::NotCodeBefore),
    ("工号", Role::NotCodeBefore),
    ("号码", Role::NotCodeBefore),
    ("手机号", Role::NotCodeBefore),
    ("电话", Role::NotCodeBefore),
    ("致电", Role::NotCodeBefore),
    ("拨打", Role::NotCodeBefore),
    ("热线", Role::NotCodeBefore),
    ("客服", Role::NotCodeBefore),
    ("咨询", Role::NotCodeBefore),
    ("详询", Role::NotCodeBefore),
    ("回复", Role::NotCodeBefore),
    ("ending in", Role::NotCodeBefore),
    ("ending", Role::NotCodeBefore),
    ("order", Role::NotCodeBefore),
    ("tel", Role::NotCodeBefore),
    ("call", Role::NotCodeBefore),
    ("phone", Role::NotCodeBefore),
    // Money.
    ("¥", Role::NotCodeBefore),
    ("￥", Role::NotCodeBefore),
    ("$", Role::NotCodeBefore),
    ("€", Role::NotCodeBefore),
    ("£", Role::NotCodeBefore),
    ("rmb", Role::NotCodeBefore),
    ("cny", Role::NotCodeBefore),
    ("usd", Role::NotCodeBefore),
    ("元", Role::NotCodeAfter),
    ("块", Role::NotCodeAfter),
    ("万", Role::NotCodeAfter),
    ("亿", Role::NotCodeAfter),
    ("%", Role::NotCodeAfter),
    ("％", Role::NotCodeAfter),
    ("rmb", Role::NotCodeAfter),
    ("cny", Role::NotCodeAfter),
    ("yuan", Role::NotCodeAfter),
    ("usd", Role::NotCodeAfter),
    // Dates, times, durations and counts.
    ("年", Role::NotCodeAfter),
    ("月", Role::NotCodeAfter),
    ("日", Role::NotCodeAfter),
    ("号", Role::NotCodeAfter),
    // Two characters where one would be ambiguous: "123456分享…", "123456天翼账号…".
    ("小时", Role::NotCodeAfter),
    ("分钟", Role::NotCodeAfter),
    ("秒", Role::NotCodeAfter),
    ("个", Role::NotCodeAfter),
    ("条", Role::NotCodeAfter),
    ("积分", Role::NotCodeAfter),
    ("min", Role::NotCodeAfter),
    ("mins", Role::NotCodeAfter),
    ("minutes", Role::NotCodeAfter),
    ("hours", Role::NotCodeAfter),
    ("days", Role::NotCodeAfter),
    ("points", Role::NotCodeAfter),
    // Data volumes.
    ("kb", Role::NotCodeAfter),
    ("mb", Role::NotCodeAfter),
    ("gb", Role::NotCodeAfter),
    ("tb", Role::NotCodeAfter),
    ("g", Role::NotCodeAfter),
    ("m", Role::NotCodeAfter),
    // What plan and SIM scams sign the victim up for.
    ("套餐", Role::CarrierBusiness),
    ("流量", Role::CarrierBusiness),
    ("号卡", Role::CarrierBusiness),
    ("携号转网", Role::CarrierBusiness),
    ("转网", Role::CarrierBusiness),
    ("宽带", Role::CarrierBusiness),
    ("副卡", Role::CarrierBusiness),
    ("靓号", Role::CarrierBusiness),
    ("补卡", Role::CarrierBusiness),
    ("换卡", Role::CarrierBusiness),
    ("sim", Role::CarrierBusiness),
    ("esim", Role::CarrierBusiness),
    ("plan", Role::CarrierBusiness),
    ("plans", Role::CarrierBusiness),
    ("data bundle", Role::CarrierBusiness),
    ("number porting", Role::CarrierBusiness),
    ("办理", Role::CarrierBusinessIfCarrier),
    ("业务", Role::CarrierBusinessIfCarrier),
    ("开通", Role::CarrierBusinessIfCarrier),
    ("订购", Role::CarrierBusinessIfCarrier),
    ("受理", Role::CarrierBusinessIfCarrier),
    ("入网", Role::CarrierBusinessIfCarrier),
    ("升级", Role::CarrierBusinessIfCarrier),
    ("subscribe", Role::CarrierBusinessIfCarrier),
    ("subscription", Role::CarrierBusinessIfCarrier),
    // The carriers' own names and numbers come from the directory; this is the generic word.
    ("运营商", Role::Carrier),
];

/// Reads one SMS: never panics, and reads at most [`MAX_SCAN_CHARS`] characters of the body.
pub fn detect(sender: &str, body: &str) -> SmsCode {
    let text: Vec<char> = body
        .chars()
        .take(MAX_SCAN_CHARS)
        .map(fold_full_width)
        .collect();
    let names = name_spans(&text);
    let sender_name = names.iter().flatten().next().map(|span| {
        text[span.clone()]
            .iter()
            .collect::<String>()
            .trim()
            .to_string()
    });
    let marks = Marks::of(&text);
    let code_length = find_code(&text, &names, &marks);
    let is_code = code_length.is_some();
    SmsCode {
        is_code,
        code_length,
        sender_name,
        mentions_carrier_business: is_code && is_carrier_business(sender, &text, &marks),
    }
}

/// Full-width digits and letters (１２３ＡＢＣ) read as ASCII, as some phones and templates send them.
fn fold_full_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Where `phrase` ends if it occurs at `at`, case-insensitively and, for ASCII, as a whole word.
fn phrase_at(text: &[char], at: usize, phrase: &str) -> Option<usize> {
    let mut end = at;
    for p in phrase.chars() {
        if text.get(end)?.to_ascii_lowercase() != p {
            return None;
        }
        end += 1;
    }
    let starts_word = phrase.starts_with(|c: char| c.is_ascii_alphanumeric());
    if starts_word && at > 0 && text[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    // A word may run on into digits ("code123456") but not into letters ("OTPs", "planet").
    let ends_word = phrase.ends_with(|c: char| c.is_ascii_alphabetic());
    if ends_word && text.get(end).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(end)
}

/// [`PHRASES`] indexed by first and by last character, so a position tries only the few phrases
/// that can match there instead of the whole table.
struct PhraseIndex {
    by_first: HashMap<char, Vec<(&'static str, Role)>>,
    by_last: HashMap<char, Vec<(&'static str, usize, Role)>>,
}

static INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| {
    let mut index = PhraseIndex {
        by_first: HashMap::new(),
        by_last: HashMap::new(),
    };
    for &(phrase, role) in PHRASES {
        let (Some(first), Some(last)) = (phrase.chars().next(), phrase.chars().last()) else {
            continue;
        };
        index
            .by_first
            .entry(first)
            .or_default()
            .push((phrase, role));
        let len = phrase.chars().count();
        index
            .by_last
            .entry(last)
            .or_default()
            .push((phrase, len, role));
    }
    index
});

/// The phrases that occur at `at`, with the roles they play and where they end.
fn matches_at(text: &[char], at: usize) -> impl Iterator<Item = (Role, usize)> + '_ {
    text.get(at)
        .and_then(|c| INDEX.by_first.get(&c.to_ascii_lowercase()))
        .into_iter()
        .flatten()
        .filter_map(move |&(phrase, role)| phrase_at(text, at, phrase).map(|end| (role, end)))
}

/// Whether some phrase playing `role` starts at `at`.
fn phrase_starts_at(text: &[char], at: usize, role: Role) -> bool {
    matches_at(text, at).any(|(r, _)| r == role)
}

/// Whether some phrase playing `role` ends exactly at `end`.
fn phrase_ends_at(text: &[char], end: usize, role: Role) -> bool {
    end.checked_sub(1)
        .and_then(|last| INDEX.by_last.get(&text[last].to_ascii_lowercase()))
        .into_iter()
        .flatten()
        .any(|&(phrase, len, r)| {
            r == role
                && end
                    .checked_sub(len)
                    .is_some_and(|at| phrase_at(text, at, phrase) == Some(end))
        })
}

/// Whether `word` is, as a whole, a phrase playing `role`.
fn is_phrase(word: &[char], role: Role) -> bool {
    PHRASES.iter().any(|&(phrase, r)| {
        r == role && phrase.chars().eq(word.iter().map(char::to_ascii_lowercase))
    })
}

/// What the phrases of a body say, from one pass over it.
struct Marks {
    /// Positions where a keyword starts.
    keyword_start: Vec<bool>,
    /// Positions where a keyword ends (one past its last character).
    keyword_end: Vec<bool>,
    /// Some keyword occurs at all.
    any_keyword: bool,
    /// Some phrase plays [`Role::CarrierBusiness`].
    business: bool,
    /// Some phrase plays [`Role::CarrierBusinessIfCarrier`].
    business_if_carrier: bool,
    /// Some phrase plays [`Role::Carrier`].
    carrier: bool,
}

impl Marks {
    /// Reads every phrase of `text` in one pass.
    fn of(text: &[char]) -> Marks {
        let mut marks = Marks {
            keyword_start: vec![false; text.len() + 1],
            keyword_end: vec![false; text.len() + 1],
            any_keyword: false,
            business: false,
            business_if_carrier: false,
            carrier: false,
        };
        for at in 0..text.len() {
            for (role, end) in matches_at(text, at) {
                match role {
                    Role::Keyword => {
                        marks.keyword_start[at] = true;
                        marks.keyword_end[end] = true;
                        marks.any_keyword = true;
                    }
                    Role::CarrierBusiness => marks.business = true,
                    Role::CarrierBusinessIfCarrier => marks.business_if_carrier = true,
                    Role::Carrier => marks.carrier = true,
                    Role::NotCodeBefore | Role::NotCodeAfter => {}
                }
            }
        }
        marks
    }
}

/// The content ranges of a 【…】 or [...] at the very start and at the very end of the body.
fn name_spans(text: &[char]) -> [Option<Range<usize>>; 2] {
    let is_name = |span: Range<usize>| {
        let name = &text[span.clone()];
        // "[1/2]" is a part marker, not a company; "【12306】" is the railway's name.
        let fits = name.len() <= MAX_NAME_CHARS && !name.iter().any(|c| "【】[]/".contains(*c));
        (fits && name.iter().any(|c| c.is_alphanumeric())).then_some(span)
    };
    let first = text.iter().position(|c| !c.is_whitespace());
    let last = text.iter().rposition(|c| !c.is_whitespace());
    let (Some(first), Some(last)) = (first, last) else {
        return [None, None];
    };
    let head = match text[first] {
        '【' => text[first..=last].iter().position(|c| *c == '】'),
        '[' => text[first..=last].iter().position(|c| *c == ']'),
        _ => None,
    }
    .and_then(|close| is_name(first + 1..first + close));
    let tail = match text[last] {
        '】' => text[first..=last].iter().rposition(|c| *c == '【'),
        ']' => text[first..=last].iter().rposition(|c| *c == '['),
        _ => None,
    }
    .and_then(|open| is_name(first + open + 1..last));
    [head, tail]
}

/// The length of the code run closest to a keyword, if any stands within [`MAX_DISTANCE`].
fn find_code(text: &[char], names: &[Option<Range<usize>>; 2], marks: &Marks) -> Option<u8> {
    if !marks.any_keyword {
        return None;
    }
    let n = text.len();
    let in_url = url_mask(text);
    // (distance, 0 when after the keyword, start) — smallest wins; codes usually follow "验证码是".
    let mut best: Option<((usize, u8, usize), usize)> = None;
    let mut i = 0;
    while i < n {
        if !text[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && text[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let run = start..i;
        let in_name = names
            .iter()
            .flatten()
            .any(|s| s.start <= run.start && run.end <= s.end);
        if in_name || in_url[start] || !is_code_shaped(text, run.clone()) {
            continue;
        }
        let after = (0..=MAX_DISTANCE.min(start)).find(|d| marks.keyword_end[start - d]);
        let before = (0..=MAX_DISTANCE).find(|d| marks.keyword_start.get(i + d) == Some(&true));
        let rank = match (after, before) {
            (Some(a), Some(b)) if b < a => (b, 1, start),
            (Some(a), _) => (a, 0, start),
            (None, Some(b)) => (b, 1, start),
            (None, None) => continue,
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, run.len()));
        }
    }
    best.and_then(|(_, len)| u8::try_from(len).ok())
}

/// Marks the characters of URLs (http://…, https://…, www.…) up to the next space or non-ASCII.
fn url_mask(text: &[char]) -> Vec<bool> {
    let mut mask = vec![false; text.len()];
    let mut i = 0;
    while i < text.len() {
        let starts_url = ["http://", "https://", "www."]
            .iter()
            .any(|p| phrase_at(text, i, p).is_some());
        if !starts_url {
            i += 1;
            continue;
        }
        while i < text.len() && text[i].is_ascii_graphic() {
            mask[i] = true;
            i += 1;
        }
    }
    mask
}

/// Whether a maximal run of ASCII letters and digits reads as a code rather than something else.
fn is_code_shaped(text: &[char], run: Range<usize>) -> bool {
    let token = &text[run.clone()];
    if !CODE_LEN.contains(&token.len()) || !token.iter().any(char::is_ascii_digit) {
        return false;
    }
    let before = run.start.checked_sub(1).map(|i| text[i]);
    let after = text.get(run.end).copied();
    let beyond_before = run.start.checked_sub(2).map(|i| text[i]);
    let beyond_after = text.get(run.end + 1).copied();
    // Joined to more digits: 100.00, 12:30, 2026-03-21, 1,000, 010-12345678, 3/21.
    let joins_digits = |joint: Option<char>, beyond: Option<char>| {
        matches!(joint, Some('.' | ',' | ':' | '：' | '-' | '/'))
            && beyond.is_some_and(|c| c.is_ascii_digit())
    };
    // Part of a URL path, e-mail, identifier or masked number: t.cn/A6x9K2, a_1234, 138****8000.
    let glued = |c: Option<char>| matches!(c, Some('/' | '\\' | '_' | '@' | '=' | '&' | '#' | '*'));
    if joins_digits(before, beyond_before)
        || joins_digits(after, beyond_after)
        || glued(before)
        || glued(after)
    {
        return false;
    }
    if token.iter().all(char::is_ascii_digit) {
        // 7 digits is a landline's local number; no code template uses that length. Five digits
        // starting 100/95/12 or 96110 are carrier, company and public-service lines (DESIGN §1).
        let service = token.len() == 5
            && (token.starts_with(&['1', '0', '0'])
                || token.starts_with(&['9', '5'])
                || token.starts_with(&['1', '2'])
                || token == ['9', '6', '1', '1', '0']);
        if token.len() == 7 || service {
            return false;
        }
    } else {
        // Units and currencies written into the token: 100GB, 10min, RMB100.
        let letters_from = token
            .iter()
            .position(|c| c.is_ascii_alphabetic())
            .unwrap_or(0);
        let digits_from = token.iter().position(|c| c.is_ascii_digit()).unwrap_or(0);
        let unit = letters_from > 0
            && token[..letters_from].iter().all(char::is_ascii_digit)
            && is_phrase(&token[letters_from..], Role::NotCodeAfter);
        let currency = digits_from > 0
            && token[digits_from..].iter().all(char::is_ascii_digit)
            && is_phrase(&token[..digits_from], Role::NotCodeBefore);
        if unit || currency {
            return false;
        }
    }
    !phrase_ends_at(text, skip_back(text, run.start), Role::NotCodeBefore)
        && !phrase_starts_at(text, skip_spaces(text, run.end), Role::NotCodeAfter)
}

/// Steps back over spaces, colons and a copula (为, 是, is) to where a cue before a number would end.
fn skip_back(text: &[char], mut i: usize) -> usize {
    // A few steps reach any real cue ("尾号为 1234", "code is: 1234"); the bound keeps "是是是…" cheap.
    for _ in 0..4 {
        while i > 0 && (matches!(text[i - 1], ':' | '：') || text[i - 1].is_whitespace()) {
            i -= 1;
        }
        if i > 0 && matches!(text[i - 1], '为' | '是') {
            i -= 1;
        } else if i >= 2 && phrase_at(text, i - 2, "is") == Some(i) {
            i -= 2;
        } else {
            break;
        }
    }
    i
}

/// Steps forward over spaces to where a unit after a number would start.
fn skip_spaces(text: &[char], mut i: usize) -> usize {
    while i < text.len() && text[i].is_whitespace() {
        i += 1;
    }
    i
}

/// Whether the text says the code is for a carrier business (see [`Role::CarrierBusinessIfCarrier`]).
fn is_carrier_business(sender: &str, text: &[char], marks: &Marks) -> bool {
    if marks.business {
        return true;
    }
    if !marks.business_if_carrier {
        return false;
    }
    // A sender is a phone number: a few dozen characters say all it can.
    let sender = sender
        .char_indices()
        .nth(64)
        .map_or(sender, |(cut, _)| &sender[..cut]);
    let from_carrier = matches!(number::parse(sender).special, Special::Official(_));
    let occurs = |phrase: &str| (0..text.len()).any(|at| phrase_at(text, at, phrase).is_some());
    let names_carrier = Carrier::ALL.iter().any(|carrier| {
        occurs(carrier.name_zh()) || occurs(&carrier.name_en().to_ascii_lowercase())
    });
    from_carrier || marks.carrier || names_carrier
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row of the spec: what `detect` must say about one message.
    struct Case {
        name: &'static str,
        sender: &'static str,
        body: &'static str,
        is_code: bool,
        code_length: Option<u8>,
        sender_name: Option<&'static str>,
        carrier_business: bool,
    }

    const fn case(
        name: &'static str,
        sender: &'static str,
        body: &'static str,
        (is_code, code_length): (bool, Option<u8>),
        sender_name: Option<&'static str>,
        carrier_business: bool,
    ) -> Case {
        Case {
            name,
            sender,
            body,
            is_code,
            code_length,
            sender_name,
            carrier_business,
        }
    }

    const NO_CODE: (bool, Option<u8>) = (false, None);
    const fn code(len: u8) -> (bool, Option<u8>) {
        (true, Some(len))
    }

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // Carrier plan and SIM sign-ups: the scam this module exists for.
        case("china mobile plan sign-up", "10086",
            "【中国移动】您正在办理【5G畅享套餐129元】业务，验证码为836152，10分钟内有效。如非本人操作，请忽略。",
            code(6), Some("中国移动"), true),
        case("china unicom number porting", "10010",
            "【中国联通】验证码：4821，您正在申请办理携号转网业务，请勿告知他人。",
            code(4), Some("中国联通"), true),
        case("china telecom data pack, name at the end", "10001",
            "尊敬的用户，您正在订购流量包（30元/10GB），短信验证码为：739201，5分钟内有效。【中国电信】",
            code(6), Some("中国电信"), true),
        case("generic 办理 counts when the sender is a carrier number", "+8610086",
            "您正在办理业务，确认码 275031，请勿泄露。",
            code(6), None, true),
        case("generic 办理 at a bank is not carrier business", "95555",
            "【招商银行】您正在办理网银业务，验证码：135790，请勿泄露。",
            code(6), Some("招商银行"), false),
        // Banks and apps.
        case("bank card tail is not the code", "95588",
            "【工商银行】您尾号1234的卡于03月21日进行快捷支付，验证码：567890，请勿泄露。",
            code(6), Some("工商银行"), false),
        case("bank 8-digit transaction code", "95566",
            "【中国银行】交易码：88123470，您正在进行网银转账，请勿泄露。",
            code(8), Some("中国银行"), false),
        case("taobao login", "1069xxxx",
            "【淘宝】您的验证码是382910，您正在登录淘宝账号，切勿告知他人。",
            code(6), Some("淘宝"), false),
        case("wechat, 4 digits", "",
            "【腾讯科技】你的微信验证码：5893，5分钟内有效，请勿泄露于他人。",
            code(4), Some("腾讯科技"), false),
        case("alipay 校验码 with a space", "",
            "【支付宝】校验码 662180，你正在使用支付宝，需要进行校验，请勿向任何人提供您收到的短信校验码。",
            code(6), Some("支付宝"), false),
        case("code before the keyword, name at the end", "",
            "123456是您的验证码，请勿泄露。【美团】",
            code(6), Some("美团"), false),
        case("full-width digits", "", "您的动态密码是１２３４５６，请勿泄露。", code(6), None, false),
        case("emoji around the code", "", "🎉验证码123456🎉", code(6), None, false),
        case("a run equally near before and after: the one after wins", "",
            "参考号 8888，验证码 24681357，请勿泄露。",
            code(8), None, false),
        // English.
        case("english OTP", "", "Your OTP is 482913. Do not share it with anyone.", code(6), None, false),
        case("google, code first", "22000", "G-123456 is your Google verification code.", code(6), None, false),
        case("microsoft security code, 4 digits", "", "Your Microsoft security code is 7391.", code(4), None, false),
        case("one-time password, 8 digits", "", "Your one-time password is 55128890 for login.", code(8), None, false),
        case("alphanumeric code", "", "Your verification code is A7K9Q2, valid for 10 minutes.", code(6), None, false),
        case("square-bracket name at the start", "", "[Google] Your verification code is 902314", code(6), Some("Google"), false),
        case("english carrier name makes 'subscribe' carrier business", "",
            "China Mobile: your code is 660912 to subscribe to the add-on.",
            code(6), None, true),
        case("english SIM activation", "", "Your code is 5521 to activate your new SIM card.", code(4), None, true),
        case("OTP only as a whole word", "", "Your OTPs 482913 and SHOTPUT 1234 are not keywords.", NO_CODE, None, false),
        // Not codes: amounts, dates, times, phone numbers, pickup codes, URLs, marketing.
        case("10086 balance notice", "10086",
            "【中国移动】您的账户余额为12.50元，当前可用流量2048MB，截至2026年03月21日。详询10086。",
            NO_CODE, Some("中国移动"), false),
        case("bill reminder mentioning codes but carrying none", "95588",
            "【工商银行】您尾号6688的卡于03月21日12:30支出2000.00元，余额15230.55元。请勿向他人透露验证码，客服95588。",
            NO_CODE, Some("工商银行"), false),
        case("fraud warning: keyword, no code", "10086",
            "【中国移动】温馨提示：任何人向您索要验证码都是诈骗，请勿泄露。详询10086。",
            NO_CODE, Some("中国移动"), false),
        case("pickup code is not a verification code", "",
            "【菜鸟驿站】您的快递已到达幸福里驿站，取件码 8-2-3015，请于18:00前取件。",
            NO_CODE, Some("菜鸟驿站"), false),
        case("pickup code beside a 验证码 warning", "",
            "【丰巢】您的取件码为 5231，请凭取件码取件，工作人员不会索要验证码。",
            NO_CODE, Some("丰巢"), false),
        case("english pickup code", "", "Your pickup code is 4821. Collect your parcel at locker 12.", NO_CODE, None, false),
        case("year next to 年", "", "您的验证码已于2026年3月21日失效。", NO_CODE, None, false),
        case("amount after ¥ and before 元", "", "交易码相关：本次支付￥1999，手续费 5000元。", NO_CODE, None, false),
        case("data volume with a unit", "", "安全码提醒：本月已用 1024 MB，剩余 2048MB。", NO_CODE, None, false),
        case("minutes with 分钟", "", "登录码提醒：本月已赠送1000分钟通话。", NO_CODE, None, false),
        case("data volume written into the token", "", "激活码提醒：您已领取100G流量。", NO_CODE, None, false),
        case("one-character look-alikes of units do not hide a code", "",
            "验证码：345678分享给任何人都可能导致资金损失。",
            code(6), None, false),
        case("mobile number", "", "验证码请咨询 13800138000", NO_CODE, None, false),
        case("landline after a cue", "", "安全码相关问题请致电 87654321。", NO_CODE, None, false),
        case("7-digit local number", "", "激活码问题请找前台 8765432。", NO_CODE, None, false),
        case("short URL", "", "验证码请访问 https://t.cn/A6x9K2Lm 查看", NO_CODE, None, false),
        case("time of day", "", "登录码将于 12:30 更新", NO_CODE, None, false),
        case("code too far from the keyword", "",
            "验证码服务说明：本条短信仅用于测试，不包含任何有效信息，仅供参考，再次感谢您的耐心阅读，编码 123456",
            NO_CODE, None, false),
        case("carrier marketing without a code", "10016",
            "【中国联通】5G畅爽冰激凌套餐限时优惠，月费199元享100GB流量，回复KT办理，退订回T。",
            NO_CODE, Some("中国联通"), false),
        case("order number without a keyword", "", "【京东】您的订单123456已发货。", NO_CODE, Some("京东"), false),
        case("digits in the sender name are not the code", "", "【12306】验证码已发送，请勿泄露。", NO_CODE, Some("12306"), false),
        // Degenerate input.
        case("empty body", "", "", NO_CODE, None, false),
        case("whitespace only", "", " \n\t\u{3000}", NO_CODE, None, false),
        case("part marker is not a name", "", "[1/2]您的验证码是 424242", code(6), None, false),
        case("unclosed bracket", "", "【中国移动 验证码 6060", code(4), None, false),
    ];

    #[test]
    fn detects_as_specified() {
        let failures: Vec<String> = CASES
            .iter()
            .filter_map(|c| {
                let got = detect(c.sender, c.body);
                let want = SmsCode {
                    is_code: c.is_code,
                    code_length: c.code_length,
                    sender_name: c.sender_name.map(str::to_string),
                    mentions_carrier_business: c.carrier_business,
                };
                (got != want)
                    .then(|| format!("{}: {:?}\n  got  {got:?}\n  want {want:?}", c.name, c.body))
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} of {} rows fail:\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn reads_only_the_first_characters_of_a_huge_body() {
        let mut body = "验证码123456，".to_string();
        body.push_str(&"x".repeat(1 << 20));
        assert_eq!(detect("", &body).code_length, Some(6));
        let late = format!("{}验证码123456", "好".repeat(MAX_SCAN_CHARS));
        assert!(
            !detect("", &late).is_code,
            "a code beyond the scanned prefix is not seen"
        );
    }

    #[test]
    fn serializes_with_field_names() {
        let json = serde_json::to_string(&detect("", "【淘宝】验证码1234")).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"is_code":true,"code_length":4,"sender_name":"淘宝","mentions_carrier_business":false}"#
        );
    }
}
