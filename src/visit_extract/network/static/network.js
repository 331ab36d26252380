// visit-extract network page: wires the filters, node sizes and visit lists to a
// Cytoscape.js drawing. Data comes from the JSON block #network-data. Strings from
// articles are only ever set with textContent, and links only from http(s) URLs.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var COLOURS = { province: "#8e44ad", regency: "#2e86c1", city: "#1e9e5a",
    foreign: "#e67e22", unknown: "#7f8c8d" };
  var places = {};
  data.places.forEach(function (p) { places[p.id] = p; });
  var pairs = {}; // "visitor→host" -> {id, events}
  var pairOf = {}; // event id -> edge id
  data.events.forEach(function (ev) {
    var key = ev.v + "\u2192" + ev.h;
    if (!pairs[key]) { pairs[key] = { id: "p" + Object.keys(pairs).length, v: ev.v, h: ev.h }; }
    pairOf[ev.id] = pairs[key].id;
  });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  // --- filters --------------------------------------------------------------------
  var yearFrom = document.getElementById("year-from");
  var yearTo = document.getElementById("year-to");
  var undated = document.getElementById("undated");
  var domainSel = document.getElementById("domain");
  var programmeSel = document.getElementById("programme");
  var levelBox = document.getElementById("levels");
  if (data.years) {
    [yearFrom, yearTo].forEach(function (input) {
      input.min = data.years[0]; input.max = data.years[1];
    });
    yearFrom.value = data.years[0]; yearTo.value = data.years[1];
  }
  data.domains.forEach(function (d) { domainSel.appendChild(el("option", d)).value = d; });
  data.programmes.forEach(function (p) { programmeSel.appendChild(el("option", p)).value = p; });
  data.levels.forEach(function (lv) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = lv; box.id = "level-" + lv;
    label.appendChild(box); label.appendChild(document.createTextNode(" " + lv));
    levelBox.appendChild(label);
  });
  var legend = document.getElementById("legend");
  data.placeLevels.forEach(function (lv) {
    var item = el("span");
    var dot = el("i"); dot.style.background = COLOURS[lv];
    item.appendChild(dot); item.appendChild(document.createTextNode(lv));
    legend.appendChild(item);
  });

  function selectedLevels() {
    var out = {};
    levelBox.querySelectorAll("input:checked").forEach(function (b) { out[b.value] = true; });
    return out;
  }

  function passes(ev, f) {
    if (ev.year === null) { if (!f.undated) { return false; } }
    else if ((f.from !== null && ev.year < f.from) || (f.to !== null && ev.year > f.to)) { return false; }
    if (f.domain && ev.domains.indexOf(f.domain) < 0) { return false; }
    if (f.programme && ev.programmes.indexOf(f.programme) < 0) { return false; }
    return Boolean(f.levels[ev.vl] && f.levels[ev.hl]);
  }

  function currentFilter() {
    var from = parseInt(yearFrom.value, 10), to = parseInt(yearTo.value, 10);
    return { from: isNaN(from) ? null : from, to: isNaN(to) ? null : to,
      undated: undated.checked, domain: domainSel.value, programme: programmeSel.value,
      levels: selectedLevels() };
  }

  // --- drawing ---------------------------------------------------------------------
  var elements = [];
  data.places.forEach(function (p) {
    elements.push({ group: "nodes", data: { id: p.id, label: p.short, level: p.level,
      size: 14, visited: 0 } });
  });
  Object.keys(pairs).forEach(function (key) {
    var pair = pairs[key];
    elements.push({ group: "edges", data: { id: pair.id, source: pair.v, target: pair.h,
      weight: 1 } });
  });
  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "background-color": function (n) { return COLOURS[n.data("level")] || COLOURS.unknown; },
        width: "data(size)", height: "data(size)", label: "data(label)",
        "font-size": 10,
        "font-weight": function (n) { return n.data("visited") > 1 ? "bold" : "normal"; },
        "text-valign": "bottom", "text-margin-y": 2, color: "#1d2329",
        "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 8,
        "border-width": 1, "border-color": "#fff" } },
      { selector: "edge", style: {
        width: function (e) { return Math.min(1.2 + 1.4 * (e.data("weight") - 1), 9); },
        "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1",
        "target-arrow-shape": "triangle", "arrow-scale": 0.9, "curve-style": "bezier",
        opacity: 0.85 } },
      { selector: ".picked", style: { "line-color": "#d35400", "target-arrow-color": "#d35400",
        "border-color": "#d35400", "border-width": 3, opacity: 1 } },
      { selector: ".hidden", style: { display: "none" } }
    ],
    layout: { name: "preset" }
  });

  // --- what the filter shows ----------------------------------------------------------
  var visible = data.events;
  var status = document.getElementById("status");
  var inView = document.getElementById("in-view");

  function apply() {
    var f = currentFilter();
    visible = data.events.filter(function (ev) { return passes(ev, f); });
    var hosted = {}, made = {}, weight = {};
    visible.forEach(function (ev) {
      hosted[ev.h] = (hosted[ev.h] || 0) + 1;
      made[ev.v] = (made[ev.v] || 0) + 1;
      weight[pairOf[ev.id]] = (weight[pairOf[ev.id]] || 0) + 1;
    });
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        var n = weight[e.id()] || 0;
        e.toggleClass("hidden", n === 0);
        if (n) { e.data("weight", n); }
      });
      cy.nodes().forEach(function (node) {
        var id = node.id(), v = hosted[id] || 0;
        node.toggleClass("hidden", !v && !made[id]);
        node.data({ visited: v, size: 16 + 12 * Math.sqrt(v) });
      });
    });
    var shown = cy.nodes().not(".hidden");
    status.textContent = "Showing " + shown.length + " of " + cy.nodes().length +
      " regions, " + cy.edges().not(".hidden").length + " of " + cy.edges().length +
      " pairs, " + visible.length + " of " + data.events.length + " visits.";
    inView.textContent = "";
    shown.sort(function (a, b) {
      return (hosted[b.id()] || 0) - (hosted[a.id()] || 0) ||
        places[a.id()].name.localeCompare(places[b.id()].name);
    }).forEach(function (node) {
      var p = places[node.id()];
      var item = el("li", p.name + " (" + (hosted[p.id] || 0) + " in, " + (made[p.id] || 0) + " out)");
      item.dataset.id = p.id;
      inView.appendChild(item);
    });
    if (picked) { show(picked); }
  }

  // --- the visit list of a clicked region or pair ----------------------------------------
  var details = document.getElementById("details");
  var picked = null;

  function visitItem(ev) {
    var li = el("li", null, "visit");
    li.dataset.event = ev.id;
    var head = el("div");
    head.appendChild(el("strong", ev.date || "date unknown"));
    head.appendChild(document.createTextNode(" " + places[ev.v].name + " \u2192 " + places[ev.h].name));
    li.appendChild(head);
    var meta = [ev.kinds.join(", ")];
    if (ev.domains.length) { meta.push(ev.domains.join(", ")); }
    if (ev.topics.length) { meta.push("topics: " + ev.topics.join("; ")); }
    if (ev.agreement) { meta.push("agreement signed"); }
    li.appendChild(el("div", meta.join(" \u00b7 "), "meta"));
    var reports = el("ul", null, "reports");
    ev.reports.forEach(function (r) {
      var item = el("li");
      item.dataset.article = r.id;
      var name = r.title || r.outlet || r.id;
      if (r.url && /^https?:\/\//i.test(r.url)) {
        var a = el("a", name); a.href = r.url; a.target = "_blank"; a.rel = "noopener noreferrer";
        item.appendChild(a);
      } else {
        item.appendChild(el("span", name));
      }
      var bits = [r.outlet, r.published ? "published " + r.published : null, r.id].filter(Boolean);
      item.appendChild(el("span", " (" + bits.join(", ") + ")", "meta"));
      r.quotes.forEach(function (q) { item.appendChild(el("blockquote", q[0] + ": \u201c" + q[1] + "\u201d")); });
      if (r.note) {
        // A gold label's note explains the whole article: folded, it does not bury the list.
        var note = el("details", null, "note");
        note.appendChild(el("summary", "label note"));
        note.appendChild(el("p", r.note));
        item.appendChild(note);
      }
      reports.appendChild(item);
    });
    li.appendChild(reports);
    return li;
  }

  function list(title, events) {
    var wrap = el("div");
    wrap.appendChild(el("h4", title + " (" + events.length + ")"));
    var ol = el("ol");
    events.forEach(function (ev) { ol.appendChild(visitItem(ev)); });
    wrap.appendChild(ol);
    return wrap;
  }

  function show(target) {
    details.textContent = "";
    cy.elements().removeClass("picked");
    cy.getElementById(target.id).addClass("picked");
    if (target.kind === "node") {
      var p = places[target.id];
      var where = [p.code, p.province, p.level].filter(Boolean).join(", ");
      details.appendChild(el("h3", p.name + (where ? " (" + where + ")" : "")));
      details.appendChild(list("Visited by", visible.filter(function (ev) { return ev.h === p.id; })));
      details.appendChild(list("Visits made", visible.filter(function (ev) { return ev.v === p.id; })));
    } else {
      var edge = cy.getElementById(target.id);
      details.appendChild(el("h3", places[edge.data("source")].name + " \u2192 " +
        places[edge.data("target")].name));
      details.appendChild(list("Visits", visible.filter(function (ev) { return pairOf[ev.id] === target.id; })));
    }
    details.dataset.picked = target.id;
  }

  cy.on("tap", "node", function (e) { picked = { kind: "node", id: e.target.id() }; show(picked); });
  cy.on("tap", "edge", function (e) { picked = { kind: "edge", id: e.target.id() }; show(picked); });
  cy.on("tap", function (e) {
    if (e.target === cy) {
      picked = null; cy.elements().removeClass("picked");
      details.textContent = "";
      details.appendChild(el("p", "Click a region or an arrow to list its visits.", "hint"));
      delete details.dataset.picked;
    }
  });

  [yearFrom, yearTo, undated, domainSel, programmeSel].forEach(function (input) {
    input.addEventListener("change", apply);
  });
  levelBox.addEventListener("change", apply);
  document.getElementById("reset").addEventListener("click", function () {
    if (data.years) { yearFrom.value = data.years[0]; yearTo.value = data.years[1]; }
    undated.checked = true; domainSel.value = ""; programmeSel.value = "";
    levelBox.querySelectorAll("input").forEach(function (b) { b.checked = true; });
    apply();
  });

  apply();
  var started = Date.now();
  // Positions are computed once for everything, so filtering hides elements in place
  // instead of moving the whole drawing; concentric first makes the force layout
  // start from the same place on every load.
  cy.layout({ name: "concentric", concentric: function (n) { return n.data("visited"); },
    levelWidth: function () { return 1; }, animate: false }).run();
  // Big models push harder and sit further from their visitors, which leaves room
  // for their labels.
  cy.layout({ name: "cose", randomize: false, animate: false, componentSpacing: 40,
    nodeRepulsion: function (n) { return 6000 + 6000 * n.data("visited"); },
    idealEdgeLength: function (e) {
      return 45 + 3 * Math.max(e.source().data("visited"), e.target().data("visited"));
    },
    numIter: 1500 }).run();
  cy.fit(undefined, 20);
  // Labels of the models are sized for the first view, however far it had to zoom out
  // to show everything; the other labels appear as the reader zooms in.
  var zoom = cy.zoom();
  cy.style().selector("node").style("font-size", function (n) {
    return n.data("visited") > 1 ? Math.max(14 / zoom, 12) : 10;
  }).update();
  // "page.html#pick=35.10" opens with that region's visits listed (a link to share).
  var hash = /^#pick=(.+)$/.exec(window.location.hash);
  if (hash && places[decodeURIComponent(hash[1])]) {
    picked = { kind: "node", id: decodeURIComponent(hash[1]) }; show(picked);
  }
  // How long the layout took, for benchmarks/bench_network.py.
  document.body.dataset.layoutMs = String(Date.now() - started);
  window.visitNetwork = { cy: cy, apply: apply, data: data };
  document.body.dataset.ready = "1";
})();
