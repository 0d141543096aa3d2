#!/usr/bin/env python3
"""Independent check of the copydesk gRPC API from a second language.

The Rust tests call the server through the Rust client that is generated from
the same build; this script checks the contract from the outside instead: it
compiles `proto/` with grpc_tools' protoc at run time (nothing generated is
committed), then calls a running server through grpcio.

Usage:
    check_api.py [ADDRESS]        check the server at ADDRESS (default 127.0.0.1:50051)
    check_api.py --compile-only   only compile the protos and import the generated modules

Prints one line per check and finishes with `N passed, N failed`; exits 1 on
any failure.
"""

from __future__ import annotations

import importlib
import importlib.resources
import os
import sys
import tempfile
import traceback

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROTO_DIR = os.path.join(REPO, "proto")
DEFAULT_ADDRESS = "127.0.0.1:50051"
SERVICE = "copydesk.v1.ArticleEnrichmentService"
RPC_TIMEOUT_S = 30.0

# The proto files to compile, relative to proto/. Our vendored google/rpc and
# google/type files are compiled too, so that the Status we decode is the one
# our API declares, not whatever another package happens to ship.
PROTO_FILES = [
    "copydesk/v1/enrichment_service.proto",
    "google/rpc/status.proto",
    "google/type/date.proto",
]

# A short invented article, flattened the way a crawler leaves a page.
ENGLISH_PAGE = """\
Listen Live
News
Business
Sport
Harbour council approves night ferry trial
By Mara Quill
PORTLAND, Maine (AP) — The city's harbour council on Tuesday approved a six-month trial of a night ferry between the mainland and the outer islands, the first such service in more than twenty years.
"People on the islands have been asking for this since the old boat was sold," council chair Edwin Tarrow said after the vote. "Now we will see whether they use it."
The trial will cost about $400,000, according to a report prepared by the port authority, and will be paid for out of the harbour maintenance fund.
Tags: ferries, Portland, transport
"""


def compile_protos(out_dir: str) -> None:
    """Generates the Python modules for PROTO_FILES into out_dir."""
    from grpc_tools import protoc

    well_known = str(importlib.resources.files("grpc_tools") / "_proto")
    args = [
        "protoc",
        f"-I{PROTO_DIR}",
        f"-I{well_known}",
        f"--python_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        *PROTO_FILES,
    ]
    code = protoc.main(args)
    if code != 0:
        raise RuntimeError(f"protoc exited with {code} for {PROTO_FILES}")


def import_generated(out_dir: str):
    """Imports the generated modules from out_dir, ahead of installed ones.

    `google.rpc` and `google.type` are namespace packages shared with
    googleapis-common-protos; putting out_dir first on sys.path makes
    `google.rpc.status_pb2` resolve to the module generated from our vendored
    status.proto. googleapis' own status_pb2 is never imported, so the two
    never meet in the descriptor pool.
    """
    sys.path.insert(0, out_dir)
    importlib.invalidate_caches()
    for name in ("google.rpc", "google.type"):
        pkg = importlib.import_module(name)
        path = getattr(pkg, "__path__", None)
        local = os.path.join(out_dir, *name.split("."))
        if isinstance(path, list) and local not in path:
            # A regular package: make our directory win explicitly.
            path.insert(0, local)
    status_pb2 = importlib.import_module("google.rpc.status_pb2")
    if not os.path.abspath(status_pb2.__file__).startswith(os.path.abspath(out_dir)):
        raise RuntimeError(f"google.rpc.status_pb2 came from {status_pb2.__file__}, not {out_dir}")
    pb2 = importlib.import_module("copydesk.v1.enrichment_service_pb2")
    pb2_grpc = importlib.import_module("copydesk.v1.enrichment_service_pb2_grpc")
    return pb2, pb2_grpc, status_pb2


class Checks:
    """Runs named checks, printing one line each and counting the outcome."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def run(self, name: str, fn) -> None:
        try:
            detail = fn()
        except AssertionError as err:
            self.failed += 1
            print(f"FAIL {name}: {err}", flush=True)
            return
        except Exception as err:  # noqa: BLE001 - any error fails the check
            self.failed += 1
            print(f"FAIL {name}: {type(err).__name__}: {err}", flush=True)
            if os.environ.get("CHECK_API_TRACEBACK"):
                traceback.print_exc()
            return
        self.passed += 1
        print(f"PASS {name}" + (f": {detail}" if detail else ""), flush=True)

    def summary(self) -> int:
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 0 if self.failed == 0 else 1


def decode_status_details(err, status_pb2):
    """Decodes `grpc-status-details-bin` of an RpcError into a google.rpc.Status."""
    trailers = dict(err.trailing_metadata() or ())
    raw = trailers.get("grpc-status-details-bin")
    assert raw is not None, f"no grpc-status-details-bin trailer (trailers: {sorted(trailers)})"
    status = status_pb2.Status()
    status.ParseFromString(raw)
    return status


def error_details(status):
    """Splits a Status' details into (ErrorInfo list, BadRequest list, other type URLs)."""
    from google.rpc import error_details_pb2

    infos, bad_requests, others = [], [], []
    for any_msg in status.details:
        if any_msg.type_url == "type.googleapis.com/google.rpc.ErrorInfo":
            info = error_details_pb2.ErrorInfo()
            any_msg.Unpack(info)
            infos.append(info)
        elif any_msg.type_url == "type.googleapis.com/google.rpc.BadRequest":
            bad = error_details_pb2.BadRequest()
            any_msg.Unpack(bad)
            bad_requests.append(bad)
        else:
            others.append(any_msg.type_url)
    return infos, bad_requests, others


def main(argv: list[str]) -> int:
    compile_only = "--compile-only" in argv[1:]
    positional = [a for a in argv[1:] if not a.startswith("--")]
    address = positional[0] if positional else DEFAULT_ADDRESS

    with tempfile.TemporaryDirectory(prefix="copydesk-pb-") as out_dir:
        compile_protos(out_dir)
        pb2, pb2_grpc, status_pb2 = import_generated(out_dir)
        if compile_only:
            from google.rpc import error_details_pb2  # noqa: F401 - import check

            names = sorted(pb2.DESCRIPTOR.services_by_name)
            print(f"compiled {len(PROTO_FILES)} protos; services: {', '.join(names)}")
            return 0
        return run_checks(address, pb2, pb2_grpc, status_pb2)


def run_checks(address: str, pb2, pb2_grpc, status_pb2) -> int:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    from grpc_reflection.v1alpha import reflection_pb2

    checks = Checks()
    channel = grpc.insecure_channel(address)
    try:
        grpc.channel_ready_future(channel).result(timeout=15)
    except grpc.FutureTimeoutError:
        print(f"FAIL connect: no server at {address} within 15 s")
        checks.failed += 1
        return checks.summary()
    stub = pb2_grpc.ArticleEnrichmentServiceStub(channel)

    def enrich_english():
        req = pb2.EnrichArticleRequest(article=pb2.Article(id="py-en-1", text=ENGLISH_PAGE))
        resp = stub.EnrichArticle(req, timeout=RPC_TIMEOUT_S)
        code = resp.enrichment.language.language_code
        assert code == "en", f"language_code {code!r}, want 'en'"
        return f"language_code={code}"

    def enrich_empty_invalid_argument():
        req = pb2.EnrichArticleRequest(article=pb2.Article(id="py-empty", text=""))
        try:
            stub.EnrichArticle(req, timeout=RPC_TIMEOUT_S)
        except grpc.RpcError as err:
            assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, f"code {err.code()}, want INVALID_ARGUMENT"
            status = decode_status_details(err, status_pb2)
            assert status.code == 3, f"Status.code {status.code} in details, want 3"
            infos, bad_requests, others = error_details(status)
            assert infos, f"no google.rpc.ErrorInfo in details (got {others})"
            assert infos[0].reason, "ErrorInfo.reason is empty"
            fields = [v.field for b in bad_requests for v in b.field_violations]
            assert bad_requests, f"no google.rpc.BadRequest in details (got {others})"
            assert "article.text" in fields, f"field violations {fields}, want one for 'article.text'"
            return f"reason={infos[0].reason} violations={fields}"
        raise AssertionError("empty text was accepted")

    def batch_per_item_results():
        req = pb2.BatchEnrichArticlesRequest(
            requests=[
                pb2.EnrichArticleRequest(article=pb2.Article(id="py-batch-good", text=ENGLISH_PAGE)),
                pb2.EnrichArticleRequest(article=pb2.Article(id="py-batch-empty", text="")),
            ]
        )
        resp = stub.BatchEnrichArticles(req, timeout=RPC_TIMEOUT_S)
        assert len(resp.results) == 2, f"{len(resp.results)} results, want 2"
        first, second = resp.results
        assert first.WhichOneof("result") == "enrichment", f"first result is {first.WhichOneof('result')}"
        assert first.article_id == "py-batch-good", f"first article_id {first.article_id!r}"
        assert second.WhichOneof("result") == "error", f"second result is {second.WhichOneof('result')}"
        assert second.article_id == "py-batch-empty", f"second article_id {second.article_id!r}"
        assert second.error.code == 3, f"second error code {second.error.code}, want 3"
        return f"second error: {second.error.message!r}"

    def stream_in_order():
        ids = ["py-stream-1", "py-stream-2", "py-stream-3"]

        def requests():
            for i, article_id in enumerate(ids):
                text = ENGLISH_PAGE.replace("six-month", f"{i + 3}-month")
                yield pb2.StreamEnrichArticlesRequest(
                    request=pb2.EnrichArticleRequest(article=pb2.Article(id=article_id, text=text))
                )

        got = []
        for msg in stub.StreamEnrichArticles(requests(), timeout=RPC_TIMEOUT_S):
            got.append((msg.result.article_id, msg.result.WhichOneof("result")))
        assert [g[0] for g in got] == ids, f"article ids {[g[0] for g in got]}, want {ids}"
        bad = [g for g in got if g[1] != "enrichment"]
        assert not bad, f"results without enrichment: {bad}"
        return f"{len(got)} results"

    def health_serving():
        health = health_pb2_grpc.HealthStub(channel)
        resp = health.Check(health_pb2.HealthCheckRequest(service=""), timeout=RPC_TIMEOUT_S)
        want = health_pb2.HealthCheckResponse.SERVING
        assert resp.status == want, f"status {health_pb2.HealthCheckResponse.ServingStatus.Name(resp.status)}"
        return "SERVING"

    def reflection_lists_service():
        # grpcio-reflection ships only the v1alpha messages; v1 is the same
        # wire format under another service name, so try v1 first.
        request = reflection_pb2.ServerReflectionRequest(list_services="")
        versions = []
        for version in ("v1", "v1alpha"):
            method = f"/grpc.reflection.{version}.ServerReflection/ServerReflectionInfo"
            call = channel.stream_stream(
                method,
                request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
                response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
            )
            try:
                responses = list(call(iter([request]), timeout=RPC_TIMEOUT_S))
            except grpc.RpcError as err:
                if err.code() == grpc.StatusCode.UNIMPLEMENTED:
                    versions.append(f"{version}: unimplemented")
                    continue
                raise
            names = [s.name for r in responses for s in r.list_services_response.service]
            assert SERVICE in names, f"reflection {version} lists {names}, not {SERVICE}"
            return f"{version}: {', '.join(sorted(names))}"
        raise AssertionError(f"no reflection service ({'; '.join(versions)})")

    checks.run("EnrichArticle english page -> language_code en", enrich_english)
    checks.run("EnrichArticle empty text -> INVALID_ARGUMENT + ErrorInfo + BadRequest", enrich_empty_invalid_argument)
    checks.run("BatchEnrichArticles good + empty -> 2 results, second error 3", batch_per_item_results)
    checks.run("StreamEnrichArticles 3 requests -> 3 results in order", stream_in_order)
    checks.run("grpc.health.v1 Check -> SERVING", health_serving)
    checks.run(f"reflection lists {SERVICE}", reflection_lists_service)
    channel.close()
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
