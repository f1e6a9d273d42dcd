/* govkg network page: filters, search, legend and details, built from the JSON data block.
 * Data never becomes HTML: every text goes through textContent, tooltips are plain strings
 * (vis-network shows them with innerText) and links get an href only when it is http(s). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var el = function (tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  var option = function (value, text) {
    var node = el("option", text);
    node.value = value;
    return node;
  };

  document.title = data.title;
  byId("govkg-title").textContent = data.title;
  byId("govkg-subtitle").textContent = data.subtitle;

  data.legend.forEach(function (item) {
    var li = el("li");
    var swatch = el("span", null, "swatch " + item.shape);
    swatch.style.background = item.color;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(item.label));
    byId("govkg-legend").appendChild(li);
  });

  var fieldSelect = byId("govkg-field");
  var fromSelect = byId("govkg-year-from");
  var toSelect = byId("govkg-year-to");
  fieldSelect.appendChild(option("", "all fields"));
  data.fields.forEach(function (field, i) {
    fieldSelect.appendChild(option(String(i), "\u00a0\u00a0".repeat(field.depth) + field.label));
  });
  data.years.forEach(function (year) {
    fromSelect.appendChild(option(String(year), String(year)));
    toSelect.appendChild(option(String(year), String(year)));
  });
  if (data.years.length) toSelect.value = String(data.years[data.years.length - 1]);

  var names = byId("govkg-names");
  var seen = new Set();
  data.nodes.forEach(function (node) {
    [node.label, node.name].forEach(function (name) {
      if (name && !seen.has(name)) { seen.add(name); names.appendChild(option(name)); }
    });
  });

  var fieldLabels = function (agreement) {
    return agreement.fields.map(function (i) { return data.fields[i].label; });
  };
  var TITLE_AGREEMENTS = 3;
  var agreementLines = function (agreement) {
    var lines = ["\u2022 " + agreement.label + " (" +
      [agreement.kind, agreement.date].filter(Boolean).join(", ") + ")"];
    if (agreement.fields.length) lines.push("  fields: " + fieldLabels(agreement).join(", "));
    if (agreement.signatories.length) {
      lines.push("  signed by: " + agreement.signatories.map(function (s) {
        var role = [s[1], s[2]].filter(Boolean).join(", ");
        return role ? s[0] + " (" + role + ")" : s[0];
      }).join("; "));
    }
    agreement.sources.slice(0, 2).forEach(function (source) {
      lines.push("  source: " + [source[2], source[1] || source[0]].filter(Boolean).join(", "));
    });
    return lines;
  };
  var byDate = function (a, b) {
    return String(data.agreements[a].date).localeCompare(String(data.agreements[b].date));
  };
  // Edge tooltips: plain text (vis-network shows strings with innerText), made here from the
  // agreements table rather than carried in the page once per edge.
  data.edges.forEach(function (edge) {
    var list = edge.ag.slice().sort(byDate);
    var dates = list.map(function (i) { return data.agreements[i].date; }).filter(Boolean);
    var span = dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] :
      dates[0] + " \u2013 " + dates[dates.length - 1]) : "";
    var lines = [data.nodes[edge.from].label + (data.directed ? " \u2192 " : " \u2014 ") +
      data.nodes[edge.to].label,
      [list.length + (list.length === 1 ? " agreement" : " agreements"), span]
        .filter(Boolean).join(", ")];
    if (edge.posts) lines.push("posts: " + edge.posts.join(", "));
    list.slice(0, TITLE_AGREEMENTS).forEach(function (i) {
      lines.push.apply(lines, agreementLines(data.agreements[i]));
    });
    if (list.length > TITLE_AGREEMENTS) {
      lines.push("\u2026 and " + (list.length - TITLE_AGREEMENTS) + " more (click the edge for all)");
    }
    edge.title = lines.join("\n");
  });

  var shown = new Uint8Array(data.agreements.length).fill(1);
  var filtering = false;
  var visible = new Set();
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var anyShown = function (edge) {
    for (var i = 0; i < edge.ag.length; i++) if (shown[edge.ag[i]]) return true;
    return false;
  };
  var edgesView = new vis.DataView(edges, {
    filter: function (edge) { return !filtering || anyShown(edge); }
  });
  var nodesView = new vis.DataView(nodes, {
    filter: function (node) { return !filtering || visible.has(node.id); }
  });
  var network = new vis.Network(byId("govkg-network"),
    { nodes: nodesView, edges: edgesView }, data.options);

  var govkg = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    data: data, ready: null, filter: null, search: null
  };
  window.govkg = govkg;
  network.once("afterDrawing", function () {
    govkg.ready = performance.now();
    document.body.setAttribute("data-ready", "true");
  });

  function status(text) {
    byId("govkg-status").textContent = text;
  }
  function counts() {
    return nodesView.length + " of " + nodes.length + " nodes, " +
      edgesView.length + " of " + edges.length + " edges";
  }

  function applyFilters() {
    var field = fieldSelect.value;
    var first = data.years.length ? Number(fromSelect.value) : null;
    var last = data.years.length ? Number(toSelect.value) : null;
    var wholeRange = !data.years.length ||
      (first === data.years[0] && last === data.years[data.years.length - 1]);
    filtering = field !== "" || !wholeRange;
    data.agreements.forEach(function (agreement, i) {
      var fieldOk = field === "" || agreement.match.indexOf(Number(field)) >= 0;
      var yearOk = wholeRange ||
        (agreement.year !== null && agreement.year >= first && agreement.year <= last);
      shown[i] = fieldOk && yearOk ? 1 : 0;
    });
    visible = new Set();
    edges.forEach(function (edge) {
      if (anyShown(edge)) { visible.add(edge.from); visible.add(edge.to); }
    });
    edgesView.refresh();
    nodesView.refresh();
    status(counts());
  }
  govkg.filter = function (fieldIndex, first, last) {
    fieldSelect.value = fieldIndex === null || fieldIndex === undefined ? "" : String(fieldIndex);
    if (first) fromSelect.value = String(first);
    if (last) toSelect.value = String(last);
    applyFilters();
    return { nodes: nodesView.length, edges: edgesView.length };
  };
  [fieldSelect, fromSelect, toSelect].forEach(function (select) {
    select.addEventListener("change", applyFilters);
  });
  byId("govkg-reset").addEventListener("click", function () {
    fieldSelect.value = "";
    if (data.years.length) {
      fromSelect.value = String(data.years[0]);
      toSelect.value = String(data.years[data.years.length - 1]);
    }
    applyFilters();
    network.fit();
  });

  function search(text) {
    var query = text.trim().toLowerCase();
    if (!query) return [];
    var hits = nodesView.getIds({
      filter: function (node) {
        return [node.label, node.name].some(function (name) {
          return name && name.toLowerCase().indexOf(query) >= 0;
        });
      }
    });
    network.selectNodes(hits);
    if (hits.length) {
      network.focus(hits[0], { scale: 1.2, animation: false });
      showNode(hits[0]);
    }
    status(hits.length + (hits.length === 1 ? " match" : " matches"));
    return hits;
  }
  govkg.search = search;
  var searchBox = byId("govkg-search");
  searchBox.addEventListener("change", function () { search(searchBox.value); });
  byId("govkg-controls").addEventListener("submit", function (event) {
    event.preventDefault();
    search(searchBox.value);
  });

  var details = byId("govkg-details");
  var body = byId("govkg-details-body");
  byId("govkg-close").addEventListener("click", function () { details.hidden = true; });

  function agreementItem(index) {
    var agreement = data.agreements[index];
    var li = el("li");
    li.appendChild(el("strong", agreement.label));
    li.appendChild(el("div", [agreement.kind, agreement.date].filter(Boolean).join(" · "), "meta"));
    if (agreement.fields.length) li.appendChild(el("div", "fields: " + fieldLabels(agreement).join(", ")));
    if (agreement.signatories.length) {
      li.appendChild(el("div", "signed by: " + agreement.signatories.map(function (s) {
        var role = [s[1], s[2]].filter(Boolean).join(", ");
        return role ? s[0] + " (" + role + ")" : s[0];
      }).join("; ")));
    }
    agreement.sources.forEach(function (source) {
      var line = el("div", "source: ");
      var url = source[1];
      if (url && /^https?:\/\//i.test(url)) {
        var link = el("a", url);
        link.href = url;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        line.appendChild(link);
      } else {
        line.appendChild(document.createTextNode(source[0]));
      }
      if (source[2]) line.appendChild(document.createTextNode(" (" + source[2] + ")"));
      li.appendChild(line);
    });
    return li;
  }

  function showAgreements(heading, info, indexes) {
    body.textContent = "";
    body.appendChild(el("h2", heading));
    info.forEach(function (line) { body.appendChild(el("div", line, "meta")); });
    var list = indexes.filter(function (i) { return shown[i]; });
    list.sort(byDate);
    body.appendChild(el("h3", list.length + (list.length === 1 ? " agreement" : " agreements")));
    var ol = el("ol");
    list.slice(0, 500).forEach(function (i) { ol.appendChild(agreementItem(i)); });
    body.appendChild(ol);
    if (list.length > 500) body.appendChild(el("p", "… and " + (list.length - 500) + " more"));
    details.hidden = false;
  }

  function showNode(id) {
    var node = nodes.get(id);
    var indexes = new Set();
    network.getConnectedEdges(id).forEach(function (edgeId) {
      var edge = edges.get(edgeId);
      if (edge) edge.ag.forEach(function (i) { indexes.add(i); });
    });
    showAgreements(node.name || node.label, node.title.split("\n").slice(1), Array.from(indexes));
  }

  function showEdge(id) {
    var edge = edges.get(id);
    var a = nodes.get(edge.from), b = nodes.get(edge.to);
    showAgreements(a.label + (data.directed ? " → " : " — ") + b.label, [], edge.ag);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  status(counts());
})();
