//! The `copydesk` binary: `serve` (the default), `enrich` and `eval`.

mod cli;

fn main() -> anyhow::Result<()> {
    cli::run()
}
