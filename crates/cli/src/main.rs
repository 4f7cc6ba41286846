//! The `kizuna` command: see `kizuna --help`.

use std::process::ExitCode;

use clap::Parser;

/// jemalloc gives memory a busy server freed back to the system; glibc's
/// allocator kept tens of megabytes of it.
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
