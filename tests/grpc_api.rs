//! End-to-end tests of the gRPC API: the real server on `127.0.0.1:0`,
//! called through the generated client over a real socket.

use std::time::Duration;

use copydesk::grpc::{Limits, ServerConfig, ServiceConfig, TlsConfig, serve_with_admin};
use copydesk::pb;
use copydesk::pb::article_enrichment_service_client::ArticleEnrichmentServiceClient;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::oneshot;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic::{Code, Status};
use tonic_types::StatusExt;

const ENGLISH: &str = "Envoy says coalition talks will resume next week\n\n\
    WASHINGTON (AP) — The special envoy said on Monday that talks with the coalition partners \
    would resume next week in Geneva, and that all sides had agreed on the agenda.\n\n\
    “We are ready to continue,” he told reporters.";

struct TestServer {
    addr: std::net::SocketAddr,
    admin: Option<std::net::SocketAddr>,
    stop: Option<oneshot::Sender<()>>,
    handle: tokio::task::JoinHandle<()>,
}

impl TestServer {
    async fn start(config: ServerConfig) -> TestServer {
        TestServer::start_with(config, false).await
    }

    async fn start_with(config: ServerConfig, with_admin: bool) -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let admin_listener = if with_admin {
            Some(
                tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind admin"),
            )
        } else {
            None
        };
        let admin = admin_listener
            .as_ref()
            .map(|l| l.local_addr().expect("admin addr"));
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            serve_with_admin(listener, admin_listener, config, async {
                let _ = stopped.await;
            })
            .await
            .expect("server ran");
        });
        TestServer {
            addr,
            admin,
            stop: Some(stop),
            handle,
        }
    }

    /// Sends the shutdown signal without waiting for the drain.
    fn begin_shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    async fn channel(&self) -> Channel {
        let endpoint = format!("http://{}", self.addr);
        for _ in 0..100 {
            if let Ok(channel) = Channel::from_shared(endpoint.clone())
                .expect("uri")
                .connect()
                .await
            {
                return channel;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("server did not come up on {endpoint}");
    }

    async fn client(&self) -> ArticleEnrichmentServiceClient<Channel> {
        ArticleEnrichmentServiceClient::new(self.channel().await)
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(Duration::from_secs(20), self.handle)
            .await
            .expect("server stopped within the drain timeout")
            .expect("server task joined");
    }
}

fn request(id: &str, text: &str) -> pb::EnrichArticleRequest {
    pb::EnrichArticleRequest {
        article: Some(pb::Article {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn violations(status: &Status) -> Vec<String> {
    status
        .get_error_details()
        .bad_request()
        .map(|b| b.field_violations.iter().map(|v| v.field.clone()).collect())
        .unwrap_or_default()
}

fn reason(status: &Status) -> Option<String> {
    status
        .get_error_details()
        .error_info()
        .map(|i| i.reason.clone())
}

#[tokio::test]
async fn enrich_article_detects_the_language_and_echoes_the_id() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = server.client().await;
    let response = client
        .enrich_article(request("story-1", ENGLISH))
        .await
        .expect("enriched")
        .into_inner();
    let enrichment = response.enrichment.expect("an enrichment");
    assert_eq!(enrichment.article_id, "story-1");
    let language = enrichment.language.expect("a language");
    assert_eq!(language.language_code, "en");
    assert_eq!(language.script, "Latn");
    assert!(language.reliable && language.confidence > 0.5);
    server.stop().await;
}

#[tokio::test]
async fn only_requested_features_come_back() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = server.client().await;
    let mut req = request("a", ENGLISH);
    req.features = vec![pb::Feature::Structure as i32];
    let enrichment = client
        .enrich_article(req)
        .await
        .expect("enriched")
        .into_inner()
        .enrichment
        .expect("an enrichment");
    assert!(enrichment.language.is_none(), "language was not requested");
    server.stop().await;
}

#[tokio::test]
async fn segment_offsets_follow_the_requested_unit() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = server.client().await;
    let text = "Überschrift: Gespräche gehen weiter\n\n\
        Die Sonderbeauftragte sagte am Montag, die Gespräche mit den Partnern würden nächste Woche in Genf fortgesetzt.\n\n\
        «Мы готовы продолжить переговоры в любое время, если партнёры проявят добрую волю», — сказал он.\n\n\
        Weitere Einzelheiten sollen in den kommenden Tagen bekanntgegeben werden, hieß es.";
    let mut spans = Vec::new();
    for encoding in [
        pb::TextEncoding::Utf8,
        pb::TextEncoding::Utf16,
        pb::TextEncoding::Utf32,
    ] {
        let mut req = request("a", text);
        req.text_encoding = encoding as i32;
        let language = client
            .enrich_article(req)
            .await
            .expect("enriched")
            .into_inner()
            .enrichment
            .and_then(|e| e.language)
            .expect("a language");
        assert_eq!(language.language_code, "de");
        let segment = language
            .segments
            .first()
            .expect("the Russian quote is a segment")
            .clone();
        assert_eq!(segment.language_code, "ru");
        spans.push(segment.span.expect("a span"));
    }
    let content = &spans[0].content;
    assert!(content.starts_with("«Мы готовы"));
    let (b, u16s, cps) = (&spans[0], &spans[1], &spans[2]);
    let start = usize::try_from(b.start_offset).expect("non-negative");
    let end = usize::try_from(b.end_offset).expect("non-negative");
    assert_eq!(&text[start..end], content);
    assert_eq!(
        usize::try_from(cps.start_offset).ok(),
        Some(text[..start].chars().count())
    );
    assert_eq!(
        usize::try_from(u16s.end_offset).ok(),
        Some(text[..end].encode_utf16().count())
    );
    assert!(spans.iter().all(|s| &s.content == content));
    server.stop().await;
}

#[tokio::test]
async fn invalid_requests_get_invalid_argument_with_details() {
    let config = ServerConfig {
        service: ServiceConfig {
            limits: Limits {
                max_text_bytes: 1000,
                max_batch_size: 2,
            },
            ..ServiceConfig::default()
        },
        ..ServerConfig::default()
    };
    let server = TestServer::start(config).await;
    let mut client = server.client().await;

    let empty = client
        .enrich_article(request("a", " \n "))
        .await
        .expect_err("empty text");
    assert_eq!(empty.code(), Code::InvalidArgument);
    assert_eq!(reason(&empty).as_deref(), Some("EMPTY_TEXT"));
    assert_eq!(violations(&empty), ["article.text"]);

    let large = client
        .enrich_article(request("a", &"word ".repeat(300)))
        .await
        .expect_err("text over the cap");
    assert_eq!(large.code(), Code::InvalidArgument);
    assert_eq!(reason(&large).as_deref(), Some("TEXT_TOO_LARGE"));
    assert!(large.message().contains("1000"), "{}", large.message());

    let missing = client
        .enrich_article(pb::EnrichArticleRequest::default())
        .await
        .expect_err("no article");
    assert_eq!(reason(&missing).as_deref(), Some("MISSING_ARTICLE"));

    let mut bad_enums = request("a", ENGLISH);
    bad_enums.features = vec![0, 77];
    bad_enums.text_encoding = 12;
    let status = client
        .enrich_article(bad_enums)
        .await
        .expect_err("unknown enums");
    assert_eq!(reason(&status).as_deref(), Some("UNKNOWN_ENUM_VALUE"));
    assert_eq!(
        violations(&status),
        ["text_encoding", "features[0]", "features[1]"]
    );

    for size in [0, 3] {
        let batch = pb::BatchEnrichArticlesRequest {
            requests: (0..size)
                .map(|i| request(&i.to_string(), ENGLISH))
                .collect(),
        };
        let status = client
            .batch_enrich_articles(batch)
            .await
            .expect_err("bad batch size");
        assert_eq!(status.code(), Code::InvalidArgument);
        assert_eq!(reason(&status).as_deref(), Some("BAD_BATCH_SIZE"));
        assert_eq!(violations(&status), ["requests"]);
    }
    server.stop().await;
}

#[tokio::test]
async fn batch_results_come_back_per_item_in_order() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = server.client().await;
    let batch = pb::BatchEnrichArticlesRequest {
        requests: vec![
            request("first", ENGLISH),
            request("second", ""),
            request("third", ENGLISH),
        ],
    };
    let results = client
        .batch_enrich_articles(batch)
        .await
        .expect("batch ran")
        .into_inner()
        .results;
    let ids: Vec<_> = results.iter().map(|r| r.article_id.as_str()).collect();
    assert_eq!(ids, ["first", "second", "third"]);
    match &results[1].result {
        Some(pb::article_result::Result::Error(status)) => {
            assert_eq!(status.code, Code::InvalidArgument as i32);
            assert!(
                !status.details.is_empty(),
                "the item error carries its details"
            );
        }
        other => panic!("expected an error for the empty item, got {other:?}"),
    }
    for ok in [&results[0], &results[2]] {
        match &ok.result {
            Some(pb::article_result::Result::Enrichment(e)) => {
                assert_eq!(
                    e.language.as_ref().map(|l| l.language_code.as_str()),
                    Some("en")
                );
            }
            other => panic!("expected an enrichment, got {other:?}"),
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn stream_results_follow_request_order_under_back_pressure() {
    let config = ServerConfig {
        service: ServiceConfig {
            workers: 1,
            stream_in_flight: 2,
            ..ServiceConfig::default()
        },
        ..ServerConfig::default()
    };
    let server = TestServer::start(config).await;
    let mut client = server.client().await;
    let texts = [
        ENGLISH,
        "Министр заявил, что переговоры возобновятся на следующей неделе в Женеве.",
        "",
        "Der Minister sagte, die Gespräche würden nächste Woche in Genf fortgesetzt.",
        "El ministro dijo que las conversaciones se reanudarán la próxima semana en Ginebra.",
    ];
    let requests: Vec<_> = (0..40)
        .map(|i| pb::StreamEnrichArticlesRequest {
            request: Some(request(&format!("item-{i}"), texts[i % texts.len()])),
        })
        .collect();
    let mut responses = client
        .stream_enrich_articles(tokio_stream::iter(requests))
        .await
        .expect("stream opened")
        .into_inner();
    let mut seen = 0;
    while let Some(response) = responses.message().await.expect("stream item") {
        let result = response.result.expect("a result");
        assert_eq!(result.article_id, format!("item-{seen}"));
        let expected = ["en", "ru", "", "de", "es"][seen % texts.len()];
        match result.result {
            Some(pb::article_result::Result::Enrichment(e)) => {
                assert_eq!(
                    e.language.map(|l| l.language_code).as_deref(),
                    Some(expected)
                );
            }
            Some(pb::article_result::Result::Error(status)) => {
                assert_eq!(expected, "", "unexpected error {status:?}");
                assert_eq!(status.code, Code::InvalidArgument as i32);
            }
            None => panic!("empty result"),
        }
        seen += 1;
    }
    assert_eq!(seen, 40);
    server.stop().await;
}

#[tokio::test]
async fn health_reports_serving() {
    use tonic_health::pb::health_check_response::ServingStatus;
    use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};
    let server = TestServer::start(ServerConfig::default()).await;
    let mut health = HealthClient::new(server.channel().await);
    for service in ["", "copydesk.v1.ArticleEnrichmentService"] {
        let status = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .expect("health answered")
            .into_inner()
            .status;
        assert_eq!(status, ServingStatus::Serving as i32, "service {service:?}");
    }
    server.stop().await;
}

#[tokio::test]
async fn reflection_lists_and_describes_the_service() {
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    let server = TestServer::start(ServerConfig::default()).await;
    let mut reflection = ServerReflectionClient::new(server.channel().await);
    let asks = vec![
        ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        },
        ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::FileContainingSymbol(
                "copydesk.v1.ArticleEnrichmentService".into(),
            )),
        },
    ];
    let mut answers = reflection
        .server_reflection_info(tokio_stream::iter(asks))
        .await
        .expect("reflection stream")
        .into_inner();
    match answers
        .message()
        .await
        .expect("answer")
        .and_then(|a| a.message_response)
    {
        Some(MessageResponse::ListServicesResponse(list)) => {
            let names: Vec<_> = list.service.iter().map(|s| s.name.as_str()).collect();
            assert!(
                names.contains(&"copydesk.v1.ArticleEnrichmentService"),
                "{names:?}"
            );
            assert!(names.contains(&"grpc.health.v1.Health"), "{names:?}");
        }
        other => panic!("expected a service list, got {other:?}"),
    }
    match answers
        .message()
        .await
        .expect("answer")
        .and_then(|a| a.message_response)
    {
        Some(MessageResponse::FileDescriptorResponse(files)) => {
            assert!(!files.file_descriptor_proto.is_empty());
        }
        other => panic!("expected file descriptors, got {other:?}"),
    }
    server.stop().await;
}

#[tokio::test]
async fn a_passed_deadline_answers_deadline_exceeded() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = server.client().await;
    let mut req = tonic::Request::new(request("slow", &ENGLISH.repeat(200)));
    req.metadata_mut()
        .insert("grpc-timeout", "1n".parse().expect("ascii"));
    let status = client
        .enrich_article(req)
        .await
        .expect_err("deadline passed");
    // The client's own timer may fire first (CANCELLED/DEADLINE_EXCEEDED
    // depending on who answers first); the server never answers OK.
    assert!(
        matches!(status.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{status:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn shutdown_drains_and_stops() {
    let server = TestServer::start(ServerConfig {
        drain_timeout: Duration::from_secs(5),
        ..ServerConfig::default()
    })
    .await;
    let mut client = server.client().await;
    let pending =
        tokio::spawn(async move { client.enrich_article(request("last", ENGLISH)).await });
    let result = pending.await.expect("joined");
    assert!(result.is_ok(), "{result:?}");
    server.stop().await;
}

#[tokio::test]
async fn a_configured_bearer_token_is_required_for_enrichment_only() {
    use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};
    let server = TestServer::start_with(
        ServerConfig {
            auth_token: Some("letmein".into()),
            ..ServerConfig::default()
        },
        true,
    )
    .await;
    let mut client = server.client().await;
    let status = client
        .enrich_article(request("a", ENGLISH))
        .await
        .expect_err("no token");
    assert_eq!(status.code(), Code::Unauthenticated);
    let mut wrong = tonic::Request::new(request("a", ENGLISH));
    wrong
        .metadata_mut()
        .insert("authorization", "Bearer nope".parse().expect("ascii"));
    assert_eq!(
        client
            .enrich_article(wrong)
            .await
            .map_err(|s| s.code())
            .err(),
        Some(Code::Unauthenticated)
    );
    let mut right = tonic::Request::new(request("a", ENGLISH));
    right
        .metadata_mut()
        .insert("authorization", "Bearer letmein".parse().expect("ascii"));
    assert!(client.enrich_article(right).await.is_ok());
    // Probes need no token.
    let mut health = HealthClient::new(server.channel().await);
    assert!(health.check(HealthCheckRequest::default()).await.is_ok());
    let metrics = http_get(server.admin.expect("admin port"), "/metrics")
        .await
        .1;
    assert!(
        metrics.contains("copydesk_grpc_unauthenticated_total 2\n"),
        "{metrics}"
    );
    server.stop().await;
}

#[tokio::test]
async fn overload_is_shed_with_resource_exhausted() {
    let server = TestServer::start_with(
        ServerConfig {
            service: ServiceConfig {
                workers: 1,
                queue: 0,
                ..ServiceConfig::default()
            },
            ..ServerConfig::default()
        },
        true,
    )
    .await;
    // Every line comes back as a block with its text: allow large answers.
    let client = server.client().await.max_decoding_message_size(64 << 20);
    // About 1 MB each: the first call holds the only worker while the rest arrive.
    let long = ENGLISH.repeat(4000);
    let calls: Vec<_> = (0..16)
        .map(|i| {
            let mut client = client.clone();
            let text = long.clone();
            tokio::spawn(async move { client.enrich_article(request(&i.to_string(), &text)).await })
        })
        .collect();
    let mut shed = 0;
    let mut ok = 0;
    for call in calls {
        match call.await.expect("joined") {
            Ok(_) => ok += 1,
            Err(status) => {
                assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
                assert_eq!(reason(&status).as_deref(), Some("OVERLOADED"));
                assert!(
                    status.get_error_details().retry_info().is_some(),
                    "a retry hint"
                );
                shed += 1;
            }
        }
    }
    assert!(ok >= 1, "the first call is served");
    assert!(
        shed >= 1,
        "with one worker and no queue, 16 concurrent calls must shed some"
    );
    let metrics = http_get(server.admin.expect("admin port"), "/metrics")
        .await
        .1;
    assert!(
        metrics.contains(&format!("copydesk_grpc_shed_total {shed}\n")),
        "{metrics}"
    );
    server.stop().await;
}

/// A bare HTTP/1.1 GET: the status code and the body.
async fn http_get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("admin port reachable");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .await
        .expect("request sent");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .expect("response read");
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    (status, body)
}

async fn admin_health(admin: std::net::SocketAddr) -> i32 {
    admin_health_of(admin, "").await
}

async fn admin_health_of(admin: std::net::SocketAddr, service: &str) -> i32 {
    use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};
    let channel = Channel::from_shared(format!("http://{admin}"))
        .expect("uri")
        .connect()
        .await
        .expect("admin gRPC reachable");
    HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: service.into(),
        })
        .await
        .expect("health answered")
        .into_inner()
        .status
}

#[tokio::test]
async fn the_admin_port_serves_metrics_health_and_readiness() {
    let server = TestServer::start_with(ServerConfig::default(), true).await;
    let admin = server.admin.expect("admin port");
    let mut client = server.client().await;
    client
        .enrich_article(request("m-1", ENGLISH))
        .await
        .expect("enriched");
    let status = client
        .enrich_article(request("m-2", " \n "))
        .await
        .expect_err("empty text");
    assert_eq!(status.code(), Code::InvalidArgument);

    assert_eq!(http_get(admin, "/healthz").await.0, 200);
    assert_eq!(http_get(admin, "/readyz").await, (200, "ready\n".into()));
    assert_eq!(http_get(admin, "/nothing-here").await.0, 404);
    let (code, metrics) = http_get(admin, "/metrics").await;
    assert_eq!(code, 200);
    for line in [
        "copydesk_grpc_requests_total{grpc_method=\"EnrichArticle\",grpc_code=\"OK\"} 1\n",
        "copydesk_grpc_requests_total{grpc_method=\"EnrichArticle\",grpc_code=\"INVALID_ARGUMENT\"} 1\n",
        "copydesk_grpc_request_duration_seconds_count{grpc_method=\"EnrichArticle\"} 2\n",
        "copydesk_articles_enriched_total 1\n",
        "copydesk_grpc_requests_in_flight 0\n",
        "copydesk_grpc_shed_total 0\n",
        "copydesk_enrich_stage_duration_seconds_count{stage=\"structure\"} 1\n",
        "copydesk_draining 0\n",
    ] {
        assert!(metrics.contains(line), "missing {line:?} in\n{metrics}");
    }
    // gRPC health answers on the admin port too (plaintext h2c).
    assert_eq!(admin_health(admin).await, 1, "SERVING");
    server.stop().await;
}

#[tokio::test]
async fn readiness_fails_and_health_is_not_serving_while_draining() {
    use futures_util::StreamExt;
    let mut server = TestServer::start_with(
        ServerConfig {
            drain_timeout: Duration::from_secs(15),
            ..ServerConfig::default()
        },
        true,
    )
    .await;
    let admin = server.admin.expect("admin port");
    let mut client = server.client().await;
    // An open stream holds the server in its drain until the client ends it.
    let first = pb::StreamEnrichArticlesRequest {
        request: Some(request("held", ENGLISH)),
    };
    let (end, ended) = oneshot::channel::<()>();
    let outbound = futures_util::stream::iter([first]).chain(
        futures_util::stream::once(async move {
            let _ = ended.await;
        })
        .filter_map(|()| async { None }),
    );
    let mut inbound = client
        .stream_enrich_articles(outbound)
        .await
        .expect("stream opened")
        .into_inner();
    let answer = inbound.next().await.expect("one answer").expect("ok");
    assert_eq!(answer.result.map(|r| r.article_id).as_deref(), Some("held"));

    server.begin_shutdown();
    let mut ready = (0, String::new());
    for _ in 0..100 {
        ready = http_get(admin, "/readyz").await;
        if ready.0 == 503 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(ready, (503, "draining\n".into()));
    assert_eq!(
        http_get(admin, "/healthz").await.0,
        200,
        "alive while draining"
    );
    assert_eq!(admin_health(admin).await, 2, "NOT_SERVING");
    assert_eq!(
        admin_health_of(admin, copydesk::grpc::server::LIVENESS_SERVICE).await,
        1,
        "liveness stays SERVING while draining"
    );
    assert!(
        http_get(admin, "/metrics")
            .await
            .1
            .contains("copydesk_draining 1\n")
    );
    // Ending the stream ends the drain.
    end.send(()).expect("stream still open");
    assert!(inbound.next().await.is_none(), "the stream ends cleanly");
    server.stop().await;
}

/// A CA, a server certificate for localhost and 127.0.0.1, and a client
/// certificate, made fresh for each test.
struct Pki {
    ca_pem: String,
    server: TlsConfig,
    client_cert_pem: String,
    client_key_pem: String,
}

fn pki(mtls: bool) -> Pki {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("ca key"))
        .expect("ca cert");
    let server_key = KeyPair::generate().expect("server key");
    let server_cert = CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
        .expect("server params")
        .signed_by(&server_key, &ca)
        .expect("server cert");
    let client_key = KeyPair::generate().expect("client key");
    let client_cert = CertificateParams::new(vec!["client.example".to_owned()])
        .expect("client params")
        .signed_by(&client_key, &ca)
        .expect("client cert");
    Pki {
        ca_pem: ca.pem(),
        server: TlsConfig {
            cert_pem: server_cert.pem().into_bytes(),
            key_pem: server_key.serialize_pem().into_bytes(),
            client_ca_pem: mtls.then(|| ca.pem().into_bytes()),
        },
        client_cert_pem: client_cert.pem(),
        client_key_pem: client_key.serialize_pem(),
    }
}

async fn tls_call(
    addr: std::net::SocketAddr,
    tls: Option<ClientTlsConfig>,
) -> Result<pb::EnrichArticleResponse, String> {
    let scheme = if tls.is_some() { "https" } else { "http" };
    let mut endpoint = Channel::from_shared(format!("{scheme}://{addr}")).expect("uri");
    if let Some(tls) = tls {
        endpoint = endpoint.tls_config(tls).expect("client TLS config");
    }
    let channel = endpoint.connect().await.map_err(|e| format!("{e:?}"))?;
    ArticleEnrichmentServiceClient::new(channel)
        .enrich_article(request("tls", ENGLISH))
        .await
        .map(tonic::Response::into_inner)
        .map_err(|s| format!("{s:?}"))
}

#[tokio::test]
async fn tls_serves_tls_clients_and_refuses_plaintext() {
    let pki = pki(false);
    let server = TestServer::start(ServerConfig {
        tls: Some(pki.server.clone()),
        ..ServerConfig::default()
    })
    .await;
    let client_tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&pki.ca_pem))
        .domain_name("localhost");
    let answer = tls_call(server.addr, Some(client_tls))
        .await
        .expect("a TLS call works");
    assert_eq!(
        answer.enrichment.map(|e| e.article_id).as_deref(),
        Some("tls")
    );
    assert!(
        tls_call(server.addr, None).await.is_err(),
        "a plaintext client must fail"
    );
    server.stop().await;
}

#[tokio::test]
async fn mtls_requires_a_client_certificate_from_the_ca() {
    let pki = pki(true);
    let server = TestServer::start(ServerConfig {
        tls: Some(pki.server.clone()),
        ..ServerConfig::default()
    })
    .await;
    let base = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&pki.ca_pem))
        .domain_name("localhost");
    let without = tls_call(server.addr, Some(base.clone())).await;
    assert!(without.is_err(), "no client certificate: {without:?}");
    // A certificate from another CA is refused too.
    let stranger = pki_stranger();
    let wrong = tls_call(
        server.addr,
        Some(
            base.clone()
                .identity(Identity::from_pem(stranger.0, stranger.1)),
        ),
    )
    .await;
    assert!(
        wrong.is_err(),
        "a client certificate of another CA: {wrong:?}"
    );
    let with = tls_call(
        server.addr,
        Some(base.identity(Identity::from_pem(
            &pki.client_cert_pem,
            &pki.client_key_pem,
        ))),
    )
    .await;
    assert!(with.is_ok(), "with the client certificate: {with:?}");
    server.stop().await;
}

/// A client certificate and key signed by a CA the server does not trust.
fn pki_stranger() -> (String, String) {
    let other = pki(false);
    (other.client_cert_pem, other.client_key_pem)
}

#[test]
fn unusable_tls_files_are_named_in_the_error() {
    let dir = std::env::temp_dir().join(format!("copydesk-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cert = dir.join("cert.pem");
    let key = dir.join("key.pem");
    std::fs::write(&cert, "not a certificate").expect("write");
    std::fs::write(&key, pki(false).server.key_pem).expect("write");
    let missing = TlsConfig::from_files(&dir.join("nope.pem"), &key, None)
        .expect_err("missing file")
        .to_string();
    assert!(
        missing.contains("nope.pem") && missing.contains("reading the certificate"),
        "{missing}"
    );
    let garbage = TlsConfig::from_files(&cert, &key, None)
        .expect_err("not PEM")
        .to_string();
    assert!(
        garbage.contains("cert.pem") && garbage.contains("no PEM certificate"),
        "{garbage}"
    );
    let swapped = TlsConfig::from_files(&key, &cert, None)
        .expect_err("swapped")
        .to_string();
    assert!(swapped.contains("no PEM"), "{swapped}");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_malformed_key_fails_at_startup_with_a_tls_error() {
    let mut tls = pki(false).server;
    tls.key_pem = b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".to_vec();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let error = copydesk::grpc::serve(
        listener,
        ServerConfig {
            tls: Some(tls),
            ..ServerConfig::default()
        },
        std::future::pending(),
    )
    .await
    .expect_err("a bad key must stop the server");
    assert!(
        error.to_string().starts_with("TLS configuration"),
        "{error}"
    );
}

#[tokio::test]
async fn a_request_in_flight_at_shutdown_is_answered() {
    let mut server = TestServer::start_with(
        ServerConfig {
            drain_timeout: Duration::from_secs(30),
            ..ServerConfig::default()
        },
        true,
    )
    .await;
    let admin = server.admin.expect("admin port");
    let client = server.client().await.max_decoding_message_size(64 << 20);
    let calls: Vec<_> = (0..3)
        .map(|i| {
            let mut client = client.clone();
            let text = ENGLISH.repeat(2000);
            tokio::spawn(async move { client.enrich_article(request(&i.to_string(), &text)).await })
        })
        .collect();
    // Shut down only once all three are being worked on.
    for _ in 0..500 {
        if http_get(admin, "/metrics")
            .await
            .1
            .contains("copydesk_grpc_requests_in_flight 3\n")
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    server.begin_shutdown();
    for call in calls {
        let answer = call.await.expect("joined");
        assert!(
            answer.is_ok(),
            "an accepted request is answered: {answer:?}"
        );
    }
    server.stop().await;
}
