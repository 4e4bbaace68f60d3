//! `callguard`: screen calls and manage the CallGuard database from a terminal (DESIGN §6).
//! Usage errors exit 2 with one line on stderr; storage failures exit 1; nothing is half-written.

mod render;

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use callguard_core::classify::ReportCategory;
use callguard_core::screen::{fail_open, ContactStatus};
use callguard_core::time::{now_ms, parse_rfc3339};
use callguard_core::{
    Carrier, Code, Engine, Error, Lang, Presentation, RuleEffect, ScreenRequest, Verification,
};
use clap::{Parser, Subcommand};

/// CallGuard: tells you what is calling — a carrier's official number, a look-alike, a reported
/// plan/SIM seller — and whether to let it ring.
#[derive(Parser)]
#[command(name = "callguard", version, about)]
struct Cli {
    /// The database (default: $CALLGUARD_DB, else the user's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Language for banners and text output: zh or en (default: the `language` setting).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Screen one incoming call.
    Screen {
        /// The number as presented (empty or absent: no number).
        number: Option<String>,
        /// How the number was presented.
        #[arg(long, default_value = "allowed", value_parser = parse_code::<Presentation>)]
        presentation: Presentation,
        /// A contacts lookup found the caller.
        #[arg(long, conflicts_with = "not_contact")]
        contact: bool,
        /// A contacts lookup ran and did not find the caller (strict mode rejects only these;
        /// without --contact or --not-contact nobody looked, and strict mode lets the call ring).
        #[arg(long)]
        not_contact: bool,
        /// The network's caller-ID verification.
        #[arg(long, value_parser = parse_code::<Verification>)]
        verification: Option<Verification>,
        /// When the call came (RFC 3339, e.g. 2026-11-30T09:15:00+08:00); default now.
        #[arg(long, value_parser = parse_time)]
        at: Option<i64>,
        /// Print the decision object as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Classify many numbers: one a line in (FILE or - for stdin), one JSON decision a line out.
    ScreenBatch {
        /// The input file; - or absent for stdin.
        file: Option<PathBuf>,
    },
    /// Report a number that offered a plan or SIM card, or pestered you otherwise.
    Report {
        /// The number.
        number: String,
        /// plan_offer, sim_offer, carrier_impersonation, fraud, harassment, ads, real_estate,
        /// insurance, loans, delivery or other.
        #[arg(long, value_parser = parse_code::<ReportCategory>)]
        category: ReportCategory,
        /// A note (at most 500 characters).
        #[arg(long)]
        note: Option<String>,
    },
    /// Block a number, prefix (170*) or pattern (0755????????).
    Block(RuleArgs),
    /// Always let a number, prefix or pattern ring.
    Allow(RuleArgs),
    /// Remove the rule with this pattern.
    Unblock {
        /// The number, prefix or pattern.
        pattern: String,
    },
    /// List your block and allow rules.
    Rules {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record that you told a carrier to stop marketing to you.
    RefuseMarketing {
        /// china_mobile, china_telecom or china_unicom (or mobile, telecom, unicom).
        #[arg(value_parser = parse_carrier)]
        carrier: Carrier,
        /// When you refused (RFC 3339); default now.
        #[arg(long, value_parser = parse_time)]
        at: Option<i64>,
    },
    /// Read or change settings.
    Settings {
        #[command(subcommand)]
        action: SettingsAction,
    },
    /// Show screened calls, newest first.
    History {
        /// How many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import a .csv list (number_or_pattern,kind,category,note) or a .json backup.
    Import {
        /// The file.
        file: PathBuf,
    },
    /// Export to a .csv list or a .json backup of everything.
    Export {
        /// The file.
        file: PathBuf,
    },
    /// Check an SMS for a verification code that someone may be about to ask for.
    SmsCheck {
        /// The sender.
        #[arg(long)]
        sender: String,
        /// The message text.
        #[arg(long)]
        body: String,
        /// When it arrived (RFC 3339); default now.
        #[arg(long, value_parser = parse_time)]
        at: Option<i64>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Complaint evidence: calls after a marketing refusal (12300) and reported numbers (12321).
    Evidence {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
struct RuleArgs {
    /// The number, prefix (digits then *) or pattern (? one digit, * any tail).
    pattern: String,
    /// A note (at most 500 characters).
    #[arg(long)]
    note: Option<String>,
    /// Accept a pattern that matches every number.
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand)]
enum SettingsAction {
    /// Every setting and its value.
    List,
    /// One setting's value.
    Get {
        /// The key.
        key: String,
    },
    /// Change one setting.
    Set {
        /// The key.
        key: String,
        /// The new value.
        value: String,
    },
}

fn parse_code<T: Code>(s: &str) -> Result<T, String> {
    <T as Code>::from_code(s).ok_or_else(|| {
        let codes: Vec<&str> = T::all().iter().map(|c| Code::code(*c)).collect();
        format!("expected one of {}", codes.join(", "))
    })
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    parse_code::<Lang>(s)
}

fn parse_time(s: &str) -> Result<i64, String> {
    parse_rfc3339(s)
        .ok_or_else(|| "expected an RFC 3339 time such as 2026-11-30T09:15:00+08:00".to_owned())
}

fn parse_carrier(s: &str) -> Result<Carrier, String> {
    let s = s.trim().to_ascii_lowercase();
    Carrier::from_code(&s)
        .or_else(|| {
            Carrier::ALL
                .iter()
                .copied()
                .find(|c| c.code().strip_prefix("china_") == Some(s.as_str()))
        })
        .or_else(|| {
            Carrier::ALL
                .iter()
                .copied()
                .find(|c| c.marketing_number() == Some(s.as_str()))
        })
        .ok_or_else(|| "expected china_mobile, china_telecom or china_unicom".to_owned())
}

/// How a command failed: bad input (exit 2) or storage (exit 1).
enum Failure {
    Usage(String),
    Storage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        match e {
            Error::InvalidInput(m) => Failure::Usage(m),
            Error::Storage(m) => Failure::Storage(m),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Storage(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) =>
        {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // One line that says what was wrong, not clap's whole usage block.
            let rendered = e.render().to_string();
            let line = rendered
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("invalid arguments");
            eprintln!("callguard: {}", line.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("callguard: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Storage(m)) => {
            eprintln!("callguard: {m}");
            ExitCode::from(1)
        }
    }
}

/// The database path: --db, else $CALLGUARD_DB, else the user's data directory.
fn db_path(flag: Option<PathBuf>) -> PathBuf {
    if let Some(p) = flag {
        return p;
    }
    if let Some(p) = std::env::var_os("CALLGUARD_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("callguard").join("callguard.db")
}

fn locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
}

fn open(path: &Path) -> Result<Engine, Failure> {
    let engine = Engine::open(path)?;
    for w in engine.warnings() {
        eprintln!("callguard: warning: {w}");
    }
    Ok(engine)
}

fn run(cli: Cli) -> Result<(), Failure> {
    let path = db_path(cli.db);
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    match cli.command {
        Command::Screen {
            number,
            presentation,
            contact,
            not_contact,
            verification,
            at,
            json,
        } => {
            let request = ScreenRequest {
                number: number.unwrap_or_default(),
                presentation,
                contact: match (contact, not_contact) {
                    (true, _) => ContactStatus::Contact,
                    (false, true) => ContactStatus::NotContact,
                    (false, false) => ContactStatus::Unknown,
                },
                time: Some(at.unwrap_or_else(now_ms)),
                verification,
                lang: cli.lang,
            };
            // Screening never fails: without a usable database the built-in rules decide.
            let (decision, lang) = match open(&path) {
                Ok(engine) => {
                    let lang = engine.language(cli.lang, locale().as_deref());
                    let (decision, problem) = engine.screen_reporting(&ScreenRequest {
                        lang: Some(lang),
                        ..request
                    });
                    let recorded = engine.flush().err().map(|e| e.to_string());
                    for problem in problem.into_iter().chain(recorded) {
                        eprintln!("callguard: warning: {problem}");
                    }
                    (decision, lang)
                }
                Err(Failure::Usage(m) | Failure::Storage(m)) => {
                    eprintln!("callguard: warning: {m}; deciding by the built-in rules alone");
                    let lang = cli.lang.unwrap_or_else(|| {
                        Lang::resolve(
                            callguard_core::policy::LanguageSetting::Auto,
                            locale().as_deref(),
                        )
                    });
                    (
                        fail_open(
                            &ScreenRequest {
                                lang: Some(lang),
                                ..request
                            },
                            lang,
                        ),
                        lang,
                    )
                }
            };
            if json {
                writeln!(out, "{}", to_json(&decision))?;
            } else {
                render::decision(&mut out, &decision, lang)?;
            }
        }
        Command::ScreenBatch { file } => {
            let engine = open(&path)?;
            let lang = engine.language(cli.lang, locale().as_deref());
            let input: Box<dyn BufRead> = match file.as_deref() {
                None => Box::new(std::io::stdin().lock()),
                Some(p) if p == Path::new("-") => Box::new(std::io::stdin().lock()),
                Some(p) => Box::new(std::io::BufReader::new(
                    std::fs::File::open(p)
                        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", p.display())))?,
                )),
            };
            screen_batch(&engine, input, &mut out, lang)?;
        }
        Command::Report {
            number,
            category,
            note,
        } => {
            open(&path)?.report(&number, category, note.as_deref(), now_ms())?;
            writeln!(out, "reported {} as {}", number.trim(), category)?;
        }
        Command::Block(args) => add_rule(&open(&path)?, args, RuleEffect::Block, &mut out)?,
        Command::Allow(args) => add_rule(&open(&path)?, args, RuleEffect::Allow, &mut out)?,
        Command::Unblock { pattern } => {
            if open(&path)?.remove_rule(&pattern)? {
                writeln!(out, "removed the rule for {}", pattern.trim())?;
            } else {
                return Err(Failure::Usage(format!("no rule for {}", pattern.trim())));
            }
        }
        Command::Rules { json } => {
            let rules = open(&path)?.rules()?;
            if json {
                writeln!(out, "{}", to_json(&rules))?;
            } else {
                render::rules(&mut out, &rules)?;
            }
        }
        Command::RefuseMarketing { carrier, at } => {
            let engine = open(&path)?;
            let refusal = engine.refuse_marketing(carrier, at.unwrap_or_else(now_ms))?;
            let lang = engine.language(cli.lang, locale().as_deref());
            render::refusal(&mut out, &refusal, lang)?;
        }
        Command::Settings { action } => {
            let engine = open(&path)?;
            match action {
                SettingsAction::List => {
                    for (key, value) in engine.settings().entries() {
                        writeln!(out, "{key} = {value}")?;
                    }
                }
                SettingsAction::Get { key } => writeln!(out, "{}", engine.setting(&key)?)?,
                SettingsAction::Set { key, value } => {
                    engine.set_setting(&key, &value)?;
                    writeln!(out, "{key} = {}", engine.setting(&key)?)?;
                }
            }
        }
        Command::History { limit, json } => {
            let engine = open(&path)?;
            let history = engine.history(limit)?;
            if json {
                writeln!(out, "{}", to_json(&history))?;
            } else {
                render::history(
                    &mut out,
                    &history,
                    engine.language(cli.lang, locale().as_deref()),
                )?;
            }
        }
        Command::Import { file } => {
            let s = open(&path)?.import_file(&file)?;
            writeln!(
                out,
                "imported {} rule(s), {} report(s), {} refusal(s), {} setting(s)",
                s.rules, s.reports, s.refusals, s.settings
            )?;
        }
        Command::Export { file } => {
            let s = open(&path)?.export_file(&file)?;
            writeln!(out, "exported {} row(s) to {}", s.rows, file.display())?;
        }
        Command::SmsCheck {
            sender,
            body,
            at,
            json,
        } => {
            let engine = open(&path)?;
            let lang = engine.language(cli.lang, locale().as_deref());
            let verdict = engine.check_sms(&sender, &body, at.unwrap_or_else(now_ms), lang);
            if json {
                writeln!(out, "{}", to_json(&verdict))?;
            } else {
                render::sms(&mut out, &verdict, lang)?;
            }
        }
        Command::Evidence { json } => {
            let engine = open(&path)?;
            let evidence = engine.evidence(engine.language(cli.lang, locale().as_deref()))?;
            if json {
                writeln!(out, "{}", to_json(&evidence))?;
            } else {
                write!(out, "{}", evidence.text)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn add_rule(
    engine: &Engine,
    args: RuleArgs,
    effect: RuleEffect,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let rule = engine.add_rule(&args.pattern, effect, args.note.as_deref(), args.force)?;
    let verb = match effect {
        RuleEffect::Block => "blocking",
        RuleEffect::Allow => "allowing",
    };
    writeln!(out, "{verb} {} ({})", rule.pattern, rule.kind)?;
    Ok(())
}

/// One decision a line, in input order; a line that is no number still gets its decision.
fn screen_batch(
    engine: &Engine,
    mut input: impl BufRead,
    out: &mut impl Write,
    lang: Lang,
) -> Result<(), Failure> {
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let number = text.trim_end_matches(['\n', '\r']);
        let decision = engine.preview(&ScreenRequest {
            lang: Some(lang),
            ..ScreenRequest::number(number)
        });
        writeln!(out, "{}", to_json(&decision))?;
    }
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}
