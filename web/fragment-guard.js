// errlens fragment guard. go-app parses the page's URL with Go's url.Parse
// when it starts, and a fragment holding a malformed percent escape ("#%%%")
// would stop the app. Such escapes are escaped here, before go-app runs; the
// app then reports the link as damaged and stays usable.
(function () {
  try {
    decodeURIComponent(location.hash);
  } catch (e) {
    var safe = location.hash.slice(1).replace(/%(?![0-9A-Fa-f]{2})/g, "%25");
    history.replaceState(history.state, "", location.pathname + location.search + "#" + safe);
  }
})();
