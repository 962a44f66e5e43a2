"""Look at the HTML report in headless Chromium: screenshots for docs/, and a layout check.

    .venv/bin/python scripts/report_screenshots.py            # docs/report-*.png from corpora/

Extracts corpora/, scores it against gold/ (``score --html``), and takes three screenshots
of the page: the summary (``docs/report-summary.png``), one article's text with gold and
predicted marks side by side (``docs/report-text.png``) and its aligned claims
(``docs/report-claims.png``). Needs Debian's ``chromium`` (``apt-get install chromium``).

:func:`layout_problems` is what ``tests/test_report.py`` runs: it loads a page in Chromium
and lists every pair of marks whose boxes overlap (a label running into the next line,
which displaCy's span renderer did) and every mark wider than its column.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files")


def chromium() -> str | None:
    """The Chromium executable on PATH, or None."""
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def _frame(page: Path, script: str) -> str:
    """A page that shows ``page`` in a full-window frame and runs ``script`` once it has loaded
    (``f`` is the frame, ``d`` its document)."""
    src = html.escape(page.resolve().as_uri())
    return (
        '<!DOCTYPE html><html><body style="margin:0;overflow:hidden">'
        f'<iframe id="f" src="{src}" style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe>'
        f'<script>const f = document.getElementById("f"); f.onload = () => {{ const d = f.contentDocument; {script} }};'
        "</script></body></html>"
    )


def _run(browser: str, frame: str, args: list[str], *, width: int, height: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        wrapper = Path(tmp) / "frame.html"
        wrapper.write_text(frame, encoding="utf-8")
        size = f"--window-size={width},{height}"
        result = subprocess.run(
            [browser, *FLAGS, "--virtual-time-budget=15000", size, *args, wrapper.as_uri()],
            capture_output=True,
            text=True,
            timeout=180,
            check=True,
        )
    return result.stdout


def screenshot(page: Path, out: Path, *, anchor: str | None = None, width: int = 1400, height: int = 1400) -> Path:
    """A ``width`` x ``height`` PNG of ``page``, scrolled to the element ``anchor`` (an id)."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    target = f'd.getElementById("{anchor}")' if anchor else "d.body"
    script = f"f.contentWindow.scrollTo(0, {target}.getBoundingClientRect().top - 8);"
    _run(browser, _frame(page, script), [f"--screenshot={out.resolve()}"], width=width, height=height)
    return out


_CHECK = """
const boxes = [];
for (const m of d.querySelectorAll("mark, .sent span.subj, .sent span.obj, .sent span.trig")) {
  for (const r of m.getClientRects()) boxes.push([m, r]);
}
const problems = [];
for (let i = 0; i < boxes.length; i++) {
  const [m, a] = boxes[i];
  const column = m.closest(".side, td");
  if (column) {
    const c = column.getBoundingClientRect();
    if (a.right > c.right + 1 || a.left < c.left - 1) problems.push("wider than its column: " + m.textContent);
  }
  for (let j = i + 1; j < boxes.length; j++) {
    const [n, b] = boxes[j];
    if (m.contains(n) || n.contains(m)) continue;
    const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (dx > 1 && dy > 1) problems.push("overlap: " + m.textContent + " / " + n.textContent);
  }
}
document.title = "checked";
const out = document.createElement("pre"); out.id = "problems";
out.textContent = JSON.stringify({marks: boxes.length, problems: problems});
document.body.appendChild(out);
"""


def layout_problems(page: Path, *, width: int = 1400) -> tuple[int, list[str]]:
    """(number of mark boxes, problems) of ``page`` as Chromium lays it out: marks whose boxes
    overlap, and marks wider than their column."""
    import json

    browser = chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    dom = _run(browser, _frame(page, _CHECK), ["--dump-dom"], width=width, height=1000)
    found = re.search(r'<pre id="problems">(.*?)</pre>', dom, re.S)
    if found is None:
        raise RuntimeError("the layout check did not run")
    data = json.loads(html.unescape(found.group(1)))
    return data["marks"], data["problems"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument(
        "--article",
        default="dev3-uk-unsc-west-africa-sahel-2024-08-08",
        help="Article whose text and claims are shown.",
    )
    args = parser.parse_args()
    from pipeline import api

    with tempfile.TemporaryDirectory() as tmp:
        pred, page = Path(tmp) / "pred.jsonl", Path(tmp) / "scores.html"
        api.extract([ROOT / "corpora"], output=pred)
        api.score(pred, gold=ROOT / "gold", html_path=page)
        marks, problems = layout_problems(page)
        print(f"{page}: {marks} marks, {len(problems)} layout problems")
        anchor = "a-" + re.sub(r"[^A-Za-z0-9_-]", "-", args.article)
        for name, where, height in (
            ("summary", None, 1350),
            ("text", anchor, 1100),
            ("claims", f"{anchor}-claims", 1500),
        ):
            out = screenshot(page, args.out / f"report-{name}.png", anchor=where, height=height)
            print(f"wrote {out}")
        print(f"wrote {map_screenshot(pred, args.out / 'map.png')}")


def map_screenshot(pred: Path, out: Path) -> Path:
    """``sahel-claims show PRED --map`` as Chromium draws it (docs/map.png)."""
    from pipeline import api

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "map.html"
        api.write_map(pred, page)
        return screenshot(page, out, width=1100, height=900)


if __name__ == "__main__":
    main()
