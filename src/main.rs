//! `attache`: the command line lives in [`attache::cli`]; the work in the library's stages.

fn main() -> std::process::ExitCode {
    attache::cli::main()
}
