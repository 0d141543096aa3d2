//! Command-line interface: `copydesk serve` (the default), `copydesk enrich`
//! and `copydesk eval`.

mod enrich;
mod eval;
mod serve;

use clap::{Parser, Subcommand, ValueEnum};
use tracing_subscriber::EnvFilter;

/// copydesk: structured editorial metadata from raw news-page text, over gRPC.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Log format.
    #[arg(long, global = true, env = "COPYDESK_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the gRPC API (the default).
    Serve(serve::Args),
    /// Enrich one article file (or - for stdin) and print the result as JSON.
    Enrich(enrich::Args),
    /// Measure accuracy on an evaluation folder (`../shared/eval`).
    Eval(eval::Args),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per event.
    Json,
}

/// Parses the command line and runs the command.
pub(crate) fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    match cli
        .command
        .unwrap_or_else(|| Command::Serve(serve::Args::from_env()))
    {
        Command::Serve(args) => serve::run(args),
        Command::Enrich(args) => enrich::run(args),
        Command::Eval(args) => eval::run(args),
    }
}

/// Logs go to stderr, filtered by `RUST_LOG` (default `info`).
fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}
