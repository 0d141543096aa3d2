"""The Python peer stack's side of the race (run by bench/race.sh in its own virtualenv).

For every article: trafilatura.extract on the text wrapped as <p> lines, YAKE key phrases,
dateparser.search.search_dates, and lingua's language. Prints the CPU time per article of this
thread, after a warm-up pass (models and lexicons loaded), in the same form as benches/race.rs.

    python race_peers.py [--rounds N] [--jsonl FILE [--limit N] [--min-bytes N] [--max-bytes N]]
        [FILE.txt | DIR]...

From a .jsonl file: its first --limit texts of --min-bytes..=--max-bytes UTF-8 bytes (the ones
benches/race.rs picks).
"""

import argparse
import html
import json
import pathlib
import sys
import time

import dateparser.search
import trafilatura
import yake
from lingua import LanguageDetectorBuilder

# YAKE and dateparser take a language; the peer stack asks lingua first, as a pipeline would.
YAKE_LANGS = {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "uk", "ar", "zh"}


def read_corpus(args):
    texts = []
    paths = [pathlib.Path(p) for p in args.files]
    if not paths and not args.jsonl:
        paths = [pathlib.Path(__file__).resolve().parent / "corpus"]
    for path in paths:
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        texts.extend(f.read_text(encoding="utf-8") for f in files)
    if args.jsonl:
        taken = 0
        with open(args.jsonl, encoding="utf-8") as f:
            for line in f:
                if taken >= args.limit:
                    break
                text = json.loads(line).get("text")
                if text and args.min_bytes <= len(text.encode("utf-8")) <= args.max_bytes:
                    texts.append(text)
                    taken += 1
    return texts


def thread_cpu():
    return time.thread_time()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("--jsonl")
    parser.add_argument("--limit", type=int, default=sys.maxsize)
    parser.add_argument("--min-bytes", type=int, default=0)
    parser.add_argument("--max-bytes", type=int, default=sys.maxsize)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    texts = read_corpus(args)
    if not texts:
        sys.exit("no articles")

    t0 = time.perf_counter()
    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
    extractors = {}
    setup = time.perf_counter() - t0

    def enrich(text):
        lang = detector.detect_language_of(text)
        code = lang.iso_code_639_1.name.lower() if lang else "en"
        page = "<html><body>" + "".join(
            f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()
        ) + "</body></html>"
        body = trafilatura.extract(page) or ""
        kw_lang = code if code in YAKE_LANGS else "en"
        extractor = extractors.get(kw_lang)
        if extractor is None:
            extractor = extractors[kw_lang] = yake.KeywordExtractor(lan=kw_lang, n=3, top=20)
        keywords = extractor.extract_keywords(text)
        try:
            dates = dateparser.search.search_dates(text, languages=[code])
        except ValueError:  # a language dateparser does not know
            dates = dateparser.search.search_dates(text)
        return body, keywords, dates

    t0 = time.perf_counter()
    for text in texts:
        enrich(text)
    first = time.perf_counter() - t0

    cpu0, wall0 = thread_cpu(), time.perf_counter()
    for _ in range(max(args.rounds, 1)):
        for text in texts:
            enrich(text)
    cpu, wall = thread_cpu() - cpu0, time.perf_counter() - wall0
    n = len(texts) * max(args.rounds, 1)
    mean_kb = sum(len(t.encode()) for t in texts) / len(texts) / 1e3
    print(
        f"peers: {len(texts)} articles, {mean_kb:.1f} KB mean, {max(args.rounds, 1)} rounds; "
        f"set-up {setup * 1e3:.0f} ms, first pass {first * 1e3:.0f} ms"
    )
    print(
        f"RESULT peers cpu_ms_per_article={cpu / n * 1e3:.4f} "
        f"wall_ms_per_article={wall / n * 1e3:.4f} articles={len(texts)}"
    )


if __name__ == "__main__":
    main()
