//! Reports: plan, SIM and impersonation reports make `suspicious_plan_offer`; the rest make
//! `reported` (fraud at high risk); counts add up; the setting blocks them.

mod common;

use callguard_core::{Action, Label, ReportCategory, Risk};
use common::{engine, screen_at, T0};

#[test]
fn each_category_gives_its_label() {
    for category in ReportCategory::ALL {
        let (_dir, e) = engine();
        e.report("13912345678", *category, None, T0).unwrap();
        let d = screen_at(&e, "+86 139 1234 5678", T0 + 1);
        let want = if category.is_plan_offer() {
            Label::SuspiciousPlanOffer
        } else {
            Label::Reported
        };
        assert_eq!(d.label, want, "{category}");
        assert_eq!(d.category.as_deref(), Some(category.code()));
        let risk = if category.is_plan_offer() || *category == ReportCategory::Fraud {
            Risk::High
        } else {
            Risk::Medium
        };
        assert_eq!(d.risk, risk, "{category}");
    }
}

#[test]
fn a_plan_offer_report_outweighs_more_reports_of_another_kind() {
    let (_dir, e) = engine();
    for i in 0..3 {
        e.report("13912345678", ReportCategory::Ads, None, T0 + i)
            .unwrap();
    }
    e.report(
        "13912345678",
        ReportCategory::SimOffer,
        Some("wanted my code"),
        T0 + 10,
    )
    .unwrap();
    let d = screen_at(&e, "13912345678", T0 + 20);
    assert_eq!(d.label, Label::SuspiciousPlanOffer);
    assert!(d.banner.unwrap().body.contains("4 time(s)"));
}

#[test]
fn block_reported_rejects_reported_numbers() {
    let (_dir, e) = engine();
    e.report("13912345678", ReportCategory::PlanOffer, None, T0)
        .unwrap();
    e.set_setting("block_reported", "true").unwrap();
    assert_eq!(screen_at(&e, "13912345678", T0 + 1).action, Action::Reject);
}

#[test]
fn patterns_and_non_numbers_cannot_be_reported() {
    let (_dir, e) = engine();
    for bad in ["170*", "hello", "", "0755????????"] {
        assert!(
            e.report(bad, ReportCategory::Fraud, None, T0).is_err(),
            "{bad:?}"
        );
    }
}
