#!/usr/bin/env python3
"""Renders a report.html in headless Chromium and checks its text as a reader sees it.

  report_layout.py REPORT_HTML OUT_DIR NAME

Keeps a screenshot, OUT_DIR/NAME.png, then loads a copy of the page with a script that reads
the box of every SVG text element and of every line of the page's own text
(getBoundingClientRect) into the DOM, dumps the DOM, and checks the boxes: no two overlap, no
SVG text lies outside its SVG, and no text lies outside the page. Prints each problem and exits
1 when there is one; exits 2 when Chromium is missing, which the test needs (it is in
deploy/packages/test.txt).
"""

import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile

# Boxes closer than this are not counted as overlapping or outside: layout rounds to fractions
# of a pixel.
TOLERANCE = 0.5
WINDOW = "1280,2000"

# Appended to a copy of the page: on load, the boxes as JSON in a <pre id="layout-boxes">.
COLLECT = r"""
<script>
window.addEventListener('load', () => {
  const box = (r) => ({left: r.left + scrollX, top: r.top + scrollY,
                       right: r.right + scrollX, bottom: r.bottom + scrollY});
  const svgs = Array.from(document.querySelectorAll('svg'));
  const texts = [];
  svgs.forEach((svg, i) => svg.querySelectorAll('text').forEach((t) => {
    texts.push({text: t.textContent, svg: i, box: box(t.getBoundingClientRect())});
  }));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('svg, script, style')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {  // one per line the text takes
      if (r.width > 0 && r.height > 0) texts.push({text: node.textContent.trim(), box: box(r)});
    }
  }
  const out = document.createElement('pre');
  out.id = 'layout-boxes';
  out.textContent = JSON.stringify({
    page: {left: 0, top: 0, right: document.documentElement.clientWidth,
           bottom: document.documentElement.scrollHeight},
    svgs: svgs.map((s) => box(s.getBoundingClientRect())),
    texts: texts,
  });
  document.body.appendChild(out);
});
</script>
"""


def chromium(profile, *args):
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--hide-scrollbars", "--window-size=" + WINDOW,
               "--user-data-dir=" + profile, *args]
    return subprocess.run(command, check=True, capture_output=True, text=True,
                          timeout=120).stdout


def collect(html_path, work):
    with open(html_path, encoding="utf-8") as f:
        page = f.read()
    probe = os.path.join(work, "probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(page.replace("</body>", COLLECT + "</body>"))
    dom = chromium(os.path.join(work, "profile"), "--virtual-time-budget=5000",
                   "--dump-dom", "file://" + probe)
    start = dom.index('<pre id="layout-boxes">') + len('<pre id="layout-boxes">')
    raw = dom[start:dom.index("</pre>", start)]
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        raw = raw.replace(entity, char)
    return json.loads(raw)


def overlap(a, b):
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > TOLERANCE and
            min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > TOLERANCE)


def outside(inner, outer):
    return (inner["left"] < outer["left"] - TOLERANCE or inner["top"] < outer["top"] - TOLERANCE
            or inner["right"] > outer["right"] + TOLERANCE
            or inner["bottom"] > outer["bottom"] + TOLERANCE)


def describe(text):
    b = text["box"]
    where = "svg %d" % text["svg"] if "svg" in text else "page"
    return "%r (%s, %.1f,%.1f to %.1f,%.1f)" % (text["text"][:60], where, b["left"], b["top"],
                                                 b["right"], b["bottom"])


def problems(layout):
    found = []
    texts = layout["texts"]
    for t in texts:
        if outside(t["box"], layout["page"]):
            found.append("outside the page: " + describe(t))
        if "svg" in t and outside(t["box"], layout["svgs"][t["svg"]]):
            found.append("outside its SVG: " + describe(t))
    for a, b in itertools.combinations(texts, 2):
        if overlap(a["box"], b["box"]):
            found.append("overlap: %s and %s" % (describe(a), describe(b)))
    return found


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    html_path, out_dir, name = sys.argv[1:]
    if shutil.which("chromium") is None:
        print("chromium is not installed: the report layout test renders the report in headless "
              "Chromium (Debian package chromium, listed in deploy/packages/test.txt)")
        return 2
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        screenshot = os.path.join(out_dir, name + ".png")
        chromium(os.path.join(work, "profile"), "--screenshot=" + screenshot,
                 "file://" + os.path.abspath(html_path))
        layout = collect(os.path.abspath(html_path), work)
    svg_texts = sum(1 for t in layout["texts"] if "svg" in t)
    print("%s: %d text boxes, %d of them in %d SVG" % (name, len(layout["texts"]), svg_texts,
                                                       len(layout["svgs"])))
    if svg_texts == 0 or len(layout["texts"]) == svg_texts:
        print("the page has no chart text or no page text: nothing was checked")
        return 1
    found = problems(layout)
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
