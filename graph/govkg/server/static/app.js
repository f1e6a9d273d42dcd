// govkg query page: examples with parameter fields, run, results table, download links.
// Data from the server reaches the page through textContent only (never innerHTML).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9";
  let examples = [];
  let current = null;
  let runs = 0;

  function setStatus(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  async function loadExamples() {
    try {
      const response = await fetch("/api/queries", { headers: { Accept: "application/json" } });
      examples = await response.json();
    } catch (err) {
      setStatus("Could not load the examples.", true);
      return;
    }
    for (const query of examples) {
      const option = document.createElement("option");
      option.value = query.name;
      option.textContent = query.title;
      $("examples").appendChild(option);
    }
  }

  function chooseExample(name) {
    current = examples.find((q) => q.name === name) || null;
    $("params").replaceChildren();
    $("example-description").textContent = current ? current.description : "";
    if (!current) return;
    $("query").value = current.text;
    for (const param of current.params) {
      const row = document.createElement("div");
      row.className = "param";
      const label = document.createElement("label");
      label.htmlFor = "param-" + param.name;
      label.textContent = param.name + (param.required ? " (required)" : " (optional)");
      const input = document.createElement("input");
      input.id = "param-" + param.name;
      input.dataset.param = param.name;
      input.required = param.required;
      input.placeholder = param.type;
      input.autocomplete = "off";
      const hint = document.createElement("span");
      hint.className = "hint";
      hint.textContent = param.description;
      row.append(label, input, hint);
      $("params").appendChild(row);
    }
  }

  function usesCanned() {
    return current && current.canned && $("query").value === current.text;
  }

  function url(format) {
    const params = new URLSearchParams();
    if (usesCanned()) {
      for (const input of $("params").querySelectorAll("input")) {
        if (input.value.trim()) params.set(input.dataset.param, input.value.trim());
      }
      if (format) params.set("format", format);
      return "/api/queries/" + encodeURIComponent(current.name) + "?" + params.toString();
    }
    params.set("query", $("query").value);
    if (format) params.set("format", format);
    return "/sparql?" + params.toString();
  }

  function request() {
    if (usesCanned()) return fetch(url(""), { headers: { Accept: ACCEPT } });
    return fetch("/sparql", {
      method: "POST",
      headers: { Accept: ACCEPT, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: $("query").value }),
    });
  }

  function termText(term) {
    if (!term) return "";
    if (term.type === "bnode") return "_:" + term.value;
    if (term.type === "triple") return "<< triple >>";
    return term.value;
  }

  const NT_TERM = /<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?/g;

  function parseNTriples(text) {
    const rows = [];
    for (const line of text.split("\n")) {
      const terms = line.match(NT_TERM);
      if (terms && terms.length >= 3) {
        rows.push(terms.slice(0, 3).map((t) => (t.startsWith("<") ? t.slice(1, -1) : t)));
      }
    }
    return rows;
  }

  // Our IRIs link to their pages (/id/…, see govkg.server.entities); the text stays text.
  const OUR_BASE = /^https:\/\/w3id\.org\/govkg\/id\//;
  const OUR_IRI = /^https:\/\/w3id\.org\/govkg\/id\/[A-Za-z0-9_~\/-]+$/;

  function cellContent(value) {
    if (!OUR_IRI.test(value)) return document.createTextNode(value);
    const link = document.createElement("a");
    link.href = value.replace(OUR_BASE, "/id/");
    link.textContent = value;
    return link;
  }

  function showTable(columns, rows) {
    const head = document.createElement("tr");
    for (const column of columns) {
      const th = document.createElement("th");
      th.textContent = column;
      head.appendChild(th);
    }
    $("results").tHead.replaceChildren(head);
    const body = $("results").tBodies[0];
    body.replaceChildren();
    for (const row of rows) {
      const tr = document.createElement("tr");
      for (const value of row) {
        const td = document.createElement("td");
        td.appendChild(cellContent(value));
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
  }

  function showDownloads(kind) {
    const links = { csv: $("download-csv"), json: $("download-json"), turtle: $("download-turtle") };
    const formats =
      kind === "graph"
        ? { csv: null, json: "jsonld", turtle: "turtle" }
        : { csv: "csv", json: "json", turtle: null };
    for (const [key, link] of Object.entries(links)) {
      link.hidden = !formats[key];
      if (formats[key]) link.href = url(formats[key]);
    }
    $("downloads").hidden = false;
  }

  function showNotice(response) {
    const cut = response.headers.get("X-Govkg-Truncated");
    $("notice").hidden = !cut;
    $("notice").textContent = cut
      ? "Only part of the result is shown: the server's " +
        (cut === "rows" ? "row limit (" + response.headers.get("X-Govkg-Row-Limit") + ")" : "size limit") +
        " was reached."
      : "";
  }

  function finished(text, isError) {
    setStatus(text, isError);
    runs += 1;
    $("results").dataset.run = String(runs);
  }

  async function run(event) {
    event.preventDefault();
    setStatus("Running…", false);
    const started = performance.now();
    let response;
    try {
      response = await request();
    } catch (err) {
      finished("The server could not be reached.", true);
      return;
    }
    if (!response.ok) {
      const error = await response.json().catch(() => null);
      showTable([], []);
      $("downloads").hidden = true;
      $("notice").hidden = true;
      finished(error ? error.message + (error.fix ? " — " + error.fix : "") : "Error " + response.status, true);
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    let count = 0;
    if (type.startsWith("application/sparql-results+json")) {
      const data = await response.json();
      if ("boolean" in data) {
        showTable(["answer"], [[String(data.boolean)]]);
        count = 1;
      } else {
        const vars = data.head.vars;
        showTable(vars, data.results.bindings.map((b) => vars.map((v) => termText(b[v]))));
        count = data.results.bindings.length;
      }
      showDownloads("results");
    } else {
      const rows = parseNTriples(await response.text());
      showTable(["subject", "predicate", "object"], rows);
      count = rows.length;
      showDownloads("graph");
    }
    showNotice(response);
    const ms = Math.round(performance.now() - started);
    finished(count + " row(s) in " + ms + " ms", false);
  }

  $("examples").addEventListener("change", (e) => chooseExample(e.target.value));
  $("query-form").addEventListener("submit", run);
  loadExamples();
})();
