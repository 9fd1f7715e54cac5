// errlens storage shim. In a cross-site iframe with third-party storage
// blocked, merely reading window.localStorage throws, and go-app reads it at
// start. This replaces a storage that throws with one kept in memory for the
// page's life, so the app runs (without remembering anything).
(function () {
  function memoryStorage() {
    var items = new Map();
    return {
      getItem: function (k) { return items.has(String(k)) ? items.get(String(k)) : null; },
      setItem: function (k, v) { items.set(String(k), String(v)); },
      removeItem: function (k) { items.delete(String(k)); },
      clear: function () { items.clear(); },
      key: function (i) { var keys = Array.from(items.keys()); return i < keys.length ? keys[i] : null; },
      get length() { return items.size; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].getItem("errlens-probe");
    } catch (e) {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    }
  });
})();
