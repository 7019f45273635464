// Small enhancements; every page also works without them.
(function () {
  'use strict';

  // "/" jumps to the search box, as in most tools; Escape leaves it.
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var box = document.getElementById('q') || document.querySelector('[data-hotkey="/"]');
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    } else if (e.key === 'Escape' && typing && t.type === 'search') {
      t.blur();
    }
  });

  // Reveal a blurred picture: only on an explicit click, and the server records the reveal.
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-reveal]');
    if (!button) { return; }
    var img = document.getElementById(button.getAttribute('data-reveal'));
    if (!img || button.getAttribute('aria-pressed') === 'true') { return; }
    img.src = img.getAttribute('data-reveal-src');
    img.classList.remove('blurred');
    button.setAttribute('aria-pressed', 'true');
    button.disabled = true;
    var note = document.getElementById('revealed-note');
    if (note) { note.hidden = false; }
    var before = document.getElementById('reveal-note');
    if (before) { before.hidden = true; }
  });

  // A running scan's progress, polled from the API.
  var scan = document.getElementById('scan');
  if (scan) {
    var poll = function () {
      fetch(scan.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) { return; }
          document.getElementById('scan-state').textContent = s.state;
          document.getElementById('scan-stage').textContent = s.stage || '';
          var bar = document.getElementById('scan-bar');
          bar.max = s.total > 0 ? s.total : 1;
          bar.value = s.done;
          document.getElementById('scan-count').textContent = s.done + ' / ' + s.total;
          if (s.error) {
            var err = document.getElementById('scan-error');
            err.textContent = s.error; err.hidden = false;
          }
          if (s.caseId) {
            document.getElementById('scan-case').href = scan.getAttribute('data-case') + s.caseId;
            document.getElementById('scan-done').hidden = false;
          }
          if (s.state === 'queued' || s.state === 'running') { setTimeout(poll, 1000); }
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    var state = scan.getAttribute('data-state');
    if (state === 'queued' || state === 'running') { poll(); }
  }
})();
