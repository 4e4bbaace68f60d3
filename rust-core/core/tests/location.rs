//! Where a caller is from (DESIGN §2 `number.location`, issue 13): every area code names its city,
//! mobile prefixes name theirs (号段归属地) in the request's language, the range operator is a
//! hint that never changes a label, unknown places are null — never a guess, never "China" — and
//! the place shows in the decision JSON, the banner, history and the 12321 evidence.

mod common;

use callguard_core::areas::{self, TWO_DIGIT_AREA_CODES};
use callguard_core::classify::ReportCategory;
use callguard_core::directory::Carrier;
use callguard_core::location::{self, area_place, data_facts, mobile_place, range_operator};
use callguard_core::{Label, Lang, ScreenRequest};
use proptest::prelude::*;

use common::{engine, T0};

/// (number as presented, place in Chinese, place in English); `None` where the data says nothing.
#[rustfmt::skip]
const PLACES: &[(&str, Option<&str>, Option<&str>)] = &[
    // Landlines: the area code's city.
    ("0755 2345 6789", Some("广东省深圳市"), Some("Shenzhen, Guangdong")),
    ("010-62345678", Some("北京市"), Some("Beijing")),
    ("+86 21 6234 5678", Some("上海市"), Some("Shanghai")),
    ("0571 8765 4321", Some("浙江省杭州市"), Some("Hangzhou, Zhejiang")),
    ("0851 8234567", Some("贵州省贵阳市、遵义市、安顺市"), Some("Guiyang/Zunyi/Anshun, Guizhou")),
    ("0852 2234567", None, None), // Zunyi moved to 0851 in 2015: no fixed line has 0852 now
    ("0335 3123456", Some("河北省秦皇岛市"), Some("Qinhuangdao, Hebei")),
    // Stale names corrected by tools/location/overrides.tsv.
    ("0710 3123456", Some("湖北省襄阳市"), Some("Xiangyang, Hubei")),
    ("0857 8123456", Some("贵州省毕节市"), Some("Bijie, Guizhou")),
    // Mobiles: the 7-digit prefix's city.
    ("13800138000", Some("北京市"), Some("Beijing")),
    ("+86 139 0755 0000", Some("海南省海口市"), Some("Haikou, Hainan")),
    ("15012345678", Some("云南省昭通市"), Some("Zhaotong, Yunnan")),
    ("18971000000", Some("湖北省武汉市"), Some("Wuhan, Hubei")),
    ("18972200000", Some("湖北省襄阳市"), Some("Xiangyang, Hubei")), // the data says 襄樊
    // Not placed by the data: null, not "China".
    ("17312345678", None, None), // the catch-all 173 → Beijing line is dropped
    ("13490000000", None, None), // the 1349 satellite block → Beijing catch-all too
    ("19912345678", None, None),
    ("16612345678", None, None),
    ("19212345678", None, None),
    ("0978 1234567", None, None), // a valid area code the data names nothing for
    // Numbers that are nowhere.
    ("10086", None, None),
    ("12321", None, None),
    ("+44 20 7946 0958", None, None),
    ("", None, None),
];

fn located(raw: &str, lang: Lang) -> Option<String> {
    callguard_core::screen::decide_builtin(
        &ScreenRequest {
            lang: Some(lang),
            ..ScreenRequest::number(raw)
        },
        lang,
    )
    .number
    .location
}

#[test]
fn numbers_are_placed_in_the_requests_language() {
    for &(raw, zh, en) in PLACES {
        assert_eq!(located(raw, Lang::Zh).as_deref(), zh, "{raw} in Chinese");
        assert_eq!(located(raw, Lang::En).as_deref(), en, "{raw} in English");
    }
}

#[test]
fn every_area_code_names_its_city_in_both_languages() {
    let facts = data_facts();
    // 321 area codes are valid for fixed lines in the pinned metadata; 0978 has no name.
    assert_eq!(facts.area_codes.len(), 320);
    for code in &facts.area_codes {
        for lang in [Lang::Zh, Lang::En] {
            let place = area_place(code, lang).unwrap_or_else(|| panic!("{code} has no place"));
            assert!(
                !place.is_empty() && place != "中国" && place != "China",
                "{code}"
            );
        }
    }
    for code in TWO_DIGIT_AREA_CODES {
        assert!(area_place(&code.to_string(), Lang::Zh).is_some(), "0{code}");
    }
    assert!(facts.area_codes.iter().any(|c| c == "0755"));
    assert_eq!(area_place("755", Lang::Zh), area_place("0755", Lang::Zh));
}

#[test]
fn the_compiled_in_data_is_whole_and_fully_read() {
    let facts = data_facts();
    assert!(facts.unread_lines.is_empty(), "{:?}", facts.unread_lines);
    assert!(
        facts.mobile_intact,
        "location-mobile.bin does not inflate to its stated length"
    );
    assert_eq!(facts.mobile_inflated_bytes, 2 * location::MOBILE_PREFIXES);
    assert!(
        facts.mobile_packed_bytes < 200 * 1024,
        "{}",
        facts.mobile_packed_bytes
    );
    assert_eq!(facts.mobile_sha256.len(), 64);
    for header in [
        "source\tphonenumbers 9.0.43",
        "sha256\t",
        "licence\tApache-2.0",
        "dropped\t1349 173",
    ] {
        assert!(
            facts.text.contains(header),
            "header line {header:?} missing"
        );
    }
}

#[test]
fn uncovered_prefixes_and_the_catch_all_are_null() {
    // Every 173 prefix the data does not list precisely was "Beijing" in the data.
    let beijing_173 = (1_730_000..1_740_000)
        .filter(|p| mobile_place(&format!("{p}0000"), Lang::Zh) == Some("北京市"))
        .count();
    assert!(
        beijing_173 < 100,
        "{beijing_173} prefixes of 173 still say Beijing"
    );
    for digits in [
        "1540000000",
        "1",
        "",
        "abcdefghijk",
        "12999999999",
        "20000000000",
    ] {
        assert_eq!(mobile_place(digits, Lang::Zh), None, "{digits:?}");
    }
}

/// (number, the range operator shown) — the directory's carrier first, the data's where the
/// directory has none.
#[rustfmt::skip]
const RANGES: &[(&str, Option<Carrier>)] = &[
    ("13800138000", Some(Carrier::ChinaMobile)),
    ("18612345678", Some(Carrier::ChinaUnicom)),
    ("19912345678", Some(Carrier::ChinaTelecom)),
    ("19212345678", Some(Carrier::ChinaBroadnet)),
    ("17012345678", Some(Carrier::ChinaTelecom)),
    ("17400123456", Some(Carrier::ChinaTelecom)), // the directory's own Tiantong block
    ("17412345678", Some(Carrier::ChinaTelecom)), // the data's block: the directory names none
    ("13490000000", None),                        // satellite: neither names an operator
    ("15412345678", None),                        // unallocated; the data's "15" catch-all is dropped
];

#[test]
fn the_range_operator_is_a_hint_that_never_changes_the_label() {
    for &(raw, carrier) in RANGES {
        let d = callguard_core::screen::decide_builtin(&ScreenRequest::number(raw), Lang::Zh);
        assert_eq!(d.number.carrier_hint, carrier, "{raw}");
        assert_eq!(d.label, Label::Unknown, "{raw}");
        assert_eq!(
            d.carrier, None,
            "{raw}: the range is never the caller's carrier"
        );
    }
    assert_eq!(range_operator("16112345678"), Some(Carrier::ChinaBroadnet));
    assert_eq!(range_operator("1"), None);
}

/// (language, number, words the banner body must end with).
#[rustfmt::skip]
const BANNER_WORDS: &[(Lang, &str, &str)] = &[
    (Lang::Zh, "13800138000", "归属地：北京市 · 号段：中国移动。"),
    (Lang::En, "13800138000", "Location: Beijing · Range: China Mobile."),
    (Lang::Zh, "075523456789", "归属地：广东省深圳市。"),
    (Lang::En, "075523456789", "Location: Shenzhen, Guangdong."),
    (Lang::Zh, "19912345678", "号段：中国电信。"),
    (Lang::En, "19912345678", "Range: China Telecom."),
];

#[test]
fn the_banner_says_where_the_caller_is_from_and_whose_range_it_is() {
    for &(lang, raw, words) in BANNER_WORDS {
        let d = callguard_core::screen::decide_builtin(&ScreenRequest::number(raw), lang);
        let body = d.banner.expect("unknown callers get a banner").body;
        assert!(body.ends_with(words), "{raw}: {body}");
    }
    let hotline = callguard_core::screen::decide_builtin(&ScreenRequest::number("10086"), Lang::Zh);
    assert!(!hotline.banner.unwrap().body.contains("归属地"));
}

#[test]
fn the_decision_json_carries_the_location_or_null() {
    let json = |raw: &str, lang| {
        let d = callguard_core::screen::decide_builtin(&ScreenRequest::number(raw), lang);
        serde_json::to_value(&d).unwrap()["number"]["location"].clone()
    };
    assert_eq!(json("075523456789", Lang::Zh), "广东省深圳市");
    assert_eq!(json("075523456789", Lang::En), "Shenzhen, Guangdong");
    assert_eq!(json("17312345678", Lang::Zh), serde_json::Value::Null);
}

#[test]
fn history_and_evidence_say_where_numbers_are_from() {
    let (_dir, e) = engine();
    e.screen(&ScreenRequest {
        time: Some(T0),
        ..ScreenRequest::number("13800138000")
    });
    let zh = e.history_in(10, Lang::Zh).unwrap();
    assert_eq!(zh[0].location.as_deref(), Some("北京市"));
    assert_eq!(zh[0].carrier_hint, Some(Carrier::ChinaMobile));
    let en = e.history_in(10, Lang::En).unwrap();
    assert_eq!(en[0].location.as_deref(), Some("Beijing"));
    e.report("13800138000", ReportCategory::Ads, None, T0 + 1)
        .unwrap();
    let text = e.evidence(Lang::Zh).unwrap().text;
    assert!(
        text.contains("号码：13800138000\n归属地：北京市 · 号段：中国移动\n"),
        "{text}"
    );
}

proptest! {
    /// Whatever the digits, a place is a real name from the table, never the country.
    #[test]
    fn any_digits_give_a_real_place_or_none(digits in "[0-9]{0,12}") {
        for lang in [Lang::Zh, Lang::En] {
            for place in [mobile_place(&digits, lang), area_place(&digits, lang)].into_iter().flatten() {
                prop_assert!(!place.is_empty() && place != "中国" && place != "China");
            }
        }
    }
}

#[test]
fn every_area_code_the_plan_reads_has_a_city_but_the_two_the_data_lacks() {
    // 0852 (Zunyi until 2013, kept so old presentations still read as landlines) and 0978
    // (valid in libphonenumber's metadata, named nowhere in its geocoding) have no place.
    let facts = data_facts();
    for code in areas::all() {
        let place = area_place(&code, Lang::Zh);
        match code.as_str() {
            "0852" | "0978" => assert_eq!(place, None, "{code}"),
            _ => assert!(
                place.is_some(),
                "{code} is read as an area code but has no city"
            ),
        }
        if code != "0852" && code != "0978" {
            assert!(
                facts.area_codes.contains(&code),
                "{code} missing from the location table"
            );
        }
    }
}
