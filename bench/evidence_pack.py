"""Time `gate evidence` for a fiscal year of N items (default 300; target: under a minute).

A site of N signed live posts (bench/generate.py, window opening 1 Nov 2569: FY 2570),
each with one print screen filed under evidence/2570/ as `gate capture` files it. The
images are drawn (a page-like A4-width picture, about the size of a real capture), since
photographing 300 pages is `gate capture`'s cost, paid once per post at publication, not
the pack's. Then `gate evidence --fiscal-year 2570` runs as a real process, and the PDF's
pages and bookmarks are counted with poppler's pdfinfo and pdftohtml. The target is on the
wall clock; the process's CPU time is recorded beside it, as it moves far less when other work
shares the machine (the load average is recorded too).

    python bench/evidence_pack.py [--items 300] [--keep DIR]    (writes bench/evidence-pack.json)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate
from PIL import Image, ImageDraw

from approval_gate.core.post import Rules, load_post
from approval_gate.forms.register import fiscal_year
from approval_gate.services import evidence

RESULTS = Path(__file__).resolve().parent / "evidence-pack.json"
NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)  # FY 2570, every post live
TARGET = 60.0


def page_image(index: int) -> bytes:
    """A picture shaped like a captured page: header bar, title, lines of text, footer."""
    image = Image.new("RGB", (evidence.A4_WIDTH, 1400), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, evidence.A4_WIDTH, 48), fill=(63, 81, 181))
    draw.rectangle((32, 90, 32 + 300 + index % 300, 120), fill=(40, 40, 40))
    for line in range(40):
        width = 200 + (index * 37 + line * 53) % 500
        draw.rectangle((32, 150 + line * 28, 32 + width, 162 + line * 28), fill=(90, 90, 90))
    draw.rectangle((0, 1340, evidence.A4_WIDTH, 1400), fill=(30, 30, 30))
    with tempfile.SpooledTemporaryFile() as buffer:
        image.save(buffer, format="PNG")
        buffer.seek(0)
        return buffer.read()


def file_captures(root: Path, paths: list[str]) -> None:
    for index, post_path in enumerate(paths):
        digest = load_post((root / "content" / post_path).read_bytes(), post_path, Rules()).digest
        assert digest is not None
        page = evidence.BuiltPage(post_path, post_path.removesuffix(".md") + "/", "", digest, fiscal_year(NOW.date()))
        evidence.store(
            root,
            page,
            page_image(index),
            url=f"https://example.go.th/{page.url}",
            captured_at=NOW,
            title="",
            heading="",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="build here and keep the result")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-evidence-") as scratch:
        root = (args.keep or Path(scratch)) / "site"
        paths = generate(root, args.items, attach_every=0)
        file_captures(root, paths)
        out = root.parent / "pack"
        gate = Path(sys.executable).with_name("gate")
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp())), "LANG": "C.UTF-8"}
        before = os.times()
        started = time.perf_counter()
        result = subprocess.run(
            [str(gate), "-f", str(root / "mkdocs.yml"), "--lang", "en", "evidence", "--fiscal-year", "2570",
             "--out", str(out)],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        print(result.stdout.strip())
        print(f"gate evidence: {seconds:.1f} s ({cpu:.1f} s of CPU)", flush=True)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            raise SystemExit(f"gate evidence failed ({result.returncode})")
        pdf = out / "evidence-2570.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
        outline_only = ["pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", str(pdf)]
        outline = subprocess.run(outline_only, capture_output=True, text=True, check=True).stdout
        marks = len(re.findall(r"<item page=", outline))
        size = pdf.stat().st_size / 1e6
        verdict = "ok" if seconds < TARGET else f"over the {TARGET:.0f} s target"
        print(
            f"{args.items} items: {seconds:.1f} s ({verdict}; {cpu:.1f} s of CPU), "
            f"{pages.group(1) if pages else '?'} pages, "
            f"{marks} bookmarks, {size:.1f} MB PDF, {(out / 'evidence-2570.zip').stat().st_size / 1e3:.0f} kB ZIP"
        )
        results = {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "load_average": os.getloadavg()[0],
            "items": args.items,
            "seconds": round(seconds, 1),
            "cpu_seconds": round(cpu, 1),
            "target_seconds": TARGET,
            "pages": int(pages.group(1)) if pages else None,
            "bookmarks": marks,
            "pdf_mb": round(size, 1),
            "zip_kb": round((out / "evidence-2570.zip").stat().st_size / 1e3),
        }
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
