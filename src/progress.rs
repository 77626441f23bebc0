//! Where a run is: a progress bar on stderr when stderr is a terminal, a plain log line every
//! few seconds when it is not (a log file, a CI job), nothing with `--quiet`. Results never go
//! to stderr.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Quiet,
    /// A bar when stderr is a terminal, log lines otherwise.
    Auto,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub documents: usize,
    pub failed: usize,
    pub entities: usize,
    pub meetings: usize,
    pub agreements: usize,
    pub reused: usize,
}

pub struct Progress {
    bar: Option<ProgressBar>,
    log: bool,
    total: usize,
    started: Instant,
    last_log: Instant,
    counts: Counts,
}

const LOG_EVERY: Duration = Duration::from_secs(5);

impl Progress {
    pub fn new(total: usize, mode: Mode) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let bar = (mode == Mode::Auto && terminal).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:28.cyan/blue} {pos}/{len} docs  {msg}  {per_sec}  ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress {
            bar,
            log: mode == Mode::Auto && !terminal,
            total,
            started: Instant::now(),
            last_log: Instant::now(),
            counts: Counts::default(),
        }
    }

    /// A message for the user (a warning about the input), printed above the bar.
    pub fn note(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(format!("attache: {line}")),
            None if self.log => eprintln!("attache: {line}"),
            None => {}
        }
    }

    pub fn advance(&mut self, batch: Counts) {
        let c = &mut self.counts;
        c.documents += batch.documents;
        c.failed += batch.failed;
        c.entities += batch.entities;
        c.meetings += batch.meetings;
        c.agreements += batch.agreements;
        c.reused += batch.reused;
        let message = format!(
            "{} entities, {} meetings, {} agreements",
            c.entities, c.meetings, c.agreements
        );
        if let Some(bar) = &self.bar {
            bar.set_position(c.documents as u64);
            bar.set_message(message);
        } else if self.log && (self.last_log.elapsed() >= LOG_EVERY || c.documents == self.total) {
            self.last_log = Instant::now();
            let rate = c.documents as f64 / self.started.elapsed().as_secs_f64().max(1e-9);
            eprintln!(
                "attache: {}/{} documents ({} reused, {} failed), {message}, {rate:.1} docs/s",
                c.documents, self.total, c.reused, c.failed
            );
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
