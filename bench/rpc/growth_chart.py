"""The growth chart: time and memory against dataset size, on log-log axes, as a standalone SVG
written here (no plotting library). On such axes a cost that grows linearly is a line of slope
one; each panel draws that slope, dashed, through its first series' largest point."""

import math
from xml.sax.saxutils import escape

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
PANEL_W, PANEL_H = 440, 330
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 70, 15, 40, 110


def _decades(lo, hi):
    return range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)


def _label(exponent):
    if 0 <= exponent <= 3:
        return f"{10 ** exponent:g}"
    return f'10<tspan dy="-5" font-size="9">{exponent}</tspan>'



def _panel(x0, title, unit, series):
    """series: [(name, [(flows, value)])]; returns SVG elements for one panel at x offset x0."""
    points = [(x, y) for _, pts in series for x, y in pts if x > 0 and y > 0]
    xs = list(_decades(min(p[0] for p in points), max(p[0] for p in points)))
    ys = list(_decades(min(p[1] for p in points), max(p[1] for p in points)))
    if len(ys) < 2:
        ys.append(ys[0] + 1)
    width = PANEL_W - MARGIN_L - MARGIN_R
    height = PANEL_H - MARGIN_T - MARGIN_B

    def sx(x):
        return x0 + MARGIN_L + (math.log10(x) - xs[0]) / (xs[-1] - xs[0] or 1) * width

    def sy(y):
        return MARGIN_T + height - (math.log10(y) - ys[0]) / (ys[-1] - ys[0]) * height

    out = [f'<text x="{x0 + PANEL_W / 2}" y="22" text-anchor="middle" font-weight="bold">'
           f'{escape(title)}</text>']
    for e in xs:
        x = sx(10 ** e)
        out.append(f'<line x1="{x:.1f}" y1="{MARGIN_T}" x2="{x:.1f}" y2="{MARGIN_T + height}" '
                   'stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{MARGIN_T + height + 16}" text-anchor="middle">'
                   f'{_label(e)}</text>')
    for e in ys:
        y = sy(10 ** e)
        out.append(f'<line x1="{x0 + MARGIN_L}" y1="{y:.1f}" x2="{x0 + MARGIN_L + width}" '
                   f'y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{x0 + MARGIN_L - 6}" y="{y + 4:.1f}" text-anchor="end">'
                   f'{_label(e)}</text>')
    out.append(f'<text x="{x0 + MARGIN_L + width / 2}" y="{MARGIN_T + height + 34}" '
               'text-anchor="middle">flows in the dataset</text>')
    out.append(f'<text transform="translate({x0 + 16},{MARGIN_T + height / 2}) rotate(-90)" '
               f'text-anchor="middle">{escape(unit)}</text>')
    anchor = max(next(([p for p in pts if p[0] > 0 and p[1] > 0] for _, pts in series
                       if any(p[0] > 0 and p[1] > 0 for p in pts))))
    ref_lo = max(anchor[1] * 10 ** xs[0] / anchor[0], 10 ** ys[0])
    out.append(f'<line x1="{sx(ref_lo * anchor[0] / anchor[1]):.1f}" y1="{sy(ref_lo):.1f}" '
               f'x2="{sx(anchor[0]):.1f}" y2="{sy(anchor[1]):.1f}" stroke="#888" '
               'stroke-dasharray="5,4"/>')
    for i, (name, pts) in enumerate(series):
        color = COLORS[i % len(COLORS)]
        pts = sorted((x, y) for x, y in pts if x > 0 and y > 0)
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        out += [f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="{color}"/>'
                for x, y in pts]
        ly = MARGIN_T + height + 52 + 15 * i
        out.append(f'<line x1="{x0 + MARGIN_L}" y1="{ly - 4}" x2="{x0 + MARGIN_L + 20}" '
                   f'y2="{ly - 4}" stroke="{color}" stroke-width="2"/>')
        out.append(f'<text x="{x0 + MARGIN_L + 26}" y="{ly}">{escape(name)}</text>')
    ly = MARGIN_T + height + 52 + 15 * len(series)
    out.append(f'<line x1="{x0 + MARGIN_L}" y1="{ly - 4}" x2="{x0 + MARGIN_L + 20}" y2="{ly - 4}" '
               'stroke="#888" stroke-dasharray="5,4"/>')
    out.append(f'<text x="{x0 + MARGIN_L + 26}" y="{ly}">linear growth (slope 1)</text>')
    return out


def svg(time_series, memory_series):
    """The whole chart: a time panel and a memory panel side by side."""
    body = _panel(0, "Time against dataset size", "seconds", time_series)
    body += _panel(PANEL_W, "Memory against dataset size", "MiB", memory_series)
    height = PANEL_H - MARGIN_B + 72 + 15 * max(len(time_series), len(memory_series))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * PANEL_W}" height="{height}" '
            f'viewBox="0 0 {2 * PANEL_W} {height}" font-family="sans-serif" font-size="12">\n'
            f'<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(body) + "\n</svg>\n")
