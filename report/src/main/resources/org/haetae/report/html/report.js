(function () {
  'use strict';
  document.querySelectorAll('button.reveal').forEach(function (b) {
    b.addEventListener('click', function () {
      var on = b.classList.toggle('revealed');
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  });
  var filter = document.getElementById('account-filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var q = filter.value.trim().toLowerCase();
      document.querySelectorAll('#accounts-table tr.account').forEach(function (row) {
        row.hidden = q !== '' && row.getAttribute('data-search').indexOf(q) < 0;
      });
    });
  }
})();
