// The portal's "protect your photos": hashes are computed here, in the browser; only they are sent.
(function () {
  'use strict';
  var form = document.getElementById('protect');
  if (!form) { return; }
  var status = document.getElementById('protect-status');
  var input = document.getElementById('photos');
  function meta(name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var files = Array.prototype.slice.call(input.files || []);
    if (files.length === 0 || typeof haetaeHashFile !== 'function') { return; }
    status.textContent = form.getAttribute('data-working');
    var hashes = [];
    var chain = Promise.resolve();
    files.forEach(function (f) {
      chain = chain.then(function () { return haetaeHashFile(f); }).then(function (h) {
        hashes.push({ pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256, label: null });
      });
    });
    chain.then(function () {
      var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      var header = meta('csrf-header');
      if (header) { headers[header] = meta('csrf-token'); }
      return fetch(form.getAttribute('data-post'), {
        method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(hashes)
      });
    }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (answer) {
      status.textContent = form.getAttribute('data-done').replace('{0}', answer.added);
      input.value = '';
      setTimeout(function () { location.reload(); }, 1200);
    }).catch(function () {
      status.textContent = form.getAttribute('data-failed');
    });
  });
})();
