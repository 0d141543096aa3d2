//! The `copydesk` binary: `serve` (the default), `enrich` and `eval`.

mod cli;

/// mimalloc in place of glibc's malloc: the pipeline allocates many small,
/// short-lived strings and vectors an article, and glibc's malloc and free
/// were ~5 % of its instructions (bench/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    cli::run()
}
