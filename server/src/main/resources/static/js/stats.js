// Draws the statistics' charts; the same figures are in the tables beside them and in the CSV.
(function () {
  'use strict';
  if (typeof Chart !== 'function') { return; }
  document.querySelectorAll('canvas[data-chart]').forEach(function (c) {
    var labels = (c.getAttribute('data-labels') || '').split('|').filter(function (s) { return s !== ''; });
    var values = (c.getAttribute('data-values') || '').split('|').filter(function (s) { return s !== ''; }).map(Number);
    new Chart(c, {
      type: c.getAttribute('data-chart'),
      data: { labels: labels, datasets: [{ data: values, backgroundColor: '#1f4e79' }] },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    c.setAttribute('data-ready', 'true');
  });
})();
