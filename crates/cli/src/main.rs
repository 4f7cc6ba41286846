//! The `kizuna` command: see `kizuna --help`.

use std::process::ExitCode;

use clap::Parser;

/// jemalloc gives memory a busy server freed back to the system; glibc's
/// allocator kept tens of megabytes of it.
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read when it starts. Pages freed after a burst go
/// back to the system within about a second (the default keeps them ten
/// seconds, on a small host 5-7 MB more held by an idle server, and an amount
/// that depends on when it is looked at); the background threads do the
/// purging, so no request waits for it. `muzzy_decay_ms:0` returns them at
/// once rather than lazily (lazily freed pages still count as resident).
#[cfg(feature = "jemalloc")]
#[allow(non_upper_case_globals)]
#[unsafe(export_name = "_rjem_malloc_conf")]
static malloc_conf: &[u8] = b"dirty_decay_ms:1000,muzzy_decay_ms:0\0";

fn main() -> ExitCode {
    let cli = kizuna::Cli::parse();
    kizuna::init_logging(&cli);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            kizuna::report_error(&anyhow::Error::new(e).context("cannot start the async runtime"));
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(kizuna::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            kizuna::report_error(&e);
            ExitCode::FAILURE
        }
    }
}
