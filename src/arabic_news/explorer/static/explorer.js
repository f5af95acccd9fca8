// The explorer's views, drawn in the browser from what the kernel sends (anywidget ESM).
// Every view is a pure function of its model's `data`: the kernel decides, this file draws
// and reports clicks with model.send({event, ...}). Nothing is loaded from the network.
// Arabic reads right: each view is dir="rtl", each piece of text is isolated (<bdi>), and
// keyword in context lays out «before» on the right of the keyword and «after» on its left.

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                 "#000000", "#F0E442"];

// --- pure helpers (tested with node: tests/js/explorer.test.mjs) ---------------------------

/** A linear map from [d0, d1] to [r0, r1], with its inverse. */
export function linear([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  const scale = (v) => r0 + ((v - d0) / span) * (r1 - r0);
  scale.invert = (p) => d0 + ((p - r0) / (r1 - r0 || 1)) * span;
  return scale;
}

/** SVG path data for points [x, y], broken where y is null (a missing period). */
export function pathOf(points, x, y) {
  let d = "";
  let pen = false;
  for (const [px, py] of points) {
    if (py === null || py === undefined) { pen = false; continue; }
    d += `${pen ? "L" : "M"}${x(px).toFixed(1)},${y(py).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The text cut into [piece, marked] at the (start, end) spans, in order. */
export function segments(text, marks) {
  const out = [];
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    if (start > at) out.push([text.slice(at, start), false]);
    out.push([text.slice(start, end), true]);
    at = end;
  }
  if (at < text.length) out.push([text.slice(at), false]);
  return out;
}

/** The time range [start, end] (ms) brushed between two x pixels, or null for a click. */
export function brushed(x, p0, p1, minimum = 4) {
  if (Math.abs(p1 - p0) < minimum) return null;
  const [a, b] = [Math.min(p0, p1), Math.max(p0, p1)];
  return [x.invert(a), x.invert(b)];
}

// --- DOM helpers ----------------------------------------------------------------------------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const bdi = (text, attrs = {}) => h("bdi", attrs, text);

function s(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  return el;
}

function table(className, headers, rows) {
  return h("table", {class: `an-table ${className}`, dir: "rtl"},
    h("thead", {}, h("tr", {}, headers.map(([cls, label]) => h("th", {class: cls}, label)))),
    h("tbody", {}, rows));
}

// --- the views ------------------------------------------------------------------------------

function summary(d, send) {
  const chip = (label, count, chosen, value) => h("button", {
    class: `an-chip${value === null ? "" : " an-source"}${chosen ? " an-chosen" : ""}`,
    "data-source": value ?? "*",
    onclick: () => send({event: "source", source: value})},
    bdi(label), count === null ? null : h("span", {class: "an-count", dir: "ltr"}, count));
  const facts = d.facts.map(([label, value]) =>
    h("span", {class: "an-fact"}, bdi(label), ": ", bdi(String(value))));
  const range = d.range ? h("button", {class: "an-chip an-range an-chosen",
    onclick: () => send({event: "brush", start: null, end: null})},
    bdi(d.range), " ×") : null;
  return [
    h("div", {class: "an-facts", "data-shown": d.shown, "data-range": d.range_iso || ""},
      facts),
    h("div", {class: "an-sources"}, bdi(d.labels.sources), " ",
      chip(d.labels.all, null, d.source === null, null),
      d.sources.map(([name, count]) => chip(name || d.labels.unknown, count,
                                             d.source === name, name)), range),
    h("details", {class: "an-cleaning"}, h("summary", {}, d.labels.cleaning),
      h("ul", {}, d.cleaning.map(([label, value]) => h("li", {}, bdi(label), ": ",
                                                          bdi(String(value)))))),
  ];
}

function terms(d, send, el) {
  let input = el.querySelector("input.an-search");
  if (!input) {
    input = h("input", {class: "an-search", type: "search", dir: "auto", lang: "ar",
                        placeholder: d.labels.search});
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") send({event: "search", query: input.value});
    });
    el.querySelector(".an-body").before(h("div", {class: "an-searchbox"}, input));
  }
  const rows = d.rows.map((row, i) => h("tr", {
    class: row.chosen ? "an-chosen" : row.compared ? "an-compared" : null, "data-key": row.key,
    onclick: (event) => send({event: event.shiftKey ? "compare" : "term", key: row.key})},
    h("td", {class: "an-rank", dir: "ltr"}, i + 1),
    h("td", {class: "an-term"}, bdi(row.form)),
    h("td", {class: "an-num", dir: "ltr"}, row.count),
    h("td", {class: "an-add"}, h("button", {class: "an-compare", title: d.labels.compare,
      onclick: (event) => { event.stopPropagation(); send({event: "compare", key: row.key}); }},
      "+"))));
  return [
    h("div", {class: "an-message", dir: "rtl"}, d.message ? bdi(d.message) : ""),
    table("an-termlist", [["an-rank", "#"], ["an-term", d.labels.term],
                          ["an-num", d.labels.count], ["an-add", ""]], rows),
  ];
}

function trend(d, send) {
  const width = 640, height = 260, m = {left: 56, right: 16, top: 12, bottom: 40};
  const x = linear([d.x_min, d.x_max], [m.left, width - m.right]);
  const y = linear([0, d.y_max || 1], [height - m.bottom, m.top]);
  const svg = s("svg", {viewBox: `0 0 ${width} ${height}`, class: "an-chart",
                        role: "img", "aria-label": d.labels.title});
  for (const [value, label] of d.y_ticks) {
    svg.append(s("line", {x1: m.left, x2: width - m.right, y1: y(value), y2: y(value),
                          class: "an-grid"}));
    const t = s("text", {x: m.left - 6, y: y(value) + 4, "text-anchor": "end"});
    t.textContent = label;
    svg.append(t);
  }
  for (const [value, label] of d.x_ticks) {
    const t = s("text", {x: x(value), y: height - m.bottom + 16, "text-anchor": "middle",
                         direction: "rtl"});
    t.textContent = label;
    svg.append(t);
  }
  const title = s("text", {x: 12, y: (height - m.bottom + m.top) / 2, "text-anchor": "middle",
                           transform: `rotate(-90 12 ${(height - m.bottom + m.top) / 2})`,
                           direction: "rtl"});
  title.textContent = d.labels.y_title;
  svg.append(title);
  d.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length];
    if (!series.sparse) {
      svg.append(s("path", {d: pathOf(series.points, x, y), stroke: colour, fill: "none",
                            "stroke-width": 2, class: "an-line"}));
    }
    for (const [px, py] of series.points) {
      if (py === null) continue;
      if (series.sparse) {
        svg.append(s("line", {x1: x(px), x2: x(px), y1: y(0), y2: y(py), stroke: colour}));
      }
      svg.append(s("circle", {cx: x(px), cy: y(py), r: series.sparse ? 3.5 : 2.5,
                              fill: colour}));
    }
  });
  const band = s("rect", {class: "an-brush", y: m.top, height: height - m.top - m.bottom,
                          x: 0, width: 0});
  if (d.brush) {
    band.setAttribute("x", x(d.brush[0]));
    band.setAttribute("width", Math.max(1, x(d.brush[1]) - x(d.brush[0])));
  }
  svg.append(band);
  // Brushing: drag across the plot to choose a time range; a click clears it.
  const plot = s("rect", {class: "an-plot", x: m.left, y: m.top,
                          width: width - m.left - m.right, height: height - m.top - m.bottom});
  const local = (event) => {
    const box = svg.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * width;
  };
  let from = null;
  plot.addEventListener("pointerdown", (event) => {
    from = local(event);
    plot.setPointerCapture?.(event.pointerId);
  });
  plot.addEventListener("pointermove", (event) => {
    if (from === null) return;
    const to = local(event);
    band.setAttribute("x", Math.min(from, to));
    band.setAttribute("width", Math.abs(to - from));
  });
  plot.addEventListener("pointerup", (event) => {
    if (from === null) return;
    const range = brushed(x, from, local(event));
    from = null;
    send({event: "brush", start: range ? range[0] : null, end: range ? range[1] : null});
  });
  svg.append(plot);
  const legend = h("div", {class: "an-legend", dir: "rtl"}, d.series.map((series, i) =>
    h("span", {class: "an-key"}, h("span", {class: "an-swatch",
      style: `background:${COLOURS[i % COLOURS.length]}`}), bdi(series.label),
      series.removable ? h("button", {class: "an-remove", title: d.labels.remove,
        onclick: () => send({event: "uncompare", key: series.key})}, "×") : null)));
  const bySource = h("label", {class: "an-toggle"}, h("input", {type: "checkbox",
    class: "an-by-source", checked: d.by_source,
    onchange: (event) => send({event: "by_source", value: event.target.checked})}),
    bdi(d.labels.by_source));
  return [h("div", {class: "an-toolbar", dir: "rtl"}, bySource,
            d.note ? h("span", {class: "an-note"}, bdi(d.note)) : null),
          legend, svg];
}

function kwic(d, send) {
  const sorts = d.sorts.map(([value, label]) => h("button", {
    class: `an-sort${d.sort === value ? " an-chosen" : ""}`, "data-sort": value,
    onclick: () => send({event: "sort", sort: value})}, bdi(label)));
  const rows = d.rows.map((row) => h("tr", {"data-doc": row.doc_id,
    onclick: () => send({event: "open", doc_id: row.doc_id})},
    // «before» lies right of the keyword: an LTR cell keeps the end of its text, next to
    // the keyword, in view when it is too long; the words themselves read right to left.
    h("td", {class: "before", dir: "ltr"}, bdi(row.before, {dir: "rtl"})),
    h("td", {class: "keyword", dir: "rtl"}, bdi(row.keyword)),
    h("td", {class: "after", dir: "rtl"}, bdi(row.after))));
  return [
    h("div", {class: "an-toolbar", dir: "rtl"}, h("span", {class: "an-note"}, bdi(d.note)),
      sorts),
    table("an-kwic", [["before", d.labels.before], ["keyword", d.labels.keyword],
                      ["after", d.labels.after]], rows),
  ];
}

function collocates(d, send) {
  const select = h("select", {class: "an-measure",
    onchange: (event) => send({event: "measure", measure: event.target.value})},
    d.measures.map(([value, label]) => h("option", {value, selected: value === d.measure},
                                         label)));
  const rows = d.rows.map((row) => h("tr", {"data-key": row.key,
    onclick: () => send({event: "term", key: row.key})},
    h("td", {class: "an-term"}, bdi(row.form)),
    h("td", {class: "an-num", dir: "ltr"}, row.freq),
    h("td", {class: "an-num", dir: "ltr"}, row.value)));
  return [
    h("div", {class: "an-toolbar", dir: "rtl"}, bdi(d.labels.measure), " ", select),
    h("div", {class: "an-message", dir: "rtl"}, d.message ? bdi(d.message) : ""),
    table("an-collocates", [["an-term", d.labels.collocate], ["an-num", d.labels.freq],
                            ["an-num", d.labels.value]], rows),
  ];
}

function documents(d, send) {
  const rows = d.rows.map((row) => h("tr", {"data-doc": row.doc_id, "data-date": row.iso,
    "data-source": row.source, class: row.doc_id === d.open ? "an-chosen" : null,
    onclick: () => send({event: "open", doc_id: row.doc_id})},
    h("td", {class: "an-title"}, bdi(row.title)),
    h("td", {class: "an-source"}, bdi(row.source)),
    h("td", {class: "an-date"}, bdi(row.date)),
    h("td", {class: "an-num", dir: "ltr"}, row.count)));
  return [
    h("div", {class: "an-note", dir: "rtl"}, bdi(d.note)),
    table("an-documents", [["an-title", d.labels.title], ["an-source", d.labels.source],
                           ["an-date", d.labels.date], ["an-num", d.labels.count]], rows),
  ];
}

function reader(d) {
  if (!d.doc_id) return [h("div", {class: "an-note", dir: "rtl"}, bdi(d.labels.empty))];
  const paragraphs = [];
  let current = [];
  for (const [piece, marked] of segments(d.text, d.marks)) {
    const lines = piece.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) { paragraphs.push(current); current = []; }
      if (line) current.push(marked ? h("mark", {}, line) : line);
    });
  }
  paragraphs.push(current);
  return [
    h("h4", {class: "an-headline", dir: "rtl", lang: "ar"}, bdi(d.title)),
    // Each part isolated: a Latin id or source keeps its own order in the Arabic line.
    h("div", {class: "an-meta", dir: "rtl"},
      d.meta.flatMap((part, i) => [i ? " · " : "", bdi(part, {dir: "auto"})])),
    h("article", {class: "an-text", dir: "rtl", lang: "ar", "data-doc": d.doc_id},
      paragraphs.filter((p) => p.length).map((p) => h("p", {}, p))),
  ];
}

const VIEWS = {summary, terms, trend, kwic, collocates, documents, reader};

function render({model, el}) {
  const kind = model.get("kind");
  el.classList.add("an-view", `an-${kind}`);
  el.setAttribute("dir", "rtl");
  const send = (message) => model.send(message);
  const body = h("div", {class: "an-body"});
  const heading = h("h3", {class: "an-heading"});
  el.append(heading, body);
  const draw = () => {
    const d = model.get("data");
    heading.textContent = d.heading || "";
    body.replaceChildren(...[VIEWS[kind](d, send, el)].flat());
    el.dataset.version = model.get("version");
    const first = body.querySelector("mark");
    const article = body.querySelector(".an-text");
    if (first && article) {  // the headline stays in view; the article scrolls to the term
      const below = first.getBoundingClientRect().top - article.getBoundingClientRect().top;
      article.scrollTop = Math.max(0, article.scrollTop + below - 40);
    }
  };
  model.on("change:data", draw);
  model.on("change:version", () => { el.dataset.version = model.get("version"); });
  draw();
  return () => model.off("change:data", draw);
}

export default {render};
