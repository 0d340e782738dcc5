/* Aidn help widget: a chat window on Rasa's socketio channel.
 * Every text is rendered as text (never as HTML); phone numbers become tel: links,
 * e-mail addresses mailto: links and https addresses links. The conversation is kept in
 * sessionStorage, so it survives a reload but not a closed tab (shared tablets); what the
 * user typed is kept with identity numbers removed, as the server stores it, and
 * "Avslutt samtalen" forgets it all. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("aidn-widget-config").textContent);
  var STORAGE_KEY = "aidn-help-widget";
  var TYPING_TIMEOUT_MS = 20000;
  var LINK = /(\+47(?: ?\d){8})|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(https:\/\/[^\s<>"']+)/g;

  /* Identity numbers as bot/privacy.py finds them: 11 digits as written by hand, with
   * valid mod-11 check digits or labelled as one ("fnr", "fødselsnummer", ...). */
  var IDENTITY = /(?<!\d)(?<!\d[.-])(\d{2}[ .]?\d{2}[ .]?\d{2})[ .-]?(\d{5})(?!\d)(?![.-]\d)/g;
  var LABEL = /(?:(?:fødsels|person|d-?)n(?:umme)?r\w*|f\.?\s?nr|pnr|dnr)\.?[\s:#-]*$/i;
  var REDACTED = "[fødselsnummer fjernet]";

  function checkDigit(digits, weights) {
    var sum = 0;
    weights.forEach(function (w, i) { sum += w * digits[i]; });
    var rest = 11 - (sum % 11);
    return rest === 11 ? 0 : rest === 10 ? -1 : rest;
  }

  function isNationalId(number) {
    var d = number.split("").map(Number);
    return checkDigit(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]) === d[9] &&
      checkDigit(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === d[10];
  }

  function redacted(text) {
    return text.replace(IDENTITY, function (match) {
      var offset = arguments[arguments.length - 2];
      var before = text.slice(Math.max(0, offset - 30), offset);
      return LABEL.test(before) || isNationalId(match.replace(/\D/g, "")) ? REDACTED : match;
    });
  }

  var state = loadState();
  var socket = null;
  var typingTimer = null;

  function loadState() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
      if (saved && Array.isArray(saved.messages)) return saved;
    } catch (ignored) { /* corrupt or unavailable storage: start afresh */ }
    return { sessionId: null, messages: [], open: false, greeted: false };
  }

  function saveState() {
    try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (ignored) {}
  }

  function forget() {
    try { sessionStorage.removeItem(STORAGE_KEY); } catch (ignored) {}
    state = { sessionId: null, messages: [], open: false, greeted: false };
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  /* Text nodes and safe links only: tel:, mailto: and https:. */
  function linkified(text) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    String(text).replace(LINK, function (match, phone, email, url, offset) {
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      var href = phone ? "tel:" + phone.replace(/ /g, "") : email ? "mailto:" + email : url;
      var link = el("a", { href: href, text: match });
      if (url) { link.target = "_blank"; link.rel = "noopener noreferrer"; }
      fragment.appendChild(link);
      last = offset + match.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(String(text).slice(last)));
    return fragment;
  }

  // --- the DOM -------------------------------------------------------------
  var launcher = el("button", {
    type: "button", class: "aidn-launcher", "aria-expanded": "false",
    "aria-controls": "aidn-panel", text: "Chat med hjelpeassistenten"
  });
  var closeButton = el("button", { type: "button", class: "aidn-close", "aria-label": "Lukk chatten", text: "×" });
  var endButton = el("button", { type: "button", class: "aidn-end", text: "Avslutt samtalen" });
  var log = el("div", { class: "aidn-log", role: "log", "aria-live": "polite", "aria-label": "Samtale" });
  var typing = el("div", { class: "aidn-typing", role: "status", text: "" });
  var error = el("div", { class: "aidn-error", role: "alert", hidden: "" });
  var input = el("input", { id: "aidn-input", type: "text", autocomplete: "off", maxlength: "1000" });
  var form = el("form", { class: "aidn-form" }, [
    el("label", { for: "aidn-input", class: "visually-hidden", text: "Skriv en melding" }),
    input,
    el("button", { type: "submit", text: "Send" })
  ]);
  var panel = el("section", {
    id: "aidn-panel", class: "aidn-panel", role: "dialog", "aria-label": "Aidn hjelpeassistent", hidden: ""
  }, [
    el("div", { class: "aidn-header" }, [el("h2", { text: "Aidn hjelpeassistent" }), endButton, closeButton]),
    log, typing, error, form
  ]);
  document.body.appendChild(launcher);
  document.body.appendChild(panel);

  function scrollToEnd() { log.scrollTop = log.scrollHeight; }

  function renderMessage(message, index) {
    if (message.from === "user") {
      log.appendChild(el("div", { class: "aidn-msg aidn-msg--user" }, [linkified(message.text)]));
      return;
    }
    if (message.text) {
      log.appendChild(el("div", { class: "aidn-msg aidn-msg--bot" }, [linkified(message.text)]));
    }
    if (message.replies && message.replies.length) {
      var group = el("div", { class: "aidn-replies", role: "group", "aria-label": "Svaralternativer" });
      message.replies.forEach(function (reply) {
        var button = el("button", { type: "button", text: reply.title });
        button.disabled = Boolean(message.answered);
        button.addEventListener("click", function () {
          state.messages[index].answered = true;
          saveState();
          Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) { b.disabled = true; });
          send(reply.payload, reply.title);
        });
        group.appendChild(button);
      });
      log.appendChild(group);
    }
  }

  /* Quick replies belong to the question they came with: once anything newer is said,
   * the older ones are answered and can no longer be clicked. */
  function retireQuickReplies() {
    state.messages.forEach(function (earlier) {
      if (earlier.replies && earlier.replies.length) earlier.answered = true;
    });
    Array.prototype.forEach.call(log.querySelectorAll(".aidn-replies button"), function (b) {
      b.disabled = true;
    });
  }

  function addMessage(message) {
    retireQuickReplies();
    state.messages.push(message);
    saveState();
    renderMessage(message, state.messages.length - 1);
    scrollToEnd();
  }

  function setTyping(on) {
    clearTimeout(typingTimer);
    typing.textContent = on ? "Assistenten skriver …" : "";
    if (on) typingTimer = setTimeout(function () { setTyping(false); }, TYPING_TIMEOUT_MS);
  }

  function showError() {
    var offline = config.offline;
    error.textContent = "";
    error.appendChild(linkified(
      "Mistet forbindelsen til assistenten. Ved A- eller B-feil, ring:\n" +
      offline.office.number + " (" + offline.office.hours + ")\n" +
      offline.onCall.number + " (vakttelefon, " + offline.onCall.hours + ")\n" +
      "Andre saker: " + offline.email
    ));
    error.hidden = false;
    setTyping(false);
  }

  // --- talking to Rasa ----------------------------------------------------------
  function send(payload, shownText) {
    if (!socket || !socket.connected || !state.sessionId) { showError(); return; }
    if (shownText !== null) addMessage({ from: "user", text: redacted(shownText) });
    socket.emit("user_uttered", { message: payload, session_id: state.sessionId });
    setTyping(true);
  }

  function connect() {
    socket = io(config.socketUrl, { path: "/socket.io", transports: ["websocket", "polling"], reconnectionDelayMax: 10000 });
    socket.on("connect", function () {
      socket.emit("session_request", { session_id: state.sessionId });
    });
    socket.on("session_confirm", function (sessionId) {
      var id = typeof sessionId === "string" ? sessionId : sessionId && sessionId.session_id;
      state.sessionId = id;
      error.hidden = true;
      saveState();
      if (state.open && !state.greeted) greet();
    });
    socket.on("bot_uttered", function (message) {
      setTyping(false);
      addMessage({
        from: "bot",
        text: message.text || "",
        replies: (message.quick_replies || message.buttons || []).map(function (r) {
          return { title: r.title, payload: r.payload };
        })
      });
    });
    socket.on("disconnect", showError);
    socket.on("connect_error", showError);
  }

  function greet() {
    state.greeted = true;
    saveState();
    send("/greet", null);
  }

  function setOpen(open) {
    state.open = open;
    saveState();
    panel.hidden = !open;
    document.body.classList.toggle("aidn-open", open);
    launcher.setAttribute("aria-expanded", String(open));
    launcher.textContent = open ? "Lukk chatten" : "Chat med hjelpeassistenten";
    if (open) {
      if (!socket) connect();
      else if (!state.greeted && state.sessionId) greet();
      input.focus();
      scrollToEnd();
    } else {
      launcher.focus();
    }
  }

  launcher.addEventListener("click", function () { setOpen(panel.hidden); });
  closeButton.addEventListener("click", function () { setOpen(false); });
  /* On a shared tablet: forget this conversation here and start a new one next time. */
  endButton.addEventListener("click", function () {
    if (socket) { socket.off(); socket.disconnect(); socket = null; }
    forget();
    log.textContent = "";
    error.hidden = true;
    setOpen(false);
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") setOpen(false);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text, text);
  });

  state.messages.forEach(renderMessage);
  if (state.open) setOpen(true);
})();
