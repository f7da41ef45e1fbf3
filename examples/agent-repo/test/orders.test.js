import { test } from "node:test";
import assert from "node:assert/strict";

test("an order starts open", () => {
  const order = { id: "1", sku: "demo", quantity: 1, status: "open" };
  assert.equal(order.status, "open");
});
