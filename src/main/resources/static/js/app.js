// Hireflow's browser behaviour: CSRF for htmx, the board's drag and drop and selection, toasts, and saving an
// online test's answers as they go.
// Loaded as a file (the Content-Security-Policy allows no inline script).
(function () {
  "use strict";

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });

  function toast(message, isError) {
    var box = document.getElementById("toast");
    if (!box) { return; }
    box.textContent = message;
    box.classList.toggle("error", !!isError);
    box.hidden = false;
    clearTimeout(box._timer);
    box._timer = setTimeout(function () { box.hidden = true; }, isError ? 8000 : 4000);
  }

  document.addEventListener("htmx:responseError", function (event) {
    var text = event.detail.xhr.responseText;
    toast(text && text.length < 500 ? text : "Error " + event.detail.xhr.status, true);
  });

  // --- pipeline board --------------------------------------------------------------------------------------
  function adjustCount(list, delta) {
    var column = list.closest(".column");
    var count = column && column.querySelector(".column-count");
    if (count) { count.textContent = String(Math.max(0, parseInt(count.dataset.count, 10) + delta));
      count.dataset.count = count.textContent; }
  }

  function moveCard(board, item, from, to, oldIndex) {
    var c = csrf();
    var body = new URLSearchParams();
    body.set("applicationId", item.dataset.id);
    body.set("toStageId", to.dataset.stageId);
    body.set("version", item.dataset.version);
    item.classList.add("moving");
    var headers = { "Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true" };
    if (c) { headers[c.header] = c.token; }
    fetch(board.dataset.moveUrl, { method: "POST", headers: headers, body: body, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) { return { ok: response.ok, text: text }; });
      })
      .then(function (result) {
        if (result.ok) {
          var holder = document.createElement("ul");
          holder.innerHTML = result.text.trim();
          var card = holder.firstElementChild;
          item.replaceWith(card);
          if (window.htmx) { window.htmx.process(card); }
          adjustCount(from, -1);
          adjustCount(to, +1);
          toast(card.dataset.moved || "");
        } else {
          from.insertBefore(item, from.children[oldIndex] || null);
          item.classList.remove("moving");
          toast(result.text, true);
        }
      })
      .catch(function () {
        from.insertBefore(item, from.children[oldIndex] || null);
        item.classList.remove("moving");
        toast(board.dataset.offline || "Network error", true);
      });
  }

  function initBoard(board) {
    if (!window.Sortable || board.dataset.ready) { return; }
    board.dataset.ready = "1";
    if (board.dataset.canMove !== "true") { return; }
    board.querySelectorAll(".cards").forEach(function (list) {
      window.Sortable.create(list, {
        group: "board", animation: 120, draggable: ".card-item", filter: "input,button", preventOnFilter: false,
        forceFallback: true, fallbackTolerance: 3,
        onAdd: function (event) { moveCard(board, event.item, event.from, event.to, event.oldIndex); }
      });
    });
  }

  // the bulk form acts on the selected cards, or on a whole stage chosen in its scope list
  function updateSelection(board) {
    var tools = document.querySelector(".board-tools");
    if (!tools) { return; }
    var selected = board.querySelectorAll(".card-item input[type=checkbox]:checked");
    var scope = tools.querySelector(".bulk-scope");
    var label = scope && scope.querySelector("option[value=selected]");
    if (label) { label.textContent = label.dataset.template.replace("{0}", selected.length); }
    var wholeStage = scope && scope.value !== "selected";
    tools.querySelectorAll("[data-needs-selection]").forEach(function (el) {
      el.disabled = !wholeStage && selected.length === 0;
    });
  }

  document.addEventListener("change", function (event) {
    var board = event.target.closest("#board") ||
      (event.target.matches(".bulk-scope") ? document.getElementById("board") : null);
    if (!board) { return; }
    if (event.target.matches(".select-column")) {
      event.target.closest(".column").querySelectorAll(".card-item input[type=checkbox]")
        .forEach(function (box) { box.checked = event.target.checked; });
    }
    updateSelection(board);
  });

  // the bulk form sends the ids of the selected cards
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches(".bulk-form")) { return; }
    var board = document.getElementById("board");
    form.querySelectorAll("input[name=applicationIds]").forEach(function (el) { el.remove(); });
    if (form.querySelector(".bulk-scope").value !== "selected") { return; }
    board.querySelectorAll(".card-item input[type=checkbox]:checked").forEach(function (box) {
      var input = document.createElement("input");
      input.type = "hidden"; input.name = "applicationIds"; input.value = box.value;
      form.appendChild(input);
    });
  });

  // show the move-target select only for MOVE, the reason fields only for REJECT
  document.addEventListener("change", function (event) {
    if (!event.target.matches(".bulk-form select[name=action]")) { return; }
    var form = event.target.form;
    form.querySelectorAll("[data-for-action]").forEach(function (el) {
      el.hidden = el.dataset.forAction.split(" ").indexOf(event.target.value) < 0;
    });
  });


  // --- online test in the candidate portal -------------------------------------------------------------------
  // Each answer is saved on its own as it changes (a choice at once, typed text a second after the last key), so a
  // closed tab loses at most what was being typed. The clock shows the server's remaining time, counted down here.
  function saveAnswer(form) {
    var mark = form.querySelector(".saved-mark");
    var status = document.querySelector(".save-status");
    var c = csrf();
    var headers = { "Content-Type": "application/x-www-form-urlencoded" };
    if (c) { headers[c.header] = c.token; }
    var body = new URLSearchParams(new FormData(form));
    form._pending = (form._pending || 0) + 1;
    if (mark) { mark.textContent = status ? status.dataset.saving : ""; mark.classList.remove("error"); }
    return fetch(form.action, { method: "POST", headers: headers, body: body, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) { return { ok: response.ok, text: text }; });
      })
      .then(function (result) {
        if (mark) {
          mark.textContent = result.ok ? result.text + " " + new Date().toLocaleTimeString() : result.text;
          mark.classList.toggle("error", !result.ok);
        }
        if (result.ok) { form.dataset.saved = "true"; } else { toast(result.text, true); }
      })
      .catch(function () {
        if (mark) { mark.textContent = "!"; mark.classList.add("error"); }
        // offline: try again when the connection is back
        window.addEventListener("online", function () { saveAnswer(form); }, { once: true });
      })
      .finally(function () { form._pending -= 1; });
  }

  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("form[data-autosave]");
    if (form) { clearTimeout(form._typing); saveAnswer(form); }
  });

  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("form[data-autosave]");
    if (!form || !event.target.matches("input[type=text], textarea")) { return; }
    clearTimeout(form._typing);
    form._typing = setTimeout(function () { saveAnswer(form); }, 1000);
  });

  document.addEventListener("submit", function (event) {
    if (event.target.matches("form[data-autosave]")) { event.preventDefault(); saveAnswer(event.target); }
  });

  function initClock(clock) {
    if (clock._started) { return; }
    clock._started = true;
    var end = Date.now() + Number(clock.dataset.secondsLeft) * 1000;
    var value = clock.querySelector(".clock-value");
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      value.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      if (left === 0) {
        clearInterval(clock._timer);
        document.querySelectorAll("form[data-autosave] input, form[data-autosave] textarea, #submit-test button")
          .forEach(function (el) { el.disabled = true; });
        clock.classList.add("over");
        toast(clock.dataset.timeUp, true);
      }
    }
    tick();
    clock._timer = setInterval(tick, 1000);
  }

  function init(root) {
    var board = (root || document).querySelector ? (root || document).querySelector("#board") : null;
    if (board) { initBoard(board); updateSelection(board); }
    var clock = document.querySelector(".test-clock[data-seconds-left]");
    if (clock) { initClock(clock); }
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function () { init(document); });
})();
