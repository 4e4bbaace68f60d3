//! The progress bar of a long import or export: lines or rows done, the rate and the time left,
//! drawn on stderr only when stderr is a terminal (never into a pipe or a log).

use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::time::Duration;

use callguard_core::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar that clears itself when dropped, whether the work finished or failed.
pub struct Bar {
    bar: ProgressBar,
    unit: &'static str,
    sized: bool,
}

impl Bar {
    /// A bar for `verb`ing `unit`s ("importing", "lines"); hidden when stderr is no terminal.
    pub fn new(verb: &'static str, unit: &'static str) -> Bar {
        Bar::to(verb, unit, std::io::stderr().is_terminal())
    }

    fn to(verb: &'static str, unit: &'static str, visible: bool) -> Bar {
        // Styled before it can draw, so no frame of indicatif's default style shows.
        let bar = ProgressBar::hidden()
            .with_style(spinner_style(unit))
            .with_message(verb);
        if visible {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        // Quick work finishes before the first frame: only draw what takes a moment.
        bar.enable_steady_tick(Duration::from_millis(120));
        Bar {
            bar,
            unit,
            sized: false,
        }
    }

    /// Shows how far the work has come; the work always goes on (Ctrl-C stops the process, and
    /// the import's transaction with it).
    pub fn show(&mut self, p: Progress) -> ControlFlow<()> {
        if let (Some(total), false) = (p.total, self.sized) {
            self.sized = true;
            self.bar.set_style(bar_style(self.unit));
            self.bar.set_length(total);
        }
        if let Some(total) = p.total {
            self.bar.set_length(total);
        }
        self.bar.set_position(p.done);
        ControlFlow::Continue(())
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

fn bar_style(unit: &str) -> ProgressStyle {
    ProgressStyle::with_template(&format!(
        "{{msg}} [{{bar:30}}] {{human_pos}}/{{human_len}} {unit} · {{per_sec:0}} · {{eta}} left"
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ")
}

fn spinner_style(unit: &str) -> ProgressStyle {
    ProgressStyle::with_template(&format!(
        "{{spinner}} {{msg}} {{human_pos}} {unit} · {{per_sec:0}}"
    ))
    .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_bar_takes_progress_and_stays_silent() {
        let mut bar = Bar::to("importing", "lines", false);
        assert!(bar.bar.is_hidden());
        for done in [0, 10] {
            let go_on = bar.show(Progress {
                done,
                total: Some(10),
            });
            assert_eq!(go_on, ControlFlow::Continue(()));
        }
        assert_eq!((bar.bar.position(), bar.bar.length()), (10, Some(10)));
    }

    #[test]
    fn the_templates_parse() {
        assert!(ProgressStyle::with_template(&format!(
            "{{msg}} [{{bar:30}}] {{human_pos}}/{{human_len}} {} · {{per_sec:0}} · {{eta}} left",
            "lines"
        ))
        .is_ok());
        assert!(
            ProgressStyle::with_template("{spinner} {msg} {human_pos} rows · {per_sec:0}").is_ok()
        );
    }
}
