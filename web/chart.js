// The retry timelines, drawn from the numbers app.wasm writes: a
// <div class="timeline-chart" data-lanes="..."> holds one lane per retry
// ("atMinMs,atMaxMs,expectedMs,server" joined by ";"), and the compare table's
// strips hold their library's lanes the same way. Drawing here keeps the
// geometry out of app.wasm, which has a size budget; durations are written by
// app.wasm's own errlensDur, so the chart and the text never disagree.
(function () {
  var NS = "http://www.w3.org/2000/svg";
  // Geometry, in SVG user units.
  var WIDTH = 640, LEFT = 62, RIGHT = 24, LANE = 26, TOP = 6, MIN_BAR = 3, BREAK = 48;
  var CLOCK_STEPS = [1e3, 2e3, 5e3, 10e3, 15e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3,
    3600e3, 7200e3, 10800e3, 21600e3, 43200e3, 86400e3];

  function dur(ms) { return window.errlensDur(ms); }
  function num(v) { return v.toFixed(1); }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function el(tag, attrs, body) {
    var s = "<" + tag;
    for (var k in attrs) {
      s += " " + k + '="' + esc(typeof attrs[k] === "number" ? num(attrs[k]) : attrs[k]) + '"';
    }
    return s + ">" + (body || "") + "</" + tag + ">";
  }
  function text(x, y, cls, s) { return el("text", { x: x, y: y, "class": cls }, esc(s)); }

  // axis lays spans (firing bands, in ms after the failure) out between x0
  // and x1 on a linear scale that skips long empty stretches: a gap over a
  // quarter of the whole and over four times every gap kept is drawn narrow,
  // with a break mark. It returns the axis's segments.
  function axis(spans, x0, x1) {
    spans = spans.concat([[0, 0]]).sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) {
        last[1] = Math.max(last[1], s[1]);
      } else {
        merged.push([s[0], s[1]]);
      }
    });
    var end = Math.max(merged[merged.length - 1][1], 1);
    var gaps = [];
    for (var i = 1; i < merged.length; i++) gaps.push([merged[i - 1][1], merged[i][0]]);
    gaps.sort(function (a, b) { return (b[1] - b[0]) - (a[1] - a[0]); });
    var skip = [];
    for (i = 0; i < gaps.length; i++) {
      var g = gaps[i], next = i + 1 < gaps.length ? gaps[i + 1][1] - gaps[i + 1][0] : 0;
      if (g[1] - g[0] <= end / 4 || g[1] - g[0] <= 4 * next) break;
      skip.push(g);
    }
    skip.sort(function (a, b) { return a[0] - b[0]; });
    var kept = end;
    skip.forEach(function (g) { kept -= g[1] - g[0]; });
    var scale = (x1 - x0 - BREAK * skip.length) / kept, segs = [], at = 0, x = x0;
    function add(to, skipped) {
      var w = skipped ? BREAK : (to - at) * scale;
      segs.push({ from: at, to: to, x0: x, x1: x + w, skipped: skipped });
      at = to;
      x += w;
    }
    skip.forEach(function (g) { add(g[0], false); add(g[1], true); });
    add(end, false);
    return segs;
  }

  // at is where ms lies on the axis.
  function at(segs, ms) {
    for (var i = 0; i < segs.length; i++) {
      var s = segs[i];
      if (ms <= s.to || i === segs.length - 1) {
        if (s.to === s.from) return s.x0;
        return s.x0 + (Math.min(ms, s.to) - s.from) / (s.to - s.from) * (s.x1 - s.x0);
      }
    }
    return 0;
  }

  // niceStep rounds a tick step up to one a clock reads well: 1, 2 or 5
  // times a power of ten below a second; then 1, 2, 5, 10, 15 or 30 seconds
  // or minutes; 1, 2, 3, 6 or 12 hours; then whole days.
  function niceStep(ms) {
    if (ms < 1000) {
      var p = Math.pow(10, Math.floor(Math.log10(Math.max(ms, 1e-3))));
      for (var m = 0, f = [1, 2, 5, 10]; m < f.length; m++) if (f[m] * p >= ms) return f[m] * p;
    }
    for (var i = 0; i < CLOCK_STEPS.length; i++) if (CLOCK_STEPS[i] >= ms) return CLOCK_STEPS[i];
    return Math.ceil(ms / 86400e3) * 86400e3;
  }

  // ticks labels the axis: round values inside each kept segment, and both
  // ends of a skipped one, never two labels closer than 44 units.
  function ticks(segs) {
    var ts = [];
    function add(ms) {
      var x = at(segs, ms);
      if (ts.length && x - ts[ts.length - 1].x < 44) return;
      ts.push({ x: x, label: dur(ms) });
    }
    segs.forEach(function (s) {
      if (s.skipped) {
        add(s.to);
        return;
      }
      var step = niceStep((s.to - s.from) * 100 / Math.max(s.x1 - s.x0, 1));
      for (var v = Math.ceil(s.from / step) * step; v <= s.to + step / 1e6; v += step) add(v);
    });
    return ts;
  }

  // drawAxis is the axis line at y, its ticks and its break marks.
  function drawAxis(segs, y) {
    var out = "";
    segs.forEach(function (s) {
      if (s.skipped) {
        var m = (s.x0 + s.x1) / 2;
        out += el("path", { d: "M" + num(m - 2) + " " + num(y - 4) + "l-4 8M" + num(m + 4) + " " + num(y - 4) + "l-4 8", "class": "axis" });
      } else {
        out += el("line", { x1: s.x0, x2: s.x1, y1: y, y2: y, "class": "axis" });
      }
    });
    ticks(segs).forEach(function (t) {
      out += el("line", { x1: t.x, x2: t.x, y1: y, y2: y + 4, "class": "axis" }) + text(t.x, y + 16, "tick", t.label);
    });
    return out;
  }

  function lanes(s) {
    return s ? s.split(";").map(function (l) { return l.split(",").map(Number); }) : [];
  }

  // band says when a retry fires: "at 7 s", "at 1 s to 2.5 s".
  function band(lo, hi) {
    return dur(lo) === dur(hi) ? "at " + dur(lo) : "at " + dur(lo) + " to " + dur(hi);
  }

  // timeline draws one lane per retry: the band when it may fire, the
  // expected time, the figure beside it, and the end where the client gives
  // up. The table beside it says the same for screen readers.
  function timeline(holder) {
    var ls = lanes(holder.getAttribute("data-lanes"));
    var segs = axis(ls.map(function (l) { return [l[0], l[1]]; }), LEFT, WIDTH - RIGHT);
    var axisY = TOP + ls.length * LANE + 4, expected = 0, body = "", last = 0;
    ls.forEach(function (l, i) {
      expected += l[2];
      var y = TOP + i * LANE, x0 = at(segs, l[0]), x1 = at(segs, l[1]), figure = band(l[0], l[1]);
      if (x1 - x0 < MIN_BAR) x1 = x0 + MIN_BAR;
      last = x1;
      var g = text(4, y + 15, "lane-label", "retry " + (i + 1)) +
        el("rect", { x: x0, y: y + 4, width: x1 - x0, height: 14, rx: 3, "class": "band" }) +
        el("circle", { cx: at(segs, expected), cy: y + 11, r: 4, "class": "expected" });
      g += x1 > WIDTH - 170 ? text(x0 - 8, y + 15, "figure end", figure) : text(x1 + 8, y + 15, "figure", figure);
      body += el("g", { "class": l[3] ? "lane server" : "lane" }, g);
    });
    body += drawAxis(segs, axisY);
    if (holder.hasAttribute("data-gives-up") && ls.length) {
      body += el("line", { x1: last + 3, x2: last + 3, y1: TOP, y2: axisY, "class": "give-up" });
    }
    holder.innerHTML = el("svg", { xmlns: NS, "data-testid": "timeline", viewBox: "0 0 " + num(WIDTH) + " " + num(axisY + 24),
      "aria-hidden": "true", "class": "timeline" }, body);
  }

  // compare draws each library's retries in its row's strip, on one axis
  // shared by all rows, and the axis in the last row.
  function compare(table) {
    var strips = table.querySelectorAll("td[data-lanes]"), spans = [];
    strips.forEach(function (td) {
      lanes(td.getAttribute("data-lanes")).forEach(function (l) { spans.push([l[0], l[1]]); });
    });
    var segs = axis(spans, 8, 392), svg = { xmlns: NS, viewBox: "0 0 420 22", "aria-hidden": "true", "class": "strip" };
    strips.forEach(function (td) {
      var expected = 0, body = "";
      lanes(td.getAttribute("data-lanes")).forEach(function (l) {
        expected += l[2];
        body += el("rect", { x: at(segs, l[0]), y: 5, width: Math.max(at(segs, l[1]) - at(segs, l[0]), 2), height: 12, rx: 2, "class": "band" }) +
          el("circle", { cx: at(segs, expected), cy: 11, r: 3.5, "class": "expected" });
      });
      td.innerHTML = el("svg", svg, body);
    });
    var axisCell = table.querySelector("td[data-axis]");
    if (axisCell) {
      svg.viewBox = "0 0 420 28";
      axisCell.innerHTML = el("svg", svg, drawAxis(segs, 6));
    }
  }

  function draw() {
    document.querySelectorAll(".timeline-chart:not([data-drawn])").forEach(function (h) {
      h.setAttribute("data-drawn", "");
      timeline(h);
    });
    document.querySelectorAll("table[data-testid=compare]:not([data-drawn])").forEach(function (t) {
      t.setAttribute("data-drawn", "");
      compare(t);
    });
  }
  new MutationObserver(draw).observe(document.documentElement, { childList: true, subtree: true });
  // For the tests, which check the geometry itself.
  window.errlensChart = { axis: axis, at: at, ticks: ticks };
})();
