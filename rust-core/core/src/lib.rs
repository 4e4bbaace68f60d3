//! CallGuard's core: everything that decides what an incoming call is and what to do with it.
//!
//! A call enters as a [`ScreenRequest`]; [`number`] normalises it, [`classify`] labels it by the
//! carriers' rules and the user's data, [`policy`] picks the action, [`banner`] says it in words,
//! and the result leaves as a [`Decision`]. The [`store`] keeps the user's rules, reports,
//! refusals, settings and history; the [`Engine`] ties them together behind one handle.

#[macro_use]
pub mod codes;

pub mod banner;
pub mod classify;
pub mod decision;
pub mod directory;
pub mod engine;
pub mod error;
pub mod number;
pub mod policy;
mod recent;
mod recorder;
pub mod screen;
pub mod sms;
pub mod store;
pub mod time;
pub mod words;

pub use classify::{Presentation, ReportCategory, RuleEffect, Verification};
pub use codes::Code;
pub use decision::{Action, Banner, Decision, Label, Reason, Risk, Severity};
pub use directory::Carrier;
pub use engine::{Engine, RulePage, SmsVerdict, SmsWarning};
pub use error::{Error, Result};
pub use number::{mask, normalize, Number, NumberKind};
pub use policy::Settings;
pub use screen::{ContactStatus, ScreenRequest};
pub use store::evidence::Evidence;
pub use store::rules::{Rule, RuleKind};
pub use store::transfer::{ExportSummary, ImportSummary};
pub use store::{HistoryEntry, Refusal, Report, ReportSource};
pub use words::Lang;
