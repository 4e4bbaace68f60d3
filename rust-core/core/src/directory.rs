//! The carrier directory: who the four carriers are, their official numbers, and which mobile
//! prefixes they were allocated — all as data, each table with its source.

code_enum! {
    /// A mainland-China network operator.
    pub enum Carrier {
        /// 中国移动.
        ChinaMobile = "china_mobile",
        /// 中国联通.
        ChinaUnicom = "china_unicom",
        /// 中国电信.
        ChinaTelecom = "china_telecom",
        /// 中国广电.
        ChinaBroadnet = "china_broadnet",
    }
}

impl Carrier {
    /// The carrier's name in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            Carrier::ChinaMobile => "中国移动",
            Carrier::ChinaUnicom => "中国联通",
            Carrier::ChinaTelecom => "中国电信",
            Carrier::ChinaBroadnet => "中国广电",
        }
    }

    /// The carrier's name in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Carrier::ChinaMobile => "China Mobile",
            Carrier::ChinaUnicom => "China Unicom",
            Carrier::ChinaTelecom => "China Telecom",
            Carrier::ChinaBroadnet => "China Broadnet",
        }
    }

    /// The one number this carrier markets from, if it announced one (Broadnet did not).
    pub fn marketing_number(self) -> Option<&'static str> {
        CARRIER_NUMBERS
            .iter()
            .find(|n| n.carrier == self && n.role == NumberRole::Marketing)
            .map(|n| n.number)
    }

    /// The carrier's customer-service hotline.
    pub fn hotline(self) -> &'static str {
        CARRIER_NUMBERS
            .iter()
            .find(|n| n.carrier == self && n.role == NumberRole::Hotline)
            .map_or("", |n| n.number)
    }
}

/// What an official carrier number is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberRole {
    /// The only number the carrier markets from.
    Marketing,
    /// The customer-service hotline.
    Hotline,
}

/// One of the seven official carrier numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarrierNumber {
    /// The bare five-digit number.
    pub number: &'static str,
    /// Whose number it is.
    pub carrier: Carrier,
    /// Marketing or hotline.
    pub role: NumberRole,
}

/// The seven official numbers. Source: the carriers' joint announcement of 1 Aug 2025 (reported
/// by Xinhua and CCTV, "from MIIT"); Broadnet announced no marketing number — never invent one.
#[rustfmt::skip]
pub const CARRIER_NUMBERS: [CarrierNumber; 7] = [
    CarrierNumber { number: "10001", carrier: Carrier::ChinaTelecom, role: NumberRole::Marketing },
    CarrierNumber { number: "10085", carrier: Carrier::ChinaMobile, role: NumberRole::Marketing },
    CarrierNumber { number: "10016", carrier: Carrier::ChinaUnicom, role: NumberRole::Marketing },
    CarrierNumber { number: "10000", carrier: Carrier::ChinaTelecom, role: NumberRole::Hotline },
    CarrierNumber { number: "10086", carrier: Carrier::ChinaMobile, role: NumberRole::Hotline },
    CarrierNumber { number: "10010", carrier: Carrier::ChinaUnicom, role: NumberRole::Hotline },
    CarrierNumber { number: "10099", carrier: Carrier::ChinaBroadnet, role: NumberRole::Hotline },
];

/// The official carrier number `digits` is exactly, if any.
pub fn carrier_number(digits: &str) -> Option<&'static CarrierNumber> {
    CARRIER_NUMBERS.iter().find(|n| n.number == digits)
}

/// The marketing numbers in the order the banners list them.
pub const MARKETING_NUMBERS: &str = "10001 / 10085 / 10016";

/// What a mobile prefix says about the number besides its carrier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeKind {
    /// An ordinary range of the carrier's own subscribers.
    Own,
    /// A virtual-operator (MVNO) range hosted on the carrier's network.
    Mvno,
    /// A satellite-phone range.
    Satellite,
}

/// One row of the mobile prefix table: the longest matching prefix wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MobileRange {
    /// Leading digits of the 11-digit number.
    pub prefix: &'static str,
    /// The allocated carrier, if the range has one (satellite ranges may not).
    pub carrier: Option<Carrier>,
    /// Ordinary, MVNO or satellite.
    pub kind: RangeKind,
}

const fn own(prefix: &'static str, carrier: Carrier) -> MobileRange {
    MobileRange {
        prefix,
        carrier: Some(carrier),
        kind: RangeKind::Own,
    }
}

const fn mvno(prefix: &'static str, carrier: Carrier) -> MobileRange {
    MobileRange {
        prefix,
        carrier: Some(carrier),
        kind: RangeKind::Mvno,
    }
}

const fn mvno_unhosted(prefix: &'static str) -> MobileRange {
    MobileRange {
        prefix,
        carrier: None,
        kind: RangeKind::Mvno,
    }
}

const fn satellite(prefix: &'static str, carrier: Option<Carrier>) -> MobileRange {
    MobileRange {
        prefix,
        carrier,
        kind: RangeKind::Satellite,
    }
}

use Carrier::{ChinaBroadnet as B, ChinaMobile as M, ChinaTelecom as T, ChinaUnicom as U};

/// Mobile prefixes. Source: MIIT numbering table of March 2023, cross-checked with
/// libphonenumber's CN metadata and carrier data (PyPI `phonenumbers` 9.0.43), which the
/// comparison in tests/libphonenumber checks on every run. A prefix is only a hint: numbers port between carriers since 2019.
#[rustfmt::skip]
pub const MOBILE_RANGES: &[MobileRange] = &[
    // China Mobile. 1349 is the China Satcom satellite block inside 134.
    own("1340", M), own("1341", M), own("1342", M), own("1343", M), own("1344", M),
    own("1345", M), own("1346", M), own("1347", M), own("1348", M), satellite("1349", None),
    own("135", M), own("136", M), own("137", M), own("138", M), own("139", M),
    own("147", M), own("148", M), own("150", M), own("151", M), own("152", M),
    own("157", M), own("158", M), own("159", M), own("172", M),
    own("178", M), own("182", M), own("183", M), own("184", M), own("187", M),
    own("188", M), own("195", M), own("197", M), own("198", M),
    // China Unicom.
    own("130", U), own("131", U), own("132", U), own("145", U), own("146", U),
    own("155", U), own("156", U), own("166", U), mvno("167", U), mvno("171", U),
    own("175", U), own("176", U), own("185", U), own("186", U), own("196", U),
    // China Telecom. 1740(0-5) is Telecom's Tiantong satellite block; the rest of 174 is satellite.
    own("133", T), own("149", T), own("153", T), own("173", T),
    satellite("17400", Some(T)), satellite("17401", Some(T)), satellite("17402", Some(T)),
    satellite("17403", Some(T)), satellite("17404", Some(T)), satellite("17405", Some(T)),
    satellite("174", None), own("177", T), own("180", T), own("181", T), own("189", T),
    own("190", T), own("191", T), own("193", T), own("199", T), satellite("1619", None),
    // China Broadnet.
    own("1610", B), own("192", B),
    // Virtual-operator ranges whose host network no source states (libphonenumber gives none).
    mvno_unhosted("162"), mvno_unhosted("165"),
    // 170 is split by its fourth digit, and all of it is MVNO.
    mvno("1700", T), mvno("1701", T), mvno("1702", T),
    mvno("1703", M), mvno("1705", M), mvno("1706", M),
    mvno("1704", U), mvno("1707", U), mvno("1708", U), mvno("1709", U),
];

/// The range an 11-digit mobile number falls in: the longest matching prefix.
pub fn mobile_range(digits: &str) -> Option<&'static MobileRange> {
    MOBILE_RANGES
        .iter()
        .filter(|r| digits.starts_with(r.prefix))
        .max_by_key(|r| r.prefix.len())
}

/// Emergency numbers. Source: DESIGN §1 (110 police, 119 fire, 120 ambulance, 122 traffic; 112
/// and 999 also reach emergency services from mobiles).
pub const EMERGENCY_NUMBERS: [&str; 6] = ["110", "119", "120", "122", "112", "999"];

/// The police anti-fraud line, answered nationwide and often shown behind an area code.
pub const ANTI_FRAUD_LINE: &str = "96110";

/// IP-dialling / carrier-select prefixes seen before a number (DESIGN §1). Any 179xx is one too.
pub const IP_PREFIXES: [&str; 5] = ["12593", "17951", "17909", "17911", "10193"];

/// Whether `digits` starts with an IP-dialling prefix; returns its length.
pub fn ip_prefix_len(digits: &str) -> Option<usize> {
    let b = digits.as_bytes();
    if b.len() >= 5 && b[..3] == *b"179" && b[3].is_ascii_digit() && b[4].is_ascii_digit() {
        return Some(5);
    }
    IP_PREFIXES
        .iter()
        .find(|p| digits.starts_with(*p))
        .map(|p| p.len())
}

/// ITU-T E.164 country codes of one and two digits; all others have three. Source: ITU-T E.164
/// assigned codes list (1 NANP, 7 Russia/Kazakhstan, 2x/3x/4x/5x/6x/8x/9x two-digit zones).
#[rustfmt::skip]
const TWO_DIGIT_COUNTRY_CODES: [&str; 44] = [
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
    "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
    "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
];

/// The length of the country code at the start of an international number's digits.
pub fn country_code_len(digits: &str) -> usize {
    match digits.as_bytes().first() {
        Some(b'1') | Some(b'7') => 1,
        _ if TWO_DIGIT_COUNTRY_CODES
            .iter()
            .any(|c| digits.starts_with(c)) =>
        {
            2
        }
        _ => 3.min(digits.len()),
    }
}
