/* Progressive enhancement for a test item: save the answer through the API as soon as it is
   chosen, show that it was saved, move on; keys 1-5 answer on a keyboard. Without this script the
   form posts as usual. */
(function () {
  "use strict";
  var form = document.getElementById("item-form");
  if (!form || !window.fetch) return;
  var status = document.getElementById("save-status");
  var radios = form.querySelectorAll('input[name="value"]');
  var busy = false;

  function say(text) { if (status) status.textContent = text; }

  var lastPointer = 0;
  form.addEventListener("pointerdown", function () { lastPointer = Date.now(); });

  function save(value, attempt, advance) {
    busy = true;
    say(form.dataset.saving);
    return fetch(form.dataset.api, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ value: Number(value) }),
      credentials: "same-origin"
    }).then(function (response) {
      if (response.ok) {
        say(form.dataset.saved);
        busy = false;
        if (advance) window.location.assign(form.dataset.next + "?saved=1");
        return;
      }
      if (response.status === 409) { window.location.reload(); return; }
      throw new Error("HTTP " + response.status);
    }).catch(function () {
      if (attempt < 3) {
        return new Promise(function (resolve) { setTimeout(resolve, 800 * attempt); })
          .then(function () { return save(value, attempt + 1, advance); });
      }
      busy = false;
      say(form.dataset.failed);
    });
  }

  form.addEventListener("change", function (event) {
    // A tap or click moves on; arrow keys only change and save the answer (no surprise jumps).
    if (event.target.name === "value" && !busy) save(event.target.value, 1, Date.now() - lastPointer < 1500);
  });
  form.addEventListener("submit", function (event) {
    var checked = form.querySelector('input[name="value"]:checked');
    if (checked && !busy) { event.preventDefault(); save(checked.value, 1, true); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || busy) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" && event.target.type !== "radio") return;
    var n = parseInt(event.key, 10);
    if (n >= 1 && n <= radios.length) {
      radios[n - 1].checked = true;
      radios[n - 1].focus();
      save(radios[n - 1].value, 1, true);
    }
  });
})();
