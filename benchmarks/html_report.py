#!/usr/bin/env python3
"""The HTML report of a large calendar: its size, the time to write it and to open it.

    python benchmarks/html_report.py --posts 10000

Uses the corpus and ``policy/all`` of ``run.py`` (generated into
``benchmarks/.corpus/`` unless already there), then:

1. ``governance lint CORPUS --format html --output report.html`` as a fresh
   process: wall seconds and peak RSS, against the same lint with ``--format
   json`` (the cost the page adds);
2. the page's size in bytes (the budget is 5 MB for 10,000 posts);
3. headless Chromium (``--dump-dom`` after the page's script ran), wall seconds
   for the report against an empty page: the difference is the page's load.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import REPO, ensure_corpus, measure, place_policies

BUDGET_BYTES = 5_000_000


def chromium_seconds(chromium: str, url: str, profile: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        f"--user-data-dir={profile}", "--dump-dom", url],
                       check=True, capture_output=True, timeout=300)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "bench",
                        help="the shared benchmark inputs (gen_corpus.py)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    corpus = ensure_corpus(args.shared, args.posts, args.seed)
    policy = place_policies(corpus)["all"]
    governance = [sys.executable, "-m", "governance", "lint", str(corpus / "calendar.csv"),
                  "--policy", str(policy), "--today", "2026-11-23"]
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "report.html"
        as_json = measure([*governance, "--format", "json", "--output",
                           str(Path(work) / "report.json")], args.repeat)
        as_html = measure([*governance, "--format", "html", "--output", str(page)], args.repeat)
        size = page.stat().st_size
        print(f"posts: {args.posts:,}")
        print(f"lint --format json: {as_json.seconds:.2f} s, {as_json.peak_mb:.0f} MB peak")
        print(f"lint --format html: {as_html.seconds:.2f} s, {as_html.peak_mb:.0f} MB peak")
        print(f"page: {size:,} bytes ({size / 1e6:.2f} MB; budget {BUDGET_BYTES / 1e6:.0f} MB)")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium:
            empty = Path(work) / "empty.html"
            empty.write_text("<!DOCTYPE html><title>empty</title>", encoding="utf-8")
            profile = Path(work) / "profile"
            base = chromium_seconds(chromium, empty.as_uri(), profile, args.repeat)
            full = chromium_seconds(chromium, page.as_uri(), profile, args.repeat)
            print(f"chromium --dump-dom: {full:.2f} s (empty page {base:.2f} s; "
                  f"the report's load {full - base:.2f} s)")
        else:
            print("chromium: not installed, load time not measured")
    return 0 if size <= BUDGET_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
