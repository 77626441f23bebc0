//! With the cargo feature `rust-bert`: records where libtorch's libraries are (torch-sys's
//! `DEP_TCH_LIBTORCH_LIB`, the `torch/lib` of the venv scripts/rust-bert.sh made) as the
//! binaries' run path, so that `target/release/attache --backend rust-bert` runs without
//! `LD_LIBRARY_PATH`. Does nothing in the default build.

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
    if let Ok(dir) = std::env::var("DEP_TCH_LIBTORCH_LIB") {
        if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
            println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
        }
    }
}
