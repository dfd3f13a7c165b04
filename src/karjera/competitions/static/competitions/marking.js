// Save-as-you-go for the marking page: each aspect's form is sent when it changes, carrying the
// version it was based on. A conflict (409) shows the stored value instead of overwriting it; a lost
// connection keeps the change in localStorage and sends it again until it gets through.
(function () {
  "use strict";
  var texts = document.getElementById("comp-texts");
  if (!texts || !window.fetch) return;
  var T = texts.dataset;
  var storeKey = "karjera-marks:" + location.pathname;

  function pending() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; }
  }
  function remember(id, data) {
    var all = pending();
    if (data) { all[id] = data; } else { delete all[id]; }
    try { localStorage.setItem(storeKey, JSON.stringify(all)); } catch (e) { /* private mode */ }
  }
  function fields(form) {
    var out = {};
    new FormData(form).forEach(function (v, k) { out[k] = v; });
    return out;
  }
  function say(form, text, kind) {
    var box = form.querySelector("[data-status]");
    box.textContent = "";
    var span = document.createElement("span");
    if (kind) span.className = kind;
    span.textContent = text;
    box.appendChild(span);
  }
  function show(form, mark) {
    form.querySelector("input[name=version]").value = mark.version;
    var label = form.querySelector("[data-mark]");
    label.textContent = mark.value === null ? "" : T.mark + ": " + String(mark.value).replace(".", T.decimal || ".");
    form.querySelector("[data-flag]").hidden = !mark.flag;
  }
  function restore(form, mark) {
    // Put the stored value back on screen, so what the expert sees is what is kept.
    if (mark.judge_scores) {
      mark.judge_scores.forEach(function (s, i) {
        var sel = form.querySelector("select[name=judge" + (i + 1) + "]");
        if (sel) sel.value = String(s);
      });
    } else if (mark.value !== null) {
      form.querySelectorAll("input[name=value]").forEach(function (input) {
        if (input.type === "radio") { input.checked = Number(input.value) === Number(mark.value); }
        else { input.value = mark.value; }
      });
    }
  }
  function complete(data) {
    if (data.judge1 !== undefined) return data.judge1 !== "" && data.judge2 !== "" && data.judge3 !== "";
    return data.value !== undefined && data.value !== "";
  }

  function send(form, data, attempt) {
    var id = form.id;
    var body = new FormData();
    Object.keys(data).forEach(function (k) { body.append(k, data[k]); });
    say(form, T.saving);
    form.dataset.busy = "1";
    fetch(location.pathname, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": data.csrfmiddlewaretoken }
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; },
        function () { return { status: response.status, json: null }; });
    }).then(function (r) {
      if (r.status >= 500 || r.json === null) throw new Error("server");
      delete form.dataset.busy;
      remember(id, null);
      var again = form.dataset.again;
      delete form.dataset.again;
      if (r.status === 200) {
        show(form, r.json);
        // A change kept from an earlier visit is not what this page was drawn with: show what is stored.
        if (!again) restore(form, r.json);
        say(form, T.saved, "comp-ok");
        if (again) form.dispatchEvent(new Event("change"));
      } else {
        if (r.json.current) { show(form, r.json.current); restore(form, r.json.current); }
        say(form, r.json.message, "comp-error");
      }
    }).catch(function () {
      remember(id, data);
      say(form, T.offline, "comp-error");
      var wait = Math.min(30000, 1000 * Math.pow(2, attempt));
      setTimeout(function () {
        var again = pending()[id];
        if (again) send(form, again, attempt + 1);
      }, wait);
    });
  }

  var forms = document.querySelectorAll("form[data-autosave]");
  forms.forEach(function (form) {
    function go() {
      var data = fields(form);
      if (!complete(data) || form.querySelector("fieldset").disabled) return;
      if (form.dataset.busy) { form.dataset.again = "1"; return; }
      send(form, data, 0);
    }
    form.addEventListener("change", go);
    form.addEventListener("submit", function (event) { event.preventDefault(); go(); });
    var waiting = pending()[form.id];
    if (waiting) send(form, waiting, 0);
  });
  window.addEventListener("online", function () {
    var all = pending();
    forms.forEach(function (form) { if (all[form.id] && !form.dataset.busy) send(form, all[form.id], 0); });
  });
})();
