//! Stage timings on stderr for profiling, only when `ATTACHE_TIMING` is set (never in output).

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ATTACHE_TIMING").is_some())
}

/// Prints `label: seconds` on stderr when dropped, if timing is on.
pub struct Stage {
    label: &'static str,
    started: Option<Instant>,
}

pub fn stage(label: &'static str) -> Stage {
    Stage {
        label,
        started: enabled().then(Instant::now),
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if let Some(t) = self.started {
            eprintln!("timing {}: {:.3}s", self.label, t.elapsed().as_secs_f64());
        }
    }
}
