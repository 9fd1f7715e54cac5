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
