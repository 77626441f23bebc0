//! With the cargo feature `rust-bert`: records where libtorch's libraries are (torch-sys's
//! `DEP_TCH_LIBTORCH_LIB`, the `torch/lib` of the venv scripts/rust-bert.sh made) as the
//! binaries' run path, so that `target/release/attache --backend rust-bert` runs without
//! `LD_LIBRARY_PATH`. Does nothing in the default build.

fn main() {
    source_fingerprint();
    println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
    if let Ok(dir) = std::env::var("DEP_TCH_LIBTORCH_LIB") {
        if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
            println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
        }
    }
}

/// `ATTACHE_SOURCE_HASH`: an FNV-1a hash of every file under `src/` and `data/` (paths and
/// bytes, in sorted order). The per-document cache keys on it, so a build whose code or word
/// lists changed never reuses records an older build wrote under the same version number.
fn source_fingerprint() {
    fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, files);
            } else {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in ["src", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        walk(std::path::Path::new(dir), &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        for &b in file
            .to_string_lossy()
            .as_bytes()
            .iter()
            .chain([0u8].iter())
            .chain(bytes.iter())
        {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=ATTACHE_SOURCE_HASH={hash:016x}");
}
