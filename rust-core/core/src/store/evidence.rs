//! Complaint evidence: for each marketing refusal, every call the carrier made after it, worded
//! for a complaint to 12300 (MIIT, after the carrier failed to fix it within 15 days); for each
//! number the user reported, the fields 12321 asks for (number, category, call times).

use serde::{Deserialize, Serialize};

use super::{ReportSource, Store};
use crate::classify::ReportCategory;
use crate::directory::Carrier;
use crate::error::Result;
use crate::time::format_beijing;
use crate::words::{self, Lang};

/// Everything a complaint needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// One entry per refusal.
    pub refusals: Vec<RefusalEvidence>,
    /// One entry per number the user reported.
    pub reported: Vec<ReportedEvidence>,
    /// The complaint text, ready to paste, in the requested language.
    pub text: String,
}

/// A refusal and the calls that came after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusalEvidence {
    /// The carrier refused.
    pub carrier: Carrier,
    /// When, in ms since the epoch.
    pub refused_at: i64,
    /// Its marketing calls after the refusal.
    pub calls: Vec<CallTime>,
}

/// One call: when and from which number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallTime {
    /// When, in ms since the epoch.
    pub time: i64,
    /// The number, in full: the user is filing a complaint about it.
    pub number: String,
}

/// A reported number with what 12321 asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedEvidence {
    /// The number.
    pub number: String,
    /// The category reported most often.
    pub category: ReportCategory,
    /// How many reports the user made.
    pub count: u32,
    /// When it called, oldest first.
    pub call_times: Vec<i64>,
}

/// The most call times listed per number.
const MAX_CALLS: i64 = 200;

/// Gathers the evidence and words it in `lang`.
pub fn gather(store: &Store, lang: Lang) -> Result<Evidence> {
    let conn = store.conn();
    let mut refusals = Vec::new();
    for r in store.refusals()? {
        let mut stmt = conn.prepare_cached(
            "SELECT time, number FROM evidence_calls WHERE carrier = ?1 AND time > ?2 ORDER BY time LIMIT ?3",
        )?;
        let calls = stmt
            .query_map(
                rusqlite::params![r.carrier.code(), r.refused_at, MAX_CALLS],
                |row| {
                    Ok(CallTime {
                        time: row.get(0)?,
                        number: row.get(1)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        refusals.push(RefusalEvidence {
            carrier: r.carrier,
            refused_at: r.refused_at,
            calls,
        });
    }
    let mut reported = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT number, category, COUNT(*) AS n FROM reports WHERE source = ?1
         GROUP BY number, category ORDER BY number, n DESC",
    )?;
    let rows = stmt.query_map([ReportSource::User.code()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u32>(2)?,
        ))
    })?;
    for row in rows {
        let (number, category, count) = row?;
        let Some(category) = ReportCategory::from_code(&category) else {
            continue;
        };
        match reported.last_mut() {
            // Rows come most-reported category first per number; add the rest to its count.
            Some(ReportedEvidence {
                number: n,
                count: c,
                ..
            }) if *n == number => *c += count,
            _ => reported.push(ReportedEvidence {
                number,
                category,
                count,
                call_times: Vec::new(),
            }),
        }
    }
    let mut times = conn.prepare(
        "SELECT time FROM evidence_calls WHERE number = ?1 UNION SELECT time FROM history WHERE number = ?1
         ORDER BY time LIMIT ?2",
    )?;
    for entry in &mut reported {
        entry.call_times = times
            .query_map(rusqlite::params![entry.number, MAX_CALLS], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    let text = render(&refusals, &reported, lang);
    Ok(Evidence {
        refusals,
        reported,
        text,
    })
}

fn carrier_name(c: Carrier, lang: Lang) -> &'static str {
    lang.pick(c.name_zh(), c.name_en())
}

/// The complaint text: one letter per refusal with calls after it, one per reported number.
pub fn render(refusals: &[RefusalEvidence], reported: &[ReportedEvidence], lang: Lang) -> String {
    let mut out = String::new();
    for r in refusals {
        let name = carrier_name(r.carrier, lang);
        let date = format_beijing(r.refused_at);
        if r.calls.is_empty() {
            out += &match lang {
                Lang::Zh => format!("{name}：您于 {date} 拒绝营销后，尚未收到其营销来电。\n\n"),
                Lang::En => format!("{name}: no marketing calls since you refused on {date}.\n\n"),
            };
            continue;
        }
        let number = r.calls[0].number.as_str();
        out += &match lang {
            Lang::Zh => format!(
                "致工业和信息化部电信用户申诉受理中心（12300）：\n本人于 {date}（北京时间）明确拒绝{name}的营销来电，此后其营销号码 {number} 仍来电 {} 次：\n",
                r.calls.len()
            ),
            Lang::En => format!(
                "To the MIIT Telecom User Complaint Centre (12300):\nOn {date} (Beijing time) I clearly refused marketing calls from {name}. Since then its marketing number {number} has called me {}:\n",
                match r.calls.len() {
                    1 => "once".to_owned(),
                    n => format!("{n} times"),
                }
            ),
        };
        for (i, call) in r.calls.iter().enumerate() {
            out += &format!(
                "  {}. {}  {}\n",
                i + 1,
                format_beijing(call.time),
                call.number
            );
        }
        let hotline = r.carrier.hotline();
        out += &match lang {
            // CallGuard does not know whether or when the user complained to the carrier: the
            // text leaves the date to fill in and says why it matters, never asserting it.
            Lang::Zh => format!(
                "本人已于＿＿＿＿（请填写日期）先向{name}（{hotline}）投诉，15 日内未获解决。根据运营商“明确拒绝后须停止营销”的承诺，请求责令其停止向本人营销。\n（提示：12300 只受理已先向运营商投诉且 15 日内未获解决的申诉。如尚未投诉，请先拨打 {hotline}。）\n\n"
            ),
            Lang::En => format!(
                "I complained to {name} ({hotline}) first, on ____ (fill in the date), and it was not resolved within 15 days. The carriers undertook to stop marketing once a user refuses; I ask that {name} be ordered to stop.\n(Note: 12300 takes a complaint only after the carrier has had 15 days to resolve it. If you have not complained yet, call {hotline} first.)\n\n"
            ),
        };
    }
    for r in reported {
        let category = words::category(r.category).get(lang);
        let times: Vec<String> = r.call_times.iter().map(|t| format_beijing(*t)).collect();
        let times = if times.is_empty() {
            lang.pick("（未记录）", "(none recorded)").to_owned()
        } else {
            times.join(", ")
        };
        // Where the number is registered helps the centre route the report.
        let place = crate::location::describe(&r.number, lang)
            .map(|p| format!("{p}\n"))
            .unwrap_or_default();
        out += &match lang {
            Lang::Zh => format!(
                "致 12321 网络不良与垃圾信息举报受理中心：\n号码：{}\n{place}类型：{category}\n来电时间（北京时间）：{times}\n通话时长与情况描述：请在提交时补充。\n\n",
                r.number
            ),
            Lang::En => format!(
                "To the 12321 harassment and fraud reporting centre:\nNumber: {}\n{place}Type: {category}\nCall times (Beijing time): {times}\nCall length and description: add these when you file.\n\n",
                r.number
            ),
        };
    }
    if out.is_empty() {
        out = lang
            .pick(
                "暂无证据：您还没有拒绝营销或举报号码。\n",
                "No evidence yet: you have not refused marketing or reported a number.\n",
            )
            .to_owned();
    }
    out
}
