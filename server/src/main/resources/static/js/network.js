// Draws a case's network with cytoscape.js (shipped with the service, never fetched from outside).
(function () {
  'use strict';
  var box = document.getElementById('graph');
  var status = document.getElementById('graph-status');
  if (!box || typeof cytoscape !== 'function') { return; }
  fetch(box.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (view) {
      if (view.elements.length === 0) { status.textContent = box.getAttribute('data-empty'); return; }
      status.textContent = view.cut ? box.getAttribute('data-cut').replace('{0}', view.accounts).replace('{1}', view.accountsInCase) : '';
      var elements = view.elements.map(function (e) { return { group: e.group, data: e.data }; });
      var cy = cytoscape({
        container: box,
        elements: elements,
        wheelSensitivity: 0.3,
        style: [
          { selector: 'node', style: { 'label': 'data(label)', 'font-size': 9, 'color': '#1d2329', 'text-valign': 'bottom', 'text-margin-y': 2, 'width': 14, 'height': 14, 'background-color': '#8a99a8' } },
          { selector: 'node[kind = "account"][?matched]', style: { 'background-color': '#a4262c', 'width': 'mapData(score, 0, 100, 16, 40)', 'height': 'mapData(score, 0, 100, 16, 40)' } },
          { selector: 'node[kind = "chat"]', style: { 'shape': 'round-rectangle', 'background-color': '#1f4e79', 'width': 22, 'height': 22, 'font-weight': 'bold' } },
          { selector: 'node[kind = "media"]', style: { 'shape': 'diamond', 'background-color': '#e07b00', 'label': '' } },
          { selector: 'edge', style: { 'width': 'mapData(weight, 1, 50, 1, 5)', 'line-color': '#c4ccd4', 'curve-style': 'haystack', 'opacity': 0.8 } },
          { selector: 'edge[kind = "admin"]', style: { 'line-color': '#3b2f8c' } },
          { selector: 'edge[kind = "posted"], edge[kind = "forwarded"]', style: { 'line-color': '#e07b00' } },
          { selector: 'edge[kind = "forwarded_from"]', style: { 'line-color': '#a4262c', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#a4262c' } },
          { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f2b705' } }
        ],
        layout: { name: 'cose', animate: false, nodeRepulsion: 8000, idealEdgeLength: 60, randomize: false }
      });
      var base = box.getAttribute('data-base');
      cy.on('tap', 'node', function (evt) {
        var d = evt.target.data();
        if (d.kind === 'account') { location.href = base + '/accounts/' + encodeURIComponent(d.id); }
        else if (d.kind === 'chat') { location.href = base + '/rooms/' + encodeURIComponent(d.id); }
        else if (d.kind === 'media') { location.href = base + '/media/' + encodeURIComponent(d.id.replace(/^media:/, '')); }
      });
      box.setAttribute('data-ready', 'true');
    })
    .catch(function (err) { status.textContent = 'Error ' + err.message; });
})();
