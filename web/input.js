// errlens input: what reaches the editor where the app cannot see it in time.
//
// Early input. The page is usable before app.wasm has started: what is typed
// or pasted into the editor, dropped on it or picked with "Open a file…"
// meanwhile is kept here, and handed to the app when it starts (go-app then
// replaces the prerendered page, editor included). The app calls
// errlensTakeEarlyInput(done) once: done(text) with the latest input, or
// done(null) when there was none; from then on the app handles every event.
//
// Big pastes. go-app runs event handlers after the event, too late to stop
// the browser laying out megabytes of text in the editor. The app sets
// errlensBigPaste = {limit, take}: a paste longer than limit characters is
// stopped here and given to take as UTF-8 bytes (a Uint8Array), in a task of
// its own.
//
// Share links. errlensDeflate(bytes) compresses a link's data with raw
// DEFLATE (RFC 1951) by the browser's own CompressionStream, and
// errlensInflate(bytes, limit) decompresses at most limit bytes of it; both
// resolve to a Uint8Array. app.wasm then carries no DEFLATE code.
//
// After a paste. The editor shows the start of what was pasted, not the end of
// its longest line; on a narrow screen, where the report sits below the
// editor, the page scrolls to the report once it shows the paste.
window.errlensDeflate = function (bytes) {
  var packed = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Response(packed).arrayBuffer().then(function (b) { return new Uint8Array(b); });
};
window.errlensInflate = function (bytes, limit) {
  var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  var parts = [], n = 0;
  function join() {
    var out = new Uint8Array(n), at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out.subarray(0, Math.min(n, limit));
  }
  function next() {
    return reader.read().then(function (r) {
      if (r.done) return join();
      parts.push(r.value);
      n += r.value.length;
      if (n < limit) return next();
      reader.cancel();
      return join();
    });
  }
  return next();
};

// Files beside app.wasm. errlensFetchText(path, done) calls done(text), or
// done(null) when path cannot be read; each path is fetched once. The
// built-in dialects, which the app reads before it starts, the secret rules,
// which it needs before it remembers or shares anything, and what statuses
// and headers mean, which the first report shows, are fetched as the page
// loads.
(function () {
  var files = {};
  window.errlensFetchText = function (path, done) {
    if (!files[path]) {
      files[path] = fetch(path).then(function (r) { return r.ok ? r.text() : null; }).catch(function () { return null; });
    }
    files[path].then(done);
  };
  window.errlensFetchText("web/dialects.json", function () {});
  window.errlensFetchText("web/secretrules.json", function () {});
  window.errlensFetchText("web/meanings.json", function () {});
})();

(function () {
  var text = null, reading = 0, taken = null;

  function finish() {
    if (taken && reading === 0) {
      var done = taken;
      taken = function () {};
      done(text);
    }
  }
  function readFile(files) {
    if (!files || files.length === 0) return false;
    reading++;
    files[0].text().then(function (t) { text = t; }, function () {}).then(function () {
      reading--;
      finish();
    });
    return true;
  }
  function early(e) { return !taken && e.target && (e.target.id === "input" || e.target.id === "file"); }

  document.addEventListener("input", function (e) {
    if (early(e) && e.target.id === "input") text = e.target.value;
  }, true);
  document.addEventListener("change", function (e) {
    if (early(e) && e.target.id === "file") readFile(e.target.files);
  }, true);
  document.addEventListener("dragover", function (e) {
    if (early(e)) e.preventDefault();
  }, true);
  document.addEventListener("drop", function (e) {
    if (early(e) && readFile(e.dataTransfer && e.dataTransfer.files)) e.preventDefault();
  }, true);

  var reportWanted = -1; // the report count after which a paste's report shows
  function results() { return document.querySelector("[data-testid=results]"); }
  new MutationObserver(function () {
    var r = results();
    if (reportWanted < 0 || !r || +r.dataset.decodes <= reportWanted) return;
    reportWanted = -1;
    var status = document.querySelector("[data-testid=status]");
    if (status && window.matchMedia("(max-width: 900px)").matches) (status.closest(".card") || status).scrollIntoView({block: "start"});
  }).observe(document.documentElement, {subtree: true, attributes: true, attributeFilter: ["data-decodes"]});

  document.addEventListener("paste", function (e) {
    var el = e.target;
    if (!el || el.id !== "input" || !e.clipboardData) return;
    var text = e.clipboardData.getData("text/plain");
    var r = results();
    reportWanted = r ? +r.dataset.decodes || 0 : 0;
    setTimeout(function () {
      if (text.length * 2 >= el.value.length) {
        el.scrollTop = 0;
        el.scrollLeft = 0;
      }
    }, 0);
    var big = window.errlensBigPaste;
    if (big && text.length > big.limit) {
      e.preventDefault();
      // In a task of its own: the paste itself ends at once.
      var bytes = new TextEncoder().encode(text);
      setTimeout(function () { big.take(bytes); }, 0);
    }
  }, true);

  window.errlensTakeEarlyInput = function (done) {
    taken = done;
    finish();
  };
})();

// The way back into the input. errlensMark(start, end, scroll) marks the
// editor's text [start, end) (UTF-16 indexes) on a layer over it that lays the
// same text out the same way, and with scroll puts the mark in the middle of
// the editor's view and selects it; errlensMark(-1) takes the mark away, as
// does typing. errlensCenter(el) scrolls el's scrolling box, and only it, to
// put el in its middle.
(function () {
  var copied = ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "tabSize", "whiteSpace", "overflowWrap",
    "wordBreak", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth", "borderRightWidth",
    "borderBottomWidth", "borderLeftWidth"];
  function layer(ed) {
    var m = ed.parentElement.querySelector(".marks");
    if (!m) {
      m = document.createElement("div");
      m.className = "marks";
      m.setAttribute("aria-hidden", "true");
      ed.parentElement.appendChild(m);
    }
    if (!ed.errlensMarks) {
      ed.errlensMarks = true;
      ed.addEventListener("scroll", function () { sync(ed, m); });
      ed.addEventListener("input", function () { m.hidden = true; });
      new ResizeObserver(function () { if (!m.hidden) place(ed, m); }).observe(ed);
    }
    return m;
  }
  function place(ed, m) {
    var s = getComputedStyle(ed);
    copied.forEach(function (k) { m.style[k] = s[k]; });
    m.style.left = ed.offsetLeft + "px";
    m.style.top = ed.offsetTop + "px";
    // The editor's box without its scroll bars: the text wraps alike.
    m.style.width = (ed.clientWidth + parseFloat(s.borderLeftWidth) + parseFloat(s.borderRightWidth)) + "px";
    m.style.height = (ed.clientHeight + parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth)) + "px";
    m.lastChild.style.height = ed.scrollHeight + "px";
    m.lastChild.style.width = ed.scrollWidth + "px";
    sync(ed, m);
  }
  function sync(ed, m) { m.scrollTop = ed.scrollTop; m.scrollLeft = ed.scrollLeft; }
  window.errlensMark = function (start, end, scroll) {
    var ed = document.getElementById("input");
    if (!ed || !ed.parentElement) return;
    var m = layer(ed);
    if (start < 0 || end > ed.value.length) { m.hidden = true; return; }
    var mark = document.createElement("mark");
    // Only the text up to the mark places it; a spacer keeps the editor's
    // scroll range.
    mark.textContent = ed.value.slice(start, end) || " ";
    m.replaceChildren(document.createTextNode(ed.value.slice(0, start)), mark, document.createElement("div"));
    m.hidden = false;
    place(ed, m);
    if (scroll) {
      ed.focus({preventScroll: true});
      ed.setSelectionRange(start, end);
      // The mark's middle in the view's middle; a mark taller than the view
      // starts at its top.
      var r = mark.getBoundingClientRect(), l = m.getBoundingClientRect();
      var top = r.top - l.top + m.scrollTop, left = r.left - l.left + m.scrollLeft;
      ed.scrollTop = top - Math.max(0, (ed.clientHeight - r.height) / 2);
      ed.scrollLeft = Math.max(0, left - ed.clientWidth / 2);
      sync(ed, m);
      ed.scrollIntoView({block: "nearest"});
    }
  };
  window.errlensCenter = function (el) {
    var box = el && el.parentElement;
    while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
    if (box && box !== document.body && box !== document.documentElement) {
      box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
    }
  };
})();
