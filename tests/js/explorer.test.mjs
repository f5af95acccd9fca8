// The explorer's pure JavaScript helpers (src/arabic_news/explorer/static/explorer.js),
// run with `node --test` by tests/test_explore_js.py.
import {test} from "node:test";
import assert from "node:assert/strict";
import {brushed, linear, pathOf, segments} from "../../src/arabic_news/explorer/static/explorer.js";

test("linear maps a domain onto a range and back", () => {
  const x = linear([100, 200], [0, 50]);
  assert.equal(x(100), 0);
  assert.equal(x(150), 25);
  assert.equal(x.invert(50), 200);
  const y = linear([0, 10], [240, 40]);  // SVG y grows downwards
  assert.equal(y(10), 40);
  assert.equal(y.invert(140), 5);
  assert.equal(linear([5, 5], [0, 10])(5), 0);  // an empty domain does not divide by zero
});

test("pathOf breaks the line at missing periods", () => {
  const id = linear([0, 1], [0, 1]);
  assert.equal(pathOf([[0, 1], [1, 2], [2, null], [3, 4]], id, id), "M0.0,1.0L1.0,2.0M3.0,4.0");
  assert.equal(pathOf([[0, null]], id, id), "");
});

test("segments cuts the text at the marks, in order, and skips overlaps", () => {
  const text = "موسكو تعلن مشاركتها";
  assert.deepEqual(segments(text, [[11, 19], [0, 5]]),
    [["موسكو", true], [" تعلن ", false], ["مشاركتها", true]]);
  assert.deepEqual(segments(text, []), [[text, false]]);
  assert.deepEqual(segments("abcdef", [[1, 4], [2, 3]]), [["a", false], ["bcd", true],
                                                          ["ef", false]]);
  const pieces = segments(text, [[6, 10]]);
  assert.equal(pieces.map(([piece]) => piece).join(""), text);
});

test("brushed gives the time range between two pixels, or null for a click", () => {
  const x = linear([1000, 2000], [0, 100]);
  assert.deepEqual(brushed(x, 60, 20), [1200, 1600]);
  assert.equal(brushed(x, 50, 52), null);
});
