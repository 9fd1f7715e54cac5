// errlens embed.js: put errlens's view of an error response in a docs page.
//
//   <script src="https://tools.example.com/errlens/web/embed.js" defer></script>
//   <pre class="errlens" data-dialects="/errors/acme.dialect.json" data-policy="urllib3">
//   HTTP/1.1 429 Too Many Requests
//   ...
//   </pre>
//
// Each <pre class="errlens">, and each code block a Markdown renderer wrote
// for a fence tagged errlens (class "language-errlens"), becomes an iframe of
// the errlens next to this script, sized to its content. The script tag's
// data-languages adds other fence languages ("errlens http"). data-dialects
// names a dialect file (fetched from the page's own site) to read the block
// with, data-policy its retry profile: on the block, or on the script tag for
// every block (a Markdown fence carries no attributes). The page's origin may
// drive each view with postMessage (errlens:set).
// Without JavaScript the block stays a plain code block. Nothing is sent to a
// server: the response travels in the iframe's URL fragment.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.CompressionStream) return; // the code blocks stay
  var app = new URL("../", script.src);
  var languages = (script.getAttribute("data-languages") || "errlens").split(/\s+/);

  function blocks() {
    var found = [];
    document.querySelectorAll("pre").forEach(function (pre) {
      var code = pre.querySelector("code");
      var classes = (pre.className + " " + (code ? code.className : "") + " " + (pre.parentElement ? pre.parentElement.className : "")).split(/\s+/);
      var wanted = classes.indexOf("errlens") >= 0 || languages.some(function (l) { return classes.indexOf("language-" + l) >= 0; });
      if (wanted && !pre.hasAttribute("data-errlens-done")) found.push(pre);
    });
    return found;
  }

  function base64url(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fragment(state) { // as the app's share links: v1. + base64url(raw DEFLATE(JSON))
    var packed = new Blob([JSON.stringify(state)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(packed).arrayBuffer().then(function (b) { return "embed.v1." + base64url(new Uint8Array(b)); });
  }

  function embed(pre) {
    pre.setAttribute("data-errlens-done", "");
    var state = {i: pre.textContent.replace(/^\n/, ""), o: [location.origin]};
    var policy = pre.dataset.policy || script.dataset.policy, file = pre.dataset.dialects || script.dataset.dialects;
    if (policy) state.p = policy;
    var dialect = file ? fetch(file).then(function (r) {
      if (!r.ok) throw new Error(file + ": HTTP " + r.status);
      return r.text();
    }) : Promise.resolve(null);
    dialect.then(function (file) {
      if (file !== null) state.x = [file];
      return fragment(state);
    }).then(function (frag) {
      var frame = document.createElement("iframe");
      frame.src = app.href + "#" + frag;
      frame.title = "errlens: the error response above, explained";
      frame.width = "100%";
      frame.height = "200";
      frame.setAttribute("frameborder", "0");
      frame.setAttribute("loading", "lazy");
      frame.className = "errlens-embed";
      window.addEventListener("message", function (e) {
        if (e.source === frame.contentWindow && e.origin === app.origin && e.data && e.data.type === "errlens:height") {
          frame.height = String(Math.ceil(e.data.height));
        }
      });
      pre.replaceWith(frame);
    }).catch(function (err) {
      pre.setAttribute("title", "errlens could not embed this block: " + err.message);
      console.warn("errlens embed.js:", err);
    });
  }

  function run() { blocks().forEach(embed); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
