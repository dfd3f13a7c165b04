/* The game "Kļūšu par profesionāli", enhanced: answers go to the server without a page reload, the
   result is announced in a live region and focus moves to where the next action is; an optional sound
   (off by default, made with the Web Audio API, nothing downloaded). Without this script the forms post
   and the pages reload as usual. The sound choice is kept in this browser only (localStorage). */
(function () {
  "use strict";
  var KEY = "karjera-game-sound";
  var audio = null;

  function soundOn() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
  }

  function context() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return null;
    if (!audio) audio = new Ctx();
    if (audio.state === "suspended") audio.resume();
    return audio;
  }

  function tone(ctx, frequency, start, length, volume) {
    var osc = ctx.createOscillator();
    var gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime + start);
    gain.gain.exponentialRampToValueAtTime(volume, ctx.currentTime + start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + length);
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + start);
    osc.stop(ctx.currentTime + start + length + 0.05);
  }

  function play(kind) {
    if (!soundOn()) return;
    var ctx = context();
    if (!ctx) return;
    if (kind === "right") { tone(ctx, 660, 0, 0.18, 0.2); tone(ctx, 880, 0.16, 0.3, 0.2); }
    else if (kind === "wrong") { tone(ctx, 300, 0, 0.25, 0.12); tone(ctx, 240, 0.2, 0.35, 0.12); }
    else if (kind === "end") { [523, 659, 784, 1047].forEach(function (f, i) { tone(ctx, f, i * 0.14, 0.3, 0.18); }); }
  }

  function showSoundButtons() {
    var on = soundOn();
    document.querySelectorAll("[data-sound-box]").forEach(function (box) { box.hidden = false; });
    document.querySelectorAll("#game-sound").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? button.dataset.on : button.dataset.off;
    });
  }

  function announce(text) {
    var live = document.getElementById("game-live");
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 60);
  }

  function settle(fromSwap) {
    var game = document.getElementById("game");
    showSoundButtons();
    if (!game) return;
    var feedback = game.dataset.feedback;
    var box = document.getElementById("feedback") || game;
    if (fromSwap) {
      if (box.dataset.say) announce(box.dataset.say);
      var target = game.querySelector("[autofocus]") || document.getElementById("question");
      if (target) target.focus();
    }
    if (feedback) play(feedback);
  }

  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("game");
    var old = document.getElementById("game");
    if (!fresh || !old) { window.location.assign(url); return; }
    old.replaceWith(fresh);
    document.title = doc.title;
    if (url !== window.location.href) window.history.pushState({ game: true }, "", url);
    settle(true);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-game-form]") || !window.fetch || !window.DOMParser) return;
    event.preventDefault();
    if (soundOn()) context(); // unlock audio inside the key press or tap
    var data = new FormData(form);
    var method = (form.getAttribute("method") || "get").toUpperCase();
    var url = form.action;
    var options = { method: method, credentials: "same-origin", headers: { "Accept": "text/html" } };
    if (method === "GET") url += "?" + new URLSearchParams(data).toString();
    else options.body = data;
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(url, options).then(function (response) {
      return response.text().then(function (text) { swap(text, response.url); });
    }).catch(function () {
      if (button) button.disabled = false;
      form.submit();
    });
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#game-sound");
    if (button) {
      var on = !soundOn();
      try { window.localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* private mode: stays off */ }
      showSoundButtons();
      if (on) { context(); play("right"); }
      return;
    }
    if (event.target.closest && event.target.closest("[data-print]")) window.print();
  });

  window.addEventListener("popstate", function () { window.location.reload(); });
  document.querySelectorAll("[data-print]").forEach(function (b) { b.hidden = false; });
  settle(false);
})();
