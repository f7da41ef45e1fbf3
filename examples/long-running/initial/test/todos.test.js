import { test } from "node:test";
import assert from "node:assert/strict";
import { createTodos } from "../src/todos.js";

test("a new list is empty", () => {
  assert.deepEqual(createTodos().items, []);
});
