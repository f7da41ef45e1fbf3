import { createServer } from "node:http";
import { cancelOrder, createOrder } from "./services/orders.js";

/** Wires the HTTP routes of the shop API. */
export function start(port: number) {
  return createServer((request, response) => {
    if (request.method === "POST" && request.url === "/orders") {
      response.end(JSON.stringify(createOrder({ sku: "demo", quantity: 1 })));
    } else if (request.method === "DELETE" && request.url?.startsWith("/orders/")) {
      response.end(JSON.stringify(cancelOrder(request.url.slice("/orders/".length))));
    } else {
      response.statusCode = 404;
      response.end();
    }
  }).listen(port);
}
