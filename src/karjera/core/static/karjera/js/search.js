/* Search as you type: fetch the results fragment of the same page and swap it in. Without this script
   the form submits as usual. */
(function () {
  "use strict";
  var form = document.getElementById("occupation-search");
  var results = document.getElementById("results");
  if (!form || !results || !window.fetch) return;
  var timer = null;
  var latest = 0;

  function update() {
    var params = new URLSearchParams(new FormData(form));
    var shown = params.toString();
    params.set("partial", "1");
    var ticket = ++latest;
    fetch(form.dataset.partialUrl + "?" + params.toString(), { headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || ticket !== latest) return;
        results.innerHTML = html;
        var count = document.getElementById("result-count");
        var live = document.getElementById("search-live");
        if (count && live) live.textContent = count.textContent;
        window.history.replaceState(null, "", "?" + shown);
      })
      .catch(function () { /* keep the old results; the form still works */ });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT" || event.target.type === "checkbox") update();
  });
})();
