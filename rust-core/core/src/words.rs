//! The words a person reads for every code — labels, reasons, actions, kinds, report categories —
//! in Simplified Chinese and English, as data in one place.

use serde::{Deserialize, Serialize};

use crate::classify::ReportCategory;
use crate::decision::{Action, Label, Reason};
use crate::number::NumberKind;
use crate::policy::LanguageSetting;

code_enum! {
    /// A language the core writes in.
    pub enum Lang {
        /// Simplified Chinese (zh-CN).
        Zh = "zh",
        /// English.
        En = "en",
    }
}

impl Lang {
    /// The language to use: the setting unless it is `auto`, then the phone's locale (a BCP 47
    /// tag or POSIX locale such as "zh-CN" or "en_US.UTF-8"), and Chinese when that is unknown.
    pub fn resolve(setting: LanguageSetting, locale: Option<&str>) -> Lang {
        match setting {
            LanguageSetting::Zh => Lang::Zh,
            LanguageSetting::En => Lang::En,
            LanguageSetting::Auto => match locale
                .map(str::trim)
                .filter(|l| !l.is_empty() && *l != "C" && *l != "POSIX")
            {
                Some(l) if !l.to_ascii_lowercase().starts_with("zh") => Lang::En,
                _ => Lang::Zh,
            },
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    /// Simplified Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Words {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

const fn w(zh: &'static str, en: &'static str) -> Words {
    Words { zh, en }
}

/// The name of a label.
pub fn label(l: Label) -> Words {
    match l {
        Label::Hidden => w("隐藏号码", "Hidden number"),
        Label::Emergency => w("紧急服务", "Emergency services"),
        Label::PublicService => w("公共服务号码", "Public-service line"),
        Label::CarrierHotline => w("运营商官方客服", "Carrier hotline"),
        Label::CarrierMarketing => w("运营商官方营销号码", "Official carrier marketing"),
        Label::CarrierLookalike => w("冒充运营商号码", "Carrier look-alike"),
        Label::Contact => w("联系人", "Contact"),
        Label::UserBlocked => w("已拦截号码", "Blocked by you"),
        Label::UserAllowed => w("信任号码", "Allowed by you"),
        Label::SuspiciousPlanOffer => w("疑似推销套餐/电话卡", "Reported: plan or SIM card offer"),
        Label::Reported => w("被举报号码", "Reported number"),
        Label::International => w("国际来电", "International call"),
        Label::Suspicious => w("可疑号码", "Suspicious number"),
        Label::ServiceNumber => w("服务号码", "Service line"),
        Label::Unknown => w("陌生号码", "Unknown number"),
    }
}

/// What a reason means, in a sentence fragment.
pub fn reason(r: Reason) -> Words {
    match r {
        Reason::PresentationRestricted => w("来电隐藏了号码", "the caller withheld the number"),
        Reason::NoNumber => w("没有来电号码", "no number was presented"),
        Reason::InvalidNumber => w("不是有效的电话号码", "not a valid phone number"),
        Reason::EmergencyNumber => w("紧急服务号码", "an emergency-services number"),
        Reason::PublicServiceNumber => w(
            "12 开头的政府/公共服务热线",
            "a 12xxx government or public-service line",
        ),
        Reason::AntiFraudLine => w("公安反诈专线 96110", "the police anti-fraud line 96110"),
        Reason::OfficialMarketingNumber => w(
            "运营商唯一的官方营销号码",
            "the carrier's only official marketing number",
        ),
        Reason::OfficialHotlineNumber => w(
            "运营商官方客服热线",
            "the carrier's official customer-service hotline",
        ),
        Reason::CountryPrefixStripped => w(
            "去掉了 +86/0086/86 国家码",
            "the +86/0086/86 country prefix was removed",
        ),
        Reason::IpPrefixStripped => w(
            "去掉了 IP 拨号前缀（如 17951、12593）",
            "an IP-dialling prefix (17951, 12593 …) was removed",
        ),
        Reason::ExtraDigitsAfterCarrierCode => w(
            "运营商号码后面多了数字",
            "extra digits after a carrier number",
        ),
        Reason::AreaCodeBeforeCarrierCode => w(
            "运营商号码前面加了区号或 0",
            "an area code or 0 before a carrier number",
        ),
        Reason::PrefixBeforeCarrierCode => w(
            "运营商号码前面加了其他前缀",
            "another prefix before a carrier number",
        ),
        Reason::ForeignCountryCode => w(
            "运营商号码前面是境外国家码",
            "a foreign country code before a carrier number",
        ),
        Reason::InboundOnlyNumber => w(
            "400/800 号码只能接听，不会主动呼出",
            "400/800 numbers only receive calls",
        ),
        Reason::SmsOnlyPort => w(
            "106 号段只发短信，不打电话",
            "106 numbers only send text messages",
        ),
        Reason::CallCentre95 => w("95 开头的外呼中心号码", "a 95 call-centre number"),
        Reason::ServiceLine95 => w("企业 95 客服号码", "a company's 95 service line"),
        Reason::MvnoServiceLine => w("虚拟运营商客服号码", "a virtual operator's service line"),
        Reason::IotNumber => w("物联网（数据卡）号码", "an IoT (data-only) number"),
        Reason::MvnoRange => w("虚拟运营商号段", "a virtual-operator (MVNO) range"),
        Reason::SatelliteRange => w("卫星电话号段", "a satellite-phone range"),
        Reason::InContacts => w("在您的通讯录中", "in your contacts"),
        Reason::ReportedByUser => w("您举报过", "you reported it"),
        Reason::ReportedByList => w("导入的名单中被举报", "reported in an imported list"),
        Reason::UserRule => w(
            "匹配您的黑/白名单规则",
            "matches one of your block/allow rules",
        ),
        Reason::RefusedMarketing => w(
            "您已拒绝该运营商的营销来电",
            "you refused this carrier's marketing",
        ),
        Reason::RepeatedCallPassthrough => w(
            "短时间内再次来电，已放行",
            "called again within minutes, so let through",
        ),
        Reason::NeverBlock => w("此类号码从不拦截", "such numbers are never blocked"),
        Reason::BlockedBySetting => w("按您的拦截设置处理", "blocked by your settings"),
        Reason::StrictMode => w("严格模式：只接听联系人", "strict mode: contacts only"),
        Reason::ContactsUnknown => w(
            "无法确认是否为联系人，严格模式未拦截",
            "strict mode let it ring: contacts could not be checked",
        ),
        Reason::ProtectionPaused => w("保护已暂停", "protection is paused"),
        Reason::CallerVerified => w("网络已验证来电号码", "the network verified the number"),
        Reason::CallerVerificationFailed => w(
            "网络验证来电号码失败，可能是改号",
            "the network's caller-ID check failed: likely spoofed",
        ),
        Reason::FailOpen => w(
            "CallGuard 出错，为安全起见放行",
            "CallGuard hit an error, so the call was let through",
        ),
    }
}

/// What an action means.
pub fn action(a: Action) -> Words {
    match a {
        Action::Allow => w("响铃", "ring"),
        Action::Silence => w("静音", "silence"),
        Action::Reject => w("拒接", "reject"),
    }
}

/// The name of a number kind.
pub fn kind(k: NumberKind) -> Words {
    match k {
        NumberKind::Mobile => w("手机", "mobile"),
        NumberKind::Landline => w("固定电话", "landline"),
        NumberKind::TollFree => w("800 免费电话", "800 toll-free"),
        NumberKind::SharedCost => w("400 电话", "400 shared-cost"),
        NumberKind::ShortCode => w("短号码", "short code"),
        NumberKind::SmsPort => w("106 短信端口", "106 SMS port"),
        NumberKind::Iot => w("物联网号码", "IoT number"),
        NumberKind::International => w("国际号码", "international"),
        NumberKind::Hidden => w("隐藏号码", "hidden"),
        NumberKind::Invalid => w("无效号码", "invalid"),
    }
}

/// The name of a report category.
pub fn category(c: ReportCategory) -> Words {
    match c {
        ReportCategory::PlanOffer => w("推销套餐/升级/流量", "offering a plan, upgrade or data"),
        ReportCategory::SimOffer => w("推销电话卡", "offering a SIM card"),
        ReportCategory::CarrierImpersonation => w("冒充运营商", "pretending to be a carrier"),
        ReportCategory::Fraud => w("诈骗", "fraud"),
        ReportCategory::Harassment => w("骚扰", "harassment"),
        ReportCategory::Ads => w("广告推销", "advertising"),
        ReportCategory::RealEstate => w("房产中介", "real estate"),
        ReportCategory::Insurance => w("保险推销", "insurance sales"),
        ReportCategory::Loans => w("贷款推销", "loans"),
        ReportCategory::Delivery => w("快递外卖", "delivery"),
        ReportCategory::Other => w("其他", "other"),
    }
}
