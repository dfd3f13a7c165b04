/* Admission calculator: recompute as the pupil types (what-if included) by posting the same form and
   swapping in the results. Without this script the button submits the form. */
(function () {
  "use strict";
  var form = document.getElementById("calc-form");
  var results = document.getElementById("calc-results");
  var live = document.getElementById("calc-live");
  if (!form || !results || !window.fetch) return;
  var timer = null;
  var ticket = 0;

  function update() {
    var mine = ++ticket;
    fetch(window.location.pathname, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Partial": "1" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html === null || mine !== ticket) return;
      results.innerHTML = html;
      var heading = results.querySelector("h3");
      if (live && heading) live.textContent = heading.textContent;
    }).catch(function () { /* the submit button still works */ });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
  form.addEventListener("change", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 50);
  });
})();
