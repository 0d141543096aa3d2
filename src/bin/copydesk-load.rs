//! `copydesk-load`: a load generator for a running copydesk server.
//!
//! Drives unary, batch or streaming calls through the generated client at a
//! set concurrency (closed loop) or rate (open loop), for a set time or count,
//! and prints requests/s, latency percentiles from an HDR histogram, errors by
//! status code, and — given the server's pid on this machine — the server's
//! CPU time per article and peak RSS. With `--ready-timeout-secs` it first
//! waits for the server's first answer and reports how long that took. In
//! open loop (`--rate`) latency counts from when a call was due. Traffic goes only to the address given, which should
//! be a loopback address on this machine.
//!
//! ```sh
//! copydesk serve &
//! copydesk-load --mode unary --concurrency 8 --duration-secs 10 --server-pid $!
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::{Parser, ValueEnum};
use copydesk::pb;
use copydesk::pb::article_enrichment_service_client::ArticleEnrichmentServiceClient;
use hdrhistogram::Histogram;
use tokio::sync::Mutex;
use tonic::transport::Channel;

/// Options of `copydesk-load`.
#[derive(Debug, Parser)]
#[command(version, about = "Load generator for a copydesk server")]
struct Args {
    /// Server address (host:port); use a loopback address.
    #[arg(long, default_value = "127.0.0.1:50051")]
    addr: String,
    /// Which RPC to drive.
    #[arg(long, value_enum, default_value_t = Mode::Unary)]
    mode: Mode,
    /// Concurrent callers (closed loop: each sends its next call when the
    /// last one is answered).
    #[arg(long, default_value_t = 8)]
    concurrency: usize,
    /// Target calls per second over all callers (open loop); 0 = as fast as
    /// the callers go.
    #[arg(long, default_value_t = 0.0)]
    rate: f64,
    /// How long to run.
    #[arg(long, default_value_t = 10)]
    duration_secs: u64,
    /// Articles per batch call, or per stream.
    #[arg(long, default_value_t = 16)]
    batch_size: usize,
    /// Folder of `.txt` articles to send (default: the fixture articles).
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Repeat each article until it is at least this many bytes (0 = as is).
    #[arg(long, default_value_t = 0)]
    article_bytes: usize,
    /// The server's pid, to report its CPU time per article (Linux).
    #[arg(long)]
    server_pid: Option<u32>,
    /// Wait up to this many seconds for the server to answer a first call,
    /// and report how long that took (run right after starting the server to
    /// measure its start-up).
    #[arg(long, default_value_t = 0)]
    ready_timeout_secs: u64,
    /// Bearer token, if the server requires one.
    #[arg(long, env = "COPYDESK_AUTH_TOKEN", hide_env_values = true)]
    auth_token: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Mode {
    /// EnrichArticle, one article a call.
    Unary,
    /// BatchEnrichArticles, `--batch-size` articles a call.
    Batch,
    /// StreamEnrichArticles, `--batch-size` articles a stream; latency is per stream.
    Stream,
}

#[derive(Default)]
struct Tally {
    latency_us: Option<Histogram<u64>>,
    calls: u64,
    articles: u64,
    errors: BTreeMap<String, u64>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let corpus = load_corpus(&args)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run(args, corpus))
}

fn load_corpus(args: &Args) -> anyhow::Result<Vec<String>> {
    let dir = args.corpus.clone().unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/articles"
        ))
    });
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let mut sized = text.clone();
            while sized.len() < args.article_bytes {
                sized.push_str("\n\n");
                sized.push_str(&text);
            }
            texts.push(sized);
        }
    }
    if texts.is_empty() {
        bail!("no .txt articles in {}", dir.display());
    }
    texts.sort();
    Ok(texts)
}

fn request(texts: &[String], i: usize) -> pb::EnrichArticleRequest {
    pb::EnrichArticleRequest {
        article: Some(pb::Article {
            id: format!("load-{i}"),
            text: texts[i % texts.len()].clone(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

async fn run(args: Args, corpus: Vec<String>) -> anyhow::Result<()> {
    if args.ready_timeout_secs > 0 {
        wait_ready(&args, &corpus).await?;
    }
    let channel = Channel::from_shared(format!("http://{}", args.addr))?
        .connect()
        .await
        .with_context(|| format!("connecting to {}", args.addr))?;
    let corpus = Arc::new(corpus);
    let tally = Arc::new(Mutex::new(Tally {
        latency_us: Some(Histogram::new_with_bounds(1, 60_000_000, 3)?),
        ..Tally::default()
    }));
    let cpu_before = args.server_pid.and_then(process_cpu);
    let started = Instant::now();
    let end = started + Duration::from_secs(args.duration_secs);
    let interval = (args.rate > 0.0)
        .then(|| Duration::from_secs_f64(args.concurrency.max(1) as f64 / args.rate));
    let mut callers = Vec::new();
    for caller in 0..args.concurrency.max(1) {
        let client = ArticleEnrichmentServiceClient::new(channel.clone())
            .max_decoding_message_size(256 << 20);
        let (corpus, tally, token) = (corpus.clone(), tally.clone(), args.auth_token.clone());
        let (mode, batch_size) = (args.mode, args.batch_size.max(1));
        callers.push(tokio::spawn(async move {
            let mut client = client;
            let mut i = caller;
            let mut next = Instant::now();
            while Instant::now() < end {
                // Open loop: latency counts from when the call was due, so a
                // server that falls behind is not hidden (coordinated omission).
                let t0 = match interval {
                    Some(interval) => {
                        tokio::time::sleep_until(next.into()).await;
                        let due = next;
                        next += interval;
                        due
                    }
                    None => Instant::now(),
                };
                let (articles, outcome) =
                    call(&mut client, mode, &corpus, i, batch_size, token.as_deref()).await;
                let us = u64::try_from(t0.elapsed().as_micros()).unwrap_or(u64::MAX);
                let mut t = tally.lock().await;
                t.calls += 1;
                t.articles += articles;
                if let Some(h) = t.latency_us.as_mut() {
                    let _ = h.record(us.max(1));
                }
                if let Err(code) = outcome {
                    *t.errors.entry(code).or_default() += 1;
                }
                i += 1;
            }
        }));
    }
    for caller in callers {
        caller.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cpu_after = args.server_pid.and_then(process_cpu);
    let t = tally.lock().await;
    println!(
        "mode {:?}, concurrency {}, rate {}, {:.1} s",
        args.mode,
        args.concurrency,
        if args.rate > 0.0 {
            format!("{}/s", args.rate)
        } else {
            "open".into()
        },
        elapsed
    );
    println!(
        "calls {} ({:.1}/s), articles {} ({:.1}/s)",
        t.calls,
        t.calls as f64 / elapsed,
        t.articles,
        t.articles as f64 / elapsed
    );
    if let Some(h) = &t.latency_us {
        println!(
            "latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  p99.9 {:.2}  max {:.2}",
            h.value_at_quantile(0.5) as f64 / 1000.0,
            h.value_at_quantile(0.9) as f64 / 1000.0,
            h.value_at_quantile(0.99) as f64 / 1000.0,
            h.value_at_quantile(0.999) as f64 / 1000.0,
            h.max() as f64 / 1000.0
        );
    }
    if t.errors.is_empty() {
        println!("errors: none");
    } else {
        for (code, n) in &t.errors {
            println!("errors {code}: {n}");
        }
    }
    if let (Some(before), Some(after)) = (cpu_before, cpu_after) {
        let cpu = (after - before).max(0.0);
        println!(
            "server CPU {:.2} s, {:.0} µs an article (client and server share this machine)",
            cpu,
            cpu * 1e6 / t.articles.max(1) as f64
        );
    }
    if let Some(kb) = args.server_pid.and_then(peak_rss_kb) {
        println!("server peak RSS (VmHWM) {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(())
}

/// Polls the server with one unary call until it answers, and prints how
/// long that took since this program started.
async fn wait_ready(args: &Args, corpus: &[String]) -> anyhow::Result<()> {
    let started = Instant::now();
    let give_up = started + Duration::from_secs(args.ready_timeout_secs);
    let mut listening = None;
    loop {
        let endpoint = Channel::from_shared(format!("http://{}", args.addr))?;
        if let Ok(channel) = endpoint.connect().await {
            listening.get_or_insert_with(|| started.elapsed());
            let mut client = ArticleEnrichmentServiceClient::new(channel);
            let (_, outcome) = call(
                &mut client,
                Mode::Unary,
                corpus,
                0,
                1,
                args.auth_token.as_deref(),
            )
            .await;
            if outcome.is_ok() {
                println!(
                    "server listening after {:.0} ms, first answer after {:.0} ms",
                    listening.unwrap_or_default().as_secs_f64() * 1e3,
                    started.elapsed().as_secs_f64() * 1e3
                );
                return Ok(());
            }
        }
        if Instant::now() >= give_up {
            bail!(
                "no answer from {} within {} s",
                args.addr,
                args.ready_timeout_secs
            );
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Peak resident set of process `pid` in KiB, from `/proc/<pid>/status`.
fn peak_rss_kb(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

async fn call(
    client: &mut ArticleEnrichmentServiceClient<Channel>,
    mode: Mode,
    corpus: &[String],
    i: usize,
    batch_size: usize,
    token: Option<&str>,
) -> (u64, Result<(), String>) {
    fn with_token<T>(message: T, token: Option<&str>) -> tonic::Request<T> {
        let mut request = tonic::Request::new(message);
        if let Some(value) = token.and_then(|t| format!("Bearer {t}").parse().ok()) {
            request.metadata_mut().insert("authorization", value);
        }
        request
    }
    let code = |s: tonic::Status| format!("{:?}", s.code());
    match mode {
        Mode::Unary => (
            1,
            client
                .enrich_article(with_token(request(corpus, i), token))
                .await
                .map(|_| ())
                .map_err(code),
        ),
        Mode::Batch => {
            let requests = (0..batch_size)
                .map(|k| request(corpus, i * batch_size + k))
                .collect();
            let outcome = client
                .batch_enrich_articles(with_token(
                    pb::BatchEnrichArticlesRequest { requests },
                    token,
                ))
                .await
                .map(|_| ())
                .map_err(code);
            (batch_size as u64, outcome)
        }
        Mode::Stream => {
            let messages: Vec<_> = (0..batch_size)
                .map(|k| pb::StreamEnrichArticlesRequest {
                    request: Some(request(corpus, i * batch_size + k)),
                })
                .collect();
            let outcome = async {
                let mut responses = client
                    .stream_enrich_articles(with_token(tokio_stream::iter(messages), token))
                    .await?
                    .into_inner();
                while responses.message().await?.is_some() {}
                Ok::<(), tonic::Status>(())
            }
            .await
            .map_err(code);
            (batch_size as u64, outcome)
        }
    }
}

/// User + system CPU seconds of process `pid`, from `/proc/<pid>/stat`.
fn process_cpu(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields of the whole line.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // USER_HZ is 100 on Linux.
    Some((utime + stime) / 100.0)
}
